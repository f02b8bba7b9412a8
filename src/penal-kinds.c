/* penal-kinds.c: the stable codes of the statute files' small vocabularies
 * (penal-kinds.h), each written once: the loader reads them, JSON writes
 * them, and prose names them through the catalog. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-kinds.h"

static const struct
{
  const char *code;
  const char *text;
} basis_table[PENAL_N_BASES] = {
  /* TRANSLATORS: the basis of a legal figure: the statute's own words. */
  { "statute-text", N_ ("statute text") },
  /* TRANSLATORS: the basis of a legal figure: an official list that is not
     the statute, such as the Highway Patrol's charge codes. */
  { "official-record", N_ ("official record") },
  /* TRANSLATORS: the basis of a legal figure: a treatise, news story or city
     code states it. */
  { "secondary", N_ ("secondary source") },
  /* TRANSLATORS: the basis of a legal figure: reasoned, stated by no
     source. */
  { "inference", N_ ("inference") },
  /* TRANSLATORS: the basis of a legal figure: nobody has established it. */
  { "open", N_ ("not established") },
};

static const char *const rule_kind_codes[PENAL_N_RULE_KINDS] = {
  "class", "not-applicable", "open", "eligible", "not-eligible", "applies",
};

static const char *const program_kind_codes[PENAL_N_PROGRAM_KINDS] = {
  "diversion",
  "court-discretion",
  "protection",
  "referral",
};

static gboolean
find_code (const char *const *codes, guint n, const char *code, guint *out)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (codes[i], code))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
penal_basis_from_code (const char *code, PenalBasis *out_basis)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < PENAL_N_BASES; i++)
    if (g_str_equal (basis_table[i].code, code))
      {
        *out_basis = (PenalBasis)i;
        return TRUE;
      }
  return FALSE;
}

const char *
penal_basis_to_code (PenalBasis basis)
{
  g_return_val_if_fail (basis < PENAL_N_BASES, NULL);
  return basis_table[basis].code;
}

/* The translated name of a basis, for example "secondary source". */
const char *
penal_basis_to_text (PenalBasis basis)
{
  g_return_val_if_fail (basis < PENAL_N_BASES, NULL);
  return _ (basis_table[basis].text);
}

gboolean
penal_rule_kind_from_code (const char *code, PenalRuleKind *out_kind)
{
  guint i;

  if (!find_code (rule_kind_codes, PENAL_N_RULE_KINDS, code, &i))
    return FALSE;
  *out_kind = (PenalRuleKind)i;
  return TRUE;
}

const char *
penal_rule_kind_to_code (PenalRuleKind kind)
{
  g_return_val_if_fail (kind < PENAL_N_RULE_KINDS, NULL);
  return rule_kind_codes[kind];
}

gboolean
penal_program_kind_from_code (const char *code, PenalProgramKind *out_kind)
{
  guint i;

  if (!find_code (program_kind_codes, PENAL_N_PROGRAM_KINDS, code, &i))
    return FALSE;
  *out_kind = (PenalProgramKind)i;
  return TRUE;
}

const char *
penal_program_kind_to_code (PenalProgramKind kind)
{
  g_return_val_if_fail (kind < PENAL_N_PROGRAM_KINDS, NULL);
  return program_kind_codes[kind];
}
