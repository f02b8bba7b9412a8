/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-loader-element.c: what every element builder of the loader reads:
 * attributes and text (white space folded, terminal controls escaped),
 * dates, effective periods, durations and amounts, the sources an element
 * cites, its basis and notes, and the statute text a version or era holds.
 * Each reports a value the schema cannot refuse as FILE:LINE. */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <string.h>

#include "penal-loader-private.h"
#include "penal-model-private.h"
#include "penal-xml.h"

/* Attribute or element text with runs of white space folded to one space,
 * so the same sentence always has the same translation key, and any
 * character that would act on a terminal (a bidi override, a byte order
 * mark, a C1 control) written as \uXXXX: every view shows statute text,
 * and none may let it reorder or recolour what a reader sees. */
static char *
fold_space (const xmlChar *text)
{
  const char *p = (const char *)text;
  char *folded, *out;
  gboolean pending = FALSE;

  if (text == NULL)
    return NULL;
  /* One pass: the result is never longer than the text. */
  out = folded = g_malloc (strlen (p) + 1);
  for (; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          pending = out != folded;
          continue;
        }
      if (pending)
        *out++ = ' ';
      pending = FALSE;
      *out++ = *p;
    }
  *out = '\0';
  /* XML refuses the C0 controls but for white space; anything else that
   * acts on a terminal is not ASCII. */
  for (const char *p2 = folded; *p2 != '\0'; p2++)
    if ((guchar)*p2 >= 0x80)
      {
        char *shown = penal_escape_untrusted (folded);

        g_free (folded);
        return shown;
      }
  return folded;
}

char *
penal_loader_attr (xmlNode *node, const char *name)
{
  g_autoptr (PenalXmlString) value = xmlGetProp (node, (const xmlChar *)name);
  return value != NULL ? fold_space (value) : NULL;
}

gboolean
penal_loader_is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && g_str_equal ((const char *)node->name, name);
}

xmlNode *
penal_loader_child (xmlNode *node, const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (penal_loader_is_element (c, name))
      return c;
  return NULL;
}

/* (transfer none) text (transfer full) kept in the model's strings, where it
 * lives as long as the model; NULL stays NULL. */
const char *
penal_loader_keep (const LoadedDoc *loaded, char *text)
{
  const char *kept;

  if (text == NULL)
    return NULL;
  kept = g_string_chunk_insert_const (loaded->strings, text);
  g_free (text);
  return kept;
}

const char *
penal_loader_keep_attr (const LoadedDoc *loaded, xmlNode *node,
                        const char *name)
{
  return penal_loader_keep (loaded, penal_loader_attr (node, name));
}

/* (transfer none) The element's text, folded and kept. */
const char *
penal_loader_keep_text (const LoadedDoc *loaded, xmlNode *node)
{
  g_autoptr (PenalXmlString) text = xmlNodeGetContent (node);

  return penal_loader_keep (loaded, fold_space (text));
}

const char *
penal_loader_keep_child_text (const LoadedDoc *loaded, xmlNode *node,
                              const char *name)
{
  xmlNode *c = penal_loader_child (node, name);

  return c != NULL ? penal_loader_keep_text (loaded, c) : NULL;
}

int
penal_loader_line_of (xmlNode *node)
{
  return (int)xmlGetLineNo (node);
}

gboolean
penal_loader_invalid (GError **error, const char *file, xmlNode *node,
                      const char *format, ...)
{
  va_list args;

  va_start (args, format);
  penal_model_invalid_valist (error, file, penal_loader_line_of (node), format,
                              args);
  va_end (args);
  return FALSE;
}

gboolean
penal_loader_parse_date_attr (const LoadedDoc *loaded, xmlNode *node,
                              const char *name, gint64 open_value,
                              gint64 *out_julian, GError **error)
{
  g_autofree char *text = penal_loader_attr (node, name);

  if (text == NULL)
    {
      *out_julian = open_value;
      return TRUE;
    }
  if (!penal_date_parse (text, out_julian))
    return penal_loader_invalid (
        error, loaded->file, node,
        _ ("%s=\"%s\" is not a calendar date (YYYY-MM-DD)"), name, text);
  return TRUE;
}

static gboolean
parse_effective (const LoadedDoc *loaded, xmlNode *node,
                 PenalEffective *effective, GError **error)
{
  gint64 from_latest, to_earliest;

  if (!penal_loader_parse_date_attr (
          loaded, node, "from", PENAL_DATE_OPEN_START, &effective->from, error)
      || !penal_loader_parse_date_attr (loaded, node, "to", PENAL_DATE_OPEN_END,
                                        &effective->to, error)
      || !penal_loader_parse_date_attr (loaded, node, "from-latest", -1,
                                        &from_latest, error)
      || !penal_loader_parse_date_attr (loaded, node, "to-earliest", -1,
                                        &to_earliest, error))
    return FALSE;

  effective->from_latest = from_latest >= 0 ? from_latest : effective->from;
  effective->to_earliest = to_earliest >= 0 ? to_earliest : effective->to;

  if (!(effective->from <= effective->to
        && effective->from <= effective->from_latest
        && effective->from_latest <= effective->to_earliest + 1
        && effective->to_earliest <= effective->to))
    return penal_loader_invalid (
        error, loaded->file, node,
        _ ("the effective dates are out of order: they must satisfy from ≤ "
           "from-latest and to-earliest ≤ to, with from-latest no later than "
           "the day after to-earliest"));
  return TRUE;
}

