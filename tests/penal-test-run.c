/* penal-test-run.c: run the real penal binary and capture what it prints. */
#include "config.h"

#include <locale.h>
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
  if (strstr (haystack, needle) == NULL)
    g_error ("expected to find “%s” in:\n%s", needle, haystack);
}

void
penal_test_assert_lacks (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect “%s” in:\n%s", needle, haystack);
}

/* The JSON object text holds, parsed by parser (which owns it); fails
 * unless text is one JSON object. */
JsonObject *
penal_test_parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}
