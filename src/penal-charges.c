/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-charges.c: the Missouri State Highway Patrol's charge-code table,
 * read as strictly as a statute file.
 *
 * The table is the text tools/mshp-charge-codes writes: a first line
 * "penal-charge-codes<TAB>1", header lines "key<TAB>value" (edition, title,
 * source-sha256, registration-source), a "columns" line naming the 14
 * columns in their fixed order, then one row a code, sorted by code, fields
 * separated by tabs, "-" for an absent value.  The whole text is copied
 * once and cut in place, so every string of the header and of every row
 * points into that one block; rows sorted by code keep a family's codes
 * (statute and sequence, "567.030-003") side by side, found by binary search.
 * Any departure from the format stops the load with NAME:LINE and what is
 * wrong: a table is never half read. */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "penal-charges.h"
#include "penal-date.h"
#include "penal-file.h"
#include "penal-model-private.h"
#include "penal-xml.h"

#define CHARGES_RESOURCE PENAL_XML_RESOURCE_DIR "/mshp-charge-codes.tsv"
#define N_COLUMNS 14

static const char *const columns[N_COLUMNS] = {
  "code",      "legacy",       "type",    "class",        "from",
  "to",        "fingerprints", "dna",     "registration", "modifiers",
  "case-type", "ncic",         "statute", "description",
};

struct _PenalCharges
{
  char *name;          /* the file, for messages */
  char *text;          /* the table, cut into NUL-terminated fields */
  const char *edition; /* ISO date */
  gint64 edition_day;
  const char *title;
  const char *registration_source; /* NULL when no manual was merged */
  GStringChunk *families;          /* each family once */
  GArray *rows;                    /* PenalChargeCode, by code */
};

void
penal_charges_free (PenalCharges *charges)
{
  if (charges == NULL)
    return;
  g_free (charges->name);
  g_free (charges->text);
  g_clear_pointer (&charges->rows, g_array_unref);
  g_clear_pointer (&charges->families, g_string_chunk_free);
  g_free (charges);
}

/* Cuts line at tabs into at most max fields; returns how many there were
 * (more than max means too many). */
static guint
split_fields (char *line, char **fields, guint max)
{
  guint n = 0;

  for (char *p = line;; p++)
    {
      char *tab = strchr (p, '\t');

      if (n < max)
        fields[n] = p;
      n++;
      if (tab == NULL)
        break;
      *tab = '\0';
      p = tab;
    }
  return n;
}

static const char *
optional (const char *field)
{
  return g_str_equal (field, "-") ? NULL : field;
}

static gboolean
is_letter_in (const char *field, const char *allowed, char *out)
{
  if (g_str_equal (field, "-"))
    {
      *out = 0;
      return TRUE;
    }
  if (field[0] == '\0' || field[1] != '\0'
      || strchr (allowed, field[0]) == NULL)
    return FALSE;
  *out = field[0];
  return TRUE;
}

/* The same calendar check as penal_date_parse (tests/units.c proves the
 * two agree), without its cost on thousands of rows. */
static gboolean
parse_day (const char *field, gint64 open_value, gint64 *out)
{
  if (g_str_equal (field, "-"))
    {
      *out = open_value;
      return TRUE;
    }
  return penal_date_parse_fast (field, strlen (field), out);
}

/* UTF-8 text with no NUL: the converter writes ASCII, so the full check
 * runs only when a byte beyond ASCII is there. */
static gboolean
is_text (const char *data, gsize length)
{
  guint64 high = 0;
  gsize i = 0;

  if (memchr (data, '\0', length) != NULL)
    return FALSE;
  /* Eight bytes at a time: any with its top bit set is beyond ASCII. */
  for (; i + 8 <= length; i += 8)
    {
      guint64 word;
      memcpy (&word, data + i, 8);
      high |= word;
    }
  for (; i < length; i++)
    high |= (guchar)data[i];
  return (high & G_GUINT64_CONSTANT (0x8080808080808080)) == 0
         || g_utf8_validate_len (data, length, NULL);
}

