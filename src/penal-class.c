/* penal-class.c: the stable offense class codes and their display names. */
#include "config.h"

#include <glib/gi18n.h>

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
