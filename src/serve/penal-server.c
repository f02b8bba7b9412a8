/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server.c: penal serve's HTTP side: listening, the workers, the
 * limits every request is held to, the Host check and the routes.  What
 * is answered is penal-server-answer.c's (the JSON API, the languages)
 * and penal-server-pages.c's (the interview); the clock, the sweeps and
 * the log are penal-server-log.c's.
 *
 * Each connection is counted at its first request (one beyond the cap is
 * closed at once) and its socket given an idle timeout.  An early handler runs
 * when a request's headers are in: it checks the Host header against the
 * address served (so a page on another site cannot reach the server by
 * DNS rebinding), the headers' size, the route, the method, the content
 * type and a declared length, and refuses what fails with a status of its
 * own; a refused request's body is dropped as it comes in (or never sent,
 * by a client that asked first).  A body is gathered up to the route's
 * cap: by libsoup when its declared length is within it, by the server
 * for a chunked body, beyond which the rest is discarded and the answer
 * is 413.  A batch's body is not gathered: its rows are answered as it
 * arrives, and held as the answer's body, which libsoup sends once the
 * request has been read (up to the same cap on the request's body, and a
 * cap of their own on the rows held).  Once a second each worker closes
 * the connection of a request that has taken longer than the request
 * timeout, slow or not.
 *
 * One thread per processor serves requests, each with its own main
 * context and SoupServer on its own socket bound to the same address.
 * The reader's language is switched per request with LANGUAGE, which
 * gettext reads on every call; since that is one setting for the whole
 * process, a request translates only in its turn (serve_language_enter): any
 * number at once in the server's own language, which the API always
 * uses, or one in another, so answers in different languages never mix.
 * The answers of /api/v1/classify are kept (a bounded cache, by day and
 * request body: the API answers in the server's one language), so a
 * request seen before is answered without translating anything. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "penal-server-private.h"
#include "penal-server.h"

static const RouteEntry routes[] = {
  { "/", ROUTE_START, "GET", NULL },
  { "/interview", ROUTE_INTERVIEW, "POST",
    "application/x-www-form-urlencoded" },
  { "/style.css", ROUTE_STYLE, "GET", NULL },
  { "/api/v1/classify", ROUTE_CLASSIFY, "POST", "application/json" },
  { "/api/v1/batch", ROUTE_BATCH, "POST", "application/x-ndjson" },
  { "/api/v1/statutes", ROUTE_STATUTES, "GET", NULL },
  { "/api/v1/health", ROUTE_HEALTH, "GET", NULL },
};

/* libsoup sends an answer's headers and its body in two writes: on
 * their own, two TCP segments and two wake-ups of the client for every
 * answer.  Corked from the handler until the answer is written, they go
 * out together.  (Not before the handler: an interim 100 Continue must
 * go out at once.) */
void
serve_cork (Request *request, gboolean on)
{
#ifdef TCP_CORK
  GSocket *socket;

  if (request->corked == on)
    return;
  socket = soup_server_message_get_socket (request->message);
  if (socket == NULL || g_socket_is_closed (socket))
    return;
  g_socket_set_option (socket, IPPROTO_TCP, TCP_CORK, on, NULL);
  request->corked = on;
#endif
}

void
serve_request_done (Request *request)
{
  if (request->in_flight)
    g_queue_unlink (&request->worker->requests, &request->link);
  request->in_flight = FALSE;
}

void
serve_request_free (Request *request)
{
  serve_request_done (request);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_clear_pointer (&request->batch, penal_batch_free);
  if (request->batch_out != NULL)
    fclose (request->batch_out);
  g_clear_error (&request->batch_error);
  g_free (request);
}

void
penal_server_limits_init (PenalServerLimits *limits)
{
  limits->max_classify_body = 64 * KIB;
  limits->max_batch_body = 8 * KIB * KIB;
  /* A row answered is larger than its line, up to some fifty times for
   * a line with nothing penal reads: held until the request is read, the
   * rows need a cap of their own. */
  limits->max_batch_answer = 64 * KIB * KIB;
  limits->max_header_size = 8 * KIB;
  limits->idle_timeout = 30;
  limits->request_timeout = 30;
  limits->max_connections = 256;
}

/* ------------------------------------------------------------------ */
/* Requests                                                             */

static const RouteEntry *
find_route (const char *path)
{
  for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (routes[i].path, path))
      return &routes[i];
  return NULL;
}

