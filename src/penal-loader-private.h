/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-loader-private.h: what the parts of the loader share: the document
 * being read, the helpers that read elements and attributes
 * (penal-loader-element.c), and the statute builders
 * (penal-loader-statute.c).  Inside the library only. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "penal-model-private.h"

G_BEGIN_DECLS

/* One loaded document, the name it is reported under, and the model's
 * strings, where what it says is kept. */
typedef struct
{
  const char *file;
  xmlDoc *doc;
  GStringChunk *strings;
} LoadedDoc;

G_GNUC_INTERNAL char *penal_loader_attr (xmlNode *node, const char *name);
G_GNUC_INTERNAL gboolean penal_loader_is_element (xmlNode *node,
                                                  const char *name);
G_GNUC_INTERNAL xmlNode *penal_loader_child (xmlNode *node, const char *name);
G_GNUC_INTERNAL const char *penal_loader_keep (const LoadedDoc *loaded,
                                               char *text);
G_GNUC_INTERNAL const char *penal_loader_keep_attr (const LoadedDoc *loaded,
                                                    xmlNode *node,
                                                    const char *name);
G_GNUC_INTERNAL const char *penal_loader_keep_text (const LoadedDoc *loaded,
                                                    xmlNode *node);
G_GNUC_INTERNAL const char *
penal_loader_keep_child_text (const LoadedDoc *loaded, xmlNode *node,
                              const char *name);
G_GNUC_INTERNAL int penal_loader_line_of (xmlNode *node);
G_GNUC_INTERNAL gboolean penal_loader_invalid (GError **error, const char *file,
                                               xmlNode *node,
                                               const char *format, ...)
    G_GNUC_PRINTF (4, 5);
G_GNUC_INTERNAL gboolean penal_loader_parse_date_attr (
    const LoadedDoc *loaded, xmlNode *node, const char *name, gint64 open_value,
    gint64 *out_julian, GError **error);
G_GNUC_INTERNAL void penal_loader_sort_by_start (GPtrArray *dated_versions);
G_GNUC_INTERNAL gboolean penal_loader_parse_duration (const LoadedDoc *loaded,
                                                      xmlNode *node,
                                                      const char *name,
                                                      PenalDuration *duration,
                                                      GError **error);
G_GNUC_INTERNAL gboolean penal_loader_parse_usd (xmlNode *node,
                                                 const char *name,
                                                 gint64 *out_usd);
G_GNUC_INTERNAL gboolean penal_loader_resolve_sources (PenalModel *model,
                                                       const LoadedDoc *loaded,
                                                       xmlNode *node,
                                                       GPtrArray **out_sources,
                                                       GError **error);
G_GNUC_INTERNAL PenalBasis penal_loader_basis (xmlNode *node);
G_GNUC_INTERNAL gboolean penal_loader_read_dated (PenalModel *model,
                                                  const LoadedDoc *loaded,
                                                  xmlNode *node,
                                                  PenalDated *dated,
                                                  GError **error);
G_GNUC_INTERNAL gboolean penal_loader_build_offense (PenalModel *model,
                                                     const LoadedDoc *loaded,
                                                     xmlNode *node,
                                                     GError **error);

G_END_DECLS
