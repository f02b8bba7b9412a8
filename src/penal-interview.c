/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-interview.c: the interview's words that are data, read once from
 * data/interview.xml (compiled into the binary) and translated on use.
 *
 * Each <answers> element is a |-separated list of spellings; an answer is
 * compared after penal_interview_normalize(), which is applied to the
 * lists too, so "I Don’t Know." and "i don't know" are the same answer.
 * A spelling is accepted when it is in the English list or in its
 * translation into the reader's language.  The file is the program's own,
 * compiled in, so GMarkup reads it; statute files, which are not, go
 * through the hardened reader of penal-xml.c. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "penal-interview.h"

#define INTERVIEW_RESOURCE "/org/penal/data/interview.xml"

void penal_data_register_resource (void);

typedef struct
{
  char *answers[4]; /* English lists, by PenalInterviewMeaning */
  gboolean in_answers;
  PenalInterviewMeaning meaning;
} InterviewData;

static void
start_element (GMarkupParseContext *context, const char *name,
               const char **attribute_names, const char **attribute_values,
               gpointer user_data, GError **error)
{
  InterviewData *data = user_data;
  const char *meaning = NULL;

  data->in_answers = FALSE;
  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (attribute_names[i], "meaning"))
      meaning = attribute_values[i];
  if (g_str_equal (name, "answers") && meaning != NULL)
    {
      data->meaning = g_str_equal (meaning, "yes")  ? PENAL_INTERVIEW_YES
                      : g_str_equal (meaning, "no") ? PENAL_INTERVIEW_NO
                      : g_str_equal (meaning, "back")
                          ? PENAL_INTERVIEW_BACK
                          : PENAL_INTERVIEW_DONT_KNOW;
      data->in_answers = TRUE;
    }
}

static void
text (GMarkupParseContext *context, const char *content, gsize length,
      gpointer user_data, GError **error)
{
  InterviewData *data = user_data;
  g_autofree char *value = NULL;

  if (!data->in_answers)
    return;
  value = g_strstrip (g_strndup (content, length));
  if (value[0] == '\0')
    return;
  g_free (data->answers[data->meaning]);
  data->answers[data->meaning] = g_steal_pointer (&value);
}

static void
end_element (GMarkupParseContext *context, const char *name, gpointer user_data,
             GError **error)
{
  InterviewData *data = user_data;

  data->in_answers = FALSE;
}

/* The data, read once; it lives as long as the program. */
static const InterviewData *
interview_data (void)
{
  static InterviewData *data;
  static gsize read_once;

  if (g_once_init_enter (&read_once))
    {
      static const GMarkupParser parser
          = { start_element, end_element, text, NULL, NULL };
      InterviewData *read = g_new0 (InterviewData, 1);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GMarkupParseContext) context = NULL;
      gsize size;
      const char *xml;

      penal_data_register_resource ();
      bytes = g_resources_lookup_data (INTERVIEW_RESOURCE, 0, NULL);
      /* Compiled in: its absence or a parse error is a build defect. */
      g_assert (bytes != NULL);
      xml = g_bytes_get_data (bytes, &size);
      context = g_markup_parse_context_new (&parser, 0, read, NULL);
      if (!g_markup_parse_context_parse (context, xml, (gssize)size, NULL)
          || !g_markup_parse_context_end_parse (context, NULL))
        g_error ("%s cannot be read", INTERVIEW_RESOURCE);
      data = read;
      g_once_init_leave (&read_once, 1);
    }
  return data;
}

/* An answer as it is compared: NFC, case folded, curly apostrophes made
 * straight, spaces collapsed, and a final full stop or exclamation mark
 * dropped.  (transfer full) */
char *
penal_interview_normalize (const char *answer)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (answer != NULL, NULL);

  composed = g_utf8_normalize (answer, -1, G_NORMALIZE_NFC);
  if (composed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (composed, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      /* ’ ‘ ʼ ′: what phones and word processors put for ' */
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032)
        c = '\'';
      g_string_append_unichar (out, c);
    }
  while (out->len > 1
         && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == '!'))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char *normalized, const char *list)
{
  g_auto (GStrv) words = g_strsplit (list, "|", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = penal_interview_normalize (words[i]);
      if (word[0] != '\0' && g_str_equal (normalized, word))
        return TRUE;
    }
  return FALSE;
}

/* Does the normalized answer mean this, in English or the reader's
 * language? */
gboolean
penal_interview_means (const char *normalized, PenalInterviewMeaning meaning)
{
  const char *english;

  g_return_val_if_fail (normalized != NULL, FALSE);

  english = interview_data ()->answers[meaning];
  if (english == NULL)
    return FALSE;
  return in_list (normalized, english)
         || in_list (normalized, g_dgettext (GETTEXT_PACKAGE, english));
}
