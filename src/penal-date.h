/* penal-date.h: the dates that only the library uses (penal-date.c); the
 * public ones are in penal.h. */
#pragma once

#include <glib.h>

#include "penal.h"

G_BEGIN_DECLS

char *penal_date_to_display (gint64 julian);
gboolean penal_date_parse_fast (const char *text, gsize length, gint64 *out);

G_END_DECLS
