/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-model-private.h: the statute model's structures, shared by the
 * loader, the decision tree, the evaluator and the renderers.
 *
 * Everything a statute file says is kept as loaded: strings in English (they
 * are translated when shown), dates as Julian day numbers, durations both as
 * their ISO 8601 text (the output code) and as a number and unit (for prose).
 * Facts are numbered: 0 is "offense", 1 is "offense_date", the rest come from
 * <fact> elements in load order.  Every fact value is a 64-bit integer: the
 * number itself, 0/1 for a boolean, the index of an enum value, or the Julian
 * day of a date, so the decision tree compares integers only.
 *
 * The model never changes once loaded, so every string a statute file gives
 * (ids, titles, citations, text, file names) is kept once in the model's
 * GStringChunk and lives as long as the model: an element owns only its
 * arrays and the elements below it. */
#pragma once

#include <glib.h>
#include <stdarg.h>

#include "penal-class.h"
#include "penal-kinds.h"
#include "penal.h"

G_BEGIN_DECLS

typedef enum
{
  PENAL_FACT_TYPE_INTEGER,
  PENAL_FACT_TYPE_BOOLEAN,
  PENAL_FACT_TYPE_ENUM,
  PENAL_FACT_TYPE_DATE,
} PenalFactType;

/* Open ends of an effective-date range. */
#define PENAL_DATE_OPEN_START ((gint64)0)
#define PENAL_DATE_OPEN_END ((gint64)G_MAXINT32)

typedef struct
{
  const char *name;
  PenalFactType type;
  gint64 min; /* the domain, inclusive */
  gint64 max;
  GStrv values; /* enum values, in order */
  const char *label;
  const char *question; /* the interview's plain-words question */
  const char *help;     /* its "What does this mean?", in plain words */
  const char *file;
  int line;
} PenalFactDecl;

typedef struct
{
  const char *id;
  const char *citation;
  const char *label; /* short English name answers show, translated; or NULL */
  const char *url;   /* NULL when the source has no address */
  const char *date;  /* when it was published: YYYY-MM-DD or YYYY, or NULL */
  PenalBasis basis;
  const char *description;
} PenalSource;

/* Statute text penal holds, by subsection: "2", "1(4)", or NULL for a
 * section without subsections.  A rule or penalty citing a subsection of
 * a version whose text is held must cite one of these. */
typedef struct
{
  const char *label;
  const char *text;
} PenalSubsection;

typedef struct
{
  const char *statute; /* the section, "RSMo 567.030"; NULL: the
                          statute's own */
  PenalBasis basis;
  GPtrArray *sources;     /* PenalSource, not owned */
  GPtrArray *subsections; /* PenalSubsection, in file order */
} PenalText;

/* Effective dates, inclusive, as Julian days.  [from, to] is every day the
 * version may have been in force; [from_latest, to_earliest] the days it
 * certainly was.  They differ only where a boundary is uncertain. */
typedef struct
{
  gint64 from;
  gint64 from_latest;
  gint64 to_earliest;
  gint64 to;
} PenalEffective;

typedef struct
{
  const char *iso; /* "P4Y", or NULL when there is none */
  guint amount;
  char unit; /* 'Y', 'M' or 'D' */
} PenalDuration;

typedef struct
{
  const char *citation;
  const char *text;
} PenalNote;

typedef struct
{
  PenalClass klass;
  PenalDuration imprisonment_min;
  PenalDuration imprisonment_max;
  gboolean life;
  const char *imprisonment_citation;
  PenalBasis imprisonment_basis;
  PenalDuration county_jail_max;
  const char *county_jail_citation;
  PenalBasis county_jail_basis;
  gint64 fine_max_usd; /* -1: no fine authorized */
  const char *fine_citation;
  PenalBasis fine_basis;
  guint gain_multiple; /* 0: no gain-based alternative */
  gint64 gain_cap_usd; /* -1: no cap */
  const char *gain_citation;
  PenalBasis gain_basis;
  GPtrArray *notes; /* PenalNote */
  int line;
} PenalClassPenalty;

