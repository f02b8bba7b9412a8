/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server.c: penal serve's HTTP side: listening, the limits every
 * request is held to, the Host check, the log, and the JSON API.
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
 * request has been read (up to the same cap on the request's body).  Once a
 * second each worker closes the connection of a request that has taken longer
 * than the request timeout, slow or not.
 *
 * One thread per processor serves requests, each with its own main
 * context and SoupServer on its own socket bound to the same address.
 * The reader's language is switched per request with LANGUAGE, which
 * gettext reads on every call; since that is one setting for the whole
 * process, a request translates only in its turn (language_enter): any
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

#include "penal-server.h"

#define KIB 1024

/* Answers kept by request; the cache is emptied when it grows past this,
 * so memory stays flat however many requests come. */
#define MAX_CACHED_ANSWERS 4096

/* A worker hands its log lines on in blocks of about this size, or
 * sooner when it has nothing else to do: one write for many requests. */
#define LOG_BLOCK_SIZE (4 * KIB)

/* One thread: its own main context and SoupServer, on its own socket
 * bound to the same address (SO_REUSEPORT: the kernel spreads the
 * connections). */
typedef struct
{
  PenalServer *server;
  GSocket *socket;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  GPtrArray *sockets; /* GSocket: this thread's connections (sockets_lock) */
  GQueue requests;    /* Request: being read or answered, oldest first */
  GString *log;       /* lines not yet handed to the log function */
  GSource *log_idle;  /* hands them on when the worker is idle */
  gint64 today;       /* the local day, as a Julian day number … */
  time_t day_starts;  /* … from this time … */
  time_t day_ends;    /* … until this one */
} Worker;

struct _PenalServer
{
  const PenalModel *model;
  PenalServerLimits limits;
  char *default_language;
  GPtrArray *workers; /* Worker */
  guint16 port;
  GPtrArray *allowed_hosts; /* "127.0.0.1:8080", … lower case */
  gint *connections;        /* atomic; shared with the sockets' data */
  GQuark admitted;          /* marks the socket of an admitted connection */
  GQuark request_key;       /* a message's Request */
  PenalServerLogFunc log_func;
  gpointer log_data;
  /* Who may translate now (language_enter): gettext's language is one
   * setting for the whole process. */
  GMutex language_lock;
  GCond language_turn;
  guint sharing;     /* requests translating in the server's language */
  gboolean switched; /* one request translating in another */
  guint waiting;     /* requests waiting to translate in another */
  /* The answers of /api/v1/classify, by day and body. */
  GMutex cache_lock;
  GHashTable *cache; /* GBytes key -> GBytes answer */
  /* Guards every worker's list of sockets. */
  GMutex sockets_lock;
  /* Startup: each worker says when it listens. */
  GMutex ready_lock;
  GCond ready_cond;
  guint n_ready;
};

typedef enum
{
  ROUTE_NONE,
  ROUTE_START,
  ROUTE_INTERVIEW,
  ROUTE_STYLE,
  ROUTE_CLASSIFY,
  ROUTE_BATCH,
  ROUTE_STATUTES,
  ROUTE_HEALTH,
} Route;

typedef struct
{
  const char *path;
  Route route;
  const char *method;
  const char *content_type; /* of a POST body */
} RouteEntry;

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

/* What the server knows of one request while it is read and answered.
 * Its worker keeps it in a queue until it is answered or aborted, so the
 * worker's sweep can close a request that takes too long: one timer per
 * worker rather than one per request. */
typedef struct
{
  PenalServer *server;
  Worker *worker;
  SoupServerMessage *message; /* not a reference: the message owns this */
  const RouteEntry *route;
  gint64 started;
  GByteArray *body;
  gboolean too_large;
  /* POST /api/v1/batch: its rows answered as the body arrives, written to
   * batch_out, which appends them to the response's body. */
  PenalBatch *batch;
  FILE *batch_out;
  gsize batch_bytes;   /* of the request's body, fed so far */
  GError *batch_error; /* the input was refused: read no more */
  gboolean in_flight;  /* link is in worker->requests */
  gboolean timed_out;
  gboolean corked; /* the answer's frames are held until it is all written */
  GList link;
} Request;

/* libsoup sends an answer's headers and its body in two writes: on
 * their own, two TCP segments and two wake-ups of the client for every
 * answer.  Corked from the handler until the answer is written, they go
 * out together.  (Not before the handler: an interim 100 Continue must
 * go out at once.) */
static void
cork (Request *request, gboolean on)
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

static void
request_done (Request *request)
{
  if (request->in_flight)
    g_queue_unlink (&request->worker->requests, &request->link);
  request->in_flight = FALSE;
}

static void
request_free (Request *request)
{
  request_done (request);
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
  limits->max_header_size = 8 * KIB;
  limits->idle_timeout = 30;
  limits->request_timeout = 30;
  limits->max_connections = 256;
}

/* ------------------------------------------------------------------ */
/* Languages                                                            */

const char *const *
penal_server_languages (void)
{
  static const char *const *languages;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autofree char *list = g_strdup ("en " PENAL_LINGUAS);
      languages
          = (const char *const *)g_strsplit_set (g_strstrip (list), " ", -1);
      g_once_init_leave (&once, 1);
    }
  return languages;
}

