/* SPDX-License-Identifier: GPL-3.0-or-later */
/* soup-alone.c: libsoup 3 alone, for bench/serve.sh: the most any server
 * on libsoup can answer on this machine, measured in the same run as
 * penal serve.  It answers every request with the bytes of one file, from
 * memory, and does nothing else: no route, no check, no log.  It is set
 * up as penal serve is: WORKERS threads, each with its own main context
 * and SoupServer on its own socket bound to 127.0.0.1:PORT (SO_REUSEPORT),
 * and each answer corked until it is written, as penal's are.
 *
 * Usage: soup-alone PORT WORKERS FILE
 * Built by bench/serve.sh: cc soup-alone.c $(pkg-config --cflags --libs
 * libsoup-3.0). */
#include <errno.h>
#include <libsoup/soup.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>

static char *answer;
static gsize answer_length;
static guint16 port;

static void
set_cork (SoupServerMessage *message, int on)
{
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket != NULL && !g_socket_is_closed (socket))
    g_socket_set_option (socket, IPPROTO_TCP, TCP_CORK, on, NULL);
}

static void
handler (SoupServer *server, SoupServerMessage *message, const char *path,
         GHashTable *query, gpointer user_data)
{
  set_cork (message, 1);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json",
                                    SOUP_MEMORY_STATIC, answer, answer_length);
}

static void
finished (SoupServer *server, SoupServerMessage *message, gpointer user_data)
{
  set_cork (message, 0);
}

static gpointer
run_worker (gpointer user_data)
{
  GMainContext *context = g_main_context_new ();
  struct sockaddr_in address = { 0 };
  SoupServer *server;
  GSocket *listener;
  GError *error = NULL;
  int fd, on = 1;

  g_main_context_push_thread_default (context);
  server = soup_server_new ("server-header", "soup-alone", NULL);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  g_signal_connect (server, "request-finished", G_CALLBACK (finished), NULL);
  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  fd = socket (AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0
      || setsockopt (fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0
      || bind (fd, (struct sockaddr *)&address, sizeof address) != 0
      || listen (fd, 128) != 0)
    g_error ("soup-alone: cannot listen on 127.0.0.1:%u: %s", port,
             g_strerror (errno));
  listener = g_socket_new_from_fd (fd, &error);
  if (listener == NULL
      || !soup_server_listen_socket (server, listener, 0, &error))
    g_error ("soup-alone: %s", error->message);
  g_main_loop_run (g_main_loop_new (context, FALSE));
  return NULL;
}

int
main (int argc, char **argv)
{
  GError *error = NULL;
  int workers;

  if (argc != 4)
    {
      g_printerr ("usage: soup-alone PORT WORKERS FILE\n");
      return 64;
    }
  port = (guint16)atoi (argv[1]);
  workers = atoi (argv[2]);
  if (!g_file_get_contents (argv[3], &answer, &answer_length, &error))
    g_error ("soup-alone: %s", error->message);
  for (int i = 0; i < workers; i++)
    g_thread_new ("soup-alone", run_worker, NULL);
  g_main_loop_run (g_main_loop_new (NULL, FALSE));
  return 0;
}
