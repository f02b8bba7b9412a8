/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-language.c: the languages penal answers in: English, and those it
 * ships a catalog for (po/LINGUAS), each only with a catalog whose
 * translations are safe to print through.
 *
 * A language name reaches gettext as part of a path, and a translation of
 * a format string is used as a format: so a name penal does not ship
 * ("../x", "fr") is never passed on, and a catalog is read before it is
 * used, every translation checked to take no argument its message does
 * not give, of the same type, and never %n.  A front end that takes the
 * language from a request header asks penal_language_is_shipped() the
 * same way the command line does. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "penal-file.h"
#include "penal.h"

G_DEFINE_QUARK (penal - language - error - quark, penal_language_error)

/* A catalog is never larger than this; penal's own is about 100 KB. */
#define MAX_CATALOG_SIZE (16 * 1024 * 1024)

/* Arguments a format string may number. */
#define MAX_ARGUMENTS 32

gboolean
penal_language_is_shipped (const char *language)
{
  g_auto (GStrv) shipped = NULL;

  if (language == NULL)
    return FALSE;
  if (g_str_equal (language, "en"))
    return TRUE;
  shipped = g_strsplit (PENAL_LINGUAS, " ", -1);
  return g_strv_contains ((const char *const *)shipped, language);
}

/* (transfer full) "en, es": the languages penal answers in. */
char *
penal_language_names (void)
{
  g_auto (GStrv) shipped = g_strsplit (PENAL_LINGUAS, " ", -1);
  GString *names = g_string_new ("en");

  for (guint i = 0; shipped[i] != NULL; i++)
    if (shipped[i][0] != '\0' && !g_str_equal (shipped[i], "en"))
      g_string_append_printf (names, ", %s", shipped[i]);
  return g_string_free (names, FALSE);
}

/* The shipped language an entry of LANGUAGE or a locale name means:
 * "es_MX.UTF-8@euro" is es when only es is shipped; "C" and "POSIX" are
 * English; NULL when penal does not speak it. */
static char *
shipped_language_of (const char *entry)
{
  g_autofree char *name = g_strndup (entry, strcspn (entry, ".@"));
  char *territory;

  if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    return g_strdup ("en");
  if (penal_language_is_shipped (name))
    return g_steal_pointer (&name);
  territory = strchr (name, '_');
  if (territory == NULL)
    return NULL;
  *territory = '\0';
  return penal_language_is_shipped (name) ? g_steal_pointer (&name) : NULL;
}

/* (transfer full) The languages of a LANGUAGE list (colon-separated, most
 * wanted first) that penal speaks, as a LANGUAGE list of names it ships,
 * without repeats; English ends it, since English is every message's own
 * text.  Entries penal does not speak are skipped.  NULL when none is
 * left. */
char *
penal_language_filter (const char *requested)
{
  g_auto (GStrv) entries = NULL;
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;

  if (requested == NULL || requested[0] == '\0')
    return NULL;
  entries = g_strsplit (requested, ":", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *language = shipped_language_of (entries[i]);

      if (language == NULL)
        continue;
      any = TRUE;
      if (g_str_equal (language, "en"))
        break;
      if (!g_ptr_array_find_with_equal_func (kept, language, g_str_equal, NULL))
        g_ptr_array_add (kept, g_steal_pointer (&language));
    }
  if (!any)
    return NULL;
  /* English alone: "C" makes gettext stop there, untranslated. */
  if (kept->len == 0)
    return g_strdup ("C");
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (":", (char **)kept->pdata);
}

/* (transfer full) The language a locale name (of LC_MESSAGES) means, as
 * penal_language_filter() gives it, or NULL. */
char *
penal_language_from_locale (const char *locale)
{
  return locale != NULL ? penal_language_filter (locale) : NULL;
}

/* ------------------------------------------------------------------ */
/* Checking a catalog                                                   */

typedef enum
{
  ARG_NONE,
  ARG_INT,
  ARG_LONG,
  ARG_LONG_LONG,
  ARG_INTMAX,
  ARG_SIZE,
  ARG_PTRDIFF,
  ARG_DOUBLE,
  ARG_LONG_DOUBLE,
  ARG_STRING,
  ARG_WIDE_STRING,
  ARG_POINTER,
} ArgType;

typedef struct
{
  ArgType types[MAX_ARGUMENTS + 1]; /* by argument number, from 1 */
  guint n;
} FormatArgs;

