/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-json-report.c: a JSON value as the text penal writes, for answers
 * and for the reports that are JSON or text side by side (penal-json.h). */
#include "config.h"

#include "penal-json.h"

/* (transfer full): the node as JSON text, indented by two spaces when
 * pretty. */
char *
penal_json_to_string (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* (transfer full): a JSON report as penal writes it, indented, with the
 * newline that ends it. */
char *
penal_json_report (JsonNode *root)
{
  g_autofree char *json = penal_json_to_string (root, TRUE);

  return g_strconcat (json, "\n", NULL);
}

/* (transfer full): of a report built as JSON and as text side by side,
 * the one format asks for; the text is used up either way. */
char *
penal_json_report_or_text (JsonBuilder *builder, GString *text,
                           PenalFormat format)
{
  g_autoptr (JsonNode) root = NULL;

  if (format != PENAL_FORMAT_JSON)
    return g_string_free (text, FALSE);
  g_string_free (text, TRUE);
  root = json_builder_get_root (builder);
  return penal_json_report (root);
}
