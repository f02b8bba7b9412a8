/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-server-pages.c: the screening interview as web pages: one
 * question per page, a recap where any answer can be changed, and the
 * result, in the reader's language.
 *
 * The server keeps nothing between requests.  Every form carries the
 * answers given so far, in order, as hidden fields a=NAME=VALUE, with the
 * language and the page shown; each request replays them through the
 * library's interview engine (PenalScreen), applies the one action asked
 * for (answer, back, change, recap, result, or show the page again in
 * another language) and writes the page the engine then calls for.
 * Nothing is decided here: questions, choices, help, answers in plain
 * words and the result all come from the library.  The pages need no
 * JavaScript; every control is a native, labelled form control. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "penal-server.h"

void penal_data_register_resource (void);

#define STYLE_RESOURCE "/org/penal/data/penal.css"

/* The page being written, and the state every form on it carries. */
typedef struct
{
  const PenalModel *model;
  PenalScreen *screen;
  const char *language;
  GString *html;
  const char *at; /* the page shown: a fact's name, "recap" or "result" */
} Page;

const char *
penal_server_stylesheet (gsize *length)
{
  static GBytes *css;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      penal_data_register_resource ();
      css = g_resources_lookup_data (STYLE_RESOURCE, 0, NULL);
      g_assert (css != NULL); /* compiled in */
      g_once_init_leave (&once, 1);
    }
  return g_bytes_get_data (css, length);
}

static void
append_escaped (GString *html, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

/* printf into the page; every %s argument must already be escaped. */
static void G_GNUC_PRINTF (2, 3) append (Page *page, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (page->html, format, args);
  va_end (args);
}

/* The hidden fields of the state: the language, the page, the answers. */
static void
append_state (Page *page, gboolean with_language)
{
  if (with_language)
    append (page, "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n",
            page->language);
  if (page->at != NULL)
    {
      g_autofree char *at = g_markup_escape_text (page->at, -1);
      append (page, "<input type=\"hidden\" name=\"at\" value=\"%s\">\n", at);
    }
  for (guint i = 0; i < penal_screen_get_n_answers (page->screen); i++)
    {
      guint fact = penal_screen_get_answer_fact (page->screen, i);
      g_autofree char *value = penal_screen_answer_value (page->screen, fact);
      g_autofree char *pair = NULL;
      g_autofree char *escaped = NULL;

      if (value == NULL)
        continue; /* dropped: the offense chosen does not read it */
      pair = g_strdup_printf (
          "%s=%s", penal_model_get_fact_name (page->model, fact), value);
      escaped = g_markup_escape_text (pair, -1);
      append (page, "<input type=\"hidden\" name=\"a\" value=\"%s\">\n",
              escaped);
    }
}

static void
page_begin (Page *page, const char *title)
{
  static const struct
  {
    const char *code;
    const char *name;
  } names[] = { { "en", "English" }, { "es", "Español" } };
  const char *const *languages = penal_server_languages ();
  g_autofree char *shown_title = g_markup_escape_text (title, -1);

  append (page,
          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta "
          "charset=\"utf-8\">\n<meta name=\"viewport\" "
          "content=\"width=device-width, initial-scale=1\">\n<title>%s — "
          "penal</title>\n<link rel=\"stylesheet\" "
          "href=\"/style.css\">\n</head>\n<body>\n",
          page->language, shown_title);
  append (page, "<a class=\"skip\" href=\"#main\">%s</a>\n",
          _ ("Skip to the question"));
  append (page, "<header class=\"site\">\n<p class=\"brand\">%s</p>\n",
          _ ("Diversion screening"));
  append (page, "<form method=\"post\" action=\"/interview\" "
                "class=\"languages\">\n");
  append_state (page, FALSE);
  append (page, "<input type=\"hidden\" name=\"action\" value=\"show\">\n");
  append (page, "<span id=\"language-label\">%s</span>\n", _ ("Language:"));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *name = languages[i];

      for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
        if (g_str_equal (names[n].code, languages[i]))
          name = names[n].name;
      append (page,
              "<button type=\"submit\" name=\"lang\" value=\"%s\" "
              "lang=\"%s\" aria-describedby=\"language-label\"%s>%s</button>\n",
              languages[i], languages[i],
              g_str_equal (languages[i], page->language)
                  ? " aria-current=\"true\""
                  : "",
              name);
    }
  append (page, "</form>\n</header>\n<main id=\"main\">\n");
}

