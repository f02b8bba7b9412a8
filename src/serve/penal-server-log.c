/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server-log.c: penal serve's clock and log: connections admitted,
 * swept and counted, requests timed out, and the log's lines (never a
 * fact) handed on in blocks. */
#include "config.h"

#define _GNU_SOURCE 1
#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "penal-server-private.h"

/* ------------------------------------------------------------------ */
/* Timing and the log                                                   */

/* Hands the worker's lines to the log function. */
void
serve_write_log (Worker *worker)
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

  serve_write_log (worker);
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
gboolean
serve_sweep_tick (gpointer user_data)
{
  Worker *worker = user_data;

  expire_requests (worker);
  if (worker->server->log_func != NULL)
    serve_write_log (worker);
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

void
serve_request_started (SoupServer *soup, SoupServerMessage *message,
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
                           (GDestroyNotify)serve_request_free);
}

/* The Request serve_request_started attached to message, or NULL for a
 * message it never saw. */
Request *
serve_request_of (PenalServer *server, SoupServerMessage *message)
{
  return g_object_get_qdata (G_OBJECT (message), server->request_key);
}

/* One line per request: never the query, the body or a path the server
 * does not serve, so no fact reaches the log.  The line waits in the
 * worker's block until the block is full or the worker is idle (or at
 * the latest the next sweep). */
void
serve_request_finished (SoupServer *soup, SoupServerMessage *message,
                        gpointer user_data)
{
  PenalServer *server = user_data;
  Request *request = serve_request_of (server, message);
  Worker *worker;
  gint64 tenths;

  if (request == NULL)
    return;
  serve_request_done (request);
  serve_cork (request, FALSE);
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
    serve_write_log (worker);
  else if (worker->log_idle == NULL)
    {
      worker->log_idle = g_idle_source_new ();
      g_source_set_priority (worker->log_idle, G_PRIORITY_LOW);
      g_source_set_callback (worker->log_idle, write_log_when_idle, worker,
                             NULL);
      g_source_attach (worker->log_idle, worker->context);
    }
}