/* "567.030-003Y201840": the statute, a hyphen, three digits, Y or N, and
 * six digits; the family is everything before the Y or N. */
static gboolean
is_charge_code (const char *code)
{
  const char *hyphen = strchr (code, '-');
  gsize length = strlen (code);

  if (hyphen == NULL || hyphen == code || length > 32
      || strlen (hyphen) != 1 + 3 + 1 + 6)
    return FALSE;
  for (const char *p = code; p < hyphen; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p) && *p != '.')
      return FALSE;
  for (guint i = 1; i <= 3; i++)
    if (!g_ascii_isdigit (hyphen[i]))
      return FALSE;
  if (hyphen[4] != 'Y' && hyphen[4] != 'N')
    return FALSE;
  for (guint i = 5; i <= 10; i++)
    if (!g_ascii_isdigit (hyphen[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_row (PenalCharges *charges, char **f, int line, PenalChargeCode *row,
           GError **error)
{
  const char *name = charges->name;

  if (!is_charge_code (f[0]))
    return penal_model_invalid_at (
        error, name, line,
        _ ("“%s” is not a charge code written as the Patrol "
           "writes them, for example 567.030-003Y201840"),
        f[0]);
  row->code = f[0];
  row->family = g_string_chunk_insert_len (charges->families, f[0],
                                           strchr (f[0], '-') + 4 - f[0]);
  row->legacy = optional (f[1]);
  if (row->legacy != NULL
      && (strlen (row->legacy) != 5 || strspn (row->legacy, "0123456789") != 5))
    return penal_model_invalid_at (
        error, name, line, _ ("legacy code “%s” is not five digits"), f[1]);
  if (!is_letter_in (f[2], "FMILUA", &row->type) || row->type == 0)
    return penal_model_invalid_at (
        error, name, line, _ ("type “%s” is not one of F, M, I, L, U or A"),
        f[2]);
  if (!is_letter_in (f[3], "ABCDEUN", &row->klass))
    return penal_model_invalid_at (
        error, name, line, _ ("class “%s” is not one of A to E, U, N or -"),
        f[3]);
  if (!parse_day (f[4], PENAL_DATE_OPEN_START, &row->from)
      || !parse_day (f[5], PENAL_DATE_OPEN_END, &row->to))
    return penal_model_invalid_at (
        error, name, line,
        _ ("the dates “%s” and “%s” must be YYYY-MM-DD or -"), f[4], f[5]);
  if (!(g_str_equal (f[6], "Y") || g_str_equal (f[6], "N"))
      || !(g_str_equal (f[7], "Y") || g_str_equal (f[7], "N"))
      || !is_letter_in (f[8], "YN", &row->registration))
    return penal_model_invalid_at (
        error, name, line,
        _ ("fingerprints and DNA must be Y or N, registration Y, "
           "N or -"));
  row->fingerprints = f[6][0] == 'Y';
  row->dna_at_arrest = f[7][0] == 'Y';
  if (strlen (f[9]) != 4 || strspn (f[9], "YN") != 4)
    return penal_model_invalid_at (
        error, name, line, _ ("modifiers “%s” must be four letters Y or N"),
        f[9]);
  memcpy (row->modifiers, f[9], 5);
  row->case_type = optional (f[10]);
  row->ncic = optional (f[11]);
  row->statute = optional (f[12]);
  row->description = f[13];
  if (f[13][0] == '\0')
    return penal_model_invalid_at (error, name, line,
                                   _ ("the description is empty"));
  row->line = line;
  return TRUE;
}

/* Reads the header lines; returns the line after "columns", or NULL. */
static char *
parse_header (PenalCharges *charges, char *p, int *line, GError **error)
{
  const char *name = charges->name;
  gboolean columns_seen = FALSE;

  while (!columns_seen)
    {
      char *end = strchr (p, '\n');
      char *fields[N_COLUMNS + 1];
      guint n;

      if (end == NULL)
        {
          penal_model_invalid_at (
              error, name, *line,
              _ ("the table ends before its “columns” line"));
          return NULL;
        }
      *end = '\0';
      n = split_fields (p, fields, N_COLUMNS + 1);
      if (*line == 1)
        {
          if (n != 2 || !g_str_equal (fields[0], "penal-charge-codes"))
            {
              penal_model_invalid_at (
                  error, name, *line,
                  _ ("not a charge-code table: convert the Patrol's CSV "
                     "with tools/mshp-charge-codes"));
              return NULL;
            }
          if (!g_str_equal (fields[1], "1"))
            {
              penal_model_invalid_at (
                  error, name, *line,
                  _ ("charge-code table format “%s” is not one penal "
                     "reads (it reads format 1)"),
                  fields[1]);
              return NULL;
            }
        }
      else if (g_str_equal (fields[0], "columns"))
        {
          if (n != N_COLUMNS + 1)
            {
              g_autofree char *expected = g_strjoinv (" ", (char **)columns);
              penal_model_invalid_at (
                  error, name, *line,
                  _ ("the table must have exactly these columns, in "
                     "this order: %s"),
                  expected);
              return NULL;
            }
          for (guint c = 0; c < N_COLUMNS; c++)
            if (!g_str_equal (fields[c + 1], columns[c]))
              {
                penal_model_invalid_at (
                    error, name, *line,
                    _ ("column %u is “%s”; it must be “%s”"), c + 1,
                    fields[c + 1], columns[c]);
                return NULL;
              }
          columns_seen = TRUE;
        }
      else if (n != 2)
        {
          penal_model_invalid_at (
              error, name, *line,
              _ ("a header line is a key, a tab and a value"));
          return NULL;
        }
      else if (g_str_equal (fields[0], "edition"))
        {
          if (!penal_date_parse (fields[1], &charges->edition_day))
            {
              penal_model_invalid_at (
                  error, name, *line,
                  _ ("the edition “%s” is not a date YYYY-MM-DD"), fields[1]);
              return NULL;
            }
          charges->edition = fields[1];
        }
      else if (g_str_equal (fields[0], "title"))
        {
          charges->title = fields[1];
        }
      else if (g_str_equal (fields[0], "registration-source"))
        {
          charges->registration_source = fields[1];
        }
      /* Other keys (source-sha256) are for people, not for penal. */
      p = end + 1;
      (*line)++;
    }
  if (charges->edition == NULL || charges->title == NULL)
    {
      penal_model_invalid_at (
          error, name, *line - 1,
          _ ("the header must name the edition and the title"));
      return NULL;
    }
  return p;
}

PenalCharges *
penal_charges_load_data (const char *name, const char *data, gsize length,
                         GError **error)
{
  g_autoptr (PenalCharges) charges = g_new0 (PenalCharges, 1);
  int line = 1;
  char *p;

  g_return_val_if_fail (name != NULL && data != NULL, NULL);

  charges->name = penal_escape_untrusted (name);
  if (length > PENAL_CHARGES_MAX_FILE_SIZE)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE,
                   _ ("%s:1: the charge-code table is larger than %d MiB"),
                   name, PENAL_CHARGES_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!is_text (data, length))
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_ENCODING,
                   _ ("%s:1: the charge-code table is not UTF-8 text"), name);
      return NULL;
    }
  if (length == 0 || data[length - 1] != '\n')
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                   _ ("%s:1: the charge-code table is empty or cut short (its "
                      "last line does not end)"),
                   name);
      return NULL;
    }
  charges->text = g_strndup (data, length);
  charges->families = g_string_chunk_new (4096);
  charges->rows = g_array_sized_new (FALSE, TRUE, sizeof (PenalChargeCode),
                                     (guint)(length / 100));

  p = parse_header (charges, charges->text, &line, error);
  if (p == NULL)
    return NULL;
  for (; *p != '\0'; line++)
    {
      char *end = strchr (p, '\n');
      char *fields[N_COLUMNS];
      PenalChargeCode row = { 0 };
      guint n;

      *end = '\0';
      if (end - p > 2048)
        {
          penal_model_invalid_at (error, name, line,
                                  _ ("the line is longer than 2 KiB"));
          return NULL;
        }
      n = split_fields (p, fields, N_COLUMNS);
      if (n != N_COLUMNS)
        {
          penal_model_invalid_at (
              error, name, line,
              _ ("%u fields; a row has %d, separated by tabs"), n, N_COLUMNS);
          return NULL;
        }
      if (!parse_row (charges, fields, line, &row, error))
        return NULL;
      if (charges->rows->len > 0
          && strcmp (g_array_index (charges->rows, PenalChargeCode,
                                    charges->rows->len - 1)
                         .code,
                     row.code)
                 >= 0)
        {
          penal_model_invalid_at (
              error, name, line,
              _ ("charge code %s is out of order or repeated: rows are "
                 "sorted by code, each once"),
              row.code);
          return NULL;
        }
      g_array_append_val (charges->rows, row);
      p = end + 1;
    }
  if (charges->rows->len == 0)
    {
      penal_model_invalid_at (error, name, line,
                              _ ("the table has no charge codes"));
      return NULL;
    }
  return g_steal_pointer (&charges);
}