static void
page_end (Page *page, SoupServerMessage *message, guint status)
{
  append (page, "</main>\n<footer>\n<p>%s</p>\n</footer>\n</body>\n</html>\n",
          _ ("penal is a checking aid, not legal advice. It keeps nothing: "
             "the answers travel only in this page."));
  gsize length = page->html->len;
  char *body = g_string_free (g_steal_pointer (&page->html), FALSE);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8",
                                    SOUP_MEMORY_TAKE, body, length);
}

/* ------------------------------------------------------------------ */
/* One question                                                         */

static void
append_radio (Page *page, guint n, const char *value, const char *label,
              const char *description, gboolean checked)
{
  g_autofree char *shown_value = g_markup_escape_text (value, -1);
  g_autofree char *shown_label = g_markup_escape_text (label, -1);

  append (page,
          "<div class=\"choice\"><input type=\"radio\" name=\"value\" "
          "id=\"choice-%u\" value=\"%s\"%s><label for=\"choice-%u\">%s",
          n, shown_value, checked ? " checked" : "", n, shown_label);
  if (description != NULL)
    {
      g_autofree char *shown = g_markup_escape_text (description, -1);
      append (page, "<span class=\"hint\">%s</span>", shown);
    }
  append (page, "</label></div>\n");
}

/* "What does this mean?": the question's help, opened on demand. */
static void
append_help (Page *page, const char *help)
{
  g_autofree char *shown = NULL;

  if (help == NULL)
    return;
  shown = g_markup_escape_text (help, -1);
  append (page,
          "<details class=\"help\"><summary>%s</summary><p>%s</p></details>\n",
          _ ("What does this mean?"), shown);
}

/* The page for one question, with the answer given before (or typed, when
 * it was not understood) filled in. */
