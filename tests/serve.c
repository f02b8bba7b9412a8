/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serve.c: tests penal serve in process: a server on 127.0.0.1 port 0,
 * asked with SoupSession (and, where a test needs bytes a client library
 * would not send, a raw socket).  Every endpoint, every error status, the
 * limits, the Host check, the interview's pages in both languages, and
 * that no fact reaches the log.  The server serves from its own threads,
 * so every request here is a plain blocking call: nothing waits on a
 * timer. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "penal-test-run.h"
#include "serve/penal-server.h"

typedef struct
{
  PenalModel *model;
  PenalServer *server;
  SoupSession *session;
  GMutex log_lock;
  GCond log_grew;
  GPtrArray *log; /* char *: every line the server logged */
} Fixture;

/* The server hands on its lines in blocks, each line ending in a
 * newline. */
static void
collect_log (const char *lines, gpointer user_data)
{
  Fixture *fixture = user_data;
  g_auto (GStrv) split = g_strsplit (lines, "\n", -1);

  g_assert_true (g_str_has_suffix (lines, "\n"));
  g_mutex_lock (&fixture->log_lock);
  for (guint i = 0; split[i] != NULL && split[i + 1] != NULL; i++)
    g_ptr_array_add (fixture->log, g_strdup (split[i]));
  g_cond_broadcast (&fixture->log_grew);
  g_mutex_unlock (&fixture->log_lock);
}

/* GLib's own log, for the test that no fact reaches any log. */
static GPtrArray *glib_log;
static GMutex glib_log_lock;

static GLogWriterOutput
collect_glib_log (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                  gpointer user_data)
{
  g_mutex_lock (&glib_log_lock);
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_ptr_array_add (glib_log, g_strdup (fields[i].value));
  g_mutex_unlock (&glib_log_lock);
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
fixture_start (Fixture *fixture, const PenalServerLimits *limits)
{
  g_autoptr (GError) error = NULL;

  fixture->model = penal_model_load_bundled (&error);
  g_assert_no_error (error);
  fixture->server = penal_server_new (fixture->model, limits, "en");
  fixture->log = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&fixture->log_lock);
  g_cond_init (&fixture->log_grew);
  penal_server_set_log_func (fixture->server, collect_log, fixture);
  g_assert_true (penal_server_listen (fixture->server, "127.0.0.1:0", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (penal_server_get_port (fixture->server), >, 0);
  fixture->session = soup_session_new ();
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  PenalServerLimits limits;

  penal_server_limits_init (&limits);
  fixture_start (fixture, &limits);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->session);
  penal_server_free (fixture->server);
  penal_model_free (fixture->model);
  g_ptr_array_unref (fixture->log);
  g_mutex_clear (&fixture->log_lock);
  g_cond_clear (&fixture->log_grew);
}

typedef struct
{
  guint status;
  char *body;
  SoupMessageHeaders *headers;
} Response;

static void
response_clear (Response *response)
{
  g_free (response->body);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, response_clear)

/* One request, with an optional body; extra headers as NAME, VALUE, …,
 * NULL. */
static void
request (Fixture *fixture, Response *response, const char *method,
         const char *path, const char *content_type, const char *body,
         gssize length, ...)
{
  g_autofree char *uri = g_strdup_printf (
      "http://127.0.0.1:%u%s", penal_server_get_port (fixture->server), path);
  g_autoptr (SoupMessage) message = soup_message_new (method, uri);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  va_list args;

  g_assert_nonnull (message);
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes
          = g_bytes_new (body, length >= 0 ? (gsize)length : strlen (body));
      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  va_start (args, length);
  while ((name = va_arg (args, const char *)) != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  name, va_arg (args, const char *));
  va_end (args);
  answer = soup_session_send_and_read (fixture->session, message, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (message);
  response->body = g_bytes_get_size (answer) > 0
                       ? g_strndup (g_bytes_get_data (answer, NULL),
                                    g_bytes_get_size (answer))
                       : g_strdup ("");
  response->headers
      = soup_message_headers_ref (soup_message_get_response_headers (message));
}

/* Bytes written to a fresh connection, and everything read back until the
 * server closes it or answers; used where a client library would not send
 * what the test needs. */
static char *
raw_exchange (Fixture *fixture, const char *text, gboolean wait_close)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) read = g_string_new (NULL);
  GSocket *socket;

  connection = g_socket_client_connect_to_host (
      client, "127.0.0.1", penal_server_get_port (fixture->server), NULL,
      &error);
  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (connection);
  /* Only a hang ends here. */
  g_socket_set_timeout (socket, 60);
  if (text != NULL)
    g_assert_cmpint (g_socket_send (socket, text, strlen (text), NULL, &error),
                     ==, (gssize)strlen (text));
  for (;;)
    {
      char buffer[4096];
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      if (n <= 0)
        break;
      g_string_append_len (read, buffer, n);
      if (!wait_close && strstr (read->str, "\r\n\r\n") != NULL)
        break;
    }
  return g_string_free (g_steal_pointer (&read), FALSE);
}