/* Reads the table, a regular file of at most the cap (penal-file.c). */
static char *
read_table_file (const char *path, gsize *out_length, GError **error)
{
  char *data = NULL;
  int saved = 0;
  g_autofree char *shown = penal_escape_untrusted (path);

  switch (penal_file_read (path, PENAL_CHARGES_MAX_FILE_SIZE, &data, out_length,
                           &saved))
    {
    case PENAL_FILE_OK:
      return data;
    case PENAL_FILE_NOT_REGULAR:
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_IO,
                   _ ("%s: the charge-code table must be a regular file"),
                   shown);
      return NULL;
    case PENAL_FILE_TOO_LARGE:
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE,
                   _ ("%s:1: the charge-code table is larger than %d MiB"),
                   shown, PENAL_CHARGES_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    case PENAL_FILE_ERRNO:
    default:
      g_set_error (error, PENAL_MODEL_ERROR,
                   saved == ENOENT ? PENAL_MODEL_ERROR_NOT_FOUND
                                   : PENAL_MODEL_ERROR_IO,
                   _ ("%s: cannot open the charge-code table: %s"), shown,
                   g_strerror (saved));
      return NULL;
    }
}

PenalCharges *
penal_charges_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (path == NULL)
    {
      g_autoptr (GBytes) bytes = NULL;

      penal_xml_ensure_resources ();
      bytes = g_resources_lookup_data (CHARGES_RESOURCE, 0, NULL);
      if (bytes == NULL)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_FAILED,
                       _ ("the bundled charge-code table is missing from the "
                          "program"));
          return NULL;
        }
      return penal_charges_load_data ("(bundled)/mshp-charge-codes.tsv",
                                      g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), error);
    }
  data = read_table_file (path, &length, error);
  if (data == NULL)
    return NULL;
  return penal_charges_load_data (path, data, length, error);
}

