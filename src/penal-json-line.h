/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-json-line.h: one line of JSON Lines as a caseload must read it
 * (penal-json-line.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A member of the line's object, as written: its name decoded, its value
 * as text (a string decoded; a number, object or array as written; true
 * and false as yes and no), NULL for null. */
typedef struct
{
  char *name;
  char *value;
} PenalJsonMember;

G_GNUC_INTERNAL void penal_json_member_clear (PenalJsonMember *member);
G_GNUC_INTERNAL GArray *penal_json_line_members (const char *text,
                                                 gsize length);
G_GNUC_INTERNAL const char *penal_json_line_problem (const char *text,
                                                     gsize length);

G_END_DECLS
