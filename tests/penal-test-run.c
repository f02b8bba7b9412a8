/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-run.c: run the real penal binary and capture what it prints. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <unistd.h>

#include "penal-test-run.h"

void
penal_test_run_clear (PenalTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs $PENAL_BINARY with args, LANGUAGE and LC_ALL as given (NULL unsets
 * them; LANG and LC_MESSAGES are always unset), feeds it input (length
 * bytes, which may hold NULs) on standard input, and records stdout, stderr
 * and the exact exit status.
 *
 * The input reaches the child from a file, never through a pipe this
 * process is still writing: a child that exits before reading all of it
 * (a refused option, a bad header) must not kill the test with SIGPIPE or
 * make it fail with EPIPE, however the two processes are scheduled. */
/* Writes length bytes to a new temporary file and returns its path; the
 * caller removes it. */
char *
penal_test_write_temporary (const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("penal-test-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, data, (gssize)length, &error);
  g_assert_no_error (error);
  return path;
}

/* In the child, before exec: standard output closed, or SIGPIPE ignored
 * (an ignored signal stays ignored across exec). */
static void
close_stdout (gpointer data)
{
  close (STDOUT_FILENO);
}

static void
ignore_sigpipe (gpointer data)
{
  signal (SIGPIPE, SIG_IGN);
}

static void
close_stdin (gpointer data)
{
  close (STDIN_FILENO);
}

/* stdout_how < 0: standard output is captured in run->out; input NULL:
 * standard input is closed. */
static void
run_child (PenalTestRun *run, const char *language, const char *lc_all,
           const char *const *args, const char *input, gsize length,
           int stdout_how)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *input_path = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;

  g_ptr_array_add (argv, (gpointer)g_getenv ("PENAL_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "LANG");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = language != NULL ? g_environ_setenv (envp, "LANGUAGE", language, TRUE)
                          : g_environ_unsetenv (envp, "LANGUAGE");
  envp = lc_all != NULL ? g_environ_setenv (envp, "LC_ALL", lc_all, TRUE)
                        : g_environ_unsetenv (envp, "LC_ALL");

  if (input != NULL)
    input_path = penal_test_write_temporary (input, length);

  launcher = g_subprocess_launcher_new (
      stdout_how >= 0
          ? G_SUBPROCESS_FLAGS_STDERR_PIPE
          : G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (stdout_how == PENAL_TEST_STDOUT_FULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  else if (stdout_how == PENAL_TEST_STDOUT_CLOSED)
    g_subprocess_launcher_set_child_setup (launcher, close_stdout, NULL, NULL);
  else if (stdout_how == PENAL_TEST_STDOUT_BROKEN_PIPE)
    {
      int ends[2];

      /* The reading end is closed before the child starts, so every write
       * fails however the two processes are scheduled. */
      g_assert_true (g_unix_open_pipe (ends, FD_CLOEXEC, &error));
      close (ends[0]);
      g_subprocess_launcher_take_stdout_fd (launcher, ends[1]);
      g_subprocess_launcher_set_child_setup (launcher, ignore_sigpipe, NULL,
                                             NULL);
    }
  g_subprocess_launcher_set_environ (launcher, envp);
  if (input_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  else
    g_subprocess_launcher_set_child_setup (launcher, close_stdin, NULL, NULL);
  process = g_subprocess_launcher_spawnv (
      launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (input_path != NULL)
    g_unlink (input_path);
  /* Empty output comes back as a GBytes with no data at all. */
  run->out
      = out != NULL && g_bytes_get_size (out) > 0
            ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out))
            : g_strdup ("");
  run->err
      = g_bytes_get_size (err) > 0
            ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err))
            : g_strdup ("");
  /* The exact exit code; a crash is never an exit code. */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->exit_code = g_subprocess_get_exit_status (process);
}

void
penal_test_run_input (PenalTestRun *run, const char *language,
                      const char *lc_all, const char *const *args,
                      const char *input, gsize length)
{
  run_child (run, language, lc_all, args, input, length, -1);
}

/* Runs penal with its standard input closed (<&-). */
void
penal_test_run_without_stdin (PenalTestRun *run, const char *const *args)
{
  run_child (run, NULL, "C", args, NULL, 0, -1);
}

/* Runs penal with a standard output that fails as how says, to see the
 * failed write reported; run->out stays empty. */
void
penal_test_run_to (PenalTestRun *run, const char *const *args,
                   PenalTestStdout how)
{
  run_child (run, NULL, "C", args, "", 0, (int)how);
}

/* Is $PENAL_BINARY there to run?  make check sets it; a test that needs
 * it is skipped, saying so, when it is not. */
gboolean
penal_test_have_binary (void)
{
  if (g_getenv ("PENAL_BINARY") == NULL)
    {
      g_test_skip ("PENAL_BINARY is set by make check");
      return FALSE;
    }
  return TRUE;
}

/* Are the binary and the Spanish catalog built for the tests there?
 * make builds them in locale/; a test that needs them is skipped, saying
 * so, when it is not. */
gboolean
penal_test_have_catalogs (void)
{
  const char *dir = g_getenv ("PENAL_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (!penal_test_have_binary ())
    return FALSE;
  if (dir == NULL)
    {
      g_test_skip ("PENAL_LOCALEDIR is set by make check");
      return FALSE;
    }
  mo = g_build_filename (dir, "es", "LC_MESSAGES", "penal.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Spanish catalog was not built (make check builds it)");
      return FALSE;
    }
  /* LANGUAGE needs a locale other than C; C.UTF-8 is built into glibc. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("no C.UTF-8 locale on this system, so LANGUAGE cannot act");
      return FALSE;
    }
  setlocale (LC_ALL, "C");
  return TRUE;
}

void
penal_test_run (PenalTestRun *run, const char *language, const char *lc_all,
                const char *const *args)
{
  penal_test_run_input (run, language, lc_all, args, "", 0);
}

void
penal_test_assert_contains (const char *haystack, const char *needle)
{
  g_assert_nonnull (haystack);
  if (strstr (haystack, needle) == NULL)
    g_error ("expected to find “%s” in:\n%s", needle, haystack);
}

/* Fails unless haystack holds each of the needles that follow it, up to
 * a NULL. */
void
penal_test_assert_contains_each (const char *haystack, ...)
{
  va_list needles;
  const char *needle;

  va_start (needles, haystack);
  while ((needle = va_arg (needles, const char *)) != NULL)
    penal_test_assert_contains (haystack, needle);
  va_end (needles);
}

/* How many times needle occurs in haystack, overlapping or not. */
guint
penal_test_count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL;
       p = strstr (p + 1, needle))
    n++;
  return n;
}

void
penal_test_assert_lacks (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect “%s” in:\n%s", needle, haystack);
}

/* ------------------------------------------------------------------ */
/* Reading what penal prints                                            */

/* Runs penal in the given language and locale; requires exit 0 and an
 * empty standard error; returns standard output. */
char *
penal_test_run_text (const char *language, const char *lc_all,
                     const char *const *args)
{
  g_auto (PenalTestRun) run = { 0 };

  penal_test_run (&run, language, lc_all, args);
  if (run.exit_code != 0)
    g_error ("penal %s exited %d: %s", args[0], run.exit_code, run.err);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

/* Parses text as one JSON object, which parser keeps. */
JsonObject *
penal_test_parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_cmpint (json_node_get_node_type (root), ==, JSON_NODE_OBJECT);
  return json_node_get_object (root);
}

/* Runs penal in the C locale with args; requires exit 0 and an empty
 * standard error, and parses standard output as one JSON object, which
 * like every JSON answer names the version of its shape. */
JsonObject *
penal_test_run_json (JsonParser *parser, const char *const *args)
{
  g_autofree char *out = penal_test_run_text (NULL, "C", args);
  JsonObject *root = penal_test_parse_object (parser, out);

  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 2);
  return root;
}

/* A usage error: exit 64 (EX_USAGE), nothing on standard output, and one
 * message on standard error that starts "penal: " and holds message. */
void
penal_test_assert_usage_error (const char *const *args, const char *message)
{
  g_auto (PenalTestRun) run = { 0 };

  penal_test_run (&run, NULL, "C", args);
  g_assert_cmpint (run.exit_code, ==, 64);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "penal: "));
  penal_test_assert_contains (run.err, message);
}