static const char *
shipped_language (const char *tag)
{
  const char *const *languages = penal_server_languages ();
  g_autofree char *primary = NULL;
  gsize length;

  if (tag == NULL)
    return NULL;
  length = strcspn (tag, "-_;, ");
  primary = g_ascii_strdown (tag, (gssize)length);
  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (primary, languages[i]))
      return languages[i];
  return NULL;
}

/* Makes gettext answer in language from now on; only in a request's
 * turn to translate in another language, and at start-up. */
void
penal_server_use_language (const char *language)
{
  const char *current = g_getenv ("LANGUAGE");

  if (g_strcmp0 (current, language) == 0)
    return;
  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext keeps what it found per language; textdomain() tells it the
   * language may have changed. */
  textdomain (GETTEXT_PACKAGE);
}

/* The first shipped language the browser accepts, by quality. */
static const char *
accepted_language (SoupServerMessage *message, const char *fallback)
{
  const char *header = soup_message_headers_get_list (
      soup_server_message_get_request_headers (message), "Accept-Language");
  GSList *accepted;
  const char *chosen = NULL;

  if (header == NULL)
    return fallback;
  accepted = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = accepted; l != NULL && chosen == NULL; l = l->next)
    chosen = shipped_language (l->data);
  soup_header_free_list (accepted);
  return chosen != NULL ? chosen : fallback;
}

/* A request's turn to translate.  Between turns gettext answers in the
 * server's own language: any number of requests may translate in it at
 * once (the API always does), or one request in another language, which
 * switches for its turn and switches back.  A request waiting for another
 * language goes before those that come after it, so a stream of API
 * requests never keeps a page in Spanish waiting. */
static gboolean
is_default_language (PenalServer *server, const char *language)
{
  return g_str_equal (language, server->default_language);
}

static void
language_enter (PenalServer *server, const char *language)
{
  g_mutex_lock (&server->language_lock);
  if (is_default_language (server, language))
    {
      while (server->switched || server->waiting > 0)
        g_cond_wait (&server->language_turn, &server->language_lock);
      server->sharing++;
    }
  else
    {
      server->waiting++;
      while (server->switched || server->sharing > 0)
        g_cond_wait (&server->language_turn, &server->language_lock);
      server->waiting--;
      server->switched = TRUE;
      penal_server_use_language (language);
    }
  g_mutex_unlock (&server->language_lock);
}

static void
language_leave (PenalServer *server, const char *language)
{
  g_mutex_lock (&server->language_lock);
  if (is_default_language (server, language))
    server->sharing--;
  else
    {
      penal_server_use_language (server->default_language);
      server->switched = FALSE;
    }
  if (!server->switched && server->sharing == 0)
    g_cond_broadcast (&server->language_turn);
  g_mutex_unlock (&server->language_lock);
}

