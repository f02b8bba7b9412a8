/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n-glossary.c: the Spanish a client reads, on the real binary: every
 * answer, interview and help checked for po/GLOSSARY.md's terms and for
 * none of those it rejects, no English left over, and dates written as
 * Spanish writes them. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

/* ------------------------------------------------------------------ */
/* The Spanish a client reads: po/GLOSSARY.md's terms, none it rejects  */

/* One Spanish run: what it must say, in the glossary's terms. */
typedef struct
{
  const char *name;
  const char *args[10];
  const char *input;         /* the interview's answers, or NULL */
  gboolean answer;           /* an answer (not help): no ISO date in prose */
  const char *out_terms[12]; /* on standard output */
  const char *err_terms[3];  /* on standard error (the interview's questions) */
} SpanishCase;

static const SpanishCase spanish_cases[] = {
  /* A minor charged with prostitution on 1 January 2023 (RSMo 567.020 as in
   * force from 28 August 2022): a class B misdemeanor, up to six months
   * (RSMo 558.011.1(7)) and $1,000 (558.002.1(3)) or double the gain
   * (558.002.1(7)); RSMo 567.020.5: a victim of child abuse (RSMo
   * 210.110), reported immediately to the children's division; the
   * hotline from seed 001 (KSDK, 2019). */
  { "minor-charged",
    { "classify", "offense=prostitution", "defendant_age=16", "knew_hiv=no",
      "prior_prostitution_offenses=0", "offense_date=2023-01-01" },
    NULL,
    TRUE,
    { "Clase: delito menor de clase B (class B misdemeanor) [RSMo 567.020.2]\n",
      "  Encarcelamiento: hasta 6 meses. [RSMo 558.011.1(7)]\n",
      "  Multa: hasta 1,000 dólares. [RSMo 558.002.1(3)]\n",
      "hasta el doble de la ganancia",
      "es víctima de abuso infantil, que debe denunciarse de inmediato a la "
      "agencia de protección infantil de Missouri (Children's Division). "
      "[RSMo 567.020.5]\n",
      "Programa de desvío (diversion): no es posible.\n",
      "  penal no tiene registrado ningún programa de desvío que se aplique a "
      "este delito (RSMo 567.020).\n",
      "  - Línea Nacional Contra la Trata de Personas (National Human "
      "Trafficking Hotline), 1-888-373-7888,",
      "la antigua línea de Missouri ahora transfiere las llamadas a esta "
      "línea.\n",
      "Fue declarada culpable antes menos de dos veces (en juicio o porque se "
      "declaró culpable)" },
    { NULL } },
  /* A minor of sixteen patronized in 2023: a class E felony (RSMo
   * 567.030.3 from 28 August 2018), up to four years (558.011.1(5)), a
   * special term of up to a year in the county jail instead, longer terms
   * in the department of corrections (558.011.2), $10,000 (558.002.1(1));
   * no diversion when a minor was involved (KCTV5, 22 February 2019; the
   * 2016 article on OAR); the hotline. */
  { "felony-minor-patronized",
    { "classify", "offense=patronizing", "victim_age=16",
      "prior_prostitution_offenses=0", "offense_date=2023-01-01" },
    NULL,
    TRUE,
    { "Clase: delito mayor de clase E (class E felony) [RSMo 567.030.3]\n",
      "  Encarcelamiento: hasta 4 años. [RSMo 558.011.1(5)]\n",
      "  En vez de prisión estatal, el tribunal puede imponer hasta 1 año en "
      "la cárcel del condado. [RSMo 558.011.2]\n",
      "se cumple en una prisión estatal (Departamento de Correcciones de "
      "Missouri). [RSMo 558.011.2]\n",
      "  Multa: hasta 10,000 dólares. [RSMo 558.002.1(1)]\n",
      "Programa de desvío (diversion): no es posible.\n",
      "(fundamento: inferencia) [KCTV5, 22 de febrero de 2019]\n",
      "(fundamento: inferencia) [Artículo sobre el programa OAR, 2016]\n",
      "  - Asegúrese de que se denuncie la situación del menor: la Línea "
      "Nacional Contra la Trata de Personas (National Human Trafficking "
      "Hotline) recibe denuncias.\n" },
    { NULL } },
  /* Prostitution knowing of HIV infection in 2016: a class B felony, five
   * to fifteen years (RSMo 558.011.1(2) before 2017). */
  { "felony-term-range",
    { "classify", "offense=prostitution", "knew_hiv=yes", "defendant_age=30",
      "prior_prostitution_offenses=0", "offense_date=2016-06-01" },
    NULL,
    TRUE,
    { "Clase: delito mayor de clase B (class B felony) [RSMo 567.020]\n",
      "  Encarcelamiento: de 5 a 15 años. [RSMo 558.011.1(2)]\n" },
    { NULL } },
  /* A first-time offender, an adult patronized, 1 January 2018: a class B
   * misdemeanor (RSMo 567.030.3), and Johnz School open (KCTV5, 22
   * February 2019: first-time offenders, no minor involved). */
  { "diversion-open",
    { "classify", "offense=patronizing", "victim_age=30",
      "prior_prostitution_offenses=0", "offense_date=2018-01-01" },
    NULL,
    TRUE,
    { "Clase: delito menor de clase B (class B misdemeanor) [RSMo 567.030.3]\n",
      "Programa de desvío (diversion): posible.\n",
      "): puede participar. Infractor por primera vez, y no hubo ningún menor "
      "involucrado. (fundamento: fuente secundaria) [KCTV5, 22 de febrero de "
      "2019]\n",
      "Las cuotas del programa se pagan a Veronica's Voice.",
      "y confirme la cuota y las reglas actuales.\n" },
    { NULL } },
  /* Two prior findings of guilt: not a first-time offender, so no
   * diversion (seed 004; KCTV5), and a persistent prostitution offender,
   * a class E felony from 2017 (RSMo 567.110). */
  { "diversion-closed",
    { "classify", "offense=patronizing", "victim_age=30",
      "prior_prostitution_offenses=2", "offense_date=2018-01-01" },
    NULL,
    TRUE,
    { "Programa de desvío (diversion): no es posible.\n",
      "La persona ya fue declarada culpable de un delito relacionado con la "
      "prostitución (en juicio o porque se declaró culpable), así que no es "
      "infractora por primera vez.",
      "Haber sido declarada culpable antes dos o más veces (en juicio o "
      "porque se declaró culpable)",
      "Por eso el delito se clasifica como delito mayor de clase E." },
    { NULL } },
  /* Whether the person was found guilty before is not given: whether
   * diversion is open depends on it. */
  { "diversion-cannot-tell",
    { "classify", "offense=patronizing", "victim_age=30",
      "offense_date=2019-01-15" },
    NULL,
    TRUE,
    { "Programa de desvío (diversion): aún no se puede saber.\n",
      "prior_prostitution_offenses (cuántas veces la persona fue declarada "
      "culpable antes, en juicio o porque se declaró culpable, de un delito "
      "relacionado con la prostitución)",
      "[Programa de desvío municipal de Kansas City]\n",
      "  - Averigüe, para saber si es posible un programa de desvío: " },
    { NULL } },
  /* A minor charged in 2020: the affirmative defense of HB 397, as the
   * House's summary describes it. */
  { "house-summary",
    { "classify", "offense=prostitution", "defendant_age=16", "knew_hiv=no",
      "prior_prostitution_offenses=0", "offense_date=2020-01-01" },
    NULL,
    TRUE,
    { "(fundamento: registro oficial) [Resumen de la HB 397 (2019) de la "
      "Cámara de Representantes]\n" },
    { NULL } },
  /* The interview, as in "diversion-open" but on 15 January 2019. */
  { "interview",
    { "screen" },
    "2\n2019-01-15\n30\n0\n",
    TRUE,
    { "En resumen:\n",
      "  Pagar por prostitución: delito menor de clase B (class B "
      "misdemeanor) [RSMo 567.030.3].\n",
      "  Encarcelamiento: hasta 6 meses. Multa: hasta 1,000 dólares.\n",
      "  Programa de desvío (diversion): posible.\n" },
    { "¿Cuántas veces fue declarada culpable antes la persona de un delito "
      "relacionado con la prostitución (en juicio o porque se declaró "
      "culpable)? Escriba 0 si nunca.\n" } },
  /* The Patrol's code for patronizing a person aged 15 to 17, in force on
   * 1 January 2019: a class E felony (charge-code table, edition of 5
   * August 2021).  Its answer shows the classify command to type, with an
   * ISO date. */
  { "lookup",
    { "lookup", "567.030-003Y201840", "offense_date=2019-01-01" },
    NULL,
    FALSE,
    { "  La tabla lo da como delito mayor de clase E (class E felony).",
      "  Encarcelamiento: hasta 4 años. [RSMo 558.011.1(5)]\n" },
    { NULL } },
  { "help",
    { "--help" },
    NULL,
    FALSE,
    { "\nComandos:\n", "y si es posible un programa de desvío," },
    { NULL } },
  { "classify-help",
    { "classify", "--help" },
    NULL,
    FALSE,
    { "Clase, encarcelamiento, multa y programa de desvío de un caso, con la "
      "ley de cada parte.\n",
      "      cuántas veces la persona fue declarada culpable antes" },
    { NULL } },
};

