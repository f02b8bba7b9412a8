/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server-private.h: what the server's files share: its workers,
 * its state, the routes and a request's record, and the functions one
 * file calls in another: listening and requests (penal-server.c), the
 * languages and answers (penal-server-answer.c), the clock and the log
 * (penal-server-log.c).  Inside the server only. */
#pragma once

#include <stdio.h>
#include <time.h>

#include "penal-server.h"

G_BEGIN_DECLS

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
  gsize batch_bytes;         /* of the request's body, fed so far */
  gsize batch_answer_bytes;  /* of the rows answered so far */
  gboolean answer_too_large; /* over max_batch_answer: read no more */
  GError *batch_error;       /* the input was refused: read no more */
  gboolean in_flight;        /* link is in worker->requests */
  gboolean timed_out;
  gboolean corked; /* the answer's frames are held until it is all written */
  GList link;
} Request;

G_GNUC_INTERNAL void serve_cork (Request *request, gboolean on);
G_GNUC_INTERNAL void serve_request_done (Request *request);
G_GNUC_INTERNAL void serve_request_free (Request *request);
G_GNUC_INTERNAL Request *serve_request_of (PenalServer *server,
                                           SoupServerMessage *message);
G_GNUC_INTERNAL const char *serve_accepted_language (SoupServerMessage *message,
                                                     const char *fallback);
G_GNUC_INTERNAL void serve_api_batch (PenalServer *server,
                                      SoupServerMessage *message,
                                      Request *request);
G_GNUC_INTERNAL void serve_api_classify (PenalServer *server, Worker *worker,
                                         SoupServerMessage *message,
                                         GBytes *body);
G_GNUC_INTERNAL void serve_api_health (SoupServerMessage *message);
G_GNUC_INTERNAL void serve_api_statutes (PenalServer *server,
                                         SoupServerMessage *message);
G_GNUC_INTERNAL void serve_batch_begin (PenalServer *server, Request *request);
G_GNUC_INTERNAL void serve_batch_feed (PenalServer *server, Request *request,
                                       const char *data, gsize size);
G_GNUC_INTERNAL GHashTable *serve_decode_form (GBytes *body,
                                               GPtrArray *answers);
G_GNUC_INTERNAL void serve_language_enter (PenalServer *server,
                                           const char *language);
G_GNUC_INTERNAL void serve_language_leave (PenalServer *server,
                                           const char *language);
G_GNUC_INTERNAL void serve_respond_error (SoupServerMessage *message,
                                          guint status, const char *text);
G_GNUC_INTERNAL void serve_set_security_headers (SoupServerMessage *message);
G_GNUC_INTERNAL const char *serve_shipped_language (const char *tag);
G_GNUC_INTERNAL void serve_request_finished (SoupServer *soup,
                                             SoupServerMessage *message,
                                             gpointer user_data);
G_GNUC_INTERNAL void serve_request_started (SoupServer *soup,
                                            SoupServerMessage *message,
                                            gpointer user_data);
G_GNUC_INTERNAL gboolean serve_sweep_tick (gpointer user_data);
G_GNUC_INTERNAL void serve_write_log (Worker *worker);

G_END_DECLS
