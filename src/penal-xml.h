/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-xml.h: the XML boundary (penal-xml.c), inside the library only. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "penal.h"

G_BEGIN_DECLS

/* Where the bundled statutes and the schema are kept in the GResource. */
#define PENAL_XML_RESOURCE_DIR "/org/penal/statutes"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* xmlChar strings are freed with xmlFree, not g_free. */
typedef xmlChar PenalXmlString;
static inline void
penal_xml_string_free (PenalXmlString *s)
{
  xmlFree (s);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalXmlString, penal_xml_string_free)

G_GNUC_INTERNAL void penal_xml_ensure_resources (void);
G_GNUC_INTERNAL char *penal_xml_read_file (const char *file, gsize max_size,
                                           gsize *out_length, GError **error);
G_GNUC_INTERNAL xmlDoc *penal_xml_parse (const char *file, const char *data,
                                         gsize length, GError **error);

G_END_DECLS
