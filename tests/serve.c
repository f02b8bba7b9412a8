/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serve.c: tests penal serve in process: a server on 127.0.0.1 port 0,
 * asked with SoupSession (and, where a test needs bytes a client library
 * would not send, a raw socket; tests/serve-fixture.c).  Every endpoint of
 * the JSON API, every error status, the limits, the Host check, and that
 * no fact reaches the log; the interview's pages are tested in
 * tests/serve-pages.c.  The server serves from its own threads, so every
 * request here is a plain blocking call: nothing waits on a timer. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "serve-fixture.h"

/* ------------------------------------------------------------------ */
/* The API                                                              */

#define ADULT_FACTS                                                            \
  "{\"offense\": \"patronizing\", \"victim_age\": 30, \"offense_date\": "      \
  "\"2024-01-01\", \"prior_prostitution_offenses\": 0}"

static void
test_health (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) response = { 0 };

  request (fixture, &response, "GET", "/api/v1/health", NULL, NULL, 0, NULL);
  g_assert_cmpuint (response.status, ==, 200);
  g_assert_cmpstr (
      response.body, ==,
      "{\"format_version\":2,\"status\":\"ok\",\"version\":\"" PACKAGE_VERSION
      "\"}\n");
  penal_test_assert_contains (soup_message_headers_get_one (
                                  response.headers, "Content-Security-Policy"),
                              "default-src 'self'");
  g_assert_cmpstr (
      soup_message_headers_get_one (response.headers, "Cache-Control"), ==,
      "no-store");
}

/* The answer is exactly `penal classify --format=json`'s for the same
 * facts, twice (the second from the server's cache). */
static void
test_classify_same_as_cli (Fixture *fixture, gconstpointer data)
{
  const char *args[] = { "classify",
                         "--format=json",
                         "offense=patronizing",
                         "victim_age=30",
                         "offense_date=2024-01-01",
                         "prior_prostitution_offenses=0",
                         NULL };
  g_auto (PenalTestRun) cli = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&cli, NULL, NULL, args);
  g_assert_cmpint (cli.exit_code, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_auto (Response) response = { 0 };

      request (fixture, &response, "POST", "/api/v1/classify",
               "application/json", ADULT_FACTS, -1, NULL);
      g_assert_cmpuint (response.status, ==, 200);
      g_assert_cmpstr (response.body, ==, cli.out);
    }
}

/* A bad fact: 400, with the command line's own message. */
static void
test_classify_bad_fact (Fixture *fixture, gconstpointer data)
{
  const char *args[]
      = { "classify", "offense=patronizing", "victim_age=abc", NULL };
  g_auto (PenalTestRun) cli = { 0 };
  g_auto (Response) response = { 0 };
  g_autofree char *message = NULL;

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&cli, NULL, NULL, args);
  g_assert_cmpint (cli.exit_code, ==, 64);
  g_assert_true (g_str_has_prefix (cli.err, "penal: "));
  message = g_strchomp (g_strdup (cli.err + strlen ("penal: ")));
  request (fixture, &response, "POST", "/api/v1/classify", "application/json",
           "{\"offense\": \"patronizing\", \"victim_age\": \"abc\"}", -1, NULL);
  assert_json_error (&response, 400, message);
}

static void
test_classify_bad_json (Fixture *fixture, gconstpointer data)
{
  static const char *const bodies[] = { "",
                                        "[1, 2]",
                                        "{\"offense\": ",
                                        "\"patronizing\"",
                                        "{} {}",
                                        "{\"burglary\": 1}",
                                        NULL };

  for (guint i = 0; bodies[i] != NULL; i++)
    {
      g_auto (Response) response = { 0 };

      request (fixture, &response, "POST", "/api/v1/classify",
               "application/json", bodies[i], -1, NULL);
      g_assert_cmpuint (response.status, ==, 400);
    }
}

static void
test_classify_wrong_type (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) response = { 0 };

  request (fixture, &response, "POST", "/api/v1/classify", "text/plain",
           ADULT_FACTS, -1, NULL);
  assert_json_error (&response, 415, "application/json");
}

/* 64 KiB is the cap: one byte more is refused, whether the length is
 * declared or the body comes in chunks. */
