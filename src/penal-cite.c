/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-cite.c: what every citation and charge code in the statute files
 * points at, checked once the model is linked.
 *
 * Where penal holds a version's statute text, by subsection, each rule's
 * citation of that section must name a subsection held ("RSMo 567.030.4"
 * needs subsection "4"; "RSMo 558.011.1" is answered by "1(4)"), and so
 * must each penalty figure's citation of the section its era holds: an
 * answer is then always anchored to words penal can show.  A citation of
 * another section, or of a version whose text is not held, is not checked.
 * Each rule's charge-code family must be in the Highway Patrol's table the
 * model was loaded with (the bundled edition unless another was given),
 * read the first time a rule needs it. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-charges.h"
#include "penal-model-private.h"

/* Whether a subsection label is held: "1" is, if "1(4)" is. */
static gboolean
holds_label (const PenalText *text, const char *label)
{
  gsize length = strlen (label);

  for (guint i = 0; i < text->subsections->len; i++)
    {
      const PenalSubsection *subsection
          = g_ptr_array_index (text->subsections, i);
      if (subsection->label != NULL
          && strncmp (subsection->label, label, length) == 0
          && (subsection->label[length] == '\0'
              || subsection->label[length] == '('))
        return TRUE;
    }
  return FALSE;
}

static char *
held_labels (const PenalText *text)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < text->subsections->len; i++)
    {
      const PenalSubsection *subsection
          = g_ptr_array_index (text->subsections, i);
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, subsection->label != NULL
                                ? subsection->label
                                : _ ("the whole section"));
    }
  return g_string_free (out, FALSE);
}

/* Checks one citation against the text held, if it cites that text's
 * section. */
static gboolean
check_citation (const PenalText *text, const char *statute,
                const char *citation, const char *what, const char *file,
                int line, GError **error)
{
  const char *rest;
  g_autofree char *held = NULL;

  if (text == NULL || citation == NULL || statute == NULL
      || !g_str_has_prefix (citation, statute))
    return TRUE;
  rest = citation + strlen (statute);
  if (rest[0] == '\0')
    return TRUE; /* the whole section */
  if (rest[0] != '.' || holds_label (text, rest + 1))
    return TRUE; /* another section, or a subsection held */
  held = held_labels (text);
  g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
               /* TRANSLATORS: "FILE:LINE: <a rule|imprisonment|...> cites
                  <citation>, but the text penal holds of <statute> has no
                  subsection <label> (it holds: <labels>)". */
               _ ("%s:%d: %s cites %s, but the text penal holds of %s has no "
                  "subsection %s (it holds: %s)"),
               file, line, what, citation, statute, rest + 1, held);
  return FALSE;
}

static gboolean
check_versions (GPtrArray *statutes, GError **error)
{
  for (guint s = 0; s < statutes->len; s++)
    {
      const PenalOffense *statute = g_ptr_array_index (statutes, s);

      for (guint v = 0; v < statute->versions->len; v++)
        {
          const PenalVersion *version
              = g_ptr_array_index (statute->versions, v);
          const char *section;

          if (version->dated.text == NULL)
            continue;
          section = version->dated.text->statute != NULL
                        ? version->dated.text->statute
                        : statute->statute;
          for (guint r = 0; r < version->rules->len; r++)
            {
              const PenalRule *rule = g_ptr_array_index (version->rules, r);
              if (!check_citation (version->dated.text, section, rule->citation,
                                   _ ("this rule"), rule->file, rule->line,
                                   error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
check_eras (const PenalModel *model, GError **error)
{
  for (guint t = 0; t < model->penalties->len; t++)
    {
      const PenalPenalties *penalties = g_ptr_array_index (model->penalties, t);

      for (guint e = 0; e < penalties->eras->len; e++)
        {
          const PenalEra *era = g_ptr_array_index (penalties->eras, e);
          const char *section;

          if (era->dated.text == NULL)
            continue;
          section = era->dated.text->statute;
          if (section == NULL)
            {
              g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                           _ ("%s:%d: era %s: say which section its text is "
                              "of, with <text statute=\"…\">"),
                           era->dated.file, era->dated.line, era->dated.id);
              return FALSE;
            }
          for (guint c = 0; c < PENAL_N_CLASSES; c++)
            {
              const PenalClassPenalty *p = era->classes[c];
              const char *citations[] = {
                p != NULL ? p->imprisonment_citation : NULL,
                p != NULL ? p->county_jail_citation : NULL,
                p != NULL ? p->fine_citation : NULL,
                p != NULL ? p->gain_citation : NULL,
              };

              if (p == NULL)
                continue;
              for (guint i = 0; i < G_N_ELEMENTS (citations); i++)
                if (!check_citation (era->dated.text, section, citations[i],
                                     penal_class_to_code (p->klass),
                                     era->dated.file, p->line, error))
                  return FALSE;
              for (guint n = 0; n < p->notes->len; n++)
                {
                  const PenalNote *note = g_ptr_array_index (p->notes, n);
                  if (!check_citation (era->dated.text, section, note->citation,
                                       penal_class_to_code (p->klass),
                                       era->dated.file, p->line, error))
                    return FALSE;
                }
            }
        }
    }
  return TRUE;
}

static gboolean
check_charge_codes (PenalModel *model, GPtrArray *statutes, GError **error)
{
  for (guint s = 0; s < statutes->len; s++)
    {
      const PenalOffense *statute = g_ptr_array_index (statutes, s);

      for (guint v = 0; v < statute->versions->len; v++)
        {
          const PenalVersion *version
              = g_ptr_array_index (statute->versions, v);

          for (guint r = 0; r < version->rules->len; r++)
            {
              const PenalRule *rule = g_ptr_array_index (version->rules, r);

              for (guint c = 0; c < rule->charge_codes->len; c++)
                {
                  const PenalChargeRef *ref
                      = &g_array_index (rule->charge_codes, PenalChargeRef, c);

                  if (model->charges == NULL)
                    {
                      model->charges = penal_charges_load (NULL, error);
                      if (model->charges == NULL)
                        return FALSE;
                    }
                  if (!penal_charges_has_family (model->charges, ref->family))
                    {
                      g_set_error (
                          error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                          _ ("%s:%d: charge code %s is not in the Highway "
                             "Patrol's table, edition of %s, in %s"),
                          rule->file, rule->line, ref->family,
                          penal_charges_get_edition (model->charges),
                          penal_charges_get_name (model->charges));
                      return FALSE;
                    }
                }
            }
        }
    }
  return TRUE;
}

/* Citations against the text held, then charge codes against the table:
 * model->charges is the table to check against, or NULL for the bundled
 * one, loaded here if a rule has a code. */
gboolean
penal_link_references (PenalModel *model, GError **error)
{
  GPtrArray *lists[]
      = { model->offenses, model->enhancements, model->programs };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    if (!check_versions (lists[l], error)
        || !check_charge_codes (model, lists[l], error))
      return FALSE;
  return check_eras (model, error);
}
