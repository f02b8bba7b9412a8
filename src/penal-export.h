/* penal-export.h: a statute version's rule table as a DMN decision table. */
#pragma once

#include <glib.h>

#include "penal-model-private.h"

G_BEGIN_DECLS

typedef enum
{
  PENAL_DMN_1_3,
  PENAL_DMN_1_1,
} PenalDmnVersion;

char *penal_export_dmn (const PenalModel   *model,
                        const PenalOffense *statute,
                        const PenalVersion *version,
                        PenalDmnVersion     dmn_version);

G_END_DECLS