static void
test_classify_too_large (Fixture *fixture, gconstpointer data)
{
  gsize size = 64 * 1024 + 1;
  g_autofree char *body = g_malloc (size);
  g_auto (Response) declared = { 0 };
  g_autofree char *chunked = NULL;

  memset (body, ' ', size);
  body[0] = '{';
  body[size - 1] = '}';
  request (fixture, &declared, "POST", "/api/v1/classify", "application/json",
           body, (gssize)size, NULL);
  assert_json_error (&declared, 413, "too large");

  chunked = raw_exchange_oversized (fixture, "POST /api/v1/classify",
                                    "Content-Type: application/json\r\n");
  g_assert_true (g_str_has_prefix (chunked, "HTTP/1.1 413 "));
}

/* A GET's body is held to the same cap, declared or chunked: the server
 * does not gather a body it has no use for without limit. */
static void
test_get_body_too_large (Fixture *fixture, gconstpointer data)
{
  gsize size = 64 * 1024 + 1;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *declared = NULL;
  g_autofree char *chunked
      = raw_exchange_oversized (fixture, "GET /api/v1/health", "");

  g_string_append_printf (text,
                          "GET /api/v1/health HTTP/1.1\r\nHost: "
                          "127.0.0.1:%u\r\nContent-Length: %" G_GSIZE_FORMAT
                          "\r\nConnection: close\r\n\r\n",
                          penal_server_get_port (fixture->server), size);
  for (gsize i = 0; i < size; i++)
    g_string_append_c (text, ' ');
  declared = raw_exchange (fixture, text->str, TRUE);
  g_assert_true (g_str_has_prefix (declared, "HTTP/1.1 413 "));
  g_assert_true (g_str_has_prefix (chunked, "HTTP/1.1 413 "));
}

/* The rows of `penal batch --input-format=jsonl --format=jsonl`, bad rows
 * included, in order. */
static void
test_batch_same_as_cli (Fixture *fixture, gconstpointer data)
{
  static const char input[]
      = "{\"offense\":\"patronizing\",\"victim_age\":16,\"offense_date\":"
        "\"2016-06-01\"}\n"
        "{\"offense\":\"patronizing\",\"victim_age\":\"abc\"}\n"
        "not json\n"
        "\n"
        "{\"offense\":\"prostitution\",\"knew_hiv\":true,\"offense_date\":"
        "\"2024-01-01\"}\n";
  const char *args[]
      = { "batch", "--input-format=jsonl", "--format=jsonl", "-", NULL };
  g_auto (PenalTestRun) cli = { 0 };
  g_auto (Response) response = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run_input (&cli, NULL, NULL, args, input, strlen (input));
  g_assert_cmpint (cli.exit_code, ==, 65); /* one row is an error */
  request (fixture, &response, "POST", "/api/v1/batch", "application/x-ndjson",
           input, -1, NULL);
  g_assert_cmpuint (response.status, ==, 200);
  g_assert_cmpstr (
      soup_message_headers_get_content_type (response.headers, NULL), ==,
      "application/x-ndjson");
  g_assert_cmpstr (response.body, ==, cli.out);
}

static void
test_batch_errors (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) wrong_type = { 0 };
  g_auto (Response) empty = { 0 };

  request (fixture, &wrong_type, "POST", "/api/v1/batch", "application/json",
           ADULT_FACTS, -1, NULL);
  assert_json_error (&wrong_type, 415, "application/x-ndjson");
  request (fixture, &empty, "POST", "/api/v1/batch", "application/x-ndjson", "",
           0, NULL);
  g_assert_cmpuint (empty.status, ==, 200);
  g_assert_cmpstr (empty.body, ==, "");
}

/* A caseload of many rows, the lines of test_batch_same_as_cli's again
 * and again, sent in chunks of a size unknown to the server: its rows are
 * answered as the body comes, over many pieces of it, and the answer is
 * still exactly `penal batch`'s. */
