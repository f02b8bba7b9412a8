/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.c: the real binary answers in Spanish under LANGUAGE=es or --lang=es,
 * keeps its codes stable, falls back to English where a translation is
 * missing, and reads only the catalogs it ships, when they fit their
 * messages (i18n-glossary.c checks the Spanish words themselves). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "penal-test-register.h"
#include "penal-test-run.h"

static const char *const patronizing_2016[]
    = { "classify", "offense=patronizing", "victim_age=14",
        "offense_date=2016-06-01", NULL };
static const char *const lang_es_patronizing_2016[]
    = { "--lang=es",
        "classify",
        "offense=patronizing",
        "victim_age=14",
        "offense_date=2016-06-01",
        NULL };

/* research/missouri-law.md, "Until 2016-12-31": patronizing a person aged
 * fourteen or younger was a class D felony (RSMo 567.030.4), up to four years
 * (RSMo 558.011.1(4)), fine up to $5,000. */
static void
test_spanish_text (void)
{
  g_autofree char *out = NULL;
  const char *first, *second;

  if (!penal_test_have_catalogs ())
    return;
  out = penal_test_run_text ("es", "C.UTF-8", patronizing_2016);
  penal_test_assert_contains_each (
      out, "delito mayor de clase D", "4 años", "1 de junio de 2016",
      "5,000 dólares", "[RSMo 567.030.4]", "[RSMo 558.011.1(4)]",
      "cárcel del condado",
      /* "In short" and the class line alone also name the class in
       * English, as the charging papers do; no other English. */
      "En resumen:\n  Pagar por prostitución: delito mayor de clase D "
      "(class D felony) [RSMo 567.030.4].\n",
      "Clase: delito mayor de clase D (class D felony) [RSMo 567.030.4]\n",
      NULL);
  first = strstr (out, "felony");
  second = strstr (first + 1, "felony");
  g_assert_cmpstr (first, ==, strstr (out, "felony) [RSMo 567.030.4]."));
  g_assert_cmpstr (second, ==, strstr (out, "felony) [RSMo 567.030.4]\n"));
  g_assert_null (strstr (second + 1, "felony"));
  penal_test_assert_lacks (out, "Imprisonment");
}

/* research/missouri-law.md, "RSMo 567.020": with knowledge of HIV,
 * prostitution is a class B felony, 5 to 15 years (RSMo 558.011.1(2)). */
static void
test_spanish_json (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  const char *const args[]
      = { "classify",     "--format=json",           "offense=prostitution",
          "knew_hiv=yes", "offense_date=2025-03-01", NULL };
  /* Codes never follow the language. */
  static const PenalTestString codes[] = {
    { "class", "felony-B" },          { "offense_date", "2025-03-01" },
    { "citation", "RSMo 567.020.2" }, { "imprisonment/min", "P5Y" },
    { "imprisonment/max", "P15Y" },
  };
  JsonObject *root;
  JsonArray *trace;

  if (!penal_test_have_catalogs ())
    return;
  out = penal_test_run_text ("es", "C.UTF-8", args);
  root = penal_test_parse_object (parser, out);
  penal_test_assert_strings (root, codes, G_N_ELEMENTS (codes));

  /* The prose does. */
  trace = json_object_get_array_member (root, "trace");
  g_assert_cmpuint (json_array_get_length (trace), >, 1);
  penal_test_assert_contains (
      json_object_get_string_member (json_array_get_object_element (trace, 1),
                                     "text"),
      "VIH");
  penal_test_assert_contains (
      json_object_get_string_member (root, "explanation"),
      "delito mayor de clase B");
}

/* An answer in Spanish: what penal prints for args with LANGUAGE and
 * LC_ALL as given (NULL: unset) holds each of contains and not lacks. */
typedef struct
{
  const char *name;
  const char *language;
  const char *lc_all;
  const char *args[6];
  const char *contains[4]; /* up to the first NULL */
  const char *lacks;       /* NULL: nothing checked */
} SpanishOutput;

