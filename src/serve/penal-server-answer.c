/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server-answer.c: what penal serve answers: the reader's language
 * and the turns to translate in it, the security headers, the JSON API
 * (classify with its cache of answers, batch fed as its body arrives,
 * statutes, health) and the interview's form decoded. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "penal-server-private.h"

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

const char *
serve_shipped_language (const char *tag)
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
const char *
serve_accepted_language (SoupServerMessage *message, const char *fallback)
{
  const char *header = soup_message_headers_get_list (
      soup_server_message_get_request_headers (message), "Accept-Language");
  GSList *accepted;
  const char *chosen = NULL;

  if (header == NULL)
    return fallback;
  accepted = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = accepted; l != NULL && chosen == NULL; l = l->next)
    chosen = serve_shipped_language (l->data);
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

void
serve_language_enter (PenalServer *server, const char *language)
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

void
serve_language_leave (PenalServer *server, const char *language)
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
void
serve_set_security_headers (SoupServerMessage *message)
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
void
serve_respond_error (SoupServerMessage *message, guint status, const char *text)
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

void
serve_api_classify (PenalServer *server, Worker *worker,
                    SoupServerMessage *message, GBytes *body)
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
  serve_language_enter (server, server->default_language);
  {
    gsize length;
    const char *data = g_bytes_get_data (body, &length);

    facts = penal_facts_new_from_json (server->model, length > 0 ? data : "",
                                       length, &error);
  }
  if (facts != NULL)
    answer = penal_classify (server->model, facts, PENAL_FORMAT_JSON, &error);
  if (answer == NULL)
    serve_respond_error (message,
                         error->domain == PENAL_FACTS_ERROR
                             ? SOUP_STATUS_BAD_REQUEST
                             : SOUP_STATUS_INTERNAL_SERVER_ERROR,
                         error->message);
  serve_language_leave (server, server->default_language);
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

  /* Past the cap, the rows are dropped and the write fails, which stops
   * the batch; the answer will be 413. */
  if (request->answer_too_large
      || request->batch_answer_bytes + size
             > request->server->limits.max_batch_answer)
    {
      request->answer_too_large = TRUE;
      soup_message_body_truncate (
          soup_server_message_get_response_body (request->message));
      errno = EFBIG;
      return -1;
    }
  request->batch_answer_bytes += size;
  soup_message_body_append (
      soup_server_message_get_response_body (request->message),
      SOUP_MEMORY_COPY, data, size);
  return (ssize_t)size;
}

/* The early handler's part for a batch: a batch to feed the body to. */
void
serve_batch_begin (PenalServer *server, Request *request)
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
  /* Each block is let go once it is sent, not kept to the end. */
  soup_message_body_set_accumulate (
      soup_server_message_get_response_body (request->message), FALSE);
  request->batch = penal_batch_new (server->model, &options, "request",
                                    request->batch_out);
}

/* A piece of a batch's body: its rows are answered now, in the server's
 * language (the API's), taking the turn to translate for this piece
 * alone, so a slow upload holds up no page in another language. */
void
serve_batch_feed (PenalServer *server, Request *request, const char *data,
                  gsize size)
{
  if (request->batch == NULL || request->batch_error != NULL)
    return;
  request->batch_bytes += size;
  serve_language_enter (server, server->default_language);
  penal_batch_feed (request->batch, data, size, &request->batch_error);
  serve_language_leave (server, server->default_language);
}

/* JSON Lines in, the rows of `penal batch --input-format=jsonl
 * --format=jsonl` out, from the same library calls: the rows were
 * answered as the body came (serve_batch_feed); here the last of them, and the
 * answer's status.  A refused input is answered with its error alone. */
void
serve_api_batch (PenalServer *server, SoupServerMessage *message,
                 Request *request)
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
      serve_respond_error (
          message,
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

void
serve_api_statutes (PenalServer *server, SoupServerMessage *message)
{
  char *report = penal_list_report (server->model, PENAL_FORMAT_JSON);

  respond (message, SOUP_STATUS_OK, "application/json", report);
}

void
serve_api_health (SoupServerMessage *message)
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
GHashTable *
serve_decode_form (GBytes *body, GPtrArray *answers)
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
