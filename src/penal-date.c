/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-date.c: calendar dates as penal reads and writes them.
 *
 * A date is a Julian day number as GDate counts them (1 January of year 1
 * is day 1), so dates compare and subtract as integers.  Two parsers of
 * YYYY-MM-DD sit side by side: the strict one, through GDate, for facts
 * and options, and a fast one by arithmetic alone for batch rows; they
 * accept exactly the same text and give the same day.  Caseloads exported
 * from spreadsheets and case systems write dates in more ways, which
 * penal_date_parse_export reads where nothing has to be guessed. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "penal-date.h"

gboolean
penal_date_parse (const char *text, gint64 *out_julian)
{
  guint64 year, month, day;
  GDate date;

  /* Exactly YYYY-MM-DD: no sign, no spaces, no time. */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  *out_julian = g_date_get_julian (&date);
  return TRUE;
}

char *
penal_date_to_iso (gint64 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Month names are translated here rather than taken from the C library's
 * locale data, so a date reads right in the reader's language even on a
 * machine with no locale installed for it. */
static const char *const month_names[12] = {
  NC_ ("month", "January"),   NC_ ("month", "February"),
  NC_ ("month", "March"),     NC_ ("month", "April"),
  NC_ ("month", "May"),       NC_ ("month", "June"),
  NC_ ("month", "July"),      NC_ ("month", "August"),
  NC_ ("month", "September"), NC_ ("month", "October"),
  NC_ ("month", "November"),  NC_ ("month", "December"),
};

/* The date written the reader's way, for example "1 June 2016". */
char *
penal_date_to_display (gint64 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)julian);
  /* TRANSLATORS: a date in prose: %1$u is the day, %2$s the name of the
     month, %3$u the year; for example "%1$u de %2$s de %3$u" in Spanish. */
  return g_strdup_printf (
      _ ("%1$u %2$s %3$u"), g_date_get_day (&date),
      g_dpgettext2 (GETTEXT_PACKAGE, "month",
                    month_names[g_date_get_month (&date) - 1]),
      g_date_get_year (&date));
}

gint64
penal_date_today (void)
{
  GDate date;

  /* The local day, through the C library, which reads the time zone once
   * per process (GDateTime looks it up again on every call). */
  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  return g_date_get_julian (&date);
}

/* The same as penal_date_parse for text that is not NUL-terminated, by
 * arithmetic alone (no GDate): batch parses one date a row.
 * tests/dates.c proves the two agree on every day from 1900 to 2100 and
 * refuse the same malformed text. */
gboolean
penal_date_parse_fast (const char *text, gsize length, gint64 *out)
{
  static const int days_in_month[]
      = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gint64 y, m, d, era, yoe, doy, doe;

  if (length != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
      return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10
      + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return FALSE;
  if (d > days_in_month[m - 1]
              + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
    return FALSE;
  /* Days from the civil date (H. Hinnant's algorithm), then to GDate's
   * Julian day numbers, in which 1 January of year 1 is day 1. */
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *out = era * 146097 + doe - 719468 + 719163;
  return TRUE;
}

/* Reads digits from text[*i] on, at least min and at most max of them. */
static gboolean
read_digits (const char *text, gsize length, gsize *i, guint min, guint max,
             guint *out)
{
  guint n = 0;

  *out = 0;
  while (*i < length && n < max && g_ascii_isdigit (text[*i]))
    *out = *out * 10 + (guint)(text[(*i)++] - '0'), n++;
  return n >= min && (*i == length || !g_ascii_isdigit (text[*i]));
}

/* A time of day after a date, from text[i] on: "T00:00", " 00:00:00",
 * " 0:00", with seconds and a fraction or not.  Only local midnight means
 * the date alone; any other time, or a time zone (midnight in UTC is the
 * evening before in Missouri), may put the offense on another day. */
static PenalDateReading
read_time (const char *text, gsize length, gsize i)
{
  guint hours, minutes, seconds = 0, fraction = 0;

  if (i == length)
    return PENAL_DATE_READ;
  if (text[i] != 'T' && text[i] != ' ')
    return PENAL_DATE_INVALID;
  i++;
  if (!read_digits (text, length, &i, 1, 2, &hours) || i >= length
      || text[i++] != ':' || !read_digits (text, length, &i, 2, 2, &minutes))
    return PENAL_DATE_INVALID;
  if (i < length && text[i] == ':')
    {
      i++;
      if (!read_digits (text, length, &i, 2, 2, &seconds))
        return PENAL_DATE_INVALID;
      if (i < length && text[i] == '.')
        {
          i++;
          if (!read_digits (text, length, &i, 1, 9, &fraction))
            return PENAL_DATE_INVALID;
        }
    }
  if (hours > 23 || minutes > 59 || seconds > 60)
    return PENAL_DATE_INVALID;
  if (i < length)
    {
      /* A time zone: Z, +hh:mm or -hh:mm, after any time at all. */
      if (text[i] == 'Z' || text[i] == '+' || text[i] == '-')
        return PENAL_DATE_TIME_SET;
      return PENAL_DATE_INVALID;
    }
  return hours == 0 && minutes == 0 && seconds == 0 && fraction == 0
             ? PENAL_DATE_READ
             : PENAL_DATE_TIME_SET;
}

/* A date as an export writes it: YYYY-MM-DD, that with a time of day of
 * midnight ("2016-06-01 00:00:00", "2016-06-01T00:00"), or, when order
 * says how, a slashed date with a four-digit year (6/1/2016, 06/01/2016,
 * with " 0:00" after it or not).  A slashed date is never read without an
 * order: 6/1/2016 is 1 June in Missouri and 6 January in much of the
 * world. */
PenalDateReading
penal_date_parse_export (const char *text, gsize length, PenalDateOrder order,
                         gint64 *out)
{
  char iso[11];
  guint first, second, year;
  gsize i = 0;
  PenalDateReading time;

  if (length >= 10 && penal_date_parse_fast (text, 10, out))
    {
      time = read_time (text, length, 10);
      return time;
    }
  if (!read_digits (text, length, &i, 1, 2, &first) || i >= length
      || text[i++] != '/' || !read_digits (text, length, &i, 1, 2, &second)
      || i >= length || text[i++] != '/'
      || !read_digits (text, length, &i, 4, 4, &year))
    return PENAL_DATE_INVALID;
  time = read_time (text, length, i);
  if (time != PENAL_DATE_READ)
    return time;
  if (order == PENAL_DATE_ORDER_NONE)
    return PENAL_DATE_SLASHED;
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", year,
              order == PENAL_DATE_ORDER_MDY ? first : second,
              order == PENAL_DATE_ORDER_MDY ? second : first);
  return penal_date_parse_fast (iso, 10, out) ? PENAL_DATE_READ
                                              : PENAL_DATE_INVALID;
}