static void
test_batch_streamed (Fixture *fixture, gconstpointer data)
{
  static const char *const lines[] = {
    "{\"offense\":\"patronizing\",\"victim_age\":16,\"offense_date\":"
    "\"2016-06-01\"}\n",
    "{\"offense\":\"patronizing\",\"victim_age\":\"abc\"}\n",
    "not json\n",
    "\n",
    "{\"offense\":\"prostitution\",\"knew_hiv\":true,\"offense_date\":"
    "\"2024-01-01\"}\n",
    "{\"offense\":\"patronizing\",\"victim_age\":\"15\",\"offense_date\":"
    "\"2018-08-28\",\"case\":\"Número 7\"}\r\n",
  };
  const char *args[]
      = { "batch", "--input-format=jsonl", "--format=jsonl", "-", NULL };
  g_autoptr (GString) input = g_string_new (NULL);
  g_auto (PenalTestRun) cli = { 0 };
  g_autofree char *uri = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;

  if (!penal_test_have_binary ())
    return;
  for (guint i = 0; input->len < 512 * 1024; i++)
    g_string_append (input, lines[i % G_N_ELEMENTS (lines)]);
  penal_test_run_input (&cli, NULL, NULL, args, input->str, input->len);
  g_assert_cmpint (cli.exit_code, ==, 65); /* rows are errors */

  uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/batch",
                         penal_server_get_port (fixture->server));
  message = soup_message_new ("POST", uri);
  stream = g_memory_input_stream_new_from_data (input->str, (gssize)input->len,
                                                NULL);
  /* A length of -1: the body goes out chunked. */
  soup_message_set_request_body (message, "application/x-ndjson", stream, -1);
  answer = soup_session_send_and_read (fixture->session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpuint (g_bytes_get_size (answer), ==, strlen (cli.out));
  g_assert_true (
      memcmp (g_bytes_get_data (answer, NULL), cli.out, strlen (cli.out)) == 0);
}

/* An input batch refuses is answered with batch's error alone, 400: no
 * rows before it. */
static void
test_batch_refused (Fixture *fixture, gconstpointer data)
{
  /* "{}\n" in UTF-16, little-endian with its byte order mark. */
  static const char utf16[] = "\xFF\xFE{\0}\0\n\0";
  g_auto (Response) response = { 0 };

  request (fixture, &response, "POST", "/api/v1/batch", "application/x-ndjson",
           utf16, sizeof utf16 - 1, NULL);
  assert_json_error (&response, 400, "UTF-16");
}

/* The cap on a batch's body holds however it comes: a body that passes
 * it in chunks is answered 413, with no row of what was answered before,
 * and the server answers the next batch as before. */
static void
test_batch_too_large (Fixture *fixture, gconstpointer data)
{
  static const char row[] = "{\"offense\":\"prostitution\"}\n";
  g_autoptr (GString) raw = g_string_new (NULL);
  g_autofree char *answer = NULL;
  g_auto (Response) next = { 0 };

  g_string_append_printf (
      raw,
      "POST /api/v1/batch HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
      "Content-Type: application/x-ndjson\r\n"
      "Transfer-Encoding: chunked\r\nConnection: "
      "close\r\n\r\n",
      penal_server_get_port (fixture->server));
  /* 96 KiB in rows, over the fixture's cap of 64 KiB. */
  for (guint i = 0; i < 96 * 1024 / (sizeof row - 1); i++)
    g_string_append_printf (raw, "%zx\r\n%s\r\n", sizeof row - 1, row);
  g_string_append (raw, "0\r\n\r\n");
  answer = raw_exchange (fixture, raw->str, TRUE);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413 "));
  penal_test_assert_lacks (answer, "\"line\"");

  request (fixture, &next, "POST", "/api/v1/batch", "application/x-ndjson", row,
           -1, NULL);
  g_assert_cmpuint (next.status, ==, 200);
  penal_test_assert_contains (next.body, "\"line\":1,");
}

/* A batch's rows are held until its request has been read, and a row is
 * larger than its line: the rows have a cap of their own.  A body well
 * under the cap on bodies whose answer passes the cap on answers (both
 * 64 KiB here) is answered 413, saying why, with no row; a smaller batch
 * is answered as before. */