static gboolean
host_allowed (PenalServer *server, SoupServerMessage *message)
{
  const char *host = soup_message_headers_get_one (
      soup_server_message_get_request_headers (message), "Host");
  g_autofree char *lower = NULL;

  if (host == NULL)
    return FALSE;
  lower = g_ascii_strdown (host, -1);
  for (guint i = 0; i < server->allowed_hosts->len; i++)
    if (g_str_equal (lower, g_ptr_array_index (server->allowed_hosts, i)))
      return TRUE;
  return FALSE;
}

static void
add_header_size (const char *name, const char *value, gpointer user_data)
{
  *(gsize *)user_data += strlen (name) + strlen (value) + 4;
}

static void
got_chunk (SoupServerMessage *message, GBytes *chunk, gpointer user_data)
{
  Request *request = user_data;
  gsize cap = request->route->route == ROUTE_BATCH
                  ? request->server->limits.max_batch_body
                  : request->server->limits.max_classify_body;
  gsize size, held;
  gconstpointer data = g_bytes_get_data (chunk, &size);

  held = request->body != NULL ? request->body->len : request->batch_bytes;
  if (request->too_large || held + size > cap)
    {
      /* The rest is read and dropped, and what was answered of it; the
       * answer will be 413. */
      request->too_large = TRUE;
      if (request->body != NULL)
        g_byte_array_set_size (request->body, 0);
      g_clear_pointer (&request->batch, penal_batch_free);
      soup_message_body_truncate (
          soup_server_message_get_response_body (message));
      return;
    }
  if (request->route->route == ROUTE_BATCH)
    serve_batch_feed (request->server, request, data, size);
  else
    g_byte_array_append (request->body, data, (guint)size);
}

static gboolean
content_type_is (SoupServerMessage *message, const char *expected)
{
  const char *type = soup_message_headers_get_content_type (
      soup_server_message_get_request_headers (message), NULL);

  return type != NULL && g_ascii_strcasecmp (type, expected) == 0;
}

static void refuse_early (PenalServer *server, Request *request,
                          SoupServerMessage *message);

/* A refusal, worded in the server's language.  Only here, where
 * something is translated, does the early handler take its turn to
 * translate: a request that is let through takes no lock at all.  format
 * is the untranslated message (N_). */
static void G_GNUC_PRINTF (4, 5)
    refuse (PenalServer *server, SoupServerMessage *message, guint status,
            const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  serve_language_enter (server, server->default_language);
  va_start (args, format);
  text = g_strdup_vprintf (_ (format), args);
  va_end (args);
  serve_respond_error (message, status, text);
  serve_language_leave (server, server->default_language);
}

/* Runs when the headers are in: anything refused here is answered before
 * a byte of the body is read. */
static void
early_handler (SoupServer *soup, SoupServerMessage *message, const char *path,
               GHashTable *query, gpointer user_data)
{
  PenalServer *server = user_data;
  Request *request = serve_request_of (server, message);

  serve_set_security_headers (message);
  refuse_early (server, request, message);
  /* libsoup reads a request's whole body before it answers: a refused
   * one is dropped as it comes in, never kept, however long it says it
   * is. */
  if (soup_server_message_get_status (message) != SOUP_STATUS_NONE)
    soup_message_body_set_accumulate (
        soup_server_message_get_request_body (message), FALSE);
}