static gboolean
set_arg (FormatArgs *args, guint number, ArgType type)
{
  if (number == 0 || number > MAX_ARGUMENTS)
    return FALSE;
  if (args->types[number] != ARG_NONE && args->types[number] != type)
    return FALSE;
  args->types[number] = type;
  args->n = MAX (args->n, number);
  return TRUE;
}

/* Digits, then '$': an argument number; otherwise 0 and *p unmoved. */
static guint
arg_number (const char **p, const char *end)
{
  const char *q = *p;
  guint number = 0;

  while (q < end && g_ascii_isdigit (*q) && number < 1000)
    number = number * 10 + (guint)(*q++ - '0');
  if (q == *p || q >= end || *q != '$')
    return 0;
  *p = q + 1;
  return number;
}

/* Reads the printf directives of text into args.  FALSE for %n, for a
 * directive printf would not read, and for numbered and unnumbered
 * arguments mixed. */
static gboolean
parse_format (const char *text, gsize length, FormatArgs *args)
{
  const char *p = text, *end = text + length;
  guint next = 1;
  int numbered = -1; /* unknown, 0: unnumbered, 1: numbered */

  memset (args, 0, sizeof *args);
  while ((p = memchr (p, '%', (gsize)(end - p))) != NULL)
    {
      guint number;
      int length_mod = 0; /* 'h', 'l', 'L' (long long), 'j', 'z', 't' */
      ArgType type;
      char c;

      if (++p >= end)
        return FALSE;
      if (*p == '%')
        {
          p++;
          continue;
        }
      number = arg_number (&p, end);
      if (numbered >= 0 && numbered != (number > 0))
        return FALSE;
      numbered = number > 0;
      while (p < end && strchr ("-+ #0'I", *p) != NULL)
        p++;
      /* Width and precision: digits, or '*' taking an int argument. */
      for (int part = 0; part < 2; part++)
        {
          if (part == 1)
            {
              if (p >= end || *p != '.')
                break;
              p++;
            }
          if (p < end && *p == '*')
            {
              guint star;

              p++;
              star = arg_number (&p, end);
              if (numbered != (star > 0)
                  || !set_arg (args, star > 0 ? star : next++, ARG_INT))
                return FALSE;
            }
          else
            while (p < end && g_ascii_isdigit (*p))
              p++;
        }
      while (p < end && strchr ("hlLqjzZt", *p) != NULL)
        {
          if (*p == 'l' && length_mod == 'l')
            length_mod = 'L';
          else if (*p == 'h' || *p == 'l' || *p == 'L' || *p == 'q')
            length_mod = *p == 'q' ? 'L' : *p;
          else
            length_mod = *p == 'Z' ? 'z' : *p;
          p++;
        }
      if (p >= end)
        return FALSE;
      c = *p++;
      switch (c)
        {
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X':
          type = length_mod == 'l'   ? ARG_LONG
                 : length_mod == 'L' ? ARG_LONG_LONG
                 : length_mod == 'j' ? ARG_INTMAX
                 : length_mod == 'z' ? ARG_SIZE
                 : length_mod == 't' ? ARG_PTRDIFF
                                     : ARG_INT;
          break;
        case 'c':
        case 'C':
          type = ARG_INT;
          break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
          type = length_mod == 'L' ? ARG_LONG_DOUBLE : ARG_DOUBLE;
          break;
        case 's':
          type = length_mod == 'l' ? ARG_WIDE_STRING : ARG_STRING;
          break;
        case 'S':
          type = ARG_WIDE_STRING;
          break;
        case 'p':
          type = ARG_POINTER;
          break;
        case 'm':
          continue; /* strerror (errno): no argument */
        default:    /* %n writes through its argument; the rest are unknown */
          return FALSE;
        }
      if (!set_arg (args, numbered == 1 ? number : next++, type))
        return FALSE;
    }
  return TRUE;
}

/* Is the translation safe to use where the message is used as a format:
 * no argument it reads that the message does not give, with the same
 * type?  A message that is no format (a statute sentence) is never used as
 * one, so any translation of it is safe. */
static gboolean
translation_fits (const FormatArgs *message, const char *translation,
                  gsize length)
{
  FormatArgs translated;

  if (!parse_format (translation, length, &translated))
    return FALSE;
  for (guint i = 1; i <= translated.n; i++)
    if (translated.types[i] != ARG_NONE
        && (i > message->n || translated.types[i] != message->types[i]))
      return FALSE;
  return TRUE;
}

