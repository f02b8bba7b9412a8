/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serve-fixture.c: what the tests of penal serve share: a server on
 * 127.0.0.1 port 0 with its log collected, requests by SoupSession and,
 * where a test needs bytes a client library would not send, by a raw
 * socket. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "serve-fixture.h"

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
GPtrArray *glib_log;
GMutex glib_log_lock;

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

void
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

void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  PenalServerLimits limits;

  penal_server_limits_init (&limits);
  fixture_start (fixture, &limits);
}

/* A server whose caps on a batch's body and its answer are 64 KiB. */
void
fixture_set_up_small_batch (Fixture *fixture, gconstpointer data)
{
  PenalServerLimits limits;

  penal_server_limits_init (&limits);
  limits.max_batch_body = 64 * 1024;
  limits.max_batch_answer = 64 * 1024;
  fixture_start (fixture, &limits);
}

void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->session);
  penal_server_free (fixture->server);
  penal_model_free (fixture->model);
  g_ptr_array_unref (fixture->log);
  g_mutex_clear (&fixture->log_lock);
  g_cond_clear (&fixture->log_grew);
}

void
serve_add_tests (const ServeTest *tests, gsize n,
                 void (*set_up) (Fixture *fixture, gconstpointer data))
{
  for (gsize i = 0; i < n; i++)
    g_test_add (tests[i].path, Fixture, NULL, set_up, tests[i].func,
                fixture_tear_down);
}

void
response_clear (Response *response)
{
  g_free (response->body);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
}

/* One request, with an optional body; extra headers as NAME, VALUE, …,
 * NULL. */
void
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
char *
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
char *
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

void
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

void
post_form (Fixture *fixture, Response *response, const char *form,
           const char *accept_language)
{
  request (fixture, response, "POST", "/interview",
           "application/x-www-form-urlencoded", form, -1, "Accept-Language",
           accept_language != NULL ? accept_language : "en", NULL);
}

/* What every test program of the server does first: the catalogs from
 * the build tree, and GLib's log collected for the test that no fact
 * reaches it. */
void
serve_test_init (int *argc, char ***argv)
{
  const char *localedir = g_getenv ("PENAL_LOCALEDIR");

  g_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  glib_log = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (collect_glib_log, NULL, NULL);
}