static const SpanishOutput spanish_outputs[] = {
  /* --lang=es works with no locale variables at all. */
  { "lang-option",
    NULL,
    NULL,
    { "--lang=es", "classify", "offense=patronizing", "victim_age=14",
      "offense_date=2016-06-01", NULL },
    { "delito mayor de clase D", "1 de junio de 2016" },
    NULL },
  /* Plural forms: one year vs several.  research/missouri-law.md, "From
   * 2017-01-01": class A misdemeanor, up to 1 year; for 567.030 before 2017
   * a person aged 15-17 gave that class. */
  { "plurals",
    "es",
    "C.UTF-8",
    { "classify", "offense=patronizing", "victim_age=16",
      "offense_date=2016-06-01", NULL },
    { "1 año", "delito menor de clase A" },
    "1 años" },
  /* The general help, with no English summary left in it. */
  { "help",
    "es",
    "C.UTF-8",
    { "--help", NULL },
    { "una ley tal como estaba vigente en una fecha", "Clasifica un cargo",
      "Estado de salida" },
    "Classify a charge" },
  /* --version is translated too, but the name of the licence and its
   * address stay as they are. */
  { "version",
    NULL,
    NULL,
    { "--lang=es", "--version", NULL },
    { "Copyright (C) 2026 los autores de penal\n",
      "Licencia GPLv3+: GNU GPL versión 3 o posterior "
      "<https://gnu.org/licenses/gpl.html>.\n",
      "NINGUNA GARANTÍA" },
    "NO WARRANTY" },
};

static void
test_spanish_output (gconstpointer data)
{
  const SpanishOutput *c = data;
  g_autofree char *out = NULL;

  if (!penal_test_have_catalogs ())
    return;
  out = penal_test_run_text (c->language, c->lc_all, c->args);
  for (guint i = 0; i < G_N_ELEMENTS (c->contains) && c->contains[i] != NULL;
       i++)
    penal_test_assert_contains (out, c->contains[i]);
  if (c->lacks != NULL)
    penal_test_assert_lacks (out, c->lacks);
}

static void
test_spanish_error (void)
{
  g_auto (PenalTestRun) run = { 0 };
  const char *const args[]
      = { "classify", "offense=patronizing", "victim_age=-3", NULL };

  if (!penal_test_have_catalogs ())
    return;
  penal_test_run (&run, "es", "C.UTF-8", args);
  g_assert_cmpint (run.exit_code, ==, 64);
  g_assert_cmpstr (run.out, ==, "");
  penal_test_assert_contains (run.err, "victim_age");
  penal_test_assert_contains (run.err, "entre 0 y 120");
}

/* Runs penal as the tests do, but with PENAL_LOCALEDIR set to dir, or
 * unset when dir is NULL. */
static void
run_with_localedir (PenalTestRun *run, const char *dir, const char *language,
                    const char *lc_all, const char *const *args)
{
  g_autofree char *saved = g_strdup (g_getenv ("PENAL_LOCALEDIR"));

  if (dir != NULL)
    g_setenv ("PENAL_LOCALEDIR", dir, TRUE);
  else
    g_unsetenv ("PENAL_LOCALEDIR");
  penal_test_run (run, language, lc_all, args);
  if (saved != NULL)
    g_setenv ("PENAL_LOCALEDIR", saved, TRUE);
  else
    g_unsetenv ("PENAL_LOCALEDIR");
}

/* The binary of the build tree speaks Spanish before make install, through
 * --lang and through LANGUAGE, from the catalogs make stages in locale/
 * (src/cli/main.c finds them from where the binary runs), with no
 * PENAL_LOCALEDIR to point at them. */
static void
test_uninstalled_spanish (void)
{
  g_auto (PenalTestRun) by_option = { 0 };
  g_auto (PenalTestRun) by_language = { 0 };
  g_autofree char *installed = g_build_filename (LOCALEDIR, "es", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *bindir = NULL;
  g_autofree char *top = NULL;
  g_autofree char *status = NULL;

  if (!penal_test_have_catalogs ())
    return;
  bindir = g_path_get_dirname (g_getenv ("PENAL_BINARY"));
  top = g_path_get_dirname (bindir);
  status = g_build_filename (top, "config.status", NULL);
  if (!g_file_test (status, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("PENAL_BINARY is not the binary of a build tree");
      return;
    }
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Spanish catalog is installed in LOCALEDIR, so Spanish "
                   "would not show that the staged one was found");
      return;
    }
  run_with_localedir (&by_option, NULL, NULL, NULL, lang_es_patronizing_2016);
  run_with_localedir (&by_language, NULL, "es", NULL, patronizing_2016);
  g_assert_cmpint (by_option.exit_code, ==, 0);
  g_assert_cmpstr (by_option.err, ==, "");
  penal_test_assert_contains (by_option.out, "delito mayor de clase D");
  g_assert_cmpint (by_language.exit_code, ==, 0);
  g_assert_cmpstr (by_language.err, ==, "");
  penal_test_assert_contains (by_language.out, "1 de junio de 2016");
}