/* REQUEST_LINE ("POST /path") with EXTRA_HEADERS and a chunked body of
 * 96 KiB, over the 64 KiB cap, sent on a fresh connection; what the
 * server answers before it closes it. */
static char *
raw_exchange_oversized (Fixture *fixture, const char *request_line,
                        const char *extra_headers)
{
  g_autoptr (GString) raw = g_string_new (NULL);

  g_string_append_printf (raw,
                          "%s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s"
                          "Transfer-Encoding: chunked\r\nConnection: "
                          "close\r\n\r\n",
                          request_line, penal_server_get_port (fixture->server),
                          extra_headers);
  for (guint i = 0; i < 3; i++)
    {
      g_string_append_printf (raw, "%x\r\n", 32 * 1024);
      for (guint j = 0; j < 32 * 1024; j++)
        g_string_append_c (raw, ' ');
      g_string_append (raw, "\r\n");
    }
  g_string_append (raw, "0\r\n\r\n");
  return raw_exchange (fixture, raw->str, TRUE);
}

static void
assert_json_error (const Response *response, guint status,
                   const char *message_part)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (
      soup_message_headers_get_content_type (response->headers, NULL), ==,
      "application/json");
  object = penal_test_parse_object (parser, response->body);
  g_assert_cmpint (json_object_get_int_member (object, "format_version"), ==,
                   2);
  g_assert_cmpint (json_object_get_int_member (object, "status"), ==, status);
  penal_test_assert_contains (json_object_get_string_member (object, "error"),
                              message_part);
}

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

/* ------------------------------------------------------------------ */
/* The interview's pages                                                */

/* The state a form carries: the answers so far, in English. */
#define TWO_ANSWERS                                                            \
  "lang=en&a=offense%3Dpatronizing&a=offense_date%3D2024-05-01"
#define THREE_ANSWERS TWO_ANSWERS "&a=victim_age%3D30"
#define FOUR_ANSWERS THREE_ANSWERS "&a=prior_prostitution_offenses%3D0"

static void
post_form (Fixture *fixture, Response *response, const char *form,
           const char *accept_language)
{
  request (fixture, response, "POST", "/interview",
           "application/x-www-form-urlencoded", form, -1, "Accept-Language",
           accept_language != NULL ? accept_language : "en", NULL);
}

static void
test_pages_english (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) start = { 0 };
  g_auto (Response) date = { 0 };
  g_auto (Response) recap = { 0 };
  g_auto (Response) result = { 0 };

  request (fixture, &start, "GET", "/", NULL, NULL, 0, NULL);
  g_assert_cmpuint (start.status, ==, 200);
  penal_test_assert_contains (start.body, "<html lang=\"en\">");
  penal_test_assert_contains (start.body, "What is the person charged with?");
  penal_test_assert_contains (start.body, "What does this mean?");
  penal_test_assert_contains (start.body, "I don&apos;t know");
  /* No script, no asset from elsewhere. */
  penal_test_assert_lacks (start.body, "<script");
  penal_test_assert_lacks (start.body, "src=");
  penal_test_assert_lacks (start.body, "http");

  post_form (fixture, &date,
             "lang=en&fact=offense&value=patronizing&action="
             "answer",
             NULL);
  g_assert_cmpuint (date.status, ==, 200);
  penal_test_assert_contains (date.body,
                              "On what date did the offense happen?");
  penal_test_assert_contains (date.body, "name=\"a\" value=\"offense="
                                         "patronizing\"");
  penal_test_assert_contains (date.body, ">Back</button>");

  post_form (fixture, &recap,
             THREE_ANSWERS "&fact=prior_prostitution_offenses&value=0&"
                           "action=answer",
             NULL);
  penal_test_assert_contains (recap.body, "Check your answers");
  penal_test_assert_contains (recap.body, "value=\"change:victim_age\"");
  penal_test_assert_contains (recap.body, "1 May 2024");

  post_form (fixture, &result,
             FOUR_ANSWERS "&action="
                          "result",
             NULL);
  g_assert_cmpuint (result.status, ==, 200);
  penal_test_assert_contains (result.body, "<h2 id=\"h-short\">In short</h2>");
  /* RSMo 567.030.3 (in force by 2024): patronizing an adult is a class B
   * misdemeanor. */
  penal_test_assert_contains (
      result.body,
      "Patronizing prostitution: class B misdemeanor [RSMo 567.030.3].");
  penal_test_assert_contains (result.body, "The details");
  penal_test_assert_contains (result.body, "Sources");
  penal_test_assert_contains (result.body, "not legal advice");
  penal_test_assert_contains (result.body, "Screened on");
}

