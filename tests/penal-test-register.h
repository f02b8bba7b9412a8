/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-register.h: a test program's tests, registered from tables.
 *
 * Each test program lists its tests as a table of paths and functions and
 * registers the table in main (), so that adding a test is adding a row;
 * tables of cases register one test per row, named by the row's name.
 * Header-only, so that every test program can use it whatever else it
 * links. */
#pragma once

#include <stdarg.h>

#include <glib.h>

G_BEGIN_DECLS

/* One test: its GTest path and its function. */
typedef struct
{
  const char *path;
  GTestFunc func;
} PenalTestFunc;

/* One test of a function that takes data: its path, the data, the
 * function. */
typedef struct
{
  const char *path;
  gconstpointer data;
  GTestDataFunc func;
} PenalTestDataFunc;

static inline void
penal_test_add_funcs (const PenalTestFunc *tests, gsize n)
{
  for (gsize i = 0; i < n; i++)
    g_test_add_func (tests[i].path, tests[i].func);
}

static inline void
penal_test_add_data_funcs (const PenalTestDataFunc *tests, gsize n)
{
  for (gsize i = 0; i < n; i++)
    g_test_add_data_func (tests[i].path, tests[i].data, tests[i].func);
}

/* Registers test with test_case as its data, under a path made from
 * path_format and what follows it. */
static inline void G_GNUC_PRINTF (3, 4)
    penal_test_add_case (gconstpointer test_case, GTestDataFunc test,
                         const char *path_format, ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  g_test_add_data_func (path, test_case, test);
}

/* The whole main () of a test program whose tests are one table: starts
 * GTest, registers the table, runs it. */
static inline int
penal_test_main (int argc, char *argv[], const PenalTestFunc *tests, gsize n)
{
  g_test_init (&argc, &argv, NULL);
  penal_test_add_funcs (tests, n);
  return g_test_run ();
}

/* Registers every row of a table (an array, not a pointer) as a test of
 * its own. */
#define PENAL_TEST_ADD_FUNCS(tests)                                            \
  penal_test_add_funcs ((tests), G_N_ELEMENTS (tests))
#define PENAL_TEST_ADD_DATA_FUNCS(tests)                                       \
  penal_test_add_data_funcs ((tests), G_N_ELEMENTS (tests))

/* Registers func once for each row of cases (an array whose rows have a
 * const char *name), as prefix/NAME with the row as its data. */
#define PENAL_TEST_ADD_CASES(prefix, cases, func)                              \
  for (gsize penal_case_ = 0; penal_case_ < G_N_ELEMENTS (cases);              \
       penal_case_++)                                                          \
  penal_test_add_case (&(cases)[penal_case_], (func), prefix "/%s",            \
                       (cases)[penal_case_].name)

G_END_DECLS
