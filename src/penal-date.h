/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-date.h: the dates that only the library uses (penal-date.c); the
 * public ones are in penal.h. */
#pragma once

#include <glib.h>

#include "penal.h"

G_BEGIN_DECLS

char *penal_date_to_display (gint64 julian);
gboolean penal_date_parse_fast (const char *text, gsize length, gint64 *out);

/* What a date written in an export turned out to be. */
typedef enum
{
  PENAL_DATE_READ,     /* a date: *out is its day */
  PENAL_DATE_INVALID,  /* not a date in any form penal reads */
  PENAL_DATE_SLASHED,  /* a slashed date, and no order was given */
  PENAL_DATE_TIME_SET, /* a date with a time of day or a time zone */
} PenalDateReading;

PenalDateReading penal_date_parse_export (const char *text, gsize length,
                                          PenalDateOrder order, gint64 *out);

G_END_DECLS