/* A dated version of a statute: the text of a section as it stood over a
 * period, with what penal knows of it.  An offense's statute has versions
 * (PenalVersion) and a penalty-class table such as RSMo 558.011 has eras
 * (PenalEra); each is one of these and adds its own: the rules, the
 * classes' penalties.  It is their first member, so code that reads any
 * dated version may take either. */
typedef struct
{
  const char *id;
  const char *title;
  PenalBasis basis;
  const char *uncertain; /* why a boundary date is uncertain */
  GPtrArray *notes;      /* English: what else the reader should know */
  PenalText *text;       /* statute text, quoted; NULL when none is held */
  PenalEffective effective;
  GPtrArray *sources; /* PenalSource, not owned */
  const char *file;
  int line;
} PenalDated;

/* A penalty table's era: the penalties of each class while it stood.  Only
 * its start may be uncertain. */
typedef struct
{
  PenalDated dated;
  PenalClassPenalty *classes[PENAL_N_CLASSES];
} PenalEra;

typedef struct
{
  const char *id;
  const char *title;
  GPtrArray *eras; /* PenalEra, by start date */
  const char *file;
  int line;
} PenalPenalties;

/* Somewhere to refer a person: a hotline, an advocacy program. */
typedef struct
{
  const char *id;
  const char *title;
  const char *phone; /* NULL when no source gives one */
  const char *url;
  PenalBasis basis;
  const char *description;
  GPtrArray *sources; /* PenalSource, not owned */
  const char *file;
  int line;
} PenalResource;

typedef struct
{
  guint fact;
  gint64 lo;
  gint64 hi;
} PenalCondition;

typedef struct _PenalOffense PenalOffense;

/* A rule's charge code: the Patrol's family (statute and sequence), for
 * the offense named (enhancements are coded under the offense they
 * enhance) or for any. */
typedef struct
{
  const char *offense_id; /* NULL: any offense */
  const char *family;     /* "567.030-003" */
} PenalChargeRef;

typedef struct
{
  PenalRuleKind kind;
  PenalClass klass;
  const char *citation;     /* NULL when the rule cites a source instead */
  const PenalSource *cites; /* not owned */
  PenalBasis basis;
  const char *explain;
  GArray *charge_codes; /* PenalChargeRef */
  GArray *conditions;   /* PenalCondition, at most one per fact */
  GPtrArray *refer;     /* PenalResource, not owned */
  const char *file;
  int line;
} PenalRule;

typedef struct _PenalTreeNode PenalTreeNode;

/* A declared severity order: moving the fact in the given direction never
 * gives a milder class. */
typedef struct
{
  guint fact;
  gboolean decreasing;
  int line;
} PenalMonotone;

/* A version of an offense's statute: its rules, and the decision tree
 * compiled from them. */
typedef struct
{
  PenalDated dated;
  GPtrArray *rules; /* PenalRule */
  PenalTreeNode *tree;
} PenalVersion;

/* The dated parts come first, so a PenalEra or a PenalVersion may be read
 * as the PenalDated it is. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (PenalEra, dated) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (PenalVersion, dated) == 0);

/* An offense, an enhancement that adds to the offenses it applies to, or a
 * program (diversion, court discretion, protection, referral) that reads
 * the facts of the offenses it applies to.  All three have versions and rule
 * tables; only offenses have a penalty table of their own. */