/* ------------------------------------------------------------------ */
/* Answers                                                              */

/* On every answer; appended, since the early handler sets them first,
 * once per request. */
static void
set_security_headers (SoupServerMessage *message)
{
  SoupMessageHeaders *headers
      = soup_server_message_get_response_headers (message);

  soup_message_headers_append (headers, "Content-Security-Policy",
                               "default-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'");
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_append (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_append (headers, "X-Frame-Options", "DENY");
  /* Pages and answers hold a client's facts: no cache keeps them. */
  soup_message_headers_append (headers, "Cache-Control", "no-store");
}

static void
respond (SoupServerMessage *message, guint status, const char *content_type,
         char *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_TAKE,
                                    body, strlen (body));
}

static char *
error_json (guint status, const char *message)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, PENAL_JSON_FORMAT_VERSION);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* An error: JSON under /api/, a short page elsewhere. */
static void
respond_error (SoupServerMessage *message, guint status, const char *text)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (message));

  if (g_str_has_prefix (path, "/api/"))
    respond (message, status, "application/json", error_json (status, text));
  else
    {
      g_autofree char *shown = g_markup_escape_text (text, -1);
      respond (message, status, "text/html; charset=utf-8",
               g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta "
                                "charset=\"utf-8\"><title>%u</title><link "
                                "rel=\"stylesheet\" href=\"/style.css\"></"
                                "head><body><main><h1>%u</h1><p>%s</p><p><a "
                                "href=\"/\">penal</a></p></main></body></"
                                "html>\n",
                                status, status, shown));
    }
}

/* ------------------------------------------------------------------ */
/* The API                                                              */

/* Today, the local day, as penal_date_today() gives it; looked up again
 * only when the day known has ended (or the clock went back), since the
 * C library takes a process-wide lock to read the local time. */
static gint64
worker_today (Worker *worker)
{
  time_t now = time (NULL);
  struct tm local;
  GDate date;

  if (now >= worker->day_starts && now < worker->day_ends)
    return worker->today;
  localtime_r (&now, &local);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)local.tm_mday,
                  (GDateMonth)(local.tm_mon + 1),
                  (GDateYear)(local.tm_year + 1900));
  worker->today = g_date_get_julian (&date);
  local.tm_hour = local.tm_min = local.tm_sec = 0;
  local.tm_isdst = -1;
  worker->day_starts = mktime (&local);
  local.tm_mday++;
  local.tm_hour = local.tm_min = local.tm_sec = 0;
  local.tm_isdst = -1;
  worker->day_ends = mktime (&local);
  return worker->today;
}

/* An answer's key in the cache: the day (a fact's default, the offense
 * date, is today), then the request body.  The API answers in the
 * server's one language, which needs no place in it. */
static GBytes *
cache_key (gint64 today, GBytes *body)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (body, &length);
  guint8 *key = g_malloc (sizeof today + length);

  memcpy (key, &today, sizeof today);
  if (length > 0)
    memcpy (key + sizeof today, data, length);
  return g_bytes_new_take (key, sizeof today + length);
}

/* The answer to the same request today, if one was given.  Classifying
 * is pure: the same facts, day and language give the same answer. */
static GBytes *
cached_answer (PenalServer *server, GBytes *key)
{
  GBytes *answer;

  g_mutex_lock (&server->cache_lock);
  answer = g_hash_table_lookup (server->cache, key);
  if (answer != NULL)
    g_bytes_ref (answer);
  g_mutex_unlock (&server->cache_lock);
  return answer;
}

static void
cache_answer (PenalServer *server, GBytes *key, GBytes *answer)
{
  g_mutex_lock (&server->cache_lock);
  if (g_hash_table_size (server->cache) >= MAX_CACHED_ANSWERS)
    g_hash_table_remove_all (server->cache);
  g_hash_table_replace (server->cache, g_bytes_ref (key), g_bytes_ref (answer));
  g_mutex_unlock (&server->cache_lock);
}

