/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-string.h: appending to a GString without a call per piece, for
 * the loops that run once per field and once per row of a caseload. */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* g_string_append_len, inline where the bytes fit (GLib before 2.76 has
 * no inline path, and a caseload appends several pieces a row). */
static inline void
penal_string_append (GString *string, const char *bytes, gsize length)
{
  if (G_UNLIKELY (string->len + length >= string->allocated_len))
    {
      g_string_append_len (string, bytes, (gssize)length);
      return;
    }
  memcpy (string->str + string->len, bytes, length);
  string->len += length;
  string->str[string->len] = '\0';
}

G_END_DECLS