struct _PenalOffense
{
  const char *id;
  const char *title;
  const char *statute;
  gboolean is_enhancement;
  gboolean is_program;
  PenalProgramKind program_kind;
  gboolean limited; /* court discretion limited to one class: */
  PenalClass limited_to;
  const char *operator_name; /* programs: proper names, untranslated */
  const char *jurisdiction;
  const char *description;
  const char *fees;
  const char *caveat; /* what no source establishes */
  const char *next_step;
  const char *condition; /* enhancements: when it may be charged */
  GStrv applies_to;      /* enhancements: offense ids */
  const char *penalties_id;
  PenalPenalties *penalties; /* not owned */
  GPtrArray *versions;       /* PenalVersion, by start date */
  GPtrArray *enhancements;   /* offenses: PenalOffense, not owned */
  GPtrArray *programs;       /* offenses: PenalOffense, not owned */
  GArray *facts_read;        /* guint fact indexes, with enhancements */
  GArray *monotone;          /* PenalMonotone */
  const char *file;
  int line;
};

struct _PenalModel
{
  const char *jurisdiction;
  GPtrArray *facts;        /* PenalFactDecl */
  GHashTable *fact_index;  /* name -> index + 1 */
  GHashTable *sources;     /* id -> PenalSource */
  GPtrArray *penalties;    /* PenalPenalties */
  GPtrArray *offenses;     /* PenalOffense, offenses only */
  GPtrArray *enhancements; /* PenalOffense, enhancements only */
  GPtrArray *programs;     /* PenalOffense, programs only */
  GPtrArray *resources;    /* PenalResource */
  GStringChunk *strings;   /* every string of the model */
  GHashTable *named;       /* "KIND:ID" -> the resource, penalty table, offense,
                              enhancement or program of that id */
  PenalCharges *charges;   /* the Patrol's table the rules' codes are
                              looked up in; NULL when no rule has one */
};

G_GNUC_INTERNAL PenalModel *penal_model_new (void);
G_GNUC_INTERNAL gboolean penal_model_invalid_valist (GError **error,
                                                     const char *file, int line,
                                                     const char *format,
                                                     va_list args)
    G_GNUC_PRINTF (4, 0);
G_GNUC_INTERNAL gboolean penal_model_invalid_at (GError **error,
                                                 const char *file, int line,
                                                 const char *format, ...)
    G_GNUC_PRINTF (4, 5);
G_GNUC_INTERNAL void penal_fact_decl_free (PenalFactDecl *decl);
G_GNUC_INTERNAL PenalText *penal_text_new (void);
G_GNUC_INTERNAL void penal_text_free (PenalText *text);
G_GNUC_INTERNAL void penal_class_penalty_free (PenalClassPenalty *p);
G_GNUC_INTERNAL void penal_era_free (PenalEra *era);
G_GNUC_INTERNAL void penal_penalties_free (PenalPenalties *penalties);
G_GNUC_INTERNAL void penal_resource_free (PenalResource *resource);
G_GNUC_INTERNAL void penal_rule_free (PenalRule *rule);
G_GNUC_INTERNAL const char *penal_rule_class_code (const PenalRule *rule);
G_GNUC_INTERNAL void penal_version_free (PenalVersion *version);
G_GNUC_INTERNAL void penal_offense_free (PenalOffense *offense);

/* penal-link.c: references resolved and soundness proved. */
G_GNUC_INTERNAL gboolean penal_link_check_versions (PenalOffense *offense,
                                                    GError **error);
G_GNUC_INTERNAL gboolean penal_link_references (PenalModel *model,
                                                GError **error);
G_GNUC_INTERNAL gboolean penal_link_model (PenalModel *model,
                                           const char *last_file, int last_line,
                                           GError **error);

char *penal_model_offense_names (const PenalModel *model);
gpointer penal_model_named (const PenalModel *model, const char *kind,
                            const char *id);
void penal_model_name (PenalModel *model, const char *kind, const char *id,
                       gpointer object);
const PenalFactDecl *penal_model_lookup_fact (const PenalModel *model,
                                              const char *name,
                                              guint *out_index);
const PenalOffense *penal_model_lookup_offense (const PenalModel *model,
                                                const char *id);
const PenalEra *penal_penalties_era_for (const PenalPenalties *penalties,
                                         gint64 date);
gboolean penal_effective_may_cover (const PenalEffective *effective,
                                    gint64 date);

G_END_DECLS
