/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-kinds.h: the small closed vocabularies of the statute files, each
 * an enum with one table of its stable codes: the basis of a figure, what
 * a rule decides, what a program is. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How well founded a figure is, from best to worst (DESIGN.md, 8). */
typedef enum
{
  PENAL_BASIS_STATUTE_TEXT,    /* the law's own words */
  PENAL_BASIS_OFFICIAL_RECORD, /* an official list that is not the statute */
  PENAL_BASIS_SECONDARY,       /* a treatise, news report or city page */
  PENAL_BASIS_INFERENCE,       /* reasoned, stated by no source */
  PENAL_BASIS_OPEN,            /* not established */
  PENAL_N_BASES
} PenalBasis;

typedef enum
{
  PENAL_RULE_CLASS,          /* the rule decides a class */
  PENAL_RULE_NOT_APPLICABLE, /* an enhancement, protection or referral
                                does not apply */
  PENAL_RULE_OPEN,           /* the outcome is not established */
  PENAL_RULE_ELIGIBLE,       /* (programs) the person is eligible, or the
                                court may allow the route */
  PENAL_RULE_NOT_ELIGIBLE,   /* (programs) the person is not */
  PENAL_RULE_APPLIES,        /* (protections, referrals) it applies */
  PENAL_N_RULE_KINDS
} PenalRuleKind;

/* What a <program> is: it decides whether diversion is open (diversion),
 * what the court may allow (court-discretion), what the statute protects
 * (protection) or where to refer the person (referral). */
typedef enum
{
  PENAL_PROGRAM_DIVERSION,
  PENAL_PROGRAM_COURT_DISCRETION,
  PENAL_PROGRAM_PROTECTION,
  PENAL_PROGRAM_REFERRAL,
  PENAL_N_PROGRAM_KINDS
} PenalProgramKind;

gboolean penal_basis_from_code (const char *code, PenalBasis *out_basis);
const char *penal_basis_to_code (PenalBasis basis);
const char *penal_basis_to_text (PenalBasis basis);

gboolean penal_rule_kind_from_code (const char *code, PenalRuleKind *out_kind);
const char *penal_rule_kind_to_code (PenalRuleKind kind);

gboolean penal_program_kind_from_code (const char *code,
                                       PenalProgramKind *out_kind);
const char *penal_program_kind_to_code (PenalProgramKind kind);
const char *penal_program_kind_to_text (PenalProgramKind kind);

G_END_DECLS