/* A string member that must be present: its value, or NULL for null. */
const char *
penal_test_string_or_null (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("no member “%s”", member);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

void
penal_test_assert_member_null (JsonObject *object, const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (json_object_get_null_member (object, member));
}

JsonObject *
penal_test_object_at (JsonArray *array, guint index)
{
  g_assert_cmpuint (index, <, json_array_get_length (array));
  return json_array_get_object_element (array, index);
}

/* The element of array whose member "id" is id. */
JsonObject *
penal_test_find_by_id (JsonArray *array, const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = json_array_get_object_element (array, i);

      if (g_strcmp0 (penal_test_string_or_null (element, "id"), id) == 0)
        return element;
    }
  g_error ("no element with id “%s”", id);
}

/* The node a path of members and array indexes leads to, "/" between
 * them: "versions/0/tree/branches/0/node/outcome". */
JsonNode *
penal_test_json_path (JsonObject *object, const char *path)
{
  g_auto (GStrv) steps = g_strsplit (path, "/", -1);
  JsonNode *node = NULL;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      guint64 index;

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          g_assert_true (g_ascii_string_to_unsigned (steps[i], 10, 0, G_MAXUINT,
                                                     &index, NULL));
          g_assert_cmpuint (index, <, json_array_get_length (array));
          node = json_array_get_element (array, (guint)index);
          continue;
        }
      if (node != NULL)
        {
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          object = json_node_get_object (node);
        }
      node = json_object_get_member (object, steps[i]);
      if (node == NULL)
        g_error ("no member “%s” on the path %s", steps[i], path);
    }
  return node;
}

JsonObject *
penal_test_object_path (JsonObject *object, const char *path)
{
  JsonNode *node = penal_test_json_path (object, path);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

JsonArray *
penal_test_array_path (JsonObject *object, const char *path)
{
  JsonNode *node = penal_test_json_path (object, path);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

/* Fails unless each of the n paths of object holds its string, or null. */
void
penal_test_assert_strings (JsonObject *object, const PenalTestString *expected,
                           gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      JsonNode *node = penal_test_json_path (object, expected[i].path);

      if (expected[i].value == NULL)
        {
          if (!JSON_NODE_HOLDS_NULL (node))
            g_error ("%s is not null", expected[i].path);
          continue;
        }
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        g_error ("%s is not a string", expected[i].path);
      if (g_strcmp0 (json_node_get_string (node), expected[i].value) != 0)
        g_error ("%s is “%s”, not “%s”", expected[i].path,
                 json_node_get_string (node), expected[i].value);
    }
}
