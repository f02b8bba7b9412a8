/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-class.h: the stable offense class codes and their display names. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ordered from most to least severe, so comparing two values compares
 * severity.  The codes are part of penal's public output (DESIGN.md). */
typedef enum
{
  PENAL_CLASS_FELONY_A,
  PENAL_CLASS_FELONY_B,
  PENAL_CLASS_FELONY_C,
  PENAL_CLASS_FELONY_D,
  PENAL_CLASS_FELONY_E,
  PENAL_CLASS_MISDEMEANOR_A,
  PENAL_CLASS_MISDEMEANOR_B,
  PENAL_CLASS_MISDEMEANOR_C,
  PENAL_CLASS_MISDEMEANOR_D,
  PENAL_CLASS_INFRACTION,
  PENAL_N_CLASSES
} PenalClass;

gboolean penal_class_from_code (const char *code, PenalClass *out_class);
const char *penal_class_to_code (PenalClass klass);
const char *penal_class_to_name (PenalClass klass);
char *penal_class_to_name_with_english (PenalClass klass);
gboolean penal_class_parse_typed (const char *text, PenalClass *out_class);

G_END_DECLS
