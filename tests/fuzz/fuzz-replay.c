/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a libFuzzer harness over its seed corpus as ordinary
 * GTest cases, one per corpus file, so `make check` exercises the harnesses
 * (under ASan and UBSan too, in CI) where clang's fuzzer is not at hand.
 * The corpus directory is tests/fuzz/corpus-NAME, NAME from argv[0]. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

static void
replay (gconstpointer path)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *)data, length), ==,
                   0);
}

int
main (int argc, char **argv)
{
  g_autofree char *base = g_path_get_basename (argv[0]);
  const char *name = g_str_has_prefix (base, "fuzz-") ? base + 5 : base;
  g_autofree char *corpus = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  const char *entry;

  g_test_init (&argc, &argv, NULL);
  if (g_str_has_suffix (name, "-replay"))
    {
      g_autofree char *stem
          = g_strndup (name, strlen (name) - strlen ("-replay"));
      g_autofree char *dirname = g_strconcat ("corpus-", stem, NULL);
      corpus = g_test_build_filename (G_TEST_DIST, "fuzz", dirname, NULL);
    }
  g_assert_nonnull (corpus);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (corpus, entry, NULL));
  g_ptr_array_sort (files, compare_paths);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *file
          = g_path_get_basename (g_ptr_array_index (files, i));
      g_autofree char *path = g_strdup_printf ("/fuzz/%s/%s", name, file);
      g_test_add_data_func (path, g_ptr_array_index (files, i), replay);
    }
  return g_test_run ();
}
