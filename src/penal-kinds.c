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

/* Defines prefix_from_code () and prefix_to_code () for the enum Type
 * whose values index table, the n words of its vocabulary in order. */
#define DEFINE_CODES(prefix, Type, table, n)                                   \
  gboolean prefix##_from_code (const char *code, Type *out_value)              \
  {                                                                            \
    int i = find_code (table, n, code);                                        \
                                                                               \
    if (i >= 0)                                                                \
      *out_value = (Type)i;                                                    \
    return i >= 0;                                                             \
  }                                                                            \
                                                                               \
  const char *prefix##_to_code (Type value)                                    \
  {                                                                            \
    g_return_val_if_fail (value < n, NULL);                                    \
    return table[value].code;                                                  \
  }

/* Defines prefix_to_text (): a word's translated name in prose. */
#define DEFINE_TEXT(prefix, Type, table, n)                                    \
  const char *prefix##_to_text (Type value)                                    \
  {                                                                            \
    g_return_val_if_fail (value < n, NULL);                                    \
    return _ (table[value].text);                                              \
  }

/* penal_basis_to_text (): for example "secondary source". */
DEFINE_CODES (penal_basis, PenalBasis, basis_table, PENAL_N_BASES)
DEFINE_TEXT (penal_basis, PenalBasis, basis_table, PENAL_N_BASES)

DEFINE_CODES (penal_rule_kind, PenalRuleKind, rule_kind_table,
              PENAL_N_RULE_KINDS)

/* penal_program_kind_to_text (): for example "referral". */
DEFINE_CODES (penal_program_kind, PenalProgramKind, program_kind_table,
              PENAL_N_PROGRAM_KINDS)
DEFINE_TEXT (penal_program_kind, PenalProgramKind, program_kind_table,
             PENAL_N_PROGRAM_KINDS)