static void
respond_bytes (SoupServerMessage *message, const char *content_type,
               GBytes *body)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (
      soup_server_message_get_response_headers (message), "Content-Type",
      content_type);
  soup_message_body_append_bytes (
      soup_server_message_get_response_body (message), body);
  soup_message_body_complete (soup_server_message_get_response_body (message));
}

static void
api_classify (PenalServer *server, Worker *worker, SoupServerMessage *message,
              GBytes *body)
{
  g_autoptr (GBytes) key = cache_key (worker_today (worker), body);
  g_autoptr (GBytes) cached = cached_answer (server, key);
  g_autoptr (GError) error = NULL;
  g_autoptr (PenalFacts) facts = NULL;
  char *answer = NULL;

  if (cached != NULL)
    {
      respond_bytes (message, "application/json", cached);
      return;
    }
  language_enter (server, server->default_language);
  {
    gsize length;
    const char *data = g_bytes_get_data (body, &length);

    facts = penal_facts_new_from_json (server->model, length > 0 ? data : "",
                                       length, &error);
  }
  if (facts != NULL)
    answer = penal_classify (server->model, facts, PENAL_FORMAT_JSON, &error);
  if (answer == NULL)
    respond_error (message,
                   error->domain == PENAL_FACTS_ERROR
                       ? SOUP_STATUS_BAD_REQUEST
                       : SOUP_STATUS_INTERNAL_SERVER_ERROR,
                   error->message);
  language_leave (server, server->default_language);
  if (answer != NULL)
    {
      g_autoptr (GBytes) computed = g_bytes_new_take (answer, strlen (answer));
      cache_answer (server, key, computed);
      respond_bytes (message, "application/json", computed);
    }
}

/* The batch's rows, as it writes them: appended to the response's body,
 * which libsoup sends, in chunks, once the request has been read. */
static ssize_t
batch_write (void *cookie, const char *data, size_t size)
{
  Request *request = cookie;

  soup_message_body_append (
      soup_server_message_get_response_body (request->message),
      SOUP_MEMORY_COPY, data, size);
  return (ssize_t)size;
}

/* The early handler's part for a batch: a batch to feed the body to. */
static void
batch_begin (PenalServer *server, Request *request)
{
  static const cookie_io_functions_t functions = { .write = batch_write };
  PenalBatchOptions options = { 0 };

  options.input_format = PENAL_BATCH_JSONL;
  options.output_format = PENAL_BATCH_JSONL;
  request->batch_out = fopencookie (request, "w", functions);
  if (request->batch_out == NULL)
    {
      g_set_error_literal (&request->batch_error, G_IO_ERROR,
                           g_io_error_from_errno (errno), g_strerror (errno));
      return;
    }
  /* The batch holds its rows in blocks of its own; unbuffered, each block
   * goes to the response as it is written, and closing the stream
   * writes nothing more. */
  setvbuf (request->batch_out, NULL, _IONBF, 0);
  request->batch = penal_batch_new (server->model, &options, "request",
                                    request->batch_out);
}

/* A piece of a batch's body: its rows are answered now, in the server's
 * language (the API's), taking the turn to translate for this piece
 * alone, so a slow upload holds up no page in another language. */
static void
batch_feed (PenalServer *server, Request *request, const char *data, gsize size)
{
  if (request->batch == NULL || request->batch_error != NULL)
    return;
  request->batch_bytes += size;
  language_enter (server, server->default_language);
  penal_batch_feed (request->batch, data, size, &request->batch_error);
  language_leave (server, server->default_language);
}

/* JSON Lines in, the rows of `penal batch --input-format=jsonl
 * --format=jsonl` out, from the same library calls: the rows were
 * answered as the body came (batch_feed); here the last of them, and the
 * answer's status.  A refused input is answered with its error alone. */