/* Words po/GLOSSARY.md rejects, each for the reason it gives there. */
static const char *const rejected_terms[] = {
  /* Deviation, next to prostitution: "programa de desvío". */
  "desviación",
  "Desviación",
  /* In Mexico, detention without bail: "delito mayor". */
  "delito grave",
  /* A false friend. */
  "felonía",
  /* State prison, for any term: "encarcelamiento". */
  "pena de prisión",
  "Pena de prisión",
  /* A sentence or a conviction, not a term. */
  "condena",
  /* Pleas only; a finding of guilt is "fue declarada culpable". */
  "declaraciones de culpabilidad",
  "declaración de culpabilidad anterior",
  /* A juvenile court, not the child-protection agency. */
  "división de menores",
  /* "Cuota". */
  "tarifa",
  /* "penal no tiene registrado…". */
  "archivos de leyes",
  /* "Comandos", as the usage line says COMANDO. */
  "Órdenes",
  /* One spelling: "período". */
  "periodo",
  "Periodo",
  /* "El doble de la ganancia". */
  "veces la ganancia",
  /* "Puede participar". */
  "elegible",
  /* "Escriba", "indique". */
  "Dé ",
  " dé ",
};

/* English that must not reach a Spanish answer: sources' citations and
 * labels as the statute files write them, what a program no statute sets
 * up is called there, and the English headings. */