/* What the early handler refuses. */
static void
refuse_early (PenalServer *server, Request *request, SoupServerMessage *message)
{
  SoupMessageHeaders *headers
      = soup_server_message_get_request_headers (message);
  const char *method = soup_server_message_get_method (message);
  const char *path = g_uri_get_path (soup_server_message_get_uri (message));
  gsize header_size = 0;
  goffset length;

  if (!host_allowed (server, message))
    {
      refuse (server, message, SOUP_STATUS_MISDIRECTED_REQUEST,
              N_ ("this server answers only requests addressed to it by the "
                  "address it listens on"));
      return;
    }
  soup_message_headers_foreach (headers, add_header_size, &header_size);
  if (header_size > server->limits.max_header_size)
    {
      refuse (server, message, 431, N_ ("the request's headers are too large"));
      return;
    }
  request->route = find_route (path);
  if (request->route == NULL)
    {
      refuse (server, message, SOUP_STATUS_NOT_FOUND,
              N_ ("there is nothing at this address"));
      return;
    }
  if (!g_str_equal (method, request->route->method)
      && !(g_str_equal (method, "HEAD")
           && g_str_equal (request->route->method, "GET")))
    {
      soup_message_headers_replace (
          soup_server_message_get_response_headers (message), "Allow",
          request->route->method);
      refuse (server, message, SOUP_STATUS_METHOD_NOT_ALLOWED,
              N_ ("%s is not allowed here; use %s"), method,
              request->route->method);
      return;
    }
  if (request->route->content_type != NULL
      && !content_type_is (message, request->route->content_type))
    {
      refuse (server, message, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE,
              N_ ("the body must be %s"), request->route->content_type);
      return;
    }
  length = soup_message_headers_get_content_length (headers);
  if (length > (goffset)(request->route->route == ROUTE_BATCH
                             ? server->limits.max_batch_body
                             : server->limits.max_classify_body))
    {
      refuse (server, message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
              N_ ("the request body is too large"));
      return;
    }
  /* A declared length within the cap is left to libsoup to gather.  The
   * server gathers a chunked body itself (its length is known only as it
   * comes), up to the cap; a batch's body is not gathered at all, but
   * answered as it comes, up to the cap. */
  {
    SoupEncoding encoding = soup_message_headers_get_encoding (headers);

    if (request->route->route != ROUTE_BATCH
        && (encoding == SOUP_ENCODING_CONTENT_LENGTH
            || encoding == SOUP_ENCODING_NONE))
      return;
  }
  if (request->route->route == ROUTE_BATCH)
    serve_batch_begin (server, request);
  else
    request->body = g_byte_array_new ();
  soup_message_body_set_accumulate (
      soup_server_message_get_request_body (message), FALSE);
  g_signal_connect (message, "got-chunk", G_CALLBACK (got_chunk), request);
}

static void answer_in_turn (PenalServer *server, SoupServerMessage *message,
                            Request *request, GHashTable *query, GBytes *body);

static void
handler (SoupServer *soup, SoupServerMessage *message, const char *path,
         GHashTable *query, gpointer user_data)
{
  PenalServer *server = user_data;
  Request *request = serve_request_of (server, message);
  g_autoptr (GBytes) body = NULL;

  serve_cork (request, TRUE);
  if (request->answer_too_large)
    {
      refuse (server, message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
              N_ ("the answer to this batch is too large to hold until the "
                  "request has been read; send fewer rows at a time"));
      return;
    }
  if (request->too_large)
    {
      refuse (server, message, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
              N_ ("the request body is too large"));
      return;
    }
  /* As the early handler arranged: gathered by the server, or by
   * libsoup, or (a batch's) answered as it came. */
  if (request->body != NULL)
    body = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
  else if (request->route->route != ROUTE_BATCH)
    body = soup_message_body_flatten (
        soup_server_message_get_request_body (message));
  if (request->route->route == ROUTE_CLASSIFY)
    {
      serve_api_classify (server, request->worker, message, body);
      return;
    }
  answer_in_turn (server, message, request, query, body);
}

/* The language a page is asked in: the form's or the address's "lang",
 * else the browser's, else the server's. */
static const char *
page_language (PenalServer *server, SoupServerMessage *message,
               const char *asked)
{
  const char *language = serve_shipped_language (asked);

  return language != NULL
             ? language
             : serve_accepted_language (message, server->default_language);
}

/* Every route but classify, in its turn to translate: the pages in the
 * reader's language, the rest in the server's. */