static void
question_page (Page *page, SoupServerMessage *message, guint fact,
               const char *previous, const char *problem)
{
  g_autofree char *title = penal_screen_question_title (page->screen, fact);
  g_autofree char *shown_title = g_markup_escape_text (title, -1);
  const char *help = penal_screen_help (page->screen, fact);
  PenalQuestionKind kind = penal_screen_question_kind (page->screen, fact);
  gboolean dont_know = g_strcmp0 (previous, PENAL_SCREEN_DONT_KNOW) == 0;
  const char *described
      = problem != NULL ? " aria-describedby=\"problem\"" : "";

  page->at = penal_model_get_fact_name (page->model, fact);
  page_begin (page, title);
  append (page, "<form method=\"post\" action=\"/interview\" "
                "class=\"question\">\n");
  append_state (page, TRUE);
  append (page, "<input type=\"hidden\" name=\"fact\" value=\"%s\">\n",
          page->at);
  if (problem != NULL)
    {
      g_autofree char *shown = g_markup_escape_text (problem, -1);
      append (page,
              "<p class=\"problem\" id=\"problem\" role=\"alert\">%s %s</p>\n",
              _ ("That answer was not understood:"), shown);
    }

  if (kind == PENAL_QUESTION_CHOICE || kind == PENAL_QUESTION_YES_NO)
    {
      append (page, "<fieldset%s>\n<legend><h1>%s</h1></legend>\n", described,
              shown_title);
      append_help (page, help);
      if (kind == PENAL_QUESTION_CHOICE)
        for (guint i = 0; i < penal_screen_get_n_choices (page->screen, fact);
             i++)
          {
            g_autofree char *label
                = penal_screen_choice_label (page->screen, fact, i);
            const char *value
                = penal_screen_choice_value (page->screen, fact, i);

            append_radio (
                page, i, value, label,
                penal_screen_choice_description (page->screen, fact, i),
                g_strcmp0 (previous, value) == 0);
          }
      else
        {
          append_radio (page, 0, "yes", _ ("Yes"), NULL,
                        g_strcmp0 (previous, "yes") == 0);
          append_radio (page, 1, "no", _ ("No"), NULL,
                        g_strcmp0 (previous, "no") == 0);
        }
      append_radio (page, 99, PENAL_SCREEN_DONT_KNOW, _ ("I don't know"), NULL,
                    dont_know);
      append (page, "</fieldset>\n");
    }
  else
    {
      const char *hint
          = kind == PENAL_QUESTION_DATE
                ? _ ("Write the date as YYYY-MM-DD, for example 2024-03-15.")
                : _ ("Write the number with digits, for example 30.");
      g_autofree char *value = g_markup_escape_text (
          previous != NULL && !dont_know ? previous : "", -1);

      append (page, "<h1><label for=\"answer\">%s</label></h1>\n", shown_title);
      append_help (page, help);
      append (page, "<p class=\"hint\" id=\"hint\">%s</p>\n", hint);
      append (page,
              "<input type=\"text\" id=\"answer\" name=\"value\" "
              "value=\"%s\" autocomplete=\"off\" spellcheck=\"false\" "
              "inputmode=\"%s\" aria-describedby=\"hint%s\"%s>\n",
              value, kind == PENAL_QUESTION_DATE ? "text" : "numeric",
              problem != NULL ? " problem" : "",
              problem != NULL ? " aria-invalid=\"true\"" : "");
    }

  /* The first button is the one Enter presses. */
  append (page,
          "<div class=\"actions\">\n<button type=\"submit\" "
          "name=\"action\" value=\"answer\" class=\"primary\">%s"
          "</button>\n",
          _ ("Next"));
  if (kind == PENAL_QUESTION_NUMBER || kind == PENAL_QUESTION_DATE)
    append (page,
            "<button type=\"submit\" name=\"action\" value=\"dont-know\">%s"
            "</button>\n",
            _ ("I don't know"));
  if (penal_screen_get_n_answers (page->screen) > 0)
    append (page,
            "<button type=\"submit\" name=\"action\" value=\"back\">%s"
            "</button>\n",
            _ ("Back"));
  append (page, "<a href=\"/?lang=%s\" class=\"start-over\">%s</a>\n</div>\n",
          page->language, _ ("Start over"));
  append (page, "</form>\n");
  page_end (page, message,
            problem != NULL ? SOUP_STATUS_UNPROCESSABLE_ENTITY
                            : SOUP_STATUS_OK);
}

/* ------------------------------------------------------------------ */
/* The recap and the result                                             */

static void
append_answers (Page *page, gboolean with_change)
{
  append (page, "<dl class=\"answers\">\n");
  for (guint i = 0; i < penal_screen_get_n_answers (page->screen); i++)
    {
      guint fact = penal_screen_get_answer_fact (page->screen, i);
      g_autofree char *answer = penal_screen_answer_text (page->screen, fact);
      g_autofree char *question = NULL;
      g_autofree char *shown_question = NULL;
      g_autofree char *shown_answer = NULL;

      if (answer == NULL)
        continue;
      question = penal_screen_question_title (page->screen, fact);
      shown_question = g_markup_escape_text (question, -1);
      shown_answer = g_markup_escape_text (answer, -1);
      append (page, "<div class=\"answer\"><dt>%s</dt><dd>%s", shown_question,
              shown_answer);
      if (with_change)
        append (page,
                " <button type=\"submit\" name=\"action\" "
                "value=\"change:%s\" class=\"change\">%s<span "
                "class=\"visually-hidden\">: %s</span></button>",
                penal_model_get_fact_name (page->model, fact), _ ("Change"),
                shown_question);
      append (page, "</dd></div>\n");
    }
  append (page, "</dl>\n");
}

