/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-kinds.c: the stable codes of the statute files' small vocabularies
 * (penal-kinds.h), each written once: the loader reads them, JSON writes
 * them, and prose names them through the catalog. */
#include "config.h"

#include <glib/gi18n.h>

#include "penal-kinds.h"

/* One word of a vocabulary: its code in the files and in JSON, and its
 * name in prose (N_(), or NULL where prose never names it). */
typedef struct
{
  const char *code;
  const char *text;
} CodeText;

static const CodeText basis_table[PENAL_N_BASES] = {
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

static const CodeText rule_kind_table[PENAL_N_RULE_KINDS] = {
  { "class", NULL },    { "not-applicable", NULL }, { "open", NULL },
  { "eligible", NULL }, { "not-eligible", NULL },   { "applies", NULL },
};

static const CodeText program_kind_table[PENAL_N_PROGRAM_KINDS] = {
  { "diversion", N_ ("diversion program") },
  { "court-discretion", N_ ("at the court's discretion") },
  { "protection", N_ ("protection in the statute") },
  { "referral", N_ ("referral") },
};

/* The index of code in a table of n words, or -1. */
static int
find_code (const CodeText *table, guint n, const char *code)
{
  g_return_val_if_fail (code != NULL, -1);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].code, code))
      return (int)i;
  return -1;
}

gboolean
penal_basis_from_code (const char *code, PenalBasis *out_basis)
{
  int i = find_code (basis_table, PENAL_N_BASES, code);

  if (i >= 0)
    *out_basis = (PenalBasis)i;
  return i >= 0;
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
  int i = find_code (rule_kind_table, PENAL_N_RULE_KINDS, code);

  if (i >= 0)
    *out_kind = (PenalRuleKind)i;
  return i >= 0;
}

const char *
penal_rule_kind_to_code (PenalRuleKind kind)
{
  g_return_val_if_fail (kind < PENAL_N_RULE_KINDS, NULL);
  return rule_kind_table[kind].code;
}

gboolean
penal_program_kind_from_code (const char *code, PenalProgramKind *out_kind)
{
  int i = find_code (program_kind_table, PENAL_N_PROGRAM_KINDS, code);

  if (i >= 0)
    *out_kind = (PenalProgramKind)i;
  return i >= 0;
}

const char *
penal_program_kind_to_code (PenalProgramKind kind)
{
  g_return_val_if_fail (kind < PENAL_N_PROGRAM_KINDS, NULL);
  return program_kind_table[kind].code;
}

/* The translated name of a kind of program, for example "referral". */
const char *
penal_program_kind_to_text (PenalProgramKind kind)
{
  g_return_val_if_fail (kind < PENAL_N_PROGRAM_KINDS, NULL);
  return _ (program_kind_table[kind].text);
}
