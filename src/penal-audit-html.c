/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-audit-html.c: penal audit's report, one HTML page a supervisor can
 * read and print without a spreadsheet: the rows by finding, then the
 * findings that need a look, grouped by kind, each with its row, what was
 * recorded, what the law says, and the source that decided it.
 *
 * The findings are those the rows were written with (penal-audit-run.c
 * keeps them, up to PENAL_AUDIT_REPORT_LIMIT per kind, and counts them
 * all); nothing is checked again here.  Every text is escaped; the page
 * has no script and needs nothing from the network. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-audit-private.h"
#include "penal-date.h"
#include "penal-kinds.h"
#include "penal-model-private.h"
#include "penal-render.h"

typedef struct
{
  guint64 line;
  char *kept; /* "Case ID: 1042; …", or NULL */
  char date[11];
  PenalAuditAnswer *answer;
  const PenalAuditFinding *finding;
} ReportItem;

struct _PenalAuditReport
{
  char *table; /* the Patrol's table, as cited */
  GPtrArray *kept_names;
  guint64 findings[PENAL_AUDIT_N_KINDS];
  GPtrArray *items[PENAL_AUDIT_N_KINDS]; /* ReportItem */
};

static void
item_free (ReportItem *item)
{
  g_free (item->kept);
  penal_audit_answer_unref (item->answer);
  g_free (item);
}

PenalAuditReport *
penal_audit_report_new (const PenalModel *model)
{
  PenalAuditReport *report = g_new0 (PenalAuditReport, 1);

  report->table = penal_charges_citation (model->charges);
  for (guint k = 0; k < PENAL_AUDIT_N_KINDS; k++)
    report->items[k]
        = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  return report;
}

void
penal_audit_report_free (PenalAuditReport *report)
{
  if (report == NULL)
    return;
  for (guint k = 0; k < PENAL_AUDIT_N_KINDS; k++)
    g_ptr_array_unref (report->items[k]);
  g_clear_pointer (&report->kept_names, g_ptr_array_unref);
  g_free (report->table);
  g_free (report);
}

/* Counts the row's findings, and keeps those the report lists. */
void
penal_audit_report_add (PenalAuditReport *report, const PenalRow *row,
                        PenalRowReader *reader, const char *date_text,
                        PenalAuditAnswer *answer)
{
  const GPtrArray *findings = answer->result->findings;
  guint n_kept = penal_row_reader_get_n_kept (reader);

  if (report->kept_names == NULL)
    {
      report->kept_names = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; k < n_kept; k++)
        g_ptr_array_add (report->kept_names,
                         g_strdup (penal_row_reader_get_kept_name (reader, k)));
    }
  for (guint i = 0; i < findings->len; i++)
    {
      const PenalAuditFinding *finding = g_ptr_array_index (findings, i);
      ReportItem *item;
      GString *kept;

      report->findings[finding->kind]++;
      if (finding->kind == PENAL_AUDIT_OK
          || report->items[finding->kind]->len >= PENAL_AUDIT_REPORT_LIMIT)
        continue;
      item = g_new0 (ReportItem, 1);
      item->line = row->line;
      g_strlcpy (item->date, date_text, sizeof item->date);
      item->answer = penal_audit_answer_ref (answer);
      item->finding = finding;
      kept = g_string_new (NULL);
      for (guint k = 0; k < n_kept; k++)
        if (row->kept[k] != NULL)
          {
            g_string_append_printf (kept, "%s%s: ", kept->len > 0 ? "; " : "",
                                    penal_row_reader_get_kept_name (reader, k));
            g_string_append_len (kept, row->kept[k],
                                 (gssize)row->kept_lengths[k]);
          }
      item->kept = g_string_free (kept, kept->len == 0);
      g_ptr_array_add (report->items[finding->kind], item);
    }
}

/* ------------------------------------------------------------------ */
/* The page                                                             */

/* Each outcome's heading and what it means, in the order of the kinds,
 * then the rows that could not be read. */
