/* penal-screen.h: the guided screening interview: which question to ask
 * next, how an answer is read, and the result in plain words. */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "penal-facts.h"
#include "penal-model.h"

G_BEGIN_DECLS

typedef struct _PenalScreen PenalScreen;

/* The answer that means "I don't know", in any language. */
#define PENAL_SCREEN_DONT_KNOW "?"

PenalScreen *penal_screen_new            (const PenalModel *model);
void         penal_screen_free           (PenalScreen      *screen);

gboolean     penal_screen_prefill        (PenalScreen      *screen,
                                          const char       *assignment,
                                          GError          **error);
gint         penal_screen_next_fact      (PenalScreen      *screen);
char        *penal_screen_question       (PenalScreen      *screen,
                                          guint             fact);
char        *penal_screen_allowed        (PenalScreen      *screen,
                                          guint             fact);
gboolean     penal_screen_answer         (PenalScreen      *screen,
                                          guint             fact,
                                          const char       *answer,
                                          GError          **error);

gboolean     penal_screen_interview      (PenalScreen      *screen,
                                          FILE             *in,
                                          FILE             *prompts,
                                          gboolean          interactive);

char        *penal_screen_result_text    (PenalScreen      *screen,
                                          GError          **error);
char        *penal_screen_result_json    (PenalScreen      *screen,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalScreen, penal_screen_free)

G_END_DECLS
