/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-model.c: the statute model's life cycle and what it answers
 * about itself: facts, offenses, penalty eras, effective dates.
 *
 * The structures are in penal-model-private.h; the loader fills them in,
 * penal-link.c ties them together, and this file creates and frees them
 * and looks things up.  Everything here is read-only once loaded, so the
 * strings are the model's (model->strings) and an element frees only its
 * arrays and what it holds below it. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "penal-facts.h"
#include "penal-model-private.h"
#include "penal-tree.h"

G_DEFINE_QUARK (penal - model - error - quark, penal_model_error)

/* A statute file or charge-code table is broken at file:line: the error
 * every load reports, "FILE:LINE: what is wrong".  Returns FALSE. */
gboolean
penal_model_invalid_valist (GError **error, const char *file, int line,
                            const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID, "%s:%d: %s",
               file, line, message);
  return FALSE;
}

gboolean
penal_model_invalid_at (GError **error, const char *file, int line,
                        const char *format, ...)
{
  va_list args;

  va_start (args, format);
  penal_model_invalid_valist (error, file, line, format, args);
  va_end (args);
  return FALSE;
}

void
penal_fact_decl_free (PenalFactDecl *decl)
{
  g_strfreev (decl->values);
  g_free (decl);
}

void
penal_class_penalty_free (PenalClassPenalty *p)
{
  if (p == NULL)
    return;
  g_ptr_array_unref (p->notes);
  g_free (p);
}

PenalText *
penal_text_new (void)
{
  PenalText *text = g_new0 (PenalText, 1);

  text->subsections = g_ptr_array_new_with_free_func (g_free);
  return text;
}

void
penal_text_free (PenalText *text)
{
  if (text == NULL)
    return;
  g_clear_pointer (&text->sources, g_ptr_array_unref);
  g_ptr_array_unref (text->subsections);
  g_free (text);
}

/* Frees what a dated version owns; its strings are the model's. */
static void
dated_clear (PenalDated *dated)
{
  g_clear_pointer (&dated->notes, g_ptr_array_unref);
  g_clear_pointer (&dated->text, penal_text_free);
  g_clear_pointer (&dated->sources, g_ptr_array_unref);
}

void
penal_era_free (PenalEra *era)
{
  dated_clear (&era->dated);
  for (guint i = 0; i < PENAL_N_CLASSES; i++)
    penal_class_penalty_free (era->classes[i]);
  g_free (era);
}

void
penal_penalties_free (PenalPenalties *penalties)
{
  g_ptr_array_unref (penalties->eras);
  g_free (penalties);
}

void
penal_resource_free (PenalResource *resource)
{
  g_clear_pointer (&resource->sources, g_ptr_array_unref);
  g_free (resource);
}

void
penal_rule_free (PenalRule *rule)
{
  g_clear_pointer (&rule->refer, g_ptr_array_unref);
  g_clear_pointer (&rule->charge_codes, g_array_unref);
  g_array_unref (rule->conditions);
  g_free (rule);
}

/* The code of the class a rule gives ("felony-B"), or NULL when there is
 * no rule or it gives no class (an open rule, one that excludes). */
const char *
penal_rule_class_code (const PenalRule *rule)
{
  return rule != NULL && rule->kind == PENAL_RULE_CLASS
             ? penal_class_to_code (rule->klass)
             : NULL;
}

void
penal_version_free (PenalVersion *version)
{
  dated_clear (&version->dated);
  g_ptr_array_unref (version->rules);
  penal_tree_free (version->tree);
  g_free (version);
}

void
penal_offense_free (PenalOffense *offense)
{
  g_strfreev (offense->applies_to);
  g_ptr_array_unref (offense->versions);
  g_ptr_array_unref (offense->enhancements);
  g_ptr_array_unref (offense->programs);
  g_array_unref (offense->facts_read);
  g_array_unref (offense->monotone);
  g_free (offense);
}

PenalModel *
penal_model_new (void)
{
  PenalModel *model = g_new0 (PenalModel, 1);
  PenalFactDecl *offense = g_new0 (PenalFactDecl, 1);
  PenalFactDecl *offense_date = g_new0 (PenalFactDecl, 1);

  model->facts
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_fact_decl_free);
  model->fact_index = g_hash_table_new (g_str_hash, g_str_equal);
  model->sources
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  model->penalties
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_penalties_free);
  model->offenses
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_offense_free);
  model->enhancements
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_offense_free);
  model->programs
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_offense_free);
  model->resources
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_resource_free);
  model->strings = g_string_chunk_new (4096);
  model->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The two built-in facts: which offense (its values are the offenses
   * loaded, filled in at the end) and when it was committed. */
  offense->name = "offense";
  offense->type = PENAL_FACT_TYPE_ENUM;
  offense->values = g_new0 (char *, 1);
  offense->label = N_ ("the offense charged");
  /* What each offense is, the statutes say (its <description>, shown
   * with each choice); the help says only where to find it. */
  offense->help
      = N_ ("The offense the person is charged with, as the charging papers "
            "name it. Each choice says in plain words what that offense is.");
  offense->file = "penal";
  offense_date->name = "offense_date";
  offense_date->type = PENAL_FACT_TYPE_DATE;
  offense_date->min = 1;
  offense_date->max = G_MAXINT32 - 1;
  offense_date->label = N_ ("the date the offense was committed");
  offense_date->help = N_ (
      "The day the offense is said to have happened, not the day of the "
      "arrest or of a court date. The law changed over the years, so this "
      "date decides which version of the law applies. It is on the charging "
      "papers.");
  offense_date->file = "penal";
  g_ptr_array_add (model->facts, offense);
  g_hash_table_insert (model->fact_index, (gpointer)offense->name,
                       GUINT_TO_POINTER (1));
  g_ptr_array_add (model->facts, offense_date);
  g_hash_table_insert (model->fact_index, (gpointer)offense_date->name,
                       GUINT_TO_POINTER (2));
  return model;
}

