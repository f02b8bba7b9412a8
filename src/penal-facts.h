/* penal-facts.h: the facts of one case, parsed and checked against the
 * domains the statute files declare. */
#pragma once

#include <glib.h>

#include "penal-model.h"

G_BEGIN_DECLS

#define PENAL_FACTS_ERROR (penal_facts_error_quark ())

typedef enum
{
  PENAL_FACTS_ERROR_SYNTAX,         /* not NAME=VALUE */
  PENAL_FACTS_ERROR_UNKNOWN_FACT,
  PENAL_FACTS_ERROR_INVALID_VALUE,  /* not a number, date, yes/no, ... */
  PENAL_FACTS_ERROR_OUT_OF_DOMAIN,  /* well-formed but outside the domain */
  PENAL_FACTS_ERROR_DUPLICATE,      /* the same fact given twice */
  PENAL_FACTS_ERROR_NOT_APPLICABLE, /* the offense does not read this fact */
  PENAL_FACTS_ERROR_FAILED,
} PenalFactsError;

typedef struct _PenalFacts PenalFacts;

GQuark       penal_facts_error_quark   (void);

PenalFacts  *penal_facts_new           (const PenalModel *model);
void         penal_facts_free          (PenalFacts       *facts);
void         penal_facts_clear         (PenalFacts       *facts);

gboolean     penal_facts_set           (PenalFacts       *facts,
                                        const char       *name,
                                        const char       *value,
                                        GError          **error);
gboolean     penal_facts_parse_assignment (PenalFacts    *facts,
                                        const char       *assignment,
                                        GError          **error);
gboolean     penal_facts_check_applicable (const PenalFacts *facts,
                                        GError          **error);

gboolean     penal_facts_get           (const PenalFacts *facts,
                                        guint             index,
                                        gint64           *out_value);
void         penal_facts_set_value     (PenalFacts       *facts,
                                        guint             index,
                                        gint64            value);
void         penal_facts_unset         (PenalFacts       *facts,
                                        guint             index);

char        *penal_quote_untrusted     (const char       *text);

gboolean     penal_date_parse          (const char       *text,
                                        gint64           *out_julian);
char        *penal_date_to_iso         (gint64            julian);
char        *penal_date_to_display     (gint64            julian);
gint64       penal_date_today          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalFacts, penal_facts_free)

G_END_DECLS