static void
test_batch_answer_too_large (Fixture *fixture, gconstpointer data)
{
  static const char row[] = "{\"a\":1}\n";
  g_autoptr (GString) body = g_string_new (NULL);
  g_auto (Response) large = { 0 };
  g_auto (Response) small = { 0 };

  /* 2,000 rows of 8 bytes, 16 KB in; each answered with an error row
   * (no offense, and a member penal does not read) of well over 33
   * bytes. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (body, row);
  request (fixture, &large, "POST", "/api/v1/batch", "application/x-ndjson",
           body->str, (gssize)body->len, NULL);
  assert_json_error (&large, 413, "fewer rows");
  penal_test_assert_lacks (large.body, "\"line\"");

  request (fixture, &small, "POST", "/api/v1/batch", "application/x-ndjson",
           "{\"a\":1}\n{\"a\":1}\n", -1, NULL);
  g_assert_cmpuint (small.status, ==, 200);
  penal_test_assert_contains (small.body, "\"line\":2,");
}

static void
test_statutes (Fixture *fixture, gconstpointer data)
{
  const char *args[] = { "list", "--format=json", NULL };
  g_auto (PenalTestRun) cli = { 0 };
  g_auto (Response) response = { 0 };

  if (!penal_test_have_binary ())
    return;
  penal_test_run (&cli, NULL, NULL, args);
  request (fixture, &response, "GET", "/api/v1/statutes", NULL, NULL, 0, NULL);
  g_assert_cmpuint (response.status, ==, 200);
  g_assert_cmpstr (response.body, ==, cli.out);
}

static void
test_not_found (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) api = { 0 };
  g_auto (Response) page = { 0 };

  request (fixture, &api, "GET", "/api/v1/nothing", NULL, NULL, 0, NULL);
  assert_json_error (&api, 404, "nothing at this address");
  request (fixture, &page, "GET", "/nothing", NULL, NULL, 0, NULL);
  g_assert_cmpuint (page.status, ==, 404);
  penal_test_assert_contains (page.body, "<!DOCTYPE html>");
}

static void
test_method_not_allowed (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) get = { 0 };
  g_auto (Response) post = { 0 };

  request (fixture, &get, "GET", "/api/v1/classify", NULL, NULL, 0, NULL);
  assert_json_error (&get, 405, "use POST");
  g_assert_cmpstr (soup_message_headers_get_one (get.headers, "Allow"), ==,
                   "POST");
  request (fixture, &post, "DELETE", "/api/v1/health", NULL, NULL, 0, NULL);
  assert_json_error (&post, 405, "use GET");
}

/* ------------------------------------------------------------------ */
/* Limits and the Host check                                            */

/* A page elsewhere that points a name at 127.0.0.1 (DNS rebinding) sends
 * its own name as the Host: refused. */
static void
test_host_check (Fixture *fixture, gconstpointer data)
{
  guint port = penal_server_get_port (fixture->server);
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *evil = g_strconcat ("evil.example:", port_text, NULL);
  g_autofree char *other_port
      = g_strdup_printf ("127.0.0.1:%u", port == 65535 ? 1 : port + 1);
  g_autofree char *numeric = g_strconcat ("127.0.0.1:", port_text, NULL);
  g_autofree char *name = g_strconcat ("localhost:", port_text, NULL);
  g_autofree char *upper = g_strconcat ("LOCALHOST:", port_text, NULL);
  const struct
  {
    const char *host;
    const char *status;
  } cases[]
      = { { evil, "421" }, { "evil.example", "421" }, { other_port, "421" },
          { "", "421" },   { numeric, "200" },        { name, "200" },
          { upper, "200" } };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
          "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nConnection: "
          "close\r\n\r\n",
          cases[i].host);
      g_autofree char *answer = raw_exchange (fixture, text, TRUE);
      g_autofree char *expected
          = g_strdup_printf ("HTTP/1.1 %s ", cases[i].status);

      if (!g_str_has_prefix (answer, expected))
        g_error ("Host “%s”: expected %s, got:\n%s", cases[i].host,
                 cases[i].status, answer);
    }
  {
    /* HTTP/1.0 lets a client send no Host at all: refused too. */
    g_autofree char *answer = raw_exchange (
        fixture, "GET /api/v1/health HTTP/1.0\r\nConnection: close\r\n\r\n",
        TRUE);
    g_assert_true (g_str_has_prefix (answer, "HTTP/1.0 421 ")
                   || g_str_has_prefix (answer, "HTTP/1.1 421 "));
  }
}