static void
answer_in_turn (PenalServer *server, SoupServerMessage *message,
                Request *request, GHashTable *query, GBytes *body)
{
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GHashTable) form = NULL;
  const char *language = server->default_language;

  if (request->route->route == ROUTE_START)
    language = page_language (
        server, message,
        query != NULL ? g_hash_table_lookup (query, "lang") : NULL);
  else if (request->route->route == ROUTE_INTERVIEW)
    {
      answers = g_ptr_array_new_with_free_func (g_free);
      form = serve_decode_form (body, answers);
      language
          = page_language (server, message, g_hash_table_lookup (form, "lang"));
    }
  serve_language_enter (server, language);
  switch (request->route->route)
    {
    case ROUTE_BATCH:
      serve_api_batch (server, message, request);
      break;
    case ROUTE_STATUTES:
      serve_api_statutes (server, message);
      break;
    case ROUTE_HEALTH:
      serve_api_health (message);
      break;
    case ROUTE_STYLE:
      {
        gsize length;
        const char *css = penal_server_stylesheet (&length);
        soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (message, "text/css; charset=utf-8",
                                          SOUP_MEMORY_STATIC, css, length);
        soup_message_headers_replace (
            soup_server_message_get_response_headers (message), "Cache-Control",
            "max-age=3600");
      }
      break;
    case ROUTE_START:
      penal_server_page_start (server->model, message, language);
      break;
    case ROUTE_INTERVIEW:
      penal_server_page_interview (server->model, message, language, form,
                                   answers);
      break;
    case ROUTE_CLASSIFY:
    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
  serve_language_leave (server, language);
}

/* ------------------------------------------------------------------ */
/* Connections                                                          */

PenalServer *
penal_server_new (const PenalModel *model, const PenalServerLimits *limits,
                  const char *default_language)
{
  PenalServer *server;

  g_return_val_if_fail (model != NULL && limits != NULL, NULL);

  server = g_new0 (PenalServer, 1);
  server->model = model;
  server->limits = *limits;
  server->default_language
      = g_strdup (serve_shipped_language (default_language) != NULL
                      ? serve_shipped_language (default_language)
                      : "en");
  server->allowed_hosts = g_ptr_array_new_with_free_func (g_free);
  server->connections = g_rc_box_new0 (gint);
  server->admitted = g_quark_from_static_string ("penal-server-admitted");
  server->request_key = g_quark_from_static_string ("penal-server-request");
  server->workers = g_ptr_array_new ();
  server->cache = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                         (GDestroyNotify)g_bytes_unref,
                                         (GDestroyNotify)g_bytes_unref);
  g_mutex_init (&server->language_lock);
  g_cond_init (&server->language_turn);
  g_mutex_init (&server->cache_lock);
  g_mutex_init (&server->sockets_lock);
  g_mutex_init (&server->ready_lock);
  g_cond_init (&server->ready_cond);

  /* gettext only honours LANGUAGE when the locale is not C, and GLib
   * decides once, at its first translation, whether to translate at all:
   * both are settled now, with a shipped catalog in use. */
  {
    const char *messages = setlocale (LC_MESSAGES, NULL);
    const char *const *languages = penal_server_languages ();

    if (messages == NULL || g_str_equal (messages, "C")
        || g_str_equal (messages, "POSIX"))
      {
        setlocale (LC_MESSAGES, "C.UTF-8");
        setlocale (LC_CTYPE, "C.UTF-8");
      }
    if (languages[1] != NULL)
      {
        penal_server_use_language (languages[1]);
        (void)g_dgettext (GETTEXT_PACKAGE, "");
      }
    penal_server_use_language (server->default_language);
  }
  return server;
}

static gboolean
quit_worker (gpointer user_data)
{
  Worker *worker = user_data;

  g_main_loop_quit (worker->loop);
  return G_SOURCE_REMOVE;
}

