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

/* A hash of bytes, eight at a time: the keys a caseload looks up once a
 * row (a charge code, a code and a class) are some twenty bytes. */
static inline guint32
penal_bytes_hash (const char *text, gsize length)
{
  guint64 hash = length * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  while (length > 0)
    {
      guint64 word = 0;
      gsize n = MIN (length, sizeof word);

      memcpy (&word, text, n);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
      hash ^= hash >> 31;
      text += n;
      length -= n;
    }
  return (guint32)(hash ^ (hash >> 32));
}

G_END_DECLS
