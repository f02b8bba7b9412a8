/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-serve.c: penal serve [--listen=ADDRESS:PORT]: the screening
 * interview in a browser and a JSON API, on this machine.
 *
 * All of the server is src/serve/; this file reads the options, warns
 * when the address is reachable from other machines, writes the log (one
 * line per request, never a fact) to standard error, and runs until it is
 * interrupted. */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "serve/penal-server.h"

static char *listen_address;

static const GOptionEntry entries[]
    = { { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen_address,
          N_ ("Listen on ADDRESS:PORT (default 127.0.0.1:8080)"),
          N_ ("ADDRESS:PORT") },
        G_OPTION_ENTRY_NULL };

static const PenalCommandHelp help = {
  "serve",
  NULL,
  N_ ("The screening interview in a browser, and a JSON API for case "
      "systems, served on this machine."),
  N_ ("Open http://127.0.0.1:8080/ for the interview, in English or Spanish. "
      "The API: POST /api/v1/classify (facts as a JSON object; the answer of "
      "classify --format=json), POST /api/v1/batch (JSON Lines in and out, "
      "the rows of batch), GET /api/v1/statutes, GET /api/v1/health. Nothing "
      "is stored and no fact is logged: the log has the method, path, status "
      "and time of each request. A non-loopback address is reachable from "
      "other machines: penal warns, and answers only requests addressed to "
      "it."),
  NULL,
  NULL,
  "  penal serve\n"
  "  penal serve --listen=127.0.0.1:9000\n"
  "  curl -s -H 'Content-Type: application/json' -d "
  "'{\"offense\":\"patronizing\",\"victim_age\":30}' "
  "http://127.0.0.1:8080/api/v1/classify\n",
  0,
  entries,
};

/* The server's lines come in blocks: each block is written at once, so
 * blocks from different threads never mix, and a busy server makes one
 * write for many requests. */
static void
log_lines (const char *lines, gpointer user_data)
{
  g_autoptr (GString) text = g_string_sized_new (2 * strlen (lines));

  for (const char *line = lines; *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize)(end - line) : strlen (line);

      g_string_append (text, "penal serve: ");
      g_string_append_len (text, line, (gssize)length);
      g_string_append_c (text, '\n');
      line += length + (end != NULL);
    }
  fwrite (text->str, 1, text->len, stderr);
  fflush (stderr);
}

static gboolean
stop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

PenalExit
penal_cmd_serve (int argc, char **argv)
{
  g_autoptr (PenalModel) model = NULL;
  g_autoptr (PenalServer) server = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  const char *address;
  const char *language = g_getenv ("LANGUAGE");
  PenalServerLimits limits;
  PenalExit status;

  if (!penal_cli_parse (&help, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return penal_cli_usage (_ ("serve takes no arguments (try penal help "
                               "serve)"));
  address = listen_address != NULL ? listen_address : "127.0.0.1:8080";
  model = penal_cli_load_model (&error);
  if (model == NULL)
    return penal_cli_fail (error);
  penal_server_limits_init (&limits);
  server = penal_server_new (model, &limits,
                             language != NULL && language[0] != '\0' ? language
                                                                     : "en");
  penal_server_set_log_func (server, log_lines, NULL);
  if (!penal_server_listen (server, address, &error))
    return penal_cli_usage ("%s", error->message);
  if (!penal_server_address_is_loopback (address))
    penal_cli_print_error (
        _ ("warning: this address can be reached from other machines; the "
           "interview is meant for this one (use 127.0.0.1)"));
  fprintf (stderr,
           _ ("penal serve: listening on %s (port %u); stop with "
              "Ctrl+C\n"),
           address, penal_server_get_port (server));
  fflush (stderr);
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, stop, loop);
  g_unix_signal_add (SIGTERM, stop, loop);
  g_main_loop_run (loop);
  return PENAL_EXIT_OK;
}