static gint
compare_starts (gconstpointer a, gconstpointer b)
{
  const PenalDated *x = *(const PenalDated *const *)a;
  const PenalDated *y = *(const PenalDated *const *)b;

  return (x->effective.from > y->effective.from)
         - (x->effective.from < y->effective.from);
}

/* Sorts the eras of a penalty table, or the versions of an offense, by
 * their first day: each begins with its PenalDated. */
void
penal_loader_sort_by_start (GPtrArray *dated_versions)
{
  g_ptr_array_sort (dated_versions, compare_starts);
}

gboolean
penal_loader_parse_duration (const LoadedDoc *loaded, xmlNode *node,
                             const char *name, PenalDuration *duration,
                             GError **error)
{
  const char *text = penal_loader_keep_attr (loaded, node, name);
  gsize len;

  memset (duration, 0, sizeof *duration);
  if (text == NULL)
    return TRUE;
  /* The schema allows only P<1-999><Y|M|D>. */
  len = strlen (text);
  duration->unit = text[len - 1];
  duration->amount = (guint)g_ascii_strtoull (text + 1, NULL, 10);
  duration->iso = text;
  (void)error;
  return TRUE;
}

gboolean
penal_loader_parse_usd (xmlNode *node, const char *name, gint64 *out_usd)
{
  g_autofree char *text = penal_loader_attr (node, name);

  *out_usd = text != NULL ? (gint64)g_ascii_strtoull (text, NULL, 10) : -1;
  return text != NULL;
}

gboolean
penal_loader_resolve_sources (PenalModel *model, const LoadedDoc *loaded,
                              xmlNode *node, GPtrArray **out_sources,
                              GError **error)
{
  g_autofree char *list = penal_loader_attr (node, "sources");
  g_auto (GStrv) ids = g_strsplit (list, " ", -1);
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      PenalSource *source = g_hash_table_lookup (model->sources, ids[i]);
      if (source == NULL)
        return penal_loader_invalid (
            error, loaded->file, node,
            _ ("unknown source “%s”; declare it with <source id=\"%s\" …>"),
            ids[i], ids[i]);
      g_ptr_array_add (sources, source);
    }
  *out_sources = g_steal_pointer (&sources);
  return TRUE;
}

/* The basis="…" of an element; the schema allows only the codes. */
PenalBasis
penal_loader_basis (xmlNode *node)
{
  g_autofree char *code = penal_loader_attr (node, "basis");
  PenalBasis basis = PENAL_BASIS_OPEN;

  if (code != NULL)
    penal_basis_from_code (code, &basis);
  return basis;
}

/* (transfer full): the text of each <note> child, in order, kept in the
 * model's strings. */
static GPtrArray *
read_notes (const LoadedDoc *loaded, xmlNode *node)
{
  GPtrArray *notes = g_ptr_array_new ();

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (penal_loader_is_element (c, "note"))
      g_ptr_array_add (notes, (gpointer)penal_loader_keep_text (loaded, c));
  return notes;
}

/* The <text> child of a version or era: statute text by subsection, each
 * label at most once. */
static gboolean
build_text (PenalModel *model, const LoadedDoc *loaded, xmlNode *parent,
            PenalText **out_text, GError **error)
{
  xmlNode *node = penal_loader_child (parent, "text");
  PenalText *text;

  *out_text = NULL;
  if (node == NULL)
    return TRUE;
  text = *out_text = penal_text_new ();
  text->statute = penal_loader_keep_attr (loaded, node, "statute");
  text->basis = penal_loader_basis (node);
  if (!penal_loader_resolve_sources (model, loaded, node, &text->sources,
                                     error))
    return FALSE;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      PenalSubsection *subsection;

      if (!penal_loader_is_element (c, "subsection"))
        continue;
      subsection = g_new0 (PenalSubsection, 1);
      subsection->label = penal_loader_keep_attr (loaded, c, "n");
      subsection->text = penal_loader_keep_text (loaded, c);
      for (guint i = 0; i < text->subsections->len; i++)
        {
          const PenalSubsection *other
              = g_ptr_array_index (text->subsections, i);
          if (g_strcmp0 (other->label, subsection->label) == 0
              || other->label == NULL || subsection->label == NULL)
            {
              g_free (subsection);
              return penal_loader_invalid (
                  error, loaded->file, c,
                  _ ("subsection “%s” is given twice, or a section without "
                     "subsections has more than one text"),
                  other->label != NULL ? other->label : "");
            }
        }
      g_ptr_array_add (text->subsections, subsection);
    }
  return TRUE;
}

/* The parts of an <era> or a <version>, the dated versions of a statute:
 * its id, title, basis, why a date is uncertain, notes, where it is, when
 * it was in force, its sources and its text.  What only an era or only a
 * version may say, its caller reads and checks. */
gboolean
penal_loader_read_dated (PenalModel *model, const LoadedDoc *loaded,
                         xmlNode *node, PenalDated *dated, GError **error)
{
  dated->id = penal_loader_keep_attr (loaded, node, "id");
  dated->title = penal_loader_keep_child_text (loaded, node, "title");
  dated->basis = penal_loader_basis (node);
  dated->uncertain = penal_loader_keep_child_text (loaded, node, "uncertain");
  dated->notes = read_notes (loaded, node);
  dated->file = loaded->file;
  dated->line = penal_loader_line_of (node);
  return parse_effective (loaded, node, &dated->effective, error)
         && penal_loader_resolve_sources (model, loaded, node, &dated->sources,
                                          error)
         && build_text (model, loaded, node, &dated->text, error);
}
