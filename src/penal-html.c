/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-html.c: the interview's result as HTML, for the web interview and
 * its printed record.
 *
 * Nothing here decides anything: the summary is the interview's own
 * (penal_screen_result_new), the details are the text renderer's lines
 * (penal_render_details) laid out as paragraphs and lists by their
 * indentation, and the sources are those of the JSON answer
 * (penal_render_json).  So whatever the shared answer gains, this view
 * shows.  Every text is escaped; the result is a fragment for a page's
 * <main>. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "penal-render.h"
#include "penal-screen-private.h"
#include "penal.h"

/* Appends text, escaped, with a trailing "[citation]" set apart. */
static void
append_line (GString *out, const char *line)
{
  const char *open = NULL;
  gsize length = strlen (line);
  g_autofree char *text = NULL;

  if (length > 2 && line[length - 1] == ']')
    open = g_strrstr (line, " [");
  if (open == NULL)
    {
      text = g_markup_escape_text (line, -1);
      g_string_append (out, text);
      return;
    }
  text = g_markup_escape_text (line, open - line);
  g_string_append (out, text);
  {
    g_autofree char *citation
        = g_markup_escape_text (open + 2, line + length - 1 - (open + 2));
    g_string_append_printf (out, " <span class=\"cite\">%s</span>", citation);
  }
}

/* The text renderer's answer: a line at the margin is a paragraph, and
 * the indented lines under it a list, deeper ones nested. */
static void
append_details (GString *out, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint depth = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint indent = 0;

      while (line[indent] == ' ')
        indent++;
      if (line[indent] == '\0')
        continue;
      line += indent;
      if (g_str_has_prefix (line, "- "))
        line += 2;
      indent = (indent + 1) / 2;
      for (; depth > indent; depth--)
        g_string_append (out, "</li></ul>");
      if (depth == indent && depth > 0)
        g_string_append (out, "</li>");
      for (; depth < indent; depth++)
        g_string_append (out, "<ul>");
      if (indent == 0)
        {
          g_string_append (out, "<p>");
          append_line (out, line);
          g_string_append (out, "</p>\n");
        }
      else
        {
          g_string_append (out, "<li>");
          append_line (out, line);
        }
    }
  for (; depth > 0; depth--)
    g_string_append (out, "</li></ul>");
  g_string_append_c (out, '\n');
}

static void
append_sources (GString *out, const PenalModel *model,
                const PenalOutcome *outcome)
{
  g_autoptr (JsonNode) root = penal_render_json (model, outcome);
  JsonObject *object = json_node_get_object (root);
  JsonArray *sources;

  if (!json_object_has_member (object, "sources")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sources")))
    return;
  sources = json_object_get_array_member (object, "sources");
  if (json_array_get_length (sources) == 0)
    return;
  g_string_append_printf (out,
                          "<section class=\"sources\" aria-labelledby=\"h-"
                          "sources\"><h2 id=\"h-sources\">%s</h2><ul>\n",
                          _ ("Sources"));
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);
      const char *citation
          = json_object_get_string_member_with_default (source, "citation", "");
      const char *url
          = json_object_get_string_member_with_default (source, "url", NULL);
      g_autofree char *shown = g_markup_escape_text (citation, -1);

      if (url != NULL
          && (g_str_has_prefix (url, "https://")
              || g_str_has_prefix (url, "http://")))
        {
          g_autofree char *href = g_markup_escape_text (url, -1);
          g_string_append_printf (out,
                                  "<li><a href=\"%s\" rel=\"noreferrer\">%s</a>"
                                  "<span class=\"url\"> %s</span></li>\n",
                                  href, shown, href);
        }
      else
        g_string_append_printf (out, "<li>%s</li>\n", shown);
    }
  g_string_append (out, "</ul></section>\n");
}

/* A heading as the text view writes it, without its colon and new line. */
static char *
heading_text (const char *heading)
{
  char *text = g_strchomp (g_strdup (heading));
  gsize length = strlen (text);

  if (length > 0 && text[length - 1] == ':')
    text[length - 1] = '\0';
  return text;
}

/* The interview's result as an HTML fragment: in short, the details, the
 * sources, and that it is not legal advice.  (transfer full) */
char *
penal_screen_result_html (PenalScreen *screen, GError **error)
{
  g_autoptr (PenalScreenResult) result
      = penal_screen_result_new (screen, error);
  g_autofree char *heading = NULL;
  g_autofree char *heading_html = NULL;
  GString *out;

  if (result == NULL)
    return NULL;
  heading = heading_text (result->heading);
  heading_html = g_markup_escape_text (heading, -1);
  out = g_string_new (NULL);
  g_string_append_printf (out,
                          "<section class=\"in-short\" aria-labelledby=\"h-"
                          "short\"><h2 id=\"h-short\">%s</h2>\n",
                          heading_html);
  if (result->summary->len > 0)
    {
      g_string_append (out, "<ul>\n");
      for (guint i = 0; i < result->summary->len; i++)
        {
          g_autofree char *line = g_markup_escape_text (
              g_ptr_array_index (result->summary, i), -1);
          g_string_append_printf (out, "<li>%s</li>\n", line);
        }
      g_string_append (out, "</ul>\n");
    }
  if (result->closing != NULL)
    {
      g_autofree char *closing = g_markup_escape_text (result->closing, -1);
      g_string_append_printf (out, "<p>%s</p>\n", g_strchomp (closing));
    }
  g_string_append (out, "</section>\n");

  if (result->outcome != NULL)
    {
      g_autofree char *details
          = penal_render_details (screen->model, result->outcome);

      g_string_append_printf (out,
                              "<section class=\"details\" aria-labelledby=\"h-"
                              "details\"><h2 id=\"h-details\">%s</h2>\n",
                              _ ("The details"));
      append_details (out, details);
      g_string_append (out, "</section>\n");
      append_sources (out, screen->model, result->outcome);
    }
  g_string_append_printf (
      out, "<p class=\"not-advice\"><strong>%s</strong></p>\n",
      _ ("This is a checking aid, not legal advice. Read the cited law, and "
         "ask a lawyer about the case."));
  return g_string_free (out, FALSE);
}
