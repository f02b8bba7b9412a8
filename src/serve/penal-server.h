/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server.h: penal serve, the screening interview in a browser and a
 * JSON API, over libsoup 3 (penal-server.c: HTTP, limits and the API;
 * penal-server-pages.c: the interview's pages).
 *
 * The server keeps nothing: the interview's answers travel in the form
 * and are replayed through the library's engine on every request, and the
 * log holds the method, path, status and duration of each request, never
 * a fact.  It serves from threads of its own, one per processor, which
 * penal_server_free() stops and joins. */
#pragma once

#include <libsoup/soup.h>

#include "penal.h"

G_BEGIN_DECLS

typedef struct _PenalServer PenalServer;

/* What one client may ask of the server. */
typedef struct
{
  gsize max_classify_body; /* bytes: /api/v1/classify and the pages */
  gsize max_batch_body;    /* bytes: /api/v1/batch */
  gsize max_batch_answer;  /* bytes: a batch's rows, held until it is read */
  gsize max_header_size;   /* bytes: all request headers together */
  guint idle_timeout;      /* seconds a connection may wait idle */
  guint request_timeout;   /* seconds to read and answer one request */
  guint max_connections;   /* open at once; more are closed at once */
} PenalServerLimits;

/* Where the request log goes: one or more lines, each ending in a
 * newline, one per request: "POST /api/v1/classify 200 0.2 ms\n".  Each
 * worker thread hands on its lines in blocks (when it has gathered a few
 * kilobytes, when it is idle, and at least once a second), so a busy
 * server writes its log once for many requests; the function may be
 * called from any of the threads, and must not keep lines. */
typedef void (*PenalServerLogFunc) (const char *lines, gpointer user_data);

void penal_server_limits_init (PenalServerLimits *limits);
PenalServer *penal_server_new (const PenalModel *model,
                               const PenalServerLimits *limits,
                               const char *default_language);
void penal_server_free (PenalServer *server);
void penal_server_set_log_func (PenalServer *server, PenalServerLogFunc func,
                                gpointer user_data);
gboolean penal_server_listen (PenalServer *server, const char *address,
                              GError **error);
guint16 penal_server_get_port (PenalServer *server);
gboolean penal_server_address_is_loopback (const char *address);

/* The languages penal ships, "en" first; NULL-terminated. */
const char *const *penal_server_languages (void);
void penal_server_use_language (const char *language);

/* The pages (penal-server-pages.c). */
void penal_server_page_start (const PenalModel *model,
                              SoupServerMessage *message, const char *language);
void penal_server_page_interview (const PenalModel *model,
                                  SoupServerMessage *message,
                                  const char *language, GHashTable *form,
                                  GPtrArray *answers);
const char *penal_server_stylesheet (gsize *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalServer, penal_server_free)

G_END_DECLS