static void
recap_page (Page *page, SoupServerMessage *message)
{
  page->at = "recap";
  page_begin (page, _ ("Check your answers"));
  append (page, "<h1>%s</h1>\n<p>%s</p>\n", _ ("Check your answers"),
          _ ("Change any answer that is wrong, then see the result."));
  append (page, "<form method=\"post\" action=\"/interview\">\n");
  append_state (page, TRUE);
  append (page,
          "<div class=\"actions\">\n<button type=\"submit\" "
          "name=\"action\" value=\"result\" class=\"primary\">%s"
          "</button>\n</div>\n",
          _ ("See the result"));
  append_answers (page, TRUE);
  append (page,
          "<div class=\"actions\">\n<button type=\"submit\" "
          "name=\"action\" value=\"back\">%s</button>\n<a "
          "href=\"/?lang=%s\" class=\"start-over\">%s</a>\n</div>\n",
          _ ("Back"), page->language, _ ("Start over"));
  append (page, "</form>\n");
  page_end (page, message, SOUP_STATUS_OK);
}

static void
result_page (Page *page, SoupServerMessage *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *result = penal_screen_result_html (page->screen, &error);
  g_autofree char *today = penal_date_to_display (penal_date_today ());
  g_autofree char *shown_today = g_markup_escape_text (today, -1);

  if (result == NULL)
    {
      page->at = NULL;
      page_begin (page, _ ("Result"));
      append_escaped (page->html, error->message);
      page_end (page, message, SOUP_STATUS_INTERNAL_SERVER_ERROR);
      return;
    }
  page->at = "result";
  page_begin (page, _ ("Result"));
  append (page, "<h1>%s</h1>\n<p class=\"screened\">%s %s</p>\n",
          _ ("Result of the screening"), _ ("Screened on"), shown_today);
  append (page,
          "<section class=\"your-answers\" aria-labelledby=\"h-"
          "answers\"><h2 id=\"h-answers\">%s</h2>\n",
          _ ("Your answers"));
  append_answers (page, FALSE);
  append (page, "</section>\n");
  g_string_append (page->html, result);
  append (page, "<form method=\"post\" action=\"/interview\" "
                "class=\"after\">\n");
  append_state (page, TRUE);
  append (page,
          "<p class=\"print-hint\">%s</p>\n<div class=\"actions\">\n<button "
          "type=\"submit\" name=\"action\" value=\"recap\">%s</button>\n<a "
          "href=\"/?lang=%s\" class=\"start-over\">%s</a>\n</div>\n</form>\n",
          _ ("To keep a copy for the client's file, use the browser's Print "
             "command: the page prints as a clean record with the date, the "
             "answers, the result and the sources."),
          _ ("Change an answer"), page->language, _ ("Start over"));
  page_end (page, message, SOUP_STATUS_OK);
}

/* ------------------------------------------------------------------ */
/* Requests                                                             */

static gint
fact_index (const PenalModel *model, const char *name)
{
  for (guint f = 0; name != NULL && f < penal_model_get_n_facts (model); f++)
    if (g_str_equal (penal_model_get_fact_name (model, f), name))
      return (gint)f;
  return -1;
}

static void
bad_state_page (Page *page, SoupServerMessage *message)
{
  page->at = NULL;
  page_begin (page, _ ("Start again"));
  append (page, "<h1>%s</h1>\n<p>%s</p>\n<p><a href=\"/?lang=%s\">%s</a></p>\n",
          _ ("Start again"),
          _ ("The answers sent with this page could not be read."),
          page->language, _ ("Start over"));
  page_end (page, message, SOUP_STATUS_BAD_REQUEST);
}

/* The next page the interview calls for: a question, or the recap. */
static void
next_page (Page *page, SoupServerMessage *message)
{
  g_autoptr (GPtrArray) notes = penal_screen_drop_unread (page->screen);
  gint fact = penal_screen_next_fact (page->screen);

  if (fact >= 0)
    question_page (page, message, (guint)fact, NULL, NULL);
  else
    recap_page (page, message);
}