G_STATIC_ASSERT (PENAL_AUDIT_N_OUTCOMES == PENAL_AUDIT_N_KINDS + 1);
static const struct
{
  const char *title;
  const char *meaning;
} outcomes[PENAL_AUDIT_N_OUTCOMES] = {
  [PENAL_AUDIT_OK] = { N_ ("Agrees with the law"),
                       N_ ("The code was in force and the class agrees with "
                           "the law on the offense date.") },
  [PENAL_AUDIT_CODE_NOT_IN_FORCE]
  = { N_ ("Code not in force on the offense date"),
      N_ ("The charge code recorded was not in force on the offense date; "
          "the code in force then is named where there is one.") },
  [PENAL_AUDIT_CODE_CLASS_MISMATCH]
  = { N_ ("Code and recorded class disagree"),
      N_ ("The Patrol's table gives the code another class than the one "
          "recorded.") },
  [PENAL_AUDIT_CLASS_MISMATCH]
  = { N_ ("Recorded class is not the law's"),
      N_ ("On the offense date the law gives another class than the one "
          "recorded.") },
  [PENAL_AUDIT_ENHANCEMENT_CANNOT_RAISE]
  = { N_ ("Enhancement that cannot raise the class"),
      N_ ("An enhancement is recorded against an offense whose own class is "
          "as severe or more: charging it does not raise the exposure.") },
  [PENAL_AUDIT_CANNOT_CHECK]
  = { N_ ("Could not be checked"),
      N_ ("penal could not check the row, for the reason given: an "
          "unclassified code, facts missing, no version held for the "
          "date.") },
  [PENAL_AUDIT_N_KINDS]
  = { N_ ("Row could not be read"),
      N_ ("The row could not be read; the output row says why.") },
};

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *escaped
      = g_markup_escape_text (text != NULL ? text : "", -1);
  g_string_append (out, escaped);
}

static void
append_cell (GString *out, const char *text)
{
  g_string_append (out, "<td>");
  append_escaped (out, text);
  g_string_append (out, "</td>");
}

static void
append_summary (GString *out, const PenalAuditCounts *counts)
{
  g_autofree char *attention
      = g_strdup_printf ("%" G_GUINT64_FORMAT, counts->attention);

  g_string_append_printf (out, "<h2>%s</h2>\n<table>\n<thead><tr>",
                          _ ("Rows by finding"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Finding"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>",
                          _ ("What it means"));
  g_string_append_printf (out, "<th scope=\"col\" class=\"n\">%s</th>",
                          _ ("Rows"));
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint o = 0; o < PENAL_AUDIT_N_OUTCOMES; o++)
    {
      if (counts->by_outcome[o] == 0)
        continue;
      g_string_append (out, "<tr><th scope=\"row\">");
      if (o != PENAL_AUDIT_OK && o < PENAL_AUDIT_N_KINDS)
        g_string_append_printf (out, "<a href=\"#%s\">",
                                penal_audit_outcome_to_code (o));
      append_escaped (out, _ (outcomes[o].title));
      if (o != PENAL_AUDIT_OK && o < PENAL_AUDIT_N_KINDS)
        g_string_append (out, "</a>");
      g_string_append_printf (out, " <code>%s</code></th>",
                              penal_audit_outcome_to_code (o));
      append_cell (out, _ (outcomes[o].meaning));
      g_string_append_printf (
          out, "<td class=\"n\">%" G_GUINT64_FORMAT "</td></tr>\n",
          counts->by_outcome[o]);
    }
  g_string_append (out, "</tbody>\n</table>\n<p><strong>");
  g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE,
                   "%s row needs attention: its code or class disagrees "
                   "with the law on the offense date.",
                   "%s rows need attention: their code or class disagrees "
                   "with the law on the offense date.",
                   (gulong)MIN (counts->attention, G_MAXULONG)),
      attention);
  g_string_append (out, "</strong></p>\n");
}

