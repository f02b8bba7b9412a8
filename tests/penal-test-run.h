/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-test-run.h: run the real penal binary and capture what it prints. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *out;
  char *err;
  int exit_code;
} PenalTestRun;

void penal_test_run_clear (PenalTestRun *run);
void penal_test_run (PenalTestRun *run, const char *language,
                     const char *lc_all, const char *const *args);
void penal_test_run_input (PenalTestRun *run, const char *language,
                           const char *lc_all, const char *const *args,
                           const char *input, gsize length);
/* How a child's standard output fails: a full device, closed (>&-), or
 * a pipe nobody reads, with SIGPIPE ignored so the write gets EPIPE. */
typedef enum
{
  PENAL_TEST_STDOUT_FULL,
  PENAL_TEST_STDOUT_CLOSED,
  PENAL_TEST_STDOUT_BROKEN_PIPE,
} PenalTestStdout;

void penal_test_run_to (PenalTestRun *run, const char *const *args,
                        PenalTestStdout how);
void penal_test_run_without_stdin (PenalTestRun *run, const char *const *args);
gboolean penal_test_have_binary (void);
gboolean penal_test_have_catalogs (void);
char *penal_test_write_temporary (const char *data, gsize length);
void penal_test_assert_contains (const char *haystack, const char *needle);
void penal_test_assert_lacks (const char *haystack, const char *needle);
void penal_test_assert_contains_each (const char *haystack,
                                      ...) G_GNUC_NULL_TERMINATED;
guint penal_test_count (const char *haystack, const char *needle);

/* What the binary prints, read: text or one JSON object, with exit 0 and
 * nothing on standard error required; and the usage errors (exit 64). */
char *penal_test_run_text (const char *language, const char *lc_all,
                           const char *const *args);
JsonObject *penal_test_run_json (JsonParser *parser, const char *const *args);
void penal_test_assert_usage_error (const char *const *args,
                                    const char *message);

/* JSON read in tests: every lookup fails the test when the shape is not
 * what it expects, rather than returning NULL to crash later. */
JsonObject *penal_test_parse_object (JsonParser *parser, const char *text);
const char *penal_test_string_or_null (JsonObject *object, const char *member);
void penal_test_assert_member_null (JsonObject *object, const char *member);
JsonObject *penal_test_object_at (JsonArray *array, guint index);
JsonObject *penal_test_find_by_id (JsonArray *array, const char *id);
JsonNode *penal_test_json_path (JsonObject *object, const char *path);
JsonObject *penal_test_object_path (JsonObject *object, const char *path);
JsonArray *penal_test_array_path (JsonObject *object, const char *path);

/* A string a path of members leads to, as penal_test_json_path reads it;
 * NULL: the member is null. */
typedef struct
{
  const char *path;
  const char *value;
} PenalTestString;

void penal_test_assert_strings (JsonObject *object,
                                const PenalTestString *expected, gsize n);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PenalTestRun, penal_test_run_clear)

G_END_DECLS