static guint32
read_u32 (const guint8 *data, gboolean swapped)
{
  guint32 value;

  memcpy (&value, data, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Entry i of the table at table_offset: the string's bytes, or NULL when
 * it lies outside the file. */
static const char *
catalog_string (const guint8 *data, gsize size, guint32 table_offset, guint32 i,
                gboolean swapped, gsize *out_length)
{
  guint64 at = (guint64)table_offset + (guint64)i * 8;
  guint32 length, offset;

  if (at + 8 > size)
    return NULL;
  length = read_u32 (data + at, swapped);
  offset = read_u32 (data + at + 4, swapped);
  if ((guint64)offset + length + 1 > size || data[offset + length] != '\0')
    return NULL;
  *out_length = length;
  return (const char *)data + offset;
}

/* Reads a gettext catalog (.mo), refusing one that is malformed or holds
 * a translation that does not fit its message (see translation_fits).
 * The message names the first such translation's message. */
static gboolean
check_catalog_data (const char *path, const guint8 *data, gsize size,
                    GError **error)
{
  guint32 magic, revision, n, originals, translations;
  gboolean swapped;

  if (size < 28)
    goto malformed;
  magic = read_u32 (data, FALSE);
  if (magic != 0x950412de && GUINT32_SWAP_LE_BE (magic) != 0x950412de)
    goto malformed;
  swapped = magic != 0x950412de;
  revision = read_u32 (data + 4, swapped);
  n = read_u32 (data + 8, swapped);
  originals = read_u32 (data + 12, swapped);
  translations = read_u32 (data + 16, swapped);
  /* Revision 1 adds strings with system-dependent parts (<PRId64>), which
   * penal's catalogs never have and this check would not read. */
  if (revision >> 16 > 1
      || (revision >> 16 == 1 && (size < 40 || read_u32 (data + 36, swapped))))
    goto malformed;

  for (guint32 i = 0; i < n; i++)
    {
      gsize message_length, translation_length;
      const char *message
          = catalog_string (data, size, originals, i, swapped, &message_length);
      const char *translation = catalog_string (data, size, translations, i,
                                                swapped, &translation_length);
      const char *plural, *form, *translation_end;
      FormatArgs args, plural_args;

      if (message == NULL || translation == NULL)
        goto malformed;
      /* The header entry is read by gettext itself, never printed. */
      if (message_length == 0)
        continue;
      /* "singular\0plural", translated "form0\0form1..." */
      plural = memchr (message, '\0', message_length);
      if (!parse_format (message,
                         plural != NULL ? (gsize)(plural - message)
                                        : message_length,
                         &args))
        continue;
      if (plural != NULL)
        {
          if (!parse_format (plural + 1,
                             message_length - (gsize)(plural + 1 - message),
                             &plural_args))
            continue;
          for (guint a = 1; a <= plural_args.n; a++)
            if (args.types[a] == ARG_NONE)
              args.types[a] = plural_args.types[a];
          args.n = MAX (args.n, plural_args.n);
        }
      translation_end = translation + translation_length;
      for (form = translation; form <= translation_end;
           form += strlen (form) + 1)
        if (!translation_fits (&args, form, strlen (form)))
          {
            g_autofree char *shown = penal_quote_untrusted (message);

            g_set_error (
                error, PENAL_LANGUAGE_ERROR, PENAL_LANGUAGE_ERROR_CATALOG,
                _ ("%s: the translation of “%s” does not take the values its "
                   "message gives; this catalog is not used"),
                path, shown);
            return FALSE;
          }
    }
  return TRUE;

malformed:
  g_set_error (error, PENAL_LANGUAGE_ERROR, PENAL_LANGUAGE_ERROR_CATALOG,
               _ ("%s: not a gettext catalog penal can read; it is not used"),
               path);
  return FALSE;
}

/* Checks the catalog gettext would read for language under localedir.  A
 * language with no catalog there is fine: its messages stay in English. */
gboolean
penal_language_check_catalog (const char *localedir, const char *language,
                              GError **error)
{
  g_autofree char *path = g_build_filename (localedir, language, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *data = NULL;
  gsize size = 0;
  int saved = 0;

  g_return_val_if_fail (localedir != NULL && language != NULL, FALSE);

  switch (penal_file_read (path, MAX_CATALOG_SIZE, &data, &size, &saved))
    {
    case PENAL_FILE_OK:
      return check_catalog_data (path, (const guint8 *)data, size, error);
    case PENAL_FILE_ERRNO:
      if (saved == ENOENT || saved == ENOTDIR)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    default:
      g_set_error (error, PENAL_LANGUAGE_ERROR, PENAL_LANGUAGE_ERROR_CATALOG,
                   _ ("%s: not a gettext catalog penal can read; it is not "
                      "used"),
                   path);
      return FALSE;
    }
}