/* A language asked for that has no catalog where penal looks gives the
 * answer in English and one line saying why, once; English asked for, a
 * later language of LANGUAGE that has a catalog, or the C locale (in which
 * gettext ignores LANGUAGE) gives no such line. */
static void
test_missing_catalog_warns (void)
{
  g_auto (PenalTestRun) by_option = { 0 };
  g_auto (PenalTestRun) by_language = { 0 };
  g_auto (PenalTestRun) english_first = { 0 };
  g_auto (PenalTestRun) fallback = { 0 };
  g_auto (PenalTestRun) c_locale = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *expected = NULL;

  if (!penal_test_have_catalogs ())
    return;
  empty = g_dir_make_tmp ("penal-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  run_with_localedir (&by_option, empty, NULL, NULL, lang_es_patronizing_2016);
  run_with_localedir (&by_language, empty, "es", "C.UTF-8", patronizing_2016);
  run_with_localedir (&english_first, empty, "en_US:es", "C.UTF-8",
                      patronizing_2016);
  run_with_localedir (&c_locale, empty, "es", "C", patronizing_2016);
  run_with_localedir (&fallback, g_getenv ("PENAL_LOCALEDIR"), "xx:es",
                      "C.UTF-8", patronizing_2016);
  g_rmdir (empty);

  expected = g_strdup_printf (
      "penal: no catalog for the language “es” in %s, so the answer is in "
      "English (make install puts penal’s catalogs there; PENAL_LOCALEDIR "
      "names another directory)\n",
      empty);
  g_assert_cmpint (by_option.exit_code, ==, 0);
  g_assert_cmpstr (by_option.err, ==, expected);
  penal_test_assert_contains (by_option.out, "Class: class D felony");
  g_assert_cmpint (by_language.exit_code, ==, 0);
  g_assert_cmpstr (by_language.err, ==, expected);
  penal_test_assert_contains (by_language.out, "Class: class D felony");

  g_assert_cmpstr (english_first.err, ==, "");
  g_assert_cmpstr (c_locale.err, ==, "");
  penal_test_assert_contains (c_locale.out, "Class: class D felony");
  g_assert_cmpstr (fallback.err, ==, "");
  penal_test_assert_contains (fallback.out, "delito mayor de clase D");
}

/* Under LC_ALL=C the English text is unchanged, whatever LANGUAGE says. */
static void
test_english_under_c (void)
{
  g_autofree char *out = NULL;

  if (!penal_test_have_catalogs ())
    return;
  out = penal_test_run_text ("es", "C", patronizing_2016);
  penal_test_assert_contains_each (
      out, "Class: class D felony [RSMo 567.030.4]",
      "Imprisonment: up to 4 years. [RSMo 558.011.1(4)]", "Fine: up to $5,000.",
      "1 June 2016", NULL);
}

/* A statute sentence with no translation appears in English, never empty
 * and never as a key. */
static void
test_missing_translation_falls_back (void)
{
  g_auto (PenalTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GDir) statutes = NULL;
  const char *name;
  const char *args[] = { "classify",
                         "--statutes",
                         NULL,
                         "offense=patronizing",
                         "victim_age=30",
                         "offense_date=2025-01-01",
                         NULL };
  const char *english
      = "The individual patronized was eighteen years of age or older.";
  const char *untranslated
      = "The individual patronized was an adult of eighteen or more.";

  if (!penal_test_have_catalogs () || g_getenv ("PENAL_STATUTES") == NULL)
    return;
  dir = g_dir_make_tmp ("penal-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  statutes = g_dir_open (g_getenv ("PENAL_STATUTES"), 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (statutes)) != NULL)
    {
      g_autofree char *from
          = g_build_filename (g_getenv ("PENAL_STATUTES"), name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr (GString) text = NULL;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      g_file_get_contents (from, &contents, NULL, &error);
      g_assert_no_error (error);
      text = g_string_new (contents);
      g_string_replace (text, english, untranslated, 0);
      g_file_set_contents (to, text->str, -1, &error);
      g_assert_no_error (error);
    }
  args[2] = dir;
  penal_test_run (&run, "es", "C.UTF-8", args);
  g_assert_cmpint (run.exit_code, ==, 0);
  penal_test_assert_contains (run.out, untranslated);
  penal_test_assert_contains (run.out, "delito menor de clase B");

  g_dir_rewind (statutes);
  while ((name = g_dir_read_name (statutes)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Only the languages penal ships, with catalogs that fit               */

#define UNKNOWN_COMMAND "unknown command “%s” (try penal help)"

/* Writes a gettext catalog (.mo) with one translation, besides the header,
 * to DIR/LANGUAGE/LC_MESSAGES/penal.mo: the layout of gettext's gmo.h,
 * with the messages in order and no hash table. */
static void
write_catalog (const char *dir, const char *language, const char *message,
               const char *translation)
{
  const char *header = "Content-Type: text/plain; charset=UTF-8\n";
  const char *originals[] = { "", message };
  const char *translations[] = { header, translation };
  g_autoptr (GByteArray) mo = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *messages_dir
      = g_build_filename (dir, language, "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (messages_dir, "penal.mo", NULL);
  guint32 strings = 28 + 2 * 16;
  guint32 words[7] = { 0x950412de, 0, 2, 28, 28 + 16, 0, 0 };

  g_byte_array_append (mo, (const guint8 *)words, sizeof words);
  for (guint table = 0; table < 2; table++)
    for (guint i = 0; i < 2; i++)
      {
        const char *text = table == 0 ? originals[i] : translations[i];
        guint32 entry[2] = { (guint32)strlen (text), strings };

        g_byte_array_append (mo, (const guint8 *)entry, sizeof entry);
        strings += (guint32)strlen (text) + 1;
      }
  for (guint table = 0; table < 2; table++)
    for (guint i = 0; i < 2; i++)
      {
        const char *text = table == 0 ? originals[i] : translations[i];

        g_byte_array_append (mo, (const guint8 *)text, strlen (text) + 1);
      }
  g_assert_cmpint (g_mkdir_with_parents (messages_dir, 0700), ==, 0);
  g_file_set_contents (path, (const char *)mo->data, (gssize)mo->len, &error);
  g_assert_no_error (error);
}

static void
remove_catalog (const char *dir, const char *language)
{
  g_autofree char *messages_dir
      = g_build_filename (dir, language, "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (messages_dir, "penal.mo", NULL);
  g_autofree char *language_dir = g_build_filename (dir, language, NULL);

  g_remove (path);
  g_rmdir (messages_dir);
  g_rmdir (language_dir);
}

/* A catalog whose translation of a format takes %n, or more values than
 * the message gives, made penal crash (SIGSEGV) once chosen through
 * LANGUAGE or --lang: it is checked before it is read, and not used. */
static void
test_unsafe_catalog (gconstpointer data)
{
  const char *translation = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("penal-i18n-XXXXXX", &error);
  g_autofree char *expected = NULL;
  const char *const args[] = { "nosuch", NULL };
  const char *const lang_args[] = { "--lang=es", "nosuch", NULL };

  g_assert_no_error (error);
  if (!penal_test_have_binary ())
    return;
  write_catalog (dir, "es", UNKNOWN_COMMAND, translation);
  expected = g_strconcat (
      "penal: ", dir,
      "/es/LC_MESSAGES/penal.mo: the translation of “" UNKNOWN_COMMAND
      "” does not take the values its message gives; this catalog is not "
      "used\npenal: unknown command “nosuch” (try penal help)\n",
      NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_auto (PenalTestRun) run = { 0 };

      run_with_localedir (&run, dir, i == 0 ? "es" : NULL, NULL,
                          i == 0 ? args : lang_args);
      g_assert_cmpint (run.exit_code, ==, 64);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, expected);
    }
  remove_catalog (dir, "es");
  g_rmdir (dir);
}

/* --lang names a language, never a path: one penal does not ship is
 * refused, naming those it does. */
static void
test_lang_refused (gconstpointer data)
{
  const char *lang = data;
  g_auto (PenalTestRun) run = { 0 };
  g_autofree char *option = g_strconcat ("--lang=", lang, NULL);
  const char *const args[]
      = { option, "classify", "offense=patronizing", NULL };
  g_autofree char *expected = g_strdup_printf (
      "penal: --lang: “%s” is not a language penal answers in; give one of "
      "en, es\n",
      lang);

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&run, NULL, NULL, args);
  g_assert_cmpint (run.exit_code, ==, 64);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
}

/* An entry of LANGUAGE penal does not ship is skipped, never read, be it a
 * name or a path: here both lead to an unsafe catalog, and the next entry,
 * es, answers. */
static void
test_language_entry_skipped (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *language = NULL;
  g_autofree char *es_mo = NULL;
  g_autofree char *shipped = NULL;
  gsize length = 0;
  const char *const args[] = { "nosuch", NULL };

  if (!penal_test_have_catalogs ())
    return;
  dir = g_dir_make_tmp ("penal-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  base = g_path_get_basename (dir);
  es_mo = g_build_filename (g_getenv ("PENAL_LOCALEDIR"), "es", "LC_MESSAGES",
                            "penal.mo", NULL);
  g_file_get_contents (es_mo, &shipped, &length, &error);
  g_assert_no_error (error);
  write_catalog (dir, "es", "", ""); /* replaced below by the real one */
  {
    g_autofree char *copy
        = g_build_filename (dir, "es", "LC_MESSAGES", "penal.mo", NULL);
    g_file_set_contents (copy, shipped, (gssize)length, &error);
    g_assert_no_error (error);
  }
  write_catalog (dir, "xx", UNKNOWN_COMMAND, "%s %s %s %s %s %s %s %s %n");
  language = g_strdup_printf ("xx:../%s/xx:es", base);
  {
    g_auto (PenalTestRun) run = { 0 };

    run_with_localedir (&run, dir, language, NULL, args);
    g_assert_cmpint (run.exit_code, ==, 64);
    g_assert_cmpstr (run.err, ==,
                     "penal: comando desconocido «nosuch» (pruebe penal "
                     "help)\n");
  }
  remove_catalog (dir, "xx");
  remove_catalog (dir, "es");
  g_rmdir (dir);
}

static const PenalTestFunc tests[] = {
  { "/i18n/spanish/text", test_spanish_text },
  { "/i18n/spanish/json", test_spanish_json },
  { "/i18n/spanish/error", test_spanish_error },
  { "/i18n/spanish/uninstalled", test_uninstalled_spanish },
  { "/i18n/missing-catalog-warns", test_missing_catalog_warns },
  { "/i18n/english-under-c", test_english_under_c },
  { "/i18n/missing-translation-falls-back",
    test_missing_translation_falls_back },
  { "/i18n/language-entry-skipped", test_language_entry_skipped },
};

static const PenalTestDataFunc data_tests[] = {
  { "/i18n/catalog/unsafe/percent-n", "%s %s %s %s %s %s %s %s %n",
    test_unsafe_catalog },
  { "/i18n/catalog/unsafe/extra-values", "comando «%s» %s %s %s %s desconocido",
    test_unsafe_catalog },
  { "/i18n/catalog/unsafe/wrong-type", "comando %d", test_unsafe_catalog },
  { "/i18n/lang/refused/unshipped", "fr", test_lang_refused },
  { "/i18n/lang/refused/path", "../x", test_lang_refused },
  { "/i18n/lang/refused/path-to-shipped", "es/../es", test_lang_refused },
};

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  PENAL_TEST_ADD_FUNCS (tests);
  PENAL_TEST_ADD_DATA_FUNCS (data_tests);
  PENAL_TEST_ADD_CASES ("/i18n/spanish", spanish_outputs, test_spanish_output);
  return g_test_run ();
}