static const char *const english_leaks[] = {
  "KCTV5, on ",
  "Veronica's Voice and Johnz School,",
  "Article on",
  "project seed",
  "House bill summary",
  "House summary",
  "Kansas City municipal diversion",
  "Imprisonment",
  "Fine:",
  "Diversion",
  "Class:",
  "Next steps",
  "Because:",
};

static const char *const english_months[]
    = { "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December" };

/* Is word at p a whole word of text (no letter either side)? */
static gboolean
whole_word_at (const char *text, const char *p, gsize length)
{
  gunichar before = p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : ' ';
  gunichar after = g_utf8_get_char (p + length);

  return !g_unichar_isalpha (before) && !g_unichar_isalpha (after);
}

/* Fails unless every occurrence of needle in text sits inside one of the
 * frames: before is what must come just before it, after just after. */
static void
assert_only_framed (const char *text, const char *needle, const char *before,
                    const char *after)
{
  gsize length = strlen (needle);

  for (const char *p = strstr (text, needle); p != NULL;
       p = strstr (p + 1, needle))
    {
      gsize skip = strlen (before);
      gboolean framed = (gsize)(p - text) >= skip
                        && strncmp (p - skip, before, skip) == 0
                        && strncmp (p + length, after, strlen (after)) == 0;

      if (!framed)
        g_error ("“%s” outside “%s…%s” in:\n%s", needle, before, after, text);
    }
}

