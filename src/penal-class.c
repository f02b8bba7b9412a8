/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-class.c: the stable offense class codes and their display names. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "penal-class.h"

static const struct
{
  const char *code;
  const char *name;
} class_table[PENAL_N_CLASSES] = {
  { "felony-A", N_ ("class A felony") },
  { "felony-B", N_ ("class B felony") },
  { "felony-C", N_ ("class C felony") },
  { "felony-D", N_ ("class D felony") },
  { "felony-E", N_ ("class E felony") },
  { "misdemeanor-A", N_ ("class A misdemeanor") },
  { "misdemeanor-B", N_ ("class B misdemeanor") },
  { "misdemeanor-C", N_ ("class C misdemeanor") },
  { "misdemeanor-D", N_ ("class D misdemeanor") },
  { "infraction", N_ ("infraction") },
};

gboolean
penal_class_from_code (const char *code, PenalClass *out_class)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < PENAL_N_CLASSES; i++)
    if (g_str_equal (code, class_table[i].code))
      {
        if (out_class != NULL)
          *out_class = (PenalClass)i;
        return TRUE;
      }
  return FALSE;
}

const char *
penal_class_to_code (PenalClass klass)
{
  g_return_val_if_fail (klass < PENAL_N_CLASSES, NULL);
  return class_table[klass].code;
}

/* Returns the translated name, for example "class D felony". */
const char *
penal_class_to_name (PenalClass klass)
{
  g_return_val_if_fail (klass < PENAL_N_CLASSES, NULL);
  return _ (class_table[klass].name);
}

/* (transfer full): the translated name followed, in a language other than
 * English, by the English name in parentheses, as charging papers and court
 * records write it, so a reader can match them: "delito mayor de clase E
 * (class E felony)".  In English, the name alone. */
char *
penal_class_to_name_with_english (PenalClass klass)
{
  const char *english;
  const char *name;

  g_return_val_if_fail (klass < PENAL_N_CLASSES, NULL);
  english = class_table[klass].name;
  name = _ (english);
  if (strcmp (name, english) == 0)
    return g_strdup (name);
  /* TRANSLATORS: a class name in your language, then its English name as
     Missouri's charging papers write it: "delito mayor de clase E (class E
     felony)". */
  return g_strdup_printf (C_ ("class name, then its English name", "%s (%s)"),
                          name, english);
}

/* A class as people type it in a case record: penal's code (felony-D,
 * misdemeanor-B, infraction) or the words around one letter, in any case
 * and with any of " -_." between them: "Class D Felony", "D felony",
 * "felony D", "Felony Class D", "M-A", "FD", "misd. B".  The letter must
 * name a class of its kind (felonies A to E, misdemeanors A to D); a bare
 * letter, or a kind without one, is refused, never guessed. */
gboolean
penal_class_parse_typed (const char *text, PenalClass *out_class)
{
  g_autofree char *lower = NULL;
  g_auto (GStrv) words = NULL;
  char kind = 0, letter = 0;
  g_autofree char *code = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (penal_class_from_code (text, out_class))
    return TRUE;
  lower = g_ascii_strdown (text, -1);
  g_strdelimit (lower, "-_.", ' ');
  words = g_strsplit (g_strstrip (lower), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0' || g_str_equal (word, "class"))
        continue;
      if (g_str_equal (word, "infraction") && kind == 0 && letter == 0)
        kind = 'I';
      else if ((g_str_equal (word, "felony") || g_str_equal (word, "f"))
               && kind == 0)
        kind = 'F';
      else if ((g_str_equal (word, "misdemeanor") || g_str_equal (word, "misd")
                || g_str_equal (word, "m"))
               && kind == 0)
        kind = 'M';
      else if (strlen (word) == 1 && g_ascii_isalpha (*word) && letter == 0)
        letter = g_ascii_toupper (*word);
      else if (strlen (word) == 2 && (word[0] == 'f' || word[0] == 'm')
               && g_ascii_isalpha (word[1]) && kind == 0 && letter == 0)
        {
          kind = word[0] == 'f' ? 'F' : 'M';
          letter = g_ascii_toupper (word[1]);
        }
      else
        return FALSE;
    }
  if (kind == 'I')
    return letter == 0 && penal_class_from_code ("infraction", out_class);
  if (kind == 0 || letter == 0)
    return FALSE;
  code = g_strdup_printf ("%s-%c", kind == 'F' ? "felony" : "misdemeanor",
                          letter);
  return penal_class_from_code (code, out_class);
}