/* Not penal_test_have_catalogs(), which resets the process's locale
 * under the running server. */
static gboolean
have_spanish_catalog (void)
{
  const char *dir = g_getenv ("PENAL_LOCALEDIR");
  g_autofree char *catalog
      = dir != NULL
            ? g_build_filename (dir, "es", "LC_MESSAGES", "penal.mo", NULL)
            : NULL;

  if (catalog == NULL || !g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no Spanish catalog: PENAL_LOCALEDIR is set by make check");
      return FALSE;
    }
  return TRUE;
}

static void
test_pages_spanish (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) accept = { 0 };
  g_auto (Response) french = { 0 };
  g_auto (Response) chosen = { 0 };

  if (!have_spanish_catalog ())
    return;
  request (fixture, &accept, "GET", "/", NULL, NULL, 0, "Accept-Language",
           "fr;q=1, es-MX;q=0.8, en;q=0.5", NULL);
  penal_test_assert_contains (accept.body, "<html lang=\"es\">");
  penal_test_assert_contains (accept.body, "¿");
  penal_test_assert_lacks (accept.body, "What is the person charged with?");
  /* A language penal does not ship falls back to English. */
  request (fixture, &french, "GET", "/", NULL, NULL, 0, "Accept-Language", "fr",
           NULL);
  penal_test_assert_contains (french.body, "<html lang=\"en\">");
  /* The switch on the page wins over the browser's choice. */
  post_form (fixture, &chosen, "lang=es&action=show&at=offense", "en");
  penal_test_assert_contains (chosen.body, "<html lang=\"es\">");
}

/* One client of test_languages_never_mix, on a thread and a session of
 * its own: REQUESTS_EACH times the first page in Spanish, or the API's
 * answer in the server's English for a case not seen before (the cases
 * from FIRST_CASE on: ages 0-120 on the first days of 2024). */
#define REQUESTS_EACH 100

typedef struct
{
  guint16 port;
  gboolean spanish;
  guint first_case;
  guint answered;
  guint wrong; /* answers in the other language, or none */
} LanguageClient;

static gpointer
language_client (gpointer data)
{
  LanguageClient *client = data;
  g_autoptr (SoupSession) session = soup_session_new ();

  for (guint i = 0; i < REQUESTS_EACH; i++)
    {
      guint n = client->first_case + i;
      g_autoptr (SoupMessage) message = NULL;
      g_autoptr (GBytes) answer = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *text = NULL;

      if (client->spanish)
        {
          uri = g_strdup_printf ("http://127.0.0.1:%u/?lang=es", client->port);
          message = soup_message_new ("GET", uri);
        }
      else
        {
          g_autofree char *facts = g_strdup_printf (
              "{\"offense\": \"patronizing\", \"victim_age\": %u, "
              "\"offense_date\": \"2024-01-%02u\"}",
              n % 121, 1 + n / 121);
          g_autoptr (GBytes) body = g_bytes_new (facts, strlen (facts));

          uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/classify",
                                 client->port);
          message = soup_message_new ("POST", uri);
          soup_message_set_request_body_from_bytes (message, "application/json",
                                                    body);
        }
      answer = soup_session_send_and_read (session, message, NULL, NULL);
      if (answer == NULL || soup_message_get_status (message) != 200)
        {
          client->wrong++;
          continue;
        }
      client->answered++;
      text = g_strndup (g_bytes_get_data (answer, NULL),
                        g_bytes_get_size (answer));
      /* The statute's title, from the XML through gettext: "as in force
       * from" in English, "vigente desde" in Spanish. */
      if (client->spanish
              ? strstr (text, "What is the person charged with?") != NULL
                    || strstr (text, "¿") == NULL
              : strstr (text, "as in force from") == NULL
                    || strstr (text, "vigente") != NULL)
        client->wrong++;
    }
  return NULL;
}

/* Pages in Spanish and API answers in English at once, from four clients:
 * gettext's language is one setting for the whole process, switched for
 * the pages, and no answer comes out in the other's language.  (With
 * the pages and the API let translate at the same time, four to nine
 * answers in a client's hundred came out in the other language.) */