const char *
penal_charges_get_edition (const PenalCharges *charges)
{
  g_return_val_if_fail (charges != NULL, NULL);
  return charges->edition;
}

const char *
penal_charges_get_title (const PenalCharges *charges)
{
  g_return_val_if_fail (charges != NULL, NULL);
  return charges->title;
}

const char *
penal_charges_get_name (const PenalCharges *charges)
{
  return charges->name;
}

gint64
penal_charges_get_edition_day (const PenalCharges *charges)
{
  return charges->edition_day;
}

const char *
penal_charges_get_registration_source (const PenalCharges *charges)
{
  return charges->registration_source;
}

guint
penal_charges_get_n_codes (const PenalCharges *charges)
{
  g_return_val_if_fail (charges != NULL, 0);
  return charges->rows->len;
}

const PenalChargeCode *
penal_charges_get_row (const PenalCharges *charges, guint index)
{
  g_return_val_if_fail (index < charges->rows->len, NULL);
  return &g_array_index (charges->rows, PenalChargeCode, index);
}

/* The index of the first row whose code is not less than key. */
static guint
lower_bound (const PenalCharges *charges, const char *key)
{
  guint lo = 0, hi = charges->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (strcmp (g_array_index (charges->rows, PenalChargeCode, mid).code, key)
          < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

const PenalChargeCode *
penal_charges_find (const PenalCharges *charges, const char *code)
{
  guint i = lower_bound (charges, code);

  if (i < charges->rows->len
      && g_str_equal (g_array_index (charges->rows, PenalChargeCode, i).code,
                      code))
    return &g_array_index (charges->rows, PenalChargeCode, i);
  return NULL;
}

/* (transfer container): the family's rows (PenalChargeCode), by code. */
GPtrArray *
penal_charges_family (const PenalCharges *charges, const char *family)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = lower_bound (charges, family); i < charges->rows->len; i++)
    {
      const PenalChargeCode *row
          = &g_array_index (charges->rows, PenalChargeCode, i);
      if (!g_str_equal (row->family, family))
        break;
      g_ptr_array_add (rows, (gpointer)row);
    }
  return rows;
}