void
penal_server_page_start (const PenalModel *model, SoupServerMessage *message,
                         const char *language)
{
  g_autoptr (PenalScreen) screen = penal_screen_new (model);
  Page page = { model, screen, language, g_string_new (NULL), NULL };

  next_page (&page, message);
}

/* Replays the answers carried, applies the action asked for, and writes
 * the page that follows. */
void
penal_server_page_interview (const PenalModel *model,
                             SoupServerMessage *message, const char *language,
                             GHashTable *form, GPtrArray *answers)
{
  g_autoptr (PenalScreen) screen = penal_screen_new (model);
  Page page = { model, screen, language, g_string_new (NULL), NULL };
  const char *action = g_hash_table_lookup (form, "action");
  gint fact;

  for (guint i = 0; i < answers->len; i++)
    {
      const char *pair = g_ptr_array_index (answers, i);
      const char *equals = strchr (pair, '=');
      g_autofree char *name
          = equals != NULL ? g_strndup (pair, equals - pair) : NULL;
      gint index = fact_index (model, name);

      if (index < 0
          || !penal_screen_answer (screen, (guint)index, equals + 1, NULL))
        {
          bad_state_page (&page, message);
          return;
        }
    }
  if (action == NULL)
    action = "show";

  if (g_str_equal (action, "answer") || g_str_equal (action, "dont-know"))
    {
      const char *value = g_str_equal (action, "dont-know")
                              ? PENAL_SCREEN_DONT_KNOW
                              : g_hash_table_lookup (form, "value");
      g_autoptr (GError) error = NULL;

      fact = fact_index (model, g_hash_table_lookup (form, "fact"));
      if (fact < 0)
        {
          bad_state_page (&page, message);
          return;
        }
      if (value == NULL)
        {
          question_page (&page, message, (guint)fact, NULL,
                         _ ("no answer was chosen; choose one, or “I don't "
                            "know”."));
          return;
        }
      if (!penal_screen_answer (screen, (guint)fact, value, &error))
        {
          g_autofree char *problem = g_strdup_printf ("%s.", error->message);
          question_page (&page, message, (guint)fact, value, problem);
          return;
        }
      next_page (&page, message);
      return;
    }
  if (g_str_equal (action, "back"))
    {
      guint n = penal_screen_get_n_answers (screen);
      g_autofree char *previous = NULL;

      if (n == 0)
        {
          next_page (&page, message);
          return;
        }
      fact = (gint)penal_screen_get_answer_fact (screen, n - 1);
      previous = penal_screen_answer_value (screen, (guint)fact);
      penal_screen_back (screen);
      question_page (&page, message, (guint)fact, previous, NULL);
      return;
    }
  if (g_str_has_prefix (action, "change:"))
    {
      g_autofree char *previous = NULL;

      fact = fact_index (model, action + strlen ("change:"));
      if (fact < 0)
        {
          bad_state_page (&page, message);
          return;
        }
      previous = penal_screen_answer_value (screen, (guint)fact);
      question_page (&page, message, (guint)fact, previous, NULL);
      return;
    }
  {
    g_autoptr (GPtrArray) notes = penal_screen_drop_unread (screen);
    const char *at = g_hash_table_lookup (form, "at");
    gboolean complete = penal_screen_next_fact (screen) < 0;

    if (g_str_equal (action, "result") && complete)
      result_page (&page, message);
    else if (g_str_equal (action, "show") && g_strcmp0 (at, "result") == 0
             && complete)
      result_page (&page, message);
    else if (g_str_equal (action, "show") && fact_index (model, at) >= 0)
      {
        g_autofree char *previous = NULL;

        fact = fact_index (model, at);
        previous = penal_screen_answer_value (screen, (guint)fact);
        question_page (&page, message, (guint)fact, previous, NULL);
      }
    else
      next_page (&page, message);
  }
}