static void
test_header_size (Fixture *fixture, gconstpointer data)
{
  g_autofree char *large = g_strnfill (9 * 1024, 'x');
  g_auto (Response) response = { 0 };

  request (fixture, &response, "GET", "/api/v1/health", NULL, NULL, 0,
           "X-Large", large, NULL);
  assert_json_error (&response, 431, "headers are too large");
}

/* A connection that sends nothing is closed after the idle timeout; one
 * that sends half a request, after the request timeout. */
static void
test_timeouts (Fixture *fixture, gconstpointer data)
{
  PenalServerLimits limits;
  Fixture timed = { 0 };
  g_autofree char *idle = NULL;
  g_autofree char *slow = NULL;

  penal_server_limits_init (&limits);
  limits.idle_timeout = 1;
  limits.request_timeout = 1;
  fixture_start (&timed, &limits);
  idle = raw_exchange (&timed, NULL, TRUE);
  g_assert_cmpstr (idle, ==, "");
  slow
      = raw_exchange (&timed, "GET /api/v1/health HTTP/1.1\r\nHost: 127", TRUE);
  g_assert_cmpstr (slow, ==, "");
  fixture_tear_down (&timed, NULL);
}

/* With two connections open, a third is closed at once; the two still
 * work. */
/* A server that takes two connections at once; returns a request for its
 * health. */
static char *
start_capped (Fixture *capped)
{
  PenalServerLimits limits;

  penal_server_limits_init (&limits);
  limits.max_connections = 2;
  fixture_start (capped, &limits);
  return g_strdup_printf (
      "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n\r\n",
      penal_server_get_port (capped->server));
}

static void
test_connection_cap (Fixture *fixture, gconstpointer data)
{
  Fixture capped = { 0 };
  GSocketConnection *open[2];
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autofree char *refused = NULL;
  g_autofree char *text = NULL;

  text = start_capped (&capped);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;
      char buffer[1024];
      gssize n;

      open[i] = g_socket_client_connect_to_host (
          client, "127.0.0.1", penal_server_get_port (capped.server), NULL,
          &error);
      g_assert_no_error (error);
      g_socket_set_timeout (g_socket_connection_get_socket (open[i]), 60);
      g_socket_send (g_socket_connection_get_socket (open[i]), text,
                     strlen (text), NULL, &error);
      n = g_socket_receive (g_socket_connection_get_socket (open[i]), buffer,
                            sizeof buffer - 1, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      buffer[n] = '\0';
      g_assert_true (g_str_has_prefix (buffer, "HTTP/1.1 200 "));
    }
  refused = raw_exchange (&capped, text, TRUE);
  g_assert_cmpstr (refused, ==, "");
  for (guint i = 0; i < 2; i++)
    g_object_unref (open[i]);
  fixture_tear_down (&capped, NULL);
}

/* Connections the clients closed are no longer counted: with a cap of
 * two, ten clients in a row, each closing after its answer, are all
 * served (libsoup 3.2 would otherwise keep each one open forever). */
static void
test_closed_connections_released (Fixture *fixture, gconstpointer data)
{
  Fixture capped = { 0 };
  g_autofree char *text = NULL;

  text = start_capped (&capped);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *answer = raw_exchange (&capped, text, FALSE);

      if (!g_str_has_prefix (answer, "HTTP/1.1 200 "))
        g_error ("client %u was not served: “%s”", i + 1, answer);
    }
  fixture_tear_down (&capped, NULL);
}