gboolean
penal_charges_has_family (const PenalCharges *charges, const char *family)
{
  g_autoptr (GPtrArray) rows = penal_charges_family (charges, family);
  return rows->len > 0;
}

/* (transfer container): the family's rows whose period covers date; the
 * Patrol's table is not always tidy, so there may be more than one. */
GPtrArray *
penal_charges_in_force (const PenalCharges *charges, const char *family,
                        gint64 date)
{
  GPtrArray *rows = penal_charges_family (charges, family);
  guint kept = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const PenalChargeCode *row = g_ptr_array_index (rows, i);
      if (row->from <= date && date <= row->to)
        rows->pdata[kept++] = (gpointer)row;
    }
  g_ptr_array_set_size (rows, kept);
  return rows;
}

/* The class penal's codes give the table's type and class letter: FALSE
 * for an ordinance, an unclassified code or one with no class. */
gboolean
penal_charge_code_class (const PenalChargeCode *row, PenalClass *out)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (row != NULL, FALSE);

  if (row->type == 'I')
    return penal_class_from_code ("infraction", out);
  if (row->klass == 0 || row->klass == 'U' || row->klass == 'N')
    return FALSE;
  if (row->type == 'F')
    code = g_strdup_printf ("felony-%c", row->klass);
  else if (row->type == 'M')
    code = g_strdup_printf ("misdemeanor-%c", row->klass);
  return code != NULL && penal_class_from_code (code, out);
}

/* A code's type as penal's output names it. */
const char *
penal_charge_type_code (char type)
{
  switch (type)
    {
    case 'F':
      return "felony";
    case 'M':
      return "misdemeanor";
    case 'I':
      return "infraction";
    case 'L':
      return "ordinance";
    case 'U':
      return "unknown";
    default:
      return "other";
    }
}

/* A code's type in the reader's language. */
const char *
penal_charge_type_text (char type)
{
  switch (type)
    {
    case 'F':
      return _ ("felony");
    case 'M':
      return _ ("misdemeanor");
    case 'I':
      return _ ("infraction");
    case 'L':
      return _ ("municipal ordinance");
    case 'U':
      return _ ("type unknown");
    default:
      return _ ("a type the Patrol's file layout does not list");
    }
}

/* When a code was in force, in words.  (transfer full) */
char *
penal_charge_period_text (const PenalChargeCode *row)
{
  g_autofree char *from = row->from != PENAL_DATE_OPEN_START
                              ? penal_date_to_display (row->from)
                              : NULL;
  g_autofree char *to
      = row->to != PENAL_DATE_OPEN_END ? penal_date_to_display (row->to) : NULL;

  if (from != NULL && to != NULL)
    return g_strdup_printf (_ ("from %s to %s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_ ("from %s on"), from);
  if (to != NULL)
    return g_strdup_printf (_ ("until %s"), to);
  return g_strdup (_ ("with no dates in the table"));
}