void
penal_server_free (PenalServer *server)
{
  if (server == NULL)
    return;
  for (guint i = 0; i < server->workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (server->workers, i);

      g_main_context_invoke (worker->context, quit_worker, worker);
      g_thread_join (worker->thread);
      g_main_loop_unref (worker->loop);
      g_ptr_array_unref (worker->sockets);
      g_string_free (worker->log, TRUE);
      g_main_context_unref (worker->context);
      g_object_unref (worker->socket);
      g_free (worker);
    }
  g_ptr_array_unref (server->workers);
  g_hash_table_unref (server->cache);
  g_mutex_clear (&server->language_lock);
  g_cond_clear (&server->language_turn);
  g_mutex_clear (&server->cache_lock);
  g_mutex_clear (&server->sockets_lock);
  g_mutex_clear (&server->ready_lock);
  g_cond_clear (&server->ready_cond);
  g_rc_box_release (server->connections);
  g_ptr_array_unref (server->allowed_hosts);
  g_free (server->default_language);
  g_free (server);
}

/* A worker's thread: its SoupServer lives and dies here. */
static gpointer
run_worker (gpointer user_data)
{
  Worker *worker = user_data;
  PenalServer *server = worker->server;
  g_autoptr (GError) error = NULL;
  SoupServer *soup;

  g_main_context_push_thread_default (worker->context);
  soup = soup_server_new ("server-header", "penal", NULL);
  soup_server_add_early_handler (soup, NULL, early_handler, server, NULL);
  soup_server_add_handler (soup, NULL, handler, server, NULL);
  g_signal_connect (soup, "request-started", G_CALLBACK (serve_request_started),
                    worker);
  g_signal_connect (soup, "request-finished",
                    G_CALLBACK (serve_request_finished), server);
  g_signal_connect (soup, "request-aborted",
                    G_CALLBACK (serve_request_finished), server);
  if (!soup_server_listen_socket (soup, worker->socket, 0, &error))
    g_warning ("cannot listen: %s", error->message);

  g_mutex_lock (&server->ready_lock);
  server->n_ready++;
  g_cond_signal (&server->ready_cond);
  g_mutex_unlock (&server->ready_lock);

  {
    GSource *sweep = g_timeout_source_new_seconds (1);

    g_source_set_callback (sweep, serve_sweep_tick, worker, NULL);
    g_source_attach (sweep, worker->context);
    g_main_loop_run (worker->loop);
    g_source_destroy (sweep);
    g_source_unref (sweep);
  }
  soup_server_disconnect (soup);
  g_object_unref (soup);
  /* Let what the server closed finish closing, then log the rest. */
  while (g_main_context_iteration (worker->context, FALSE))
    ;
  if (worker->log_idle != NULL)
    {
      g_source_destroy (worker->log_idle);
      g_clear_pointer (&worker->log_idle, g_source_unref);
    }
  if (server->log_func != NULL)
    serve_write_log (worker);
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

void
penal_server_set_log_func (PenalServer *server, PenalServerLogFunc func,
                           gpointer user_data)
{
  server->log_func = func;
  server->log_data = user_data;
}

static GInetSocketAddress *
parse_address (const char *address, GError **error)
{
  g_autoptr (GSocketConnectable) parsed = NULL;
  g_autoptr (GInetAddress) inet = NULL;
  const char *host;

  parsed = g_network_address_parse (address, 0, NULL);
  if (parsed == NULL
      || (g_network_address_get_port (G_NETWORK_ADDRESS (parsed)) == 0
          && !g_str_has_suffix (address, ":0")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("--listen: “%s” is not ADDRESS:PORT, for example "
                      "127.0.0.1:8080"),
                   address);
      return NULL;
    }
  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (parsed));
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    host = "127.0.0.1";
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("--listen: “%s” is not an IP address; give one, for "
                      "example 127.0.0.1:8080"),
                   host);
      return NULL;
    }
  return G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (
      inet, g_network_address_get_port (G_NETWORK_ADDRESS (parsed))));
}

gboolean
penal_server_address_is_loopback (const char *address)
{
  g_autoptr (GInetSocketAddress) parsed = parse_address (address, NULL);

  return parsed != NULL
         && g_inet_address_get_is_loopback (
             g_inet_socket_address_get_address (parsed));
}

/* One thread per processor, or PENAL_SERVE_THREADS (1 to 64). */
static guint
worker_count (void)
{
  const char *asked = g_getenv ("PENAL_SERVE_THREADS");
  guint64 count;

  if (asked != NULL
      && g_ascii_string_to_unsigned (asked, 10, 1, 64, &count, NULL))
    return (guint)count;
  return CLAMP (g_get_num_processors (), 1, 8);
}

