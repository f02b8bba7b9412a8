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