void
penal_model_free (PenalModel *model)
{
  if (model == NULL)
    return;
  g_ptr_array_unref (model->offenses);
  g_ptr_array_unref (model->enhancements);
  g_ptr_array_unref (model->programs);
  g_ptr_array_unref (model->resources);
  g_ptr_array_unref (model->penalties);
  g_hash_table_unref (model->sources);
  g_hash_table_unref (model->fact_index);
  g_ptr_array_unref (model->facts);
  g_string_chunk_free (model->strings);
  g_hash_table_unref (model->named);
  penal_charges_free (model->charges);
  g_free (model);
}

const char *
penal_model_get_jurisdiction (const PenalModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  return model->jurisdiction;
}

const PenalFactDecl *
penal_model_lookup_fact (const PenalModel *model, const char *name,
                         guint *out_index)
{
  guint index
      = GPOINTER_TO_UINT (g_hash_table_lookup (model->fact_index, name));

  if (index == 0)
    return NULL;
  if (out_index != NULL)
    *out_index = index - 1;
  return g_ptr_array_index (model->facts, index - 1);
}

/* Elements are found by id through one table, so that a set of
 * thousands of them loads in time that grows with their number, not with
 * its square.  kind is "resource", "penalties", "offense", "enhancement"
 * or "program". */
gpointer
penal_model_named (const PenalModel *model, const char *kind, const char *id)
{
  g_autofree char *key = g_strconcat (kind, ":", id, NULL);

  return g_hash_table_lookup (model->named, key);
}

void
penal_model_name (PenalModel *model, const char *kind, const char *id,
                  gpointer object)
{
  g_hash_table_insert (model->named, g_strconcat (kind, ":", id, NULL), object);
}

const PenalOffense *
penal_model_lookup_offense (const PenalModel *model, const char *id)
{
  return penal_model_named (model, "offense", id);
}

const PenalEra *
penal_penalties_era_for (const PenalPenalties *penalties, gint64 date)
{
  if (penalties == NULL)
    return NULL;
  for (guint i = 0; i < penalties->eras->len; i++)
    {
      const PenalEra *era = g_ptr_array_index (penalties->eras, i);
      if (era->dated.effective.from <= date && date <= era->dated.effective.to)
        return era;
    }
  return NULL;
}

gboolean
penal_effective_may_cover (const PenalEffective *effective, gint64 date)
{
  return effective->from <= date && date <= effective->to;
}

G_DEFINE_QUARK (penal - query - error - quark, penal_query_error)

/* The bundled statutes when statutes is NULL; otherwise every *.xml file
 * of the directory it names, or the one file. */
PenalModel *
penal_model_load (const char *statutes, GError **error)
{
  return penal_model_load_with_charges (statutes, NULL, error);
}

guint
penal_model_get_n_facts (const PenalModel *model)
{
  g_return_val_if_fail (model != NULL, 0);
  return model->facts->len;
}

const char *
penal_model_get_fact_name (const PenalModel *model, guint fact)
{
  g_return_val_if_fail (model != NULL && fact < model->facts->len, NULL);
  return ((const PenalFactDecl *)g_ptr_array_index (model->facts, fact))->name;
}

/* (transfer none) The fact's label, translated. */
const char *
penal_model_get_fact_label (const PenalModel *model, guint fact)
{
  const PenalFactDecl *decl;

  g_return_val_if_fail (model != NULL && fact < model->facts->len, NULL);
  decl = g_ptr_array_index (model->facts, fact);
  return decl->label != NULL && decl->label[0] != '\0'
             ? g_dgettext (GETTEXT_PACKAGE, decl->label)
             : "";
}

/* The values a fact takes, as typed on a command line: "a|b", "yes|no",
 * "0-120", "YYYY-MM-DD". */
char *
penal_model_describe_fact_values (const PenalModel *model, guint fact)
{
  const PenalFactDecl *decl;

  g_return_val_if_fail (model != NULL && fact < model->facts->len, NULL);
  decl = g_ptr_array_index (model->facts, fact);
  switch (decl->type)
    {
    case PENAL_FACT_TYPE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                              decl->min, decl->max);
    case PENAL_FACT_TYPE_BOOLEAN:
      return g_strdup ("yes|no");
    case PENAL_FACT_TYPE_ENUM:
      return g_strjoinv ("|", decl->values);
    case PENAL_FACT_TYPE_DATE:
    default:
      return g_strdup ("YYYY-MM-DD");
    }
}

/* The offense ids, "prostitution, patronizing", for messages. */
char *
penal_model_offense_names (const PenalModel *model)
{
  const PenalFactDecl *offense
      = g_ptr_array_index (model->facts, PENAL_FACT_OFFENSE);

  return g_strjoinv (", ", offense->values);
}