static GSocket *
listening_socket (GInetSocketAddress *address, GError **error)
{
  g_autoptr (GSocket) socket = g_socket_new (
      g_inet_address_get_family (g_inet_socket_address_get_address (address)),
      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);

  struct sockaddr_storage native;
  gsize length = g_socket_address_get_native_size (G_SOCKET_ADDRESS (address));

  if (socket == NULL
      || !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, error)
      || !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, error)
      || !g_socket_address_to_native (G_SOCKET_ADDRESS (address), &native,
                                      sizeof native, error))
    return NULL;
  /* Not g_socket_bind(), which turns SO_REUSEPORT off for TCP. */
  if (bind (g_socket_get_fd (socket), (struct sockaddr *)&native,
            (socklen_t)length)
      != 0)
    {
      int saved = errno;
      g_autofree char *shown
          = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("cannot listen on %s: %s"), shown, g_strerror (saved));
      return NULL;
    }
  if (!g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

/* Listens on ADDRESS:PORT (port 0: any free port), one thread per
 * processor; returns when every one is listening. */
gboolean
penal_server_listen (PenalServer *server, const char *address, GError **error)
{
  g_autoptr (GInetSocketAddress) parsed = parse_address (address, error);
  g_autoptr (GSocketAddress) effective = NULL;
  guint n_workers = worker_count ();
  GInetAddress *inet;
  g_autofree char *host = NULL;

  g_return_val_if_fail (server->workers->len == 0, FALSE);

  if (parsed == NULL)
    return FALSE;
  inet = g_inet_socket_address_get_address (parsed);
  for (guint i = 0; i < n_workers; i++)
    {
      Worker *worker;
      GSocket *socket = listening_socket (parsed, error);

      if (socket == NULL)
        {
          /* Nothing listens yet: the sockets made so far are closed. */
          for (guint j = 0; j < server->workers->len; j++)
            {
              worker = g_ptr_array_index (server->workers, j);
              g_object_unref (worker->socket);
              g_free (worker);
            }
          g_ptr_array_set_size (server->workers, 0);
          return FALSE;
        }
      if (effective == NULL)
        {
          /* The first socket picks the port; the others take the same. */
          effective = g_socket_get_local_address (socket, NULL);
          g_clear_object (&parsed);
          parsed = G_INET_SOCKET_ADDRESS (g_object_ref (effective));
          inet = g_inet_socket_address_get_address (parsed);
        }
      worker = g_new0 (Worker, 1);
      worker->server = server;
      worker->socket = socket;
      g_ptr_array_add (server->workers, worker);
    }
  server->port
      = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  host = g_inet_address_to_string (inet);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    g_ptr_array_add (server->allowed_hosts,
                     g_strdup_printf ("[%s]:%u", host, server->port));
  else
    g_ptr_array_add (server->allowed_hosts,
                     g_strdup_printf ("%s:%u", host, server->port));
  if (g_inet_address_get_is_loopback (inet))
    {
      g_ptr_array_add (server->allowed_hosts,
                       g_strdup_printf ("localhost:%u", server->port));
      g_ptr_array_add (server->allowed_hosts,
                       g_strdup_printf ("127.0.0.1:%u", server->port));
      g_ptr_array_add (server->allowed_hosts,
                       g_strdup_printf ("[::1]:%u", server->port));
    }

  for (guint i = 0; i < server->workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (server->workers, i);

      worker->context = g_main_context_new ();
      worker->sockets = g_ptr_array_new_with_free_func (g_object_unref);
      g_queue_init (&worker->requests);
      worker->log = g_string_sized_new (LOG_BLOCK_SIZE + 256);
      worker->loop = g_main_loop_new (worker->context, FALSE);
      worker->thread = g_thread_new ("penal-serve", run_worker, worker);
    }
  g_mutex_lock (&server->ready_lock);
  while (server->n_ready < server->workers->len)
    g_cond_wait (&server->ready_cond, &server->ready_lock);
  g_mutex_unlock (&server->ready_lock);
  return TRUE;
}

guint16
penal_server_get_port (PenalServer *server)
{
  return server->port;
}