/* The glossary's rules that hold for any Spanish text penal writes. */
static void
assert_spanish_glossary (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejected_terms); i++)
    penal_test_assert_lacks (text, rejected_terms[i]);
  for (guint i = 0; i < G_N_ELEMENTS (english_leaks); i++)
    penal_test_assert_lacks (text, english_leaks[i]);

  /* "Cita" is an appointment to most readers: "referencia a la ley". */
  for (const char *p = strstr (text, "cita"); p != NULL;
       p = strstr (p + 1, "cita"))
    if (whole_word_at (text, p, 4)
        || (p[4] == 's' && whole_word_at (text, p, 5)))
      g_error ("the word “cita” in:\n%s", text);
  /* Abuse is child abuse (RSMo 210.110). */
  for (const char *p = strstr (text, "víctima de abuso"); p != NULL;
       p = strstr (p + 1, "víctima de abuso"))
    if (!g_str_has_prefix (p, "víctima de abuso infantil"))
      g_error ("“víctima de abuso” without “infantil” in:\n%s", text);
  /* "Desvío" always as "programa de desvío", never alone. */
  for (const char *p = strstr (text, "desvío"); p != NULL;
       p = strstr (p + 1, "desvío"))
    if (p - text < 11 || strncmp (p - 11, "rograma de ", 11) != 0)
      g_error ("“desvío” without “programa de” in:\n%s", text);
  /* A range of years names its unit once: "de 5 a 15 años". */
  g_assert_false (g_regex_match_simple ("[0-9] años a [0-9]", text, 0, 0));

  /* English class names only in the parentheses after the Spanish ones;
   * "diversion" only in the heading's parentheses; the hotline's English
   * name only after its Spanish one. */
  for (char letter = 'A'; letter <= 'E'; letter++)
    {
      g_autofree char *felony = g_strdup_printf ("class %c felony", letter);
      g_autofree char *misdemeanor
          = g_strdup_printf ("class %c misdemeanor", letter);
      g_autofree char *felony_name
          = g_strdup_printf ("delito mayor de clase %c (", letter);
      g_autofree char *misdemeanor_name
          = g_strdup_printf ("delito menor de clase %c (", letter);

      assert_only_framed (text, felony, felony_name, ")");
      assert_only_framed (text, misdemeanor, misdemeanor_name, ")");
    }
  assert_only_framed (text, "diversion", "Programa de desvío (", ")");
  assert_only_framed (text, "National Human Trafficking Hotline",
                      "Línea Nacional Contra la Trata de Personas (", ")");

  for (guint i = 0; i < G_N_ELEMENTS (english_months); i++)
    for (const char *p = strstr (text, english_months[i]); p != NULL;
         p = strstr (p + 1, english_months[i]))
      if (whole_word_at (text, p, strlen (english_months[i])))
        g_error ("the English month “%s” in:\n%s", english_months[i], text);
}

static void
test_spanish_glossary (gconstpointer data)
{
  const SpanishCase *c = data;
  g_auto (PenalTestRun) run = { 0 };
  const char *input = c->input != NULL ? c->input : "";

  if (!penal_test_have_catalogs ())
    return;
  penal_test_run_input (&run, "es", "C.UTF-8", c->args, input, strlen (input));
  g_assert_cmpint (run.exit_code, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (c->out_terms) && c->out_terms[i]; i++)
    penal_test_assert_contains (run.out, c->out_terms[i]);
  for (guint i = 0; i < G_N_ELEMENTS (c->err_terms) && c->err_terms[i]; i++)
    penal_test_assert_contains (run.err, c->err_terms[i]);
  assert_spanish_glossary (run.out);
  assert_spanish_glossary (run.err);
  /* Dates in an answer are written as dates are in Spanish; the
   * interview's example of what to type (on standard error) is not one. */
  if (c->answer)
    g_assert_false (
        g_regex_match_simple ("[0-9]{4}-[0-9]{2}-[0-9]{2}", run.out, 0, 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  PENAL_TEST_ADD_CASES ("/i18n/spanish/glossary", spanish_cases,
                        test_spanish_glossary);
  return g_test_run ();
}
