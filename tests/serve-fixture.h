/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serve-fixture.h: what the tests of penal serve share (serve-fixture.c). */
#pragma once

#include "penal-test-run.h"
#include "serve/penal-server.h"

G_BEGIN_DECLS

typedef struct
{
  PenalModel *model;
  PenalServer *server;
  SoupSession *session;
  GMutex log_lock;
  GCond log_grew;
  GPtrArray *log; /* char *: every line the server logged */
} Fixture;

typedef struct
{
  guint status;
  char *body;
  SoupMessageHeaders *headers;
} Response;

void response_clear (Response *response);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, response_clear)

/* GLib's own log, every message, for the test that no fact reaches it. */
extern GPtrArray *glib_log;
extern GMutex glib_log_lock;

void serve_test_init (int *argc, char ***argv);
void fixture_start (Fixture *fixture, const PenalServerLimits *limits);
void fixture_set_up (Fixture *fixture, gconstpointer data);
void fixture_set_up_small_batch (Fixture *fixture, gconstpointer data);
void fixture_tear_down (Fixture *fixture, gconstpointer data);
void request (Fixture *fixture, Response *response, const char *method,
              const char *path, const char *content_type, const char *body,
              gssize length, ...) G_GNUC_NULL_TERMINATED;
char *raw_exchange (Fixture *fixture, const char *text, gboolean wait_close);
char *raw_exchange_oversized (Fixture *fixture, const char *request_line,
                              const char *extra_headers);
void assert_json_error (const Response *response, guint status,
                        const char *message_part);
void post_form (Fixture *fixture, Response *response, const char *form,
                const char *accept_language);

/* A test of the server: its path and its function. */
typedef struct
{
  const char *path;
  void (*func) (Fixture *fixture, gconstpointer data);
} ServeTest;

void serve_add_tests (const ServeTest *tests, gsize n,
                      void (*set_up) (Fixture *fixture, gconstpointer data));

/* Registers every row of a table (an array, not a pointer), each test
 * with a fresh server that set_up starts. */
#define SERVE_ADD_TESTS(tests, set_up)                                         \
  serve_add_tests ((tests), G_N_ELEMENTS (tests), (set_up))

G_END_DECLS
