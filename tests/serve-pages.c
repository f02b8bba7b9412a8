/* SPDX-License-Identifier: GPL-3.0-or-later */
/* serve-pages.c: tests penal serve's interview in process, page by page,
 * as a browser without JavaScript posts its forms: both languages, Back
 * and a change from the recap, answers the interview does not take, the
 * languages of requests at once never mixing, and the stylesheet.  The
 * fixture is tests/serve-fixture.c's. */
#include "config.h"

#include <string.h>

#include "serve-fixture.h"

/* ------------------------------------------------------------------ */
/* The interview's pages                                                */

/* The state a form carries: the answers so far, in English. */
#define TWO_ANSWERS                                                            \
  "lang=en&a=offense%3Dpatronizing&a=offense_date%3D2024-05-01"
#define THREE_ANSWERS TWO_ANSWERS "&a=victim_age%3D30"
#define FOUR_ANSWERS THREE_ANSWERS "&a=prior_prostitution_offenses%3D0"

static void
test_pages_english (Fixture *fixture, gconstpointer data)
{
  g_auto (Response) start = { 0 };
  g_auto (Response) date = { 0 };
  g_auto (Response) recap = { 0 };
  g_auto (Response) result = { 0 };

  request (fixture, &start, "GET", "/", NULL, NULL, 0, NULL);
  g_assert_cmpuint (start.status, ==, 200);
  penal_test_assert_contains_each (
      start.body, "<html lang=\"en\">", "What is the person charged with?",
      "What does this mean?", "I don&apos;t know", NULL);
  /* No script, no asset from elsewhere. */
  penal_test_assert_lacks (start.body, "<script");
  penal_test_assert_lacks (start.body, "src=");
  penal_test_assert_lacks (start.body, "http");

  post_form (fixture, &date,
             "lang=en&fact=offense&value=patronizing&action=answer", NULL);
  g_assert_cmpuint (date.status, ==, 200);
  penal_test_assert_contains_each (
      date.body, "On what date did the offense happen?",
      "name=\"a\" value=\"offense=patronizing\"", ">Back</button>", NULL);

  post_form (fixture, &recap,
             THREE_ANSWERS "&fact=prior_prostitution_offenses&value=0&"
                           "action=answer",
             NULL);
  penal_test_assert_contains_each (recap.body, "Check your answers",
                                   "value=\"change:victim_age\"", "1 May 2024",
                                   NULL);

  post_form (fixture, &result, FOUR_ANSWERS "&action=result", NULL);
  g_assert_cmpuint (result.status, ==, 200);
  penal_test_assert_contains_each (
      result.body, "<h2 id=\"h-short\">In short</h2>",
      /* RSMo 567.030.3 (in force by 2024): patronizing an adult is a class B
       * misdemeanor. */
      "Patronizing prostitution: class B misdemeanor [RSMo 567.030.3].",
      "The details", "Sources", "not legal advice", "Screened on", NULL);
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

  post_form (fixture, &change, FOUR_ANSWERS "&action=change%3Aoffense_date",
             NULL);
  penal_test_assert_contains (change.body,
                              "On what date did the offense happen?");
  penal_test_assert_contains (change.body, "value=\"2024-05-01\"");

  /* A changed answer leads back to the recap with the new value. */
  post_form (fixture, &changed,
             FOUR_ANSWERS "&fact=victim_age&value=16&action=answer", NULL);
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
             TWO_ANSWERS "&fact=victim_age&value=dos&action=answer", NULL);
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

static const ServeTest tests[] = {
  { "/serve/pages/english", test_pages_english },
  { "/serve/pages/spanish", test_pages_spanish },
  { "/serve/pages/back-and-change", test_pages_back_and_change },
  { "/serve/pages/bad-answers", test_pages_bad_answers },
  { "/serve/pages/languages-never-mix", test_languages_never_mix },
  { "/serve/pages/stylesheet", test_stylesheet },
};

int
main (int argc, char **argv)
{
  serve_test_init (&argc, &argv);
  SERVE_ADD_TESTS (tests, fixture_set_up);
  return g_test_run ();
}