static void
append_kind (GString *out, const PenalAuditReport *report, guint kind)
{
  GPtrArray *items = report->items[kind];
  guint n_kept = report->kept_names != NULL ? report->kept_names->len : 0;
  g_autofree char *count
      = g_strdup_printf ("%" G_GUINT64_FORMAT, report->findings[kind]);

  g_string_append_printf (out, "<section id=\"%s\">\n<h2>",
                          penal_audit_kind_to_code (kind));
  append_escaped (out, _ (outcomes[kind].title));
  g_string_append_printf (out, " (%s)</h2>\n<p>", count);
  append_escaped (out, _ (outcomes[kind].meaning));
  g_string_append (out, "</p>\n<table>\n<thead><tr>");
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Line"));
  if (n_kept > 0)
    g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Case"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Offense date"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Code"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Recorded"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("The law"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Finding"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _ ("Source"));
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < items->len; i++)
    {
      const ReportItem *item = g_ptr_array_index (items, i);
      const PenalAuditResult *result = item->answer->result;
      g_autofree char *recorded
          = result->has_recorded
                ? penal_class_to_name_with_english (result->recorded)
                : NULL;
      g_autofree char *law
          = result->has_law_class
                ? penal_class_to_name_with_english (result->law_class)
                : NULL;
      g_autofree char *day = NULL;
      gint64 julian;

      if (penal_date_parse_fast (item->date, strlen (item->date), &julian))
        day = penal_date_to_display (julian);
      g_string_append_printf (
          out, "<tr><td class=\"n\">%" G_GUINT64_FORMAT "</td>", item->line);
      if (n_kept > 0)
        append_cell (out, item->kept);
      append_cell (out, day != NULL ? day : item->date);
      /* A charge code is read whole: never broken at its hyphen. */
      g_string_append (out, "<td class=\"code\">");
      append_escaped (out, item->answer->code);
      g_string_append (out, "</td>");
      append_cell (out, recorded);
      append_cell (out, law);
      append_cell (out, item->finding->message);
      g_string_append (out, "<td>");
      append_escaped (out, item->finding->citation);
      if (item->finding->has_basis)
        {
          g_string_append (out, " <span class=\"basis\">(");
          append_escaped (out, penal_basis_code_to_text (
                                   penal_basis_to_code (item->finding->basis)));
          g_string_append (out, ")</span>");
        }
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  if (report->findings[kind] > items->len)
    {
      g_autofree char *more = g_strdup_printf (
          "%" G_GUINT64_FORMAT, report->findings[kind] - items->len);

      g_string_append (out, "<p>");
      g_string_append_printf (
          out,
          g_dngettext (
              GETTEXT_PACKAGE,
              "%s more finding of this kind is not listed here; the "
              "output rows hold every one.",
              "%s more findings of this kind are not listed here; "
              "the output rows hold every one.",
              (gulong)MIN (report->findings[kind] - items->len, G_MAXULONG)),
          more);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

static const char *const style
    = "body{font:1rem/1.45 system-ui,sans-serif;color:#1a1a1a;"
      "background:#fff;margin:0 auto;max-width:72rem;padding:1rem}"
      "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}"
      "table{border-collapse:collapse;width:100%}"
      "th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;"
      "vertical-align:top}thead th{background:#eee}"
      ".n{text-align:right}.code{white-space:nowrap}.basis{color:#444}"
      "a{color:#0645ad}a:focus{outline:3px solid #1a1a1a}"
      "@media print{body{max-width:none;padding:0;font-size:10pt}"
      "a{color:inherit;text-decoration:none}"
      "thead{display:table-header-group}tr{break-inside:avoid}}";

char *
penal_audit_report_html (const PenalAuditCounts *counts, const char *input_name)
{
  const PenalAuditReport *report = counts->report;
  GString *out = g_string_new (NULL);
  g_autofree char *today = penal_date_to_display (penal_date_today ());
  g_autofree char *title = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  /* TRANSLATORS: the report's heading; %s is the file audited. */
  title = g_strdup_printf (_ ("Audit of %s"), input_name);
  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                          "content=\"width=device-width, initial-scale=1\">\n"
                          "<title>",
                          /* TRANSLATORS: this translation's language code,
                             for the report's lang attribute. */
                          _ ("en"));
  append_escaped (out, title);
  g_string_append_printf (out,
                          "</title>\n<style>%s</style>\n</head>\n"
                          "<body>\n<main>\n<h1>",
                          style);
  append_escaped (out, title);
  g_string_append (out, "</h1>\n<p>");
  {
    /* TRANSLATORS: "Checked on <date> by penal <version> against the
       statutes it holds and <the Patrol's charge-code table, with its
       edition>." */
    g_autofree char *line = g_strdup_printf (
        _ ("Checked on %s by penal %s against the statutes it holds and %s."),
        today, PACKAGE_VERSION, report->table);

    append_escaped (out, line);
  }
  g_string_append (out, "</p>\n");
  append_summary (out, counts);
  for (guint k = PENAL_AUDIT_OK + 1; k < PENAL_AUDIT_N_KINDS; k++)
    if (report->findings[k] > 0)
      append_kind (out, report, k);
  g_string_append (out, "<p>");
  append_escaped (out, penal_not_advice_text ());
  g_string_append (out, "</p>\n</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
