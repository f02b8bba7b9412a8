/* SPDX-License-Identifier: GPL-3.0-or-later */
/* loader.c: tests that statute files are loaded, or refused with FILE:LINE. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "penal-test-case.h"
#include "penal.h"

/* tests/data/secret.txt holds this marker.  Fixtures try to read that file
 * through an external entity or XInclude; if the marker ever shows up in an
 * error message, the loader has read a file it was never asked to. */
#define SECRET_MARKER "PENAL-TEST-SECRET-7f3a"

/* A child process that loads one file gets this long before it counts as
 * hung: far more than any statute file needs, far less than an entity
 * expansion or a runaway recursion would take. */
#define SUBPROCESS_TIMEOUT_USEC (10 * G_USEC_PER_SEC)

/* One tests/data/fail-NAME.xml fixture: the error code it must give.  Its
 * message is in tests/data/fail-NAME.expected. */
typedef struct
{
  const char *name;
  PenalModelError code;
} FailFixture;

static const FailFixture fail_fixtures[] = {
  /* Not XML, or not a statute file. */
  { "fail-empty", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-not-well-formed", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-truncated", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-undefined-entity", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-bom-only", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-comment-only", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-unclosed-quote", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-mismatched-nesting", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-attribute-twice", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-second-root", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-declaration-not-first", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-bare-ampersand", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-less-than-in-attribute", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-char-ref-invalid", PENAL_MODEL_ERROR_MALFORMED },
  { "fail-encoding", PENAL_MODEL_ERROR_ENCODING },
  { "fail-nul-byte", PENAL_MODEL_ERROR_ENCODING },
  { "fail-declared-latin1", PENAL_MODEL_ERROR_ENCODING },
  { "fail-utf8-overlong", PENAL_MODEL_ERROR_ENCODING },
  { "fail-utf8-surrogate", PENAL_MODEL_ERROR_ENCODING },
  { "fail-utf16", PENAL_MODEL_ERROR_ENCODING },
  /* Constructs refused for safety. */
  { "fail-doctype", PENAL_MODEL_ERROR_FORBIDDEN },
  { "fail-entity-internal", PENAL_MODEL_ERROR_FORBIDDEN },
  { "fail-entity-external", PENAL_MODEL_ERROR_FORBIDDEN },
  { "fail-xinclude", PENAL_MODEL_ERROR_SCHEMA },
  /* Against statutes/penal.rng. */
  { "fail-root-element", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-unknown-element", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-unknown-attribute", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-date-pattern", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-number", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-citation-too-long", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-prose-too-long", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-usd-negative", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-foreign-namespace", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-text-in-root", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-jurisdiction-pattern", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-identifier-pattern", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-format-version", PENAL_MODEL_ERROR_SCHEMA },
  { "fail-format-1", PENAL_MODEL_ERROR_SCHEMA },
  /* Values and references the schema cannot check. */
  { "fail-date-impossible", PENAL_MODEL_ERROR_INVALID },
  { "fail-era-date-impossible", PENAL_MODEL_ERROR_INVALID },
  { "fail-number-range", PENAL_MODEL_ERROR_INVALID },
  { "fail-effective-order", PENAL_MODEL_ERROR_INVALID },
  { "fail-fact-twice", PENAL_MODEL_ERROR_INVALID },
  { "fail-unknown-fact", PENAL_MODEL_ERROR_INVALID },
  { "fail-unknown-source", PENAL_MODEL_ERROR_INVALID },
  { "fail-unknown-penalties", PENAL_MODEL_ERROR_INVALID },
  { "fail-class-no-penalty", PENAL_MODEL_ERROR_INVALID },
  { "fail-version-uncovered", PENAL_MODEL_ERROR_INVALID },
  { "fail-when-min-max", PENAL_MODEL_ERROR_INVALID },
  { "fail-is-on-integer", PENAL_MODEL_ERROR_INVALID },
  { "fail-not-applicable", PENAL_MODEL_ERROR_INVALID },
  { "fail-version-gap", PENAL_MODEL_ERROR_INVALID },
  { "fail-version-overlap", PENAL_MODEL_ERROR_INVALID },
  { "fail-uncertain-undeclared", PENAL_MODEL_ERROR_INVALID },
  { "fail-uncertain-first-version", PENAL_MODEL_ERROR_INVALID },
  { "fail-no-offense", PENAL_MODEL_ERROR_INVALID },
  /* Rule tables the decision tree cannot be built from. */
  { "fail-rule-gap", PENAL_MODEL_ERROR_UNSOUND },
  { "fail-rule-overlap", PENAL_MODEL_ERROR_UNSOUND },
};

/* tests/data/unsound-NAME.xml: valid-minimal.xml, well-formed and valid
 * against the schema, with exactly one semantic defect that loading must
 * catch.  Its message is in tests/data/unsound-NAME.expected. */
static const FailFixture unsound_fixtures[] = {
  /* Rule tables that leave a case undecided. */
  { "unsound-gap-one-age", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-gap-domain-top", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-gap-domain-bottom", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-gap-boolean", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-gap-enum", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-gap-enhancement", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-gap-program", PENAL_MODEL_ERROR_UNSOUND },
  /* Rule tables where two rules decide the same case. */
  { "unsound-overlap-boundary", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-overlap-identical", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-overlap-shadowed", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-overlap-second-version", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-overlap-boolean", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-overlap-program", PENAL_MODEL_ERROR_UNSOUND },
  /* Declared severity orders. */
  { "unsound-monotone-broken", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-monotone-increasing-broken", PENAL_MODEL_ERROR_UNSOUND },
  { "unsound-monotone-undeclared-fact", PENAL_MODEL_ERROR_INVALID },
  { "unsound-monotone-boolean", PENAL_MODEL_ERROR_INVALID },
  { "unsound-monotone-enum", PENAL_MODEL_ERROR_INVALID },
  /* Conditions no case can meet, or written the wrong way for the fact. */
  { "unsound-rule-outside-domain", PENAL_MODEL_ERROR_INVALID },
  { "unsound-when-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-when-no-bound", PENAL_MODEL_ERROR_INVALID },
  { "unsound-boolean-not-yes-no", PENAL_MODEL_ERROR_INVALID },
  { "unsound-boolean-min", PENAL_MODEL_ERROR_INVALID },
  { "unsound-enum-unknown-value", PENAL_MODEL_ERROR_INVALID },
  { "unsound-enum-value-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-rule-tests-offense-date", PENAL_MODEL_ERROR_INVALID },
  /* Effective dates of versions. */
  { "unsound-version-gap-one-day", PENAL_MODEL_ERROR_INVALID },
  { "unsound-version-overlap-one-day", PENAL_MODEL_ERROR_INVALID },
  { "unsound-uncertain-no-reason", PENAL_MODEL_ERROR_INVALID },
  { "unsound-uncertain-new-side-only", PENAL_MODEL_ERROR_INVALID },
  { "unsound-uncertain-old-side-only", PENAL_MODEL_ERROR_INVALID },
  { "unsound-version-id-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-versions-both-open-ended", PENAL_MODEL_ERROR_INVALID },
  /* Penalty tables and their eras. */
  { "unsound-class-missing-in-era", PENAL_MODEL_ERROR_INVALID },
  { "unsound-era-uncertain-no-reason", PENAL_MODEL_ERROR_INVALID },
  /* Citations and charge codes that point at nothing penal holds. */
  { "unsound-citation-not-held", PENAL_MODEL_ERROR_INVALID },
  { "unsound-charge-code-unknown", PENAL_MODEL_ERROR_INVALID },
  { "unsound-era-gap-one-day", PENAL_MODEL_ERROR_INVALID },
  { "unsound-era-overlap-one-day", PENAL_MODEL_ERROR_INVALID },
  { "unsound-era-uncertain", PENAL_MODEL_ERROR_INVALID },
  { "unsound-class-twice-in-era", PENAL_MODEL_ERROR_INVALID },
  { "unsound-penalties-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-imprisonment-min-only", PENAL_MODEL_ERROR_INVALID },
  { "unsound-gain-multiple", PENAL_MODEL_ERROR_INVALID },
  { "unsound-enhancement-class-no-penalty", PENAL_MODEL_ERROR_INVALID },
  /* References to what no file declares. */
  { "unsound-unknown-fact-in-rule", PENAL_MODEL_ERROR_INVALID },
  { "unsound-unknown-source-in-version", PENAL_MODEL_ERROR_INVALID },
  { "unsound-unknown-source-in-era", PENAL_MODEL_ERROR_INVALID },
  { "unsound-unknown-source-in-resource", PENAL_MODEL_ERROR_INVALID },
  /* A source a rule cites, with no label for text answers to show. */
  { "unsound-cited-source-without-label", PENAL_MODEL_ERROR_INVALID },
  { "unsound-unknown-penalties", PENAL_MODEL_ERROR_INVALID },
  { "unsound-enhancement-unknown-offense", PENAL_MODEL_ERROR_INVALID },
  { "unsound-program-unknown-offense", PENAL_MODEL_ERROR_INVALID },
  { "unsound-unknown-resource", PENAL_MODEL_ERROR_INVALID },
  /* Outcomes given by the wrong kind of rule table. */
  { "unsound-diversion-applies", PENAL_MODEL_ERROR_INVALID },
  { "unsound-protection-eligible", PENAL_MODEL_ERROR_INVALID },
  { "unsound-program-class", PENAL_MODEL_ERROR_INVALID },
  { "unsound-offense-eligible", PENAL_MODEL_ERROR_INVALID },
  { "unsound-enhancement-eligible", PENAL_MODEL_ERROR_INVALID },
  /* The same name declared twice. */
  { "unsound-source-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-fact-twice-apart", PENAL_MODEL_ERROR_INVALID },
  { "unsound-fact-builtin", PENAL_MODEL_ERROR_INVALID },
  { "unsound-program-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-resource-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-offense-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-enhancement-twice", PENAL_MODEL_ERROR_INVALID },
  { "unsound-program-named-as-offense", PENAL_MODEL_ERROR_INVALID },
};

/* A load refused: no model, and ERROR of PENAL_MODEL_ERROR's CODE, saying
 * MESSAGE. */
static void
assert_refused (const PenalModel *model, const GError *error,
                PenalModelError code, const char *message)
{
  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, (gint)code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A fresh directory for files made at test time, removed afterwards, so
 * that large or generated inputs are never committed. */
typedef struct
{
  char *directory;
} TempDir;

static void
temp_dir_setup (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("penal-loader-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_teardown (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->directory), ==, 0);
  g_clear_pointer (&fixture->directory, g_free);
}

static char *
temp_dir_write (TempDir *fixture, const char *name, const char *contents,
                gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->directory, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
data_path (const char *file_name)
{
  return g_test_build_filename (G_TEST_DIST, "data", file_name, NULL);
}

static char *
read_data_file (const char *file_name, gsize *out_length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = data_path (file_name);
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Messages start FILE: with FILE the path exactly as the caller gave it. */
static void
assert_has_file_prefix (const char *message, const char *path)
{
  g_autofree char *prefix = g_strconcat (path, ":", NULL);
  g_autofree char *head = g_strndup (message, strlen (prefix));

  g_assert_cmpstr (head, ==, prefix);
}

/* Runs in a child process, so a crash or a hang fails one test only. */
static void
check_fail_fixture (const FailFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file_name = g_strconcat (fixture->name, ".xml", NULL);
  g_autofree char *expected_name
      = g_strconcat (fixture->name, ".expected", NULL);
  g_autofree char *path = data_path (file_name);
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *directory_prefix
      = g_strconcat (directory, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *expected = read_data_file (expected_name, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (GString) message = NULL;

  /* The .expected file is one line; its newline is not part of it. */
  if (g_str_has_suffix (expected, "\n"))
    expected[strlen (expected) - 1] = '\0';

  model = penal_model_load_files (paths, &error);
  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, (gint)fixture->code);
  assert_has_file_prefix (error->message, path);
  g_assert_null (strstr (error->message, SECRET_MARKER));

  /* The .expected file names files by their basename. */
  message = g_string_new (error->message);
  g_string_replace (message, directory_prefix, "", 0);
  g_assert_cmpstr (message->str, ==, expected);
}

static void
test_fail_fixture (gconstpointer data)
{
  const FailFixture *fixture = data;

  if (g_test_subprocess ())
    {
      check_fail_fixture (fixture);
      return;
    }
  g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT_USEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Without the marker in secret.txt, the no-leak checks would prove nothing. */
static void
test_secret_marker (void)
{
  g_autofree char *secret = read_data_file ("secret.txt", NULL);

  g_assert_nonnull (strstr (secret, SECRET_MARKER));
}

/* Statutes that load: the way they are read, and the jurisdiction they
 * declare. */
typedef enum
{
  LOAD_FILE,      /* tests/data/valid-minimal.xml, by name */
  LOAD_DATA,      /* the same, from memory */
  LOAD_BUNDLED,   /* the statutes compiled into penal */
  LOAD_DIRECTORY, /* the source statutes/, as penal --statutes reads it */
} LoadWay;

typedef struct
{
  const char *path;
  LoadWay way;
  const char *jurisdiction;
} LoadCase;

static const LoadCase load_cases[] = {
  { "/loader/valid-minimal", LOAD_FILE, "US-ZZ" },
  { "/loader/from-data", LOAD_DATA, "US-ZZ" },
  { "/loader/bundled", LOAD_BUNDLED, "US-MO" },
  { "/loader/statutes-directory", LOAD_DIRECTORY, "US-MO" },
};

static void
test_loads (gconstpointer data)
{
  const LoadCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  g_autofree char *path = data_path ("valid-minimal.xml");
  const char *paths[] = { path, NULL };
  g_autofree char *contents = NULL;
  gsize length = 0;

  switch (c->way)
    {
    case LOAD_FILE:
      model = penal_model_load_files (paths, &error);
      break;
    case LOAD_DATA:
      contents = read_data_file ("valid-minimal.xml", &length);
      model = penal_model_load_from_data ("minimal.xml", contents, length,
                                          &error);
      break;
    case LOAD_BUNDLED:
      model = penal_model_load_bundled (&error);
      break;
    case LOAD_DIRECTORY:
    default:
      if (g_getenv ("PENAL_STATUTES") == NULL)
        {
          g_test_skip ("PENAL_STATUTES is not set");
          return;
        }
      model = penal_model_load_directory (g_getenv ("PENAL_STATUTES"), &error);
      break;
    }
  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_cmpstr (penal_model_get_jurisdiction (model), ==, c->jurisdiction);
}

/* A version older than every era loads: penal holds no penalty table for
 * it, so a case then has its class and no figures, and says so. */
static void
test_valid_no_era_yet (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = data_path ("valid-no-era-yet.xml");
  const char *paths[] = { path, NULL };
  g_autoptr (PenalModel) model = penal_model_load_files (paths, &error);
  const char *dates[] = { "2015-12-31", "2016-01-01" };
  const gboolean established[] = { FALSE, TRUE };

  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autofree char *date = g_strdup_printf ("offense_date=%s", dates[d]);
      const char *const facts[]
          = { "offense=test-offense", "person_age=30", date, NULL };
      g_autoptr (PenalOutcome) outcome
          = penal_test_evaluate_on (model, dates[d], facts);
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *root = penal_test_outcome_json (parser, model, outcome);

      g_assert_cmpstr (json_object_get_string_member (root, "status"), ==,
                       "decided");
      g_assert_cmpstr (json_object_get_string_member (root, "class"), ==,
                       "misdemeanor-A");
      g_assert_cmpint (
          json_object_get_boolean_member (root, "penalty_established"), ==,
          established[d]);
      g_assert_cmpint (json_object_get_null_member (root, "imprisonment"), ==,
                       !established[d]);
    }
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = data_path ("no-such-file.xml");
  g_autofree char *expected_start
      = g_strconcat (path, ": no such statute file or directory (", NULL);
  g_autofree char *start = NULL;
  const char *paths[] = { path, NULL };
  g_autoptr (PenalModel) model = penal_model_load_files (paths, &error);

  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_NOT_FOUND);
  /* What follows is GIO's own wording. */
  start = g_strndup (error->message, strlen (expected_start));
  g_assert_cmpstr (start, ==, expected_start);
}

static void
test_missing_directory (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *directory = data_path ("no-such-directory");
  g_autoptr (PenalModel) model = penal_model_load_directory (directory, &error);

  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_NOT_FOUND);
  assert_has_file_prefix (error->message, directory);
}

static void
test_directory_without_xml (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *notes
      = temp_dir_write (fixture, "README.txt", "not a statute\n", -1);
  g_autofree char *expected = g_strconcat (
      fixture->directory, ": the statutes directory has no .xml files", NULL);
  g_autoptr (PenalModel) model
      = penal_model_load_directory (fixture->directory, &error);

  assert_refused (model, error, PENAL_MODEL_ERROR_NOT_FOUND, expected);
}

/* A directory named where a file is expected cannot be read as one. */
static void
test_file_is_directory (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  const char *paths[] = { fixture->directory, NULL };
  g_autoptr (PenalModel) model = penal_model_load_files (paths, &error);

  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_IO);
  assert_has_file_prefix (error->message, fixture->directory);
}

/* valid-minimal.xml with a comment after its XML declaration that makes it
 * exactly total_size bytes long: still a valid statute file. */
static char *
padded_minimal (gsize total_size)
{
  g_autofree char *minimal = read_data_file ("valid-minimal.xml", NULL);
  const char *body = strchr (minimal, '\n') + 1;
  gsize declaration = (gsize)(body - minimal);
  const char *open = "<!--", *close = "-->\n";
  gsize fill = total_size - strlen (minimal) - strlen (open) - strlen (close);
  GString *padded = g_string_sized_new (total_size + 1);

  g_assert_cmpuint (total_size, >, strlen (minimal) + 8);
  g_string_append_len (padded, minimal, (gssize)declaration);
  g_string_append (padded, open);
  for (gsize i = 0; i < fill; i++)
    g_string_append_c (padded, i % 80 == 79 ? '\n' : 'x');
  g_string_append (padded, close);
  g_string_append (padded, body);
  g_assert_cmpuint (padded->len, ==, total_size);
  return g_string_free (padded, FALSE);
}

/* Writes padded_minimal (total_size) to NAME in the fixture's directory and
 * returns its path. */
static char *
temp_dir_write_padded (TempDir *fixture, const char *name, gsize total_size)
{
  g_autofree char *contents = padded_minimal (total_size);

  return temp_dir_write (fixture, name, contents, (gssize)total_size);
}

static char *
too_large_message (const char *file)
{
  return g_strdup_printf ("%s:1: the file is larger than %d KiB; statute "
                          "files are small, so this is refused",
                          file, PENAL_MODEL_MAX_FILE_SIZE / 1024);
}

static void
test_size_limit (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_dir_write_padded (fixture, "at-limit.xml",
                                                 PENAL_MODEL_MAX_FILE_SIZE);
  const char *paths[] = { path, NULL };
  g_autoptr (PenalModel) model = penal_model_load_files (paths, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
}

static void
test_too_large (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_dir_write_padded (fixture, "over-limit.xml",
                                                 PENAL_MODEL_MAX_FILE_SIZE + 1);
  g_autofree char *expected = too_large_message (path);
  const char *paths[] = { path, NULL };
  g_autoptr (PenalModel) model = penal_model_load_files (paths, &error);

  assert_refused (model, error, PENAL_MODEL_ERROR_TOO_LARGE, expected);
}

static void
test_too_large_from_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = padded_minimal (PENAL_MODEL_MAX_FILE_SIZE + 1);
  g_autofree char *expected = too_large_message ("over-limit.xml");
  g_autoptr (PenalModel) model = penal_model_load_from_data (
      "over-limit.xml", contents, PENAL_MODEL_MAX_FILE_SIZE + 1, &error);

  assert_refused (model, error, PENAL_MODEL_ERROR_TOO_LARGE, expected);
}

/* Only regular files are read.  A FIFO named x.xml in a statutes
 * directory hung the load for ever (a child, so a hang fails this test
 * only); a device is refused as well, not read as an empty file. */
static void
test_not_regular (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) device_error = NULL;
  g_autofree char *minimal = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *expected = NULL;
  const char *device[] = { "/dev/null", NULL };
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalModel) device_model = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT_USEC,
                              G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  minimal = read_data_file ("valid-minimal.xml", NULL);
  valid = temp_dir_write (fixture, "a.xml", minimal, -1);
  fifo = g_build_filename (fixture->directory, "x.xml", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  expected = g_strdup_printf ("%s: not a regular file; statute files are "
                              "read only from regular files",
                              fifo);
  model = penal_model_load_directory (fixture->directory, &error);
  assert_refused (model, error, PENAL_MODEL_ERROR_IO, expected);

  device_model = penal_model_load_files (device, &device_error);
  assert_refused (device_model, device_error, PENAL_MODEL_ERROR_IO,
                  "/dev/null: not a regular file; statute files are read "
                  "only from regular files");
}

/* 2,000 hard links to one 1 MiB file took 4.2 GB before the first error:
 * a set has at most PENAL_MODEL_MAX_FILES files, counted as the directory
 * is listed, before any is read. */
static void
test_too_many_files (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first
      = temp_dir_write_padded (fixture, "f0000.xml", PENAL_MODEL_MAX_FILE_SIZE);
  g_autofree char *expected = NULL;
  g_autoptr (PenalModel) model = NULL;

  for (guint i = 1; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%04u.xml", i);
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);

      g_assert_cmpint (link (first, path), ==, 0);
    }
  expected = g_strdup_printf ("%s: more than %d statute files; penal reads "
                              "at most %d in one set",
                              fixture->directory, PENAL_MODEL_MAX_FILES,
                              PENAL_MODEL_MAX_FILES);
  model = penal_model_load_directory (fixture->directory, &error);
  assert_refused (model, error, PENAL_MODEL_ERROR_TOO_LARGE, expected);
}

/* The files of a set come to at most PENAL_MODEL_MAX_SET_SIZE bytes: the
 * file that passes it is named, and not read. */
static void
test_set_too_large (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first
      = temp_dir_write_padded (fixture, "f0.xml", PENAL_MODEL_MAX_FILE_SIZE);
  guint n = PENAL_MODEL_MAX_SET_SIZE / PENAL_MODEL_MAX_FILE_SIZE + 1;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (PenalModel) model = NULL;

  for (guint i = 1; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.xml", i);

      g_clear_pointer (&last, g_free);
      last = g_build_filename (fixture->directory, name, NULL);
      g_assert_cmpint (link (first, last), ==, 0);
    }
  expected = g_strdup_printf (
      "%s: the statute files come to more than %d MiB with this one; penal "
      "reads at most %d MiB in one set",
      last, PENAL_MODEL_MAX_SET_SIZE / (1024 * 1024),
      PENAL_MODEL_MAX_SET_SIZE / (1024 * 1024));
  model = penal_model_load_directory (fixture->directory, &error);
  assert_refused (model, error, PENAL_MODEL_ERROR_TOO_LARGE, expected);
}

/* 100000 nested elements (short ones, to stay under the size cap) must be
 * refused, not recursed into: run in a child so that a stack overflow or a
 * hang fails this test and nothing else. */
static void
test_deep_nesting (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  const guint depth = 100000;
  g_autoptr (GString) contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  const char *paths[2] = { NULL, NULL };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT_USEC,
                              G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  contents = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<statutes format=\"1\" jurisdiction=\"US-ZZ\">");
  for (guint i = 0; i < depth; i++)
    g_string_append (contents, "<a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (contents, "</a>");
  g_string_append (contents, "</statutes>\n");
  path = temp_dir_write (fixture, "deep.xml", contents->str,
                         (gssize)contents->len);
  paths[0] = path;

  model = penal_model_load_files (paths, &error);
  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_MALFORMED);
  assert_has_file_prefix (error->message, path);
}

/* libxml2 stores line numbers in 16 bits unless asked not to; a statute file
 * under the size cap can still be longer than 65535 lines. */
static void
test_line_past_65535 (TempDir *fixture, gconstpointer data G_GNUC_UNUSED)
{
  const guint blank_lines = 70000;
  g_autofree char *minimal = read_data_file ("valid-minimal.xml", NULL);
  const char *body = strchr (minimal, '\n') + 1;
  const char *defect = "<when fact=\"person_age\" max=\"17\"/>";
  g_autoptr (GString) contents = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_next = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalModel) model = NULL;
  const char *paths[2] = { NULL, NULL };
  const char *at;
  guint line = 1;

  g_string_append_len (contents, minimal, body - minimal);
  g_string_append (contents, "<!--");
  for (guint i = 0; i < blank_lines; i++)
    g_string_append_c (contents, '\n');
  g_string_append (contents, "-->\n");
  g_string_append (contents, body);
  /* Make the first rule test a fact no file declares. */
  at = strstr (contents->str, defect);
  g_assert_nonnull (at);
  g_string_overwrite (contents, (gsize)(at - contents->str),
                      "<when fact=\"victim_age\" max=\"17\"/>");
  for (const char *p = contents->str; p < at; p++)
    if (*p == '\n')
      line++;
  g_assert_cmpuint (line, >, 65535);

  path = temp_dir_write (fixture, "long.xml", contents->str,
                         (gssize)contents->len);
  paths[0] = path;
  expected = g_strdup_printf ("%s:%u: unknown fact “victim_age”; declare it "
                              "with <fact name=\"victim_age\" …>",
                              path, line);
  /* Past line 65535 libxml2 takes an element's line from the text node
   * beside it, which can be the next line; without XML_PARSE_BIG_LINES it
   * would say 65535. */
  expected_next
      = g_strdup_printf ("%s:%u: unknown fact “victim_age”; declare it "
                         "with <fact name=\"victim_age\" …>",
                         path, line + 1);

  model = penal_model_load_files (paths, &error);
  g_assert_null (model);
  g_assert_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID);
  if (g_strcmp0 (error->message, expected_next) != 0)
    g_assert_cmpstr (error->message, ==, expected);
}