static void
test_no_fact_logged (Fixture *fixture, gconstpointer data)
{
  static const char *const secrets[]
      = { "2019-07-13", "patronizing", "abc", "victim_age", NULL };
  g_auto (Response) classify = { 0 };
  g_auto (Response) bad = { 0 };
  g_auto (Response) page = { 0 };
  g_auto (Response) odd = { 0 };
  g_auto (Response) batch = { 0 };

  request (fixture, &classify, "POST", "/api/v1/classify", "application/json",
           "{\"offense\": \"patronizing\", \"offense_date\": \"2019-07-13\"}",
           -1, NULL);
  request (fixture, &bad, "POST", "/api/v1/classify", "application/json",
           "{\"offense\": \"patronizing\", \"victim_age\": \"abc\"}", -1, NULL);
  post_form (fixture, &page,
             "lang=en&a=offense%3Dpatronizing&fact=offense_date&value=2019-"
             "07-13&action=answer",
             NULL);
  request (fixture, &odd, "GET", "/patronizing/2019-07-13?victim_age=abc", NULL,
           NULL, 0, NULL);
  request (fixture, &batch, "POST", "/api/v1/batch", "application/x-ndjson",
           "{\"offense\":\"patronizing\",\"offense_date\":\"2019-07-13\"}\n",
           -1, NULL);
  g_assert_cmpuint (classify.status, ==, 200);
  g_assert_cmpuint (odd.status, ==, 404);

  /* A request's line is logged when the server is done with it, which
   * may follow the answer by a moment: wait for all five (only a hang
   * reaches the deadline). */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
    gboolean found = FALSE;

    g_mutex_lock (&fixture->log_lock);
    while (fixture->log->len < 5)
      if (!g_cond_wait_until (&fixture->log_grew, &fixture->log_lock, deadline))
        break;
    g_assert_cmpuint (fixture->log->len, ==, 5);
    for (guint i = 0; i < fixture->log->len; i++)
      found |= strstr (g_ptr_array_index (fixture->log, i),
                       "POST /api/v1/classify 200 ")
               != NULL;
    g_assert_true (found);
  }
  for (guint i = 0; i < fixture->log->len; i++)
    for (guint s = 0; secrets[s] != NULL; s++)
      penal_test_assert_lacks (g_ptr_array_index (fixture->log, i), secrets[s]);
  g_mutex_unlock (&fixture->log_lock);
  g_mutex_lock (&glib_log_lock);
  for (guint i = 0; i < glib_log->len; i++)
    for (guint s = 0; secrets[s] != NULL; s++)
      penal_test_assert_lacks (g_ptr_array_index (glib_log, i), secrets[s]);
  g_mutex_unlock (&glib_log_lock);
}

static const ServeTest tests[] = {
  { "/serve/api/health", test_health },
  { "/serve/api/classify/same-as-cli", test_classify_same_as_cli },
  { "/serve/api/classify/bad-fact-400", test_classify_bad_fact },
  { "/serve/api/classify/bad-json-400", test_classify_bad_json },
  { "/serve/api/classify/wrong-type-415", test_classify_wrong_type },
  { "/serve/api/classify/too-large-413", test_classify_too_large },
  { "/serve/limits/get-body-too-large-413", test_get_body_too_large },
  { "/serve/api/batch/same-as-cli", test_batch_same_as_cli },
  { "/serve/api/batch/errors", test_batch_errors },
  { "/serve/api/batch/streamed", test_batch_streamed },
  { "/serve/api/batch/refused-400", test_batch_refused },
  { "/serve/api/statutes", test_statutes },
  { "/serve/errors/not-found-404", test_not_found },
  { "/serve/errors/method-405", test_method_not_allowed },
  { "/serve/limits/host-check-421", test_host_check },
  { "/serve/limits/header-size-431", test_header_size },
  { "/serve/limits/timeouts", test_timeouts },
  { "/serve/limits/connection-cap", test_connection_cap },
  { "/serve/limits/closed-connections-released",
    test_closed_connections_released },
  { "/serve/log/no-fact", test_no_fact_logged },
};

/* Tests of the caps on a batch, with a server whose caps are 64 KiB. */
static const ServeTest small_batch_tests[] = {
  { "/serve/api/batch/answer-too-large-413", test_batch_answer_too_large },
  { "/serve/api/batch/too-large-413", test_batch_too_large },
};

int
main (int argc, char **argv)
{
  serve_test_init (&argc, &argv);
  SERVE_ADD_TESTS (tests, fixture_set_up);
  SERVE_ADD_TESTS (small_batch_tests, fixture_set_up_small_batch);
  return g_test_run ();
}
