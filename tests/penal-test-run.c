/* penal-test-run.c: run the real penal binary and capture what it prints. */
#include "config.h"

#include <string.h>

#include "penal-test-run.h"

void
penal_test_run_clear (PenalTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs $PENAL_BINARY with args, LANGUAGE and LC_ALL as given (NULL unsets
 * them; LANG and LC_MESSAGES are always unset), and records stdout, stderr
 * and the exact exit status. */
void
penal_test_run (PenalTestRun      *run,
                const char        *language,
                const char        *lc_all,
                const char *const *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PENAL_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "LANG");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = language != NULL ? g_environ_setenv (envp, "LANGUAGE", language, TRUE)
                          : g_environ_unsetenv (envp, "LANGUAGE");
  envp = lc_all != NULL ? g_environ_setenv (envp, "LC_ALL", lc_all, TRUE)
                        : g_environ_unsetenv (envp, "LC_ALL");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &status, &error);
  g_assert_no_error (error);
  /* The exact exit code, through GLib's own decoding of the wait status. */
  if (g_spawn_check_wait_status (status, &error))
    run->exit_code = 0;
  else
    {
      g_assert_true (error->domain == G_SPAWN_EXIT_ERROR);
      run->exit_code = error->code;
    }
}

void
penal_test_assert_contains (const char *haystack,
                            const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected to find “%s” in:\n%s", needle, haystack);
}

void
penal_test_assert_lacks (const char *haystack,
                         const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect “%s” in:\n%s", needle, haystack);
}