static void
test_languages_never_mix (Fixture *fixture, gconstpointer data)
{
  LanguageClient clients[4];
  GThread *threads[G_N_ELEMENTS (clients)];

  if (!have_spanish_catalog ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      clients[i] = (LanguageClient){ penal_server_get_port (fixture->server),
                                     i % 2 == 0, REQUESTS_EACH * i, 0, 0 };
      threads[i]
          = g_thread_new ("language-client", language_client, &clients[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (clients[i].wrong, ==, 0);
      g_assert_cmpuint (clients[i].answered, ==, REQUESTS_EACH);
    }
}

static void
test_pages_back_and_change (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) back = { 0 };
  g_auto (Response) change = { 0 };
  g_auto (Response) changed = { 0 };

  post_form (fixture, &back, THREE_ANSWERS "&action=back", NULL);
  /* Back to the age, with the answer given filled in. */
  penal_test_assert_contains (back.body, "How old was the person who was");
  penal_test_assert_contains (back.body, "value=\"30\"");
  penal_test_assert_lacks (back.body, "name=\"a\" value=\"victim_age=30\"");

  post_form (fixture, &change,
             FOUR_ANSWERS "&action="
                          "change%3Aoffense_date",
             NULL);
  penal_test_assert_contains (change.body,
                              "On what date did the offense happen?");
  penal_test_assert_contains (change.body, "value=\"2024-05-01\"");

  /* A changed answer leads back to the recap with the new value. */
  post_form (fixture, &changed,
             FOUR_ANSWERS "&fact="
                          "victim_age&value=16&action=answer",
             NULL);
  penal_test_assert_contains (changed.body, "Check your answers");
  penal_test_assert_contains (changed.body, "<dd>16 <button");
}

static void
test_pages_bad_answers (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) bad = { 0 };
  g_auto (Response) none = { 0 };
  g_auto (Response) tampered = { 0 };

  post_form (fixture, &bad,
             TWO_ANSWERS "&"
                         "fact=victim_age&value=dos&action=answer",
             NULL);
  g_assert_cmpuint (bad.status, ==, 422);
  penal_test_assert_contains (bad.body, "“dos” is not a number");
  penal_test_assert_contains (bad.body, "aria-invalid=\"true\"");
  penal_test_assert_lacks (bad.body, "victim_age:");
  post_form (fixture, &none, "lang=en&fact=offense&action=answer", NULL);
  g_assert_cmpuint (none.status, ==, 422);
  post_form (fixture, &tampered, "lang=en&a=burglary%3D1&action=show", NULL);
  g_assert_cmpuint (tampered.status, ==, 400);
}

static void
test_stylesheet (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) response = { 0 };

  request (fixture, &response, "GET", "/style.css", NULL, NULL, 0, NULL);
  g_assert_cmpuint (response.status, ==, 200);
  penal_test_assert_contains (response.body, "@media print");
  penal_test_assert_contains (response.body, ":focus-visible");
}

/* No fact reaches any log: the server's request log and GLib's. */
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

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("PENAL_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  glib_log = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (collect_glib_log, NULL, NULL);

#define ADD(path, test)                                                        \
  g_test_add ("/serve/" path, Fixture, NULL, fixture_set_up, test,             \
              fixture_tear_down)
  ADD ("api/health", test_health);
  ADD ("api/classify/same-as-cli", test_classify_same_as_cli);
  ADD ("api/classify/bad-fact-400", test_classify_bad_fact);
  ADD ("api/classify/bad-json-400", test_classify_bad_json);
  ADD ("api/classify/wrong-type-415", test_classify_wrong_type);
  ADD ("api/classify/too-large-413", test_classify_too_large);
  ADD ("limits/get-body-too-large-413", test_get_body_too_large);
  ADD ("api/batch/same-as-cli", test_batch_same_as_cli);
  ADD ("api/batch/errors", test_batch_errors);
  ADD ("api/statutes", test_statutes);
  ADD ("errors/not-found-404", test_not_found);
  ADD ("errors/method-405", test_method_not_allowed);
  ADD ("limits/host-check-421", test_host_check);
  ADD ("limits/header-size-431", test_header_size);
  ADD ("limits/timeouts", test_timeouts);
  ADD ("limits/connection-cap", test_connection_cap);
  ADD ("limits/closed-connections-released", test_closed_connections_released);
  ADD ("pages/english", test_pages_english);
  ADD ("pages/spanish", test_pages_spanish);
  ADD ("pages/back-and-change", test_pages_back_and_change);
  ADD ("pages/bad-answers", test_pages_bad_answers);
  ADD ("pages/languages-never-mix", test_languages_never_mix);
  ADD ("pages/stylesheet", test_stylesheet);
  ADD ("log/no-fact", test_no_fact_logged);
#undef ADD
  return g_test_run ();
}