static const PenalTestFunc tests[] = {
  { "/loader/valid-no-era-yet", test_valid_no_era_yet },
  { "/loader/missing-file", test_missing_file },
  { "/loader/missing-directory", test_missing_directory },
  { "/loader/too-large-from-data", test_too_large_from_data },
  { "/loader/secret-marker", test_secret_marker },
};

/* The tests that each run in a TempDir of their own. */
static const struct
{
  const char *path;
  void (*func) (TempDir *fixture, gconstpointer data);
} temp_dir_tests[] = {
  { "/loader/directory-without-xml", test_directory_without_xml },
  { "/loader/file-is-directory", test_file_is_directory },
  { "/loader/size-limit", test_size_limit },
  { "/loader/too-large", test_too_large },
  { "/loader/limits/not-regular", test_not_regular },
  { "/loader/limits/too-many-files", test_too_many_files },
  { "/loader/limits/set-too-large", test_set_too_large },
  { "/loader/deep-nesting", test_deep_nesting },
  { "/loader/line-past-65535", test_line_past_65535 },
};

int
main (int argc, char *argv[])
{
  /* Messages from GIO and libxml2 are compared in English. */
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (load_cases); i++)
    g_test_add_data_func (load_cases[i].path, &load_cases[i], test_loads);
  PENAL_TEST_ADD_FUNCS (tests);
  for (guint i = 0; i < G_N_ELEMENTS (temp_dir_tests); i++)
    g_test_add (temp_dir_tests[i].path, TempDir, NULL, temp_dir_setup,
                temp_dir_tests[i].func, temp_dir_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (fail_fixtures); i++)
    penal_test_add_case (&fail_fixtures[i], test_fail_fixture, "/loader/%s",
                         fail_fixtures[i].name + strlen ("fail-"));
  for (guint i = 0; i < G_N_ELEMENTS (unsound_fixtures); i++)
    penal_test_add_case (&unsound_fixtures[i], test_fail_fixture,
                         "/loader/unsound/%s",
                         unsound_fixtures[i].name + strlen ("unsound-"));

  return g_test_run ();
}