static void
api_batch (PenalServer *server, SoupServerMessage *message, Request *request)
{
  g_autoptr (GError) error = g_steal_pointer (&request->batch_error);
  PenalBatchCounts counts = { 0 };
  gboolean ok = error == NULL;

  /* An empty body is no rows (where `penal batch` refuses an empty
   * file). */
  if (ok && request->batch_bytes == 0)
    {
      respond (message, SOUP_STATUS_OK, "application/x-ndjson", g_strdup (""));
      return;
    }
  if (ok)
    ok = penal_batch_finish (request->batch, &counts, &error);
  penal_batch_counts_clear (&counts);
  if (ok && fflush (request->batch_out) != 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                           g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      respond_error (message,
                     error->domain == PENAL_BATCH_ERROR
                             && (error->code == PENAL_BATCH_ERROR_HEADER
                                 || error->code == PENAL_BATCH_ERROR_ENCODING)
                         ? SOUP_STATUS_BAD_REQUEST
                         : SOUP_STATUS_INTERNAL_SERVER_ERROR,
                     error->message);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (
      soup_server_message_get_response_headers (message),
      SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (
      soup_server_message_get_response_headers (message),
      "application/x-ndjson", NULL);
  soup_message_body_complete (soup_server_message_get_response_body (message));
}

static void
api_statutes (PenalServer *server, SoupServerMessage *message)
{
  char *report = penal_list_report (server->model, PENAL_FORMAT_JSON);

  respond (message, SOUP_STATUS_OK, "application/json", report);
}

static void
api_health (SoupServerMessage *message)
{
  respond (message, SOUP_STATUS_OK, "application/json",
           g_strdup_printf (
               "{\"format_version\":%d,\"status\":\"ok\",\"version\":\"%s\"}\n",
               PENAL_JSON_FORMAT_VERSION, PACKAGE_VERSION));
}

/* ------------------------------------------------------------------ */
/* The form                                                             */

/* application/x-www-form-urlencoded: single fields by name, and every
 * "a" field (an answer, NAME=VALUE) in order. */
static GHashTable *
decode_form (GBytes *body, GPtrArray *answers)
{
  GHashTable *form
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text
      = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_auto (GStrv) pairs = g_strsplit (text, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');
      char *name, *value;

      if (equals == NULL)
        continue;
      *equals = '\0';
      g_strdelimit (pairs[i], "+", ' ');
      g_strdelimit (equals + 1, "+", ' ');
      name = g_uri_unescape_string (pairs[i], NULL);
      value = g_uri_unescape_string (equals + 1, NULL);
      if (name == NULL || value == NULL || !g_utf8_validate (value, -1, NULL))
        {
          g_free (name);
          g_free (value);
          continue;
        }
      if (g_str_equal (name, "a"))
        {
          g_ptr_array_add (answers, value);
          g_free (name);
        }
      else
        g_hash_table_replace (form, name, value);
    }
  return form;
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
    batch_feed (request->server, request, data, size);
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

  language_enter (server, server->default_language);
  va_start (args, format);
  text = g_strdup_vprintf (_ (format), args);
  va_end (args);
  respond_error (message, status, text);
  language_leave (server, server->default_language);
}

/* Runs when the headers are in: anything refused here is answered before
 * a byte of the body is read. */
static void
early_handler (SoupServer *soup, SoupServerMessage *message, const char *path,
               GHashTable *query, gpointer user_data)
{
  PenalServer *server = user_data;
  Request *request
      = g_object_get_qdata (G_OBJECT (message), server->request_key);

  set_security_headers (message);
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
    batch_begin (server, request);
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
  Request *request
      = g_object_get_qdata (G_OBJECT (message), server->request_key);
  g_autoptr (GBytes) body = NULL;

  cork (request, TRUE);
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
      api_classify (server, request->worker, message, body);
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
  const char *language = shipped_language (asked);

  return language != NULL
             ? language
             : accepted_language (message, server->default_language);
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
      form = decode_form (body, answers);
      language
          = page_language (server, message, g_hash_table_lookup (form, "lang"));
    }
  language_enter (server, language);
  switch (request->route->route)
    {
    case ROUTE_BATCH:
      api_batch (server, message, request);
      break;
    case ROUTE_STATUTES:
      api_statutes (server, message);
      break;
    case ROUTE_HEALTH:
      api_health (message);
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
  language_leave (server, language);
}

/* ------------------------------------------------------------------ */
/* Timing and the log                                                   */

/* Hands the worker's lines to the log function. */
static void
write_log (Worker *worker)
{
  PenalServer *server = worker->server;

  if (worker->log->len == 0)
    return;
  server->log_func (worker->log->str, server->log_data);
  g_string_truncate (worker->log, 0);
}

static gboolean
write_log_when_idle (gpointer user_data)
{
  Worker *worker = user_data;

  write_log (worker);
  g_clear_pointer (&worker->log_idle, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* Has the client closed this connection?  A socket that libsoup closed
 * is done with; one whose peer sent its FIN with nothing left unread is
 * one that libsoup 3.2 would keep, idle, forever (it misses a client's
 * close between two requests on a kept-alive connection; fixed in 3.3). */
static gboolean
connection_closed (GSocket *socket)
{
  char byte;
  gssize n;

  if (g_socket_is_closed (socket))
    return TRUE;
  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  /* 0: the client's FIN; an error other than "nothing yet": a reset (a
   * client that closes with an answer unread resets the connection). */
  return n == 0
         || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK
             && errno != EINTR);
}

/* Forgets the worker's connections that are closed, closing their sockets:
 * so neither the descriptors nor the count of open connections leak.
 * With sockets_lock held. */
static void
sweep_connections (Worker *worker)
{
  for (guint i = worker->sockets->len; i-- > 0;)
    {
      GSocket *socket = g_ptr_array_index (worker->sockets, i);

      if (!connection_closed (socket))
        continue;
      if (!g_socket_is_closed (socket))
        g_socket_close (socket, NULL);
      g_ptr_array_remove_index_fast (worker->sockets, i);
      g_atomic_int_add (worker->server->connections, -1);
    }
}

/* The connections other workers hold whose clients have gone: they are
 * not open any more, though only their own worker may close them.  With
 * sockets_lock held. */
static gint
count_closed_elsewhere (Worker *worker)
{
  GPtrArray *workers = worker->server->workers;
  gint closed = 0;

  for (guint w = 0; w < workers->len; w++)
    {
      Worker *other = g_ptr_array_index (workers, w);

      if (other == worker)
        continue;
      for (guint i = 0; i < other->sockets->len; i++)
        closed += connection_closed (g_ptr_array_index (other->sockets, i));
    }
  return closed;
}

/* Closes the connection of each request that has taken longer than the
 * request timeout, slow or stuck, whatever it was doing. */
static void
expire_requests (Worker *worker)
{
  gint64 deadline
      = g_get_monotonic_time ()
        - (gint64)worker->server->limits.request_timeout * G_USEC_PER_SEC;

  /* Oldest first: the first request still in time ends the search. */
  for (GList *l = worker->requests.head; l != NULL; l = l->next)
    {
      Request *request = l->data;
      GSocket *socket;

      if (request->started > deadline)
        break;
      if (request->timed_out)
        continue;
      request->timed_out = TRUE;
      socket = soup_server_message_get_socket (request->message);
      if (socket != NULL)
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
    }
}

/* Once a second: the requests that took too long, and the connections
 * whose clients have gone. */
static gboolean
sweep_tick (gpointer user_data)
{
  Worker *worker = user_data;

  expire_requests (worker);
  if (worker->server->log_func != NULL)
    write_log (worker);
  g_mutex_lock (&worker->server->sockets_lock);
  sweep_connections (worker);
  g_mutex_unlock (&worker->server->sockets_lock);
  return G_SOURCE_CONTINUE;
}

/* Counts a connection at its first request, gives its socket the idle
 * timeout (a read or write that waits longer fails, and libsoup closes
 * the connection), and closes it at once when too many are open; at the
 * cap, connections whose clients have gone are not counted.  Later
 * requests on an admitted connection find the mark on its socket and
 * take no lock. */
static gboolean
admit_connection (Worker *worker, SoupServerMessage *message)
{
  PenalServer *server = worker->server;
  GSocket *socket = soup_server_message_get_socket (message);
  gboolean admitted = TRUE;

  if (socket == NULL
      || g_object_get_qdata (G_OBJECT (socket), server->admitted) != NULL)
    return TRUE;
  g_mutex_lock (&server->sockets_lock);
  if (!g_ptr_array_find (worker->sockets, socket, NULL))
    {
      gint open = g_atomic_int_get (server->connections);

      if (open >= (gint)server->limits.max_connections)
        {
          sweep_connections (worker);
          open = g_atomic_int_get (server->connections)
                 - count_closed_elsewhere (worker);
        }
      admitted = open < (gint)server->limits.max_connections;
      if (admitted)
        {
          g_atomic_int_add (server->connections, 1);
          g_ptr_array_add (worker->sockets, g_object_ref (socket));
          g_socket_set_timeout (socket, server->limits.idle_timeout);
          g_object_set_qdata (G_OBJECT (socket), server->admitted,
                              GINT_TO_POINTER (TRUE));
        }
      else
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
    }
  g_mutex_unlock (&server->sockets_lock);
  return admitted;
}

static void
request_started (SoupServer *soup, SoupServerMessage *message,
                 gpointer user_data)
{
  Worker *worker = user_data;
  PenalServer *server = worker->server;
  Request *request = g_new0 (Request, 1);

  request->server = server;
  request->worker = worker;
  request->message = message;
  request->started = g_get_monotonic_time ();
  admit_connection (worker, message);
  request->link.data = request;
  g_queue_push_tail_link (&worker->requests, &request->link);
  request->in_flight = TRUE;
  g_object_set_qdata_full (G_OBJECT (message), server->request_key, request,
                           (GDestroyNotify)request_free);
}

/* One line per request: never the query, the body or a path the server
 * does not serve, so no fact reaches the log.  The line waits in the
 * worker's block until the block is full or the worker is idle (or at
 * the latest the next sweep). */
static void
request_finished (SoupServer *soup, SoupServerMessage *message,
                  gpointer user_data)
{
  PenalServer *server = user_data;
  Request *request
      = g_object_get_qdata (G_OBJECT (message), server->request_key);
  Worker *worker;
  gint64 tenths;

  if (request == NULL)
    return;
  request_done (request);
  cork (request, FALSE);
  if (server->log_func == NULL)
    return;
  worker = request->worker;
  /* Tenths of a millisecond, rounded, in whole numbers. */
  tenths = (g_get_monotonic_time () - request->started + 50) / 100;
  g_string_append_printf (worker->log, "%s %s %u %" G_GINT64_FORMAT ".%d ms\n",
                          soup_server_message_get_method (message),
                          request->route != NULL ? request->route->path
                                                 : "(other)",
                          soup_server_message_get_status (message), tenths / 10,
                          (int)(tenths % 10));
  if (worker->log->len >= LOG_BLOCK_SIZE)
    write_log (worker);
  else if (worker->log_idle == NULL)
    {
      worker->log_idle = g_idle_source_new ();
      g_source_set_priority (worker->log_idle, G_PRIORITY_LOW);
      g_source_set_callback (worker->log_idle, write_log_when_idle, worker,
                             NULL);
      g_source_attach (worker->log_idle, worker->context);
    }
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
      = g_strdup (shipped_language (default_language) != NULL
                      ? shipped_language (default_language)
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
  g_signal_connect (soup, "request-started", G_CALLBACK (request_started),
                    worker);
  g_signal_connect (soup, "request-finished", G_CALLBACK (request_finished),
                    server);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (request_finished),
                    server);
  if (!soup_server_listen_socket (soup, worker->socket, 0, &error))
    g_warning ("cannot listen: %s", error->message);

  g_mutex_lock (&server->ready_lock);
  server->n_ready++;
  g_cond_signal (&server->ready_cond);
  g_mutex_unlock (&server->ready_lock);

  {
    GSource *sweep = g_timeout_source_new_seconds (1);

    g_source_set_callback (sweep, sweep_tick, worker, NULL);
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
    write_log (worker);
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
