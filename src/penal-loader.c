/* SPDX-License-Identifier: GPL-3.0-or-later */
/* penal-loader.c: statute elements turned into the model.
 *
 * Documents come from penal-xml.c well-formed and valid against
 * statutes/penal.rng; this file reads their elements into the model, in
 * passes so that files may refer to each other's facts, sources and penalty
 * tables in any order, and hands the result to penal-link.c.  What the
 * schema cannot say (dates that exist, ranges in order, references that
 * resolve) is checked here, and every error names FILE:LINE. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <string.h>

#include "penal-charges.h"
#include "penal-facts.h"
#include "penal-loader-private.h"
#include "penal-model-private.h"
#include "penal-tree.h"
#include "penal-xml.h"

/* ------------------------------------------------------------------ */
/* Building the model                                                   */

/* A source's date: a year, or a calendar date. */
static gboolean
valid_source_date (const char *date)
{
  gint64 day;

  if (date == NULL)
    return TRUE;
  if (strlen (date) == 4)
    return strspn (date, "0123456789") == 4;
  return penal_date_parse (date, &day);
}

static gboolean
build_source (PenalModel *model, const LoadedDoc *loaded, xmlNode *node,
              GError **error)
{
  PenalSource *source = g_new0 (PenalSource, 1);

  source->id = penal_loader_keep_attr (loaded, node, "id");
  source->citation = penal_loader_keep_attr (loaded, node, "citation");
  source->label = penal_loader_keep_attr (loaded, node, "label");
  source->url = penal_loader_keep_attr (loaded, node, "url");
  source->date = penal_loader_keep_attr (loaded, node, "date");
  source->basis = penal_loader_basis (node);
  source->description = penal_loader_keep_text (loaded, node);
  if (!valid_source_date (source->date))
    {
      penal_loader_invalid (error, loaded->file, node,
                            _ ("date=\"%s\" is neither a year nor a calendar "
                               "date (YYYY-MM-DD)"),
                            source->date);
      g_free (source);
      return FALSE;
    }
  if (g_hash_table_contains (model->sources, source->id))
    {
      penal_loader_invalid (error, loaded->file, node,
                            _ ("source “%s” is declared twice"), source->id);
      g_free (source);
      return FALSE;
    }
  g_hash_table_insert (model->sources, (gpointer)source->id, source);
  return TRUE;
}

static gboolean
build_resource (PenalModel *model, const LoadedDoc *loaded, xmlNode *node,
                GError **error)
{
  const char *id = penal_loader_keep_attr (loaded, node, "id");
  PenalResource *resource;

  if (penal_model_named (model, "resource", id) != NULL)
    return penal_loader_invalid (error, loaded->file, node,
                                 _ ("resource “%s” is declared twice"), id);
  resource = g_new0 (PenalResource, 1);
  resource->id = id;
  resource->title = penal_loader_keep_child_text (loaded, node, "title");
  resource->phone = penal_loader_keep_attr (loaded, node, "phone");
  resource->url = penal_loader_keep_attr (loaded, node, "url");
  resource->basis = penal_loader_basis (node);
  resource->description
      = penal_loader_keep_child_text (loaded, node, "description");
  resource->file = loaded->file;
  resource->line = penal_loader_line_of (node);
  g_ptr_array_add (model->resources, resource);
  penal_model_name (model, "resource", resource->id, resource);
  return penal_loader_resolve_sources (model, loaded, node, &resource->sources,
                                       error);
}

static gboolean
build_fact (PenalModel *model, const LoadedDoc *loaded, xmlNode *node,
            GError **error)
{
  g_autofree char *type = penal_loader_attr (node, "type");
  PenalFactDecl *decl = g_new0 (PenalFactDecl, 1);

  decl->name = penal_loader_keep_attr (loaded, node, "name");
  decl->label = penal_loader_keep_child_text (loaded, node, "label");
  decl->question = penal_loader_keep_child_text (loaded, node, "question");
  decl->help = penal_loader_keep_child_text (loaded, node, "help");
  decl->file = loaded->file;
  decl->line = penal_loader_line_of (node);

  if (g_hash_table_contains (model->fact_index, decl->name))
    {
      penal_loader_invalid (error, loaded->file, node,
                            _ ("fact “%s” is declared twice (offense and "
                               "offense_date are built in)"),
                            decl->name);
      penal_fact_decl_free (decl);
      return FALSE;
    }

  if (g_str_equal (type, "integer"))
    {
      g_autofree char *min = penal_loader_attr (node, "min");
      g_autofree char *max = penal_loader_attr (node, "max");
      decl->type = PENAL_FACT_TYPE_INTEGER;
      /* The schema guarantees integers; the range keeps arithmetic on
       * domain bounds (max + 1) from overflowing. */
      if (!g_ascii_string_to_signed (min, 10, -1000000000, 1000000000,
                                     &decl->min, NULL)
          || !g_ascii_string_to_signed (max, 10, -1000000000, 1000000000,
                                        &decl->max, NULL)
          || decl->min > decl->max)
        {
          penal_loader_invalid (
              error, loaded->file, node,
              _ ("fact “%s”: min and max must be whole numbers between "
                 "-1000000000 and 1000000000, with min ≤ max"),
              decl->name);
          penal_fact_decl_free (decl);
          return FALSE;
        }
    }
  else if (g_str_equal (type, "boolean"))
    {
      decl->type = PENAL_FACT_TYPE_BOOLEAN;
      decl->min = 0;
      decl->max = 1;
    }
  else
    {
      g_autofree char *values = penal_loader_attr (node, "values");
      decl->type = PENAL_FACT_TYPE_ENUM;
      decl->values = g_strsplit (values, " ", -1);
      decl->min = 0;
      decl->max = (gint64)g_strv_length (decl->values) - 1;
      for (guint i = 0; decl->values[i] != NULL; i++)
        for (guint j = 0; j < i; j++)
          if (g_str_equal (decl->values[i], decl->values[j]))
            {
              penal_loader_invalid (error, loaded->file, node,
                                    _ ("fact “%s”: value “%s” is listed twice"),
                                    decl->name, decl->values[i]);
              penal_fact_decl_free (decl);
              return FALSE;
            }
    }

  g_ptr_array_add (model->facts, decl);
  g_hash_table_insert (model->fact_index, (gpointer)decl->name,
                       GUINT_TO_POINTER (model->facts->len));
  return TRUE;
}

static gboolean
build_class_penalty (const LoadedDoc *loaded, PenalEra *era, xmlNode *node,
                     GError **error)
{
  g_autofree char *code = penal_loader_attr (node, "code");
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  PenalClassPenalty *p;
  PenalClass klass;
  xmlNode *imprisonment = penal_loader_child (node, "imprisonment");
  xmlNode *county_jail = penal_loader_child (node, "county-jail");
  xmlNode *fine = penal_loader_child (node, "fine");
  xmlNode *gain = penal_loader_child (node, "gain-alternative");
  g_autofree char *life = NULL;

  penal_class_from_code (code, &klass); /* the schema lists the codes */
  if (era->classes[klass] != NULL)
    return penal_loader_invalid (error, loaded->file, node,
                                 _ ("class %s appears twice in era %s"), code,
                                 era->dated.id);

  p = g_new0 (PenalClassPenalty, 1);
  p->klass = klass;
  p->line = penal_loader_line_of (node);
  p->notes = g_steal_pointer (&notes);
  era->classes[klass] = p;

  penal_loader_parse_duration (loaded, imprisonment, "min",
                               &p->imprisonment_min, error);
  penal_loader_parse_duration (loaded, imprisonment, "max",
                               &p->imprisonment_max, error);
  life = penal_loader_attr (imprisonment, "life");
  p->life
      = life != NULL && (g_str_equal (life, "true") || g_str_equal (life, "1"));
  p->imprisonment_citation
      = penal_loader_keep_attr (loaded, imprisonment, "citation");
  p->imprisonment_basis = penal_loader_basis (imprisonment);
  if (p->imprisonment_min.iso != NULL && p->imprisonment_max.iso == NULL
      && !p->life)
    return penal_loader_invalid (
        error, loaded->file, imprisonment,
        _ ("a minimum term needs a maximum term or life=\"true\""));

  if (county_jail != NULL)
    {
      penal_loader_parse_duration (loaded, county_jail, "max",
                                   &p->county_jail_max, error);
      p->county_jail_citation
          = penal_loader_keep_attr (loaded, county_jail, "citation");
      p->county_jail_basis = penal_loader_basis (county_jail);
    }

  penal_loader_parse_usd (fine, "max-usd", &p->fine_max_usd);
  p->fine_citation = penal_loader_keep_attr (loaded, fine, "citation");
  p->fine_basis = penal_loader_basis (fine);

  p->gain_cap_usd = -1;
  if (gain != NULL)
    {
      g_autofree char *multiple = penal_loader_attr (gain, "multiple");
      guint64 m = g_ascii_strtoull (multiple, NULL, 10);
      if (m == 0 || m > 100)
        return penal_loader_invalid (
            error, loaded->file, gain,
            _ ("multiple=\"%s\" must be a whole number from 1 to 100"),
            multiple);
      p->gain_multiple = (guint)m;
      penal_loader_parse_usd (gain, "cap-usd", &p->gain_cap_usd);
      p->gain_citation = penal_loader_keep_attr (loaded, gain, "citation");
      p->gain_basis = penal_loader_basis (gain);
    }

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (penal_loader_is_element (c, "note"))
      {
        PenalNote *note = g_new0 (PenalNote, 1);
        note->citation = penal_loader_keep_attr (loaded, c, "citation");
        note->text = penal_loader_keep_text (loaded, c);
        g_ptr_array_add (p->notes, note);
      }
  return TRUE;
}

static gboolean
build_penalties (PenalModel *model, const LoadedDoc *loaded, xmlNode *node,
                 GError **error)
{
  const char *id = penal_loader_keep_attr (loaded, node, "id");
  PenalPenalties *penalties;

  if (penal_model_named (model, "penalties", id) != NULL)
    return penal_loader_invalid (error, loaded->file, node,
                                 _ ("penalty table “%s” is declared twice"),
                                 id);
  penalties = g_new0 (PenalPenalties, 1);
  penalties->id = id;
  penalties->title = penal_loader_keep_child_text (loaded, node, "title");
  penalties->eras
      = g_ptr_array_new_with_free_func ((GDestroyNotify)penal_era_free);
  penalties->file = loaded->file;
  penalties->line = penal_loader_line_of (node);
  g_ptr_array_add (model->penalties, penalties);
  penal_model_name (model, "penalties", penalties->id, penalties);

  for (xmlNode *e = node->children; e != NULL; e = e->next)
    {
      PenalEra *era;

      if (!penal_loader_is_element (e, "era"))
        continue;
      era = g_new0 (PenalEra, 1);
      g_ptr_array_add (penalties->eras, era);
      if (!penal_loader_read_dated (model, loaded, e, &era->dated, error))
        return FALSE;
      if (era->dated.effective.to != era->dated.effective.to_earliest)
        return penal_loader_invalid (
            error, loaded->file, e,
            _ ("era %s: only the start of a penalty era may be uncertain "
               "(from and from-latest); give its end with to"),
            era->dated.id);
      if (era->dated.effective.from != era->dated.effective.from_latest
          && era->dated.uncertain == NULL)
        return penal_loader_invalid (
            error, loaded->file, e,
            _ ("era %s has an uncertain start date but no <uncertain> "
               "element saying why"),
            era->dated.id);
      for (xmlNode *c = e->children; c != NULL; c = c->next)
        if (penal_loader_is_element (c, "class")
            && !build_class_penalty (loaded, era, c, error))
          return FALSE;
    }

  /* Eras must follow each other day by day. */
  penal_loader_sort_by_start (penalties->eras);
  for (guint i = 1; i < penalties->eras->len; i++)
    {
      PenalEra *prev = g_ptr_array_index (penalties->eras, i - 1);
      PenalEra *era = g_ptr_array_index (penalties->eras, i);
      if (prev->dated.effective.to == PENAL_DATE_OPEN_END)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                       _ ("%s:%d: era %s cannot follow era %s, which has no "
                          "end date: eras may neither overlap nor leave a gap"),
                       era->dated.file, era->dated.line, era->dated.id,
                       prev->dated.id);
          return FALSE;
        }
      if (era->dated.effective.from != era->dated.effective.from_latest)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                       _ ("%s:%d: era %s: only the earliest era may have an "
                          "uncertain start"),
                       era->dated.file, era->dated.line, era->dated.id);
          return FALSE;
        }
      if (era->dated.effective.from != prev->dated.effective.to + 1)
        {
          g_autofree char *day = penal_date_to_iso (
              MIN (prev->dated.effective.to + 1, PENAL_DATE_OPEN_END - 1));
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_INVALID,
                       _ ("%s:%d: era %s must start the day after era %s ends "
                          "(%s): eras may neither overlap nor leave a gap"),
                       era->dated.file, era->dated.line, era->dated.id,
                       prev->dated.id, day);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
build_from_documents (PenalModel *model, GArray *docs, GError **error)
{
  /* Pass 1: sources and facts; pass 2: penalty tables and resources;
   * pass 3: offenses, enhancements and programs, which refer to all of
   * those. */
  for (guint pass = 1; pass <= 3; pass++)
    for (guint d = 0; d < docs->len; d++)
      {
        LoadedDoc *loaded = &g_array_index (docs, LoadedDoc, d);
        xmlNode *root = xmlDocGetRootElement (loaded->doc);

        if (pass == 1)
          {
            g_autofree char *jurisdiction
                = penal_loader_attr (root, "jurisdiction");
            if (jurisdiction != NULL && model->jurisdiction == NULL)
              model->jurisdiction
                  = g_string_chunk_insert_const (model->strings, jurisdiction);
            else if (jurisdiction != NULL
                     && !g_str_equal (jurisdiction, model->jurisdiction))
              return penal_loader_invalid (
                  error, loaded->file, root,
                  _ ("jurisdiction=\"%s\" differs from “%s” in the other "
                     "files; load one jurisdiction at a time"),
                  jurisdiction, model->jurisdiction);
          }

        for (xmlNode *node = root->children; node != NULL; node = node->next)
          {
            gboolean ok = TRUE;

            if (node->type != XML_ELEMENT_NODE)
              continue;
            if (pass == 1 && penal_loader_is_element (node, "source"))
              ok = build_source (model, loaded, node, error);
            else if (pass == 1 && penal_loader_is_element (node, "fact"))
              ok = build_fact (model, loaded, node, error);
            else if (pass == 2 && penal_loader_is_element (node, "penalties"))
              ok = build_penalties (model, loaded, node, error);
            else if (pass == 3 && penal_loader_is_element (node, "offense"))
              ok = penal_loader_build_offense (model, loaded, node, error);
            else if (pass == 3
                     && (penal_loader_is_element (node, "enhancement")
                         || penal_loader_is_element (node, "program")))
              ok = penal_loader_build_offense (model, loaded, node, error);
            else if (pass == 2 && penal_loader_is_element (node, "resource"))
              ok = build_resource (model, loaded, node, error);
            if (!ok)
              return FALSE;
          }
      }
  if (model->jurisdiction == NULL)
    model->jurisdiction = "";
  {
    const LoadedDoc *last = &g_array_index (docs, LoadedDoc, docs->len - 1);
    return penal_link_model (
        model, last->file,
        penal_loader_line_of (xmlDocGetRootElement (last->doc)), error);
  }
}

static void
loaded_doc_clear (LoadedDoc *loaded)
{
  g_clear_pointer (&loaded->doc, xmlFreeDoc);
}

/* Loads named in-memory documents (name, data, length triples); the
 * rules' charge codes are looked up in charges (transfer full), or in the
 * bundled table when it is NULL. */
static PenalModel *
load_documents (GPtrArray *names, GPtrArray *contents, GArray *lengths,
                PenalCharges *charges, GError **error)
{
  g_autoptr (PenalModel) model = penal_model_new ();
  g_autoptr (GArray) docs = g_array_new (FALSE, TRUE, sizeof (LoadedDoc));

  model->charges = charges;
  g_array_set_clear_func (docs, (GDestroyNotify)loaded_doc_clear);
  for (guint i = 0; i < names->len; i++)
    {
      LoadedDoc loaded;

      /* File names come from the command line: every message shows
       * them escaped. */
      g_autofree char *shown
          = penal_escape_untrusted (g_ptr_array_index (names, i));

      loaded.file = g_string_chunk_insert_const (model->strings, shown);
      loaded.strings = model->strings;
      loaded.doc
          = penal_xml_parse (loaded.file, g_ptr_array_index (contents, i),
                             g_array_index (lengths, gsize, i), error);
      if (loaded.doc == NULL)
        return NULL;
      g_array_append_val (docs, loaded);
    }
  if (!build_from_documents (model, docs, error))
    return NULL;
  return g_steal_pointer (&model);
}

/* A set holds at most PENAL_MODEL_MAX_FILES files; where names the set
 * (a directory) or the first file past the cap, as shown. */
static void
set_too_many_files (const char *where, GError **error)
{
  g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE,
               _ ("%s: more than %d statute files; penal reads at most %d in "
                  "one set"),
               where, PENAL_MODEL_MAX_FILES, PENAL_MODEL_MAX_FILES);
}

static PenalModel *
load_files (const char *const *paths, PenalCharges *charges, GError **error)
{
  g_autoptr (GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  gsize total = 0;

  g_return_val_if_fail (paths != NULL, NULL);

  if (g_strv_length ((char **)paths) > PENAL_MODEL_MAX_FILES)
    {
      g_autofree char *shown
          = penal_escape_untrusted (paths[PENAL_MODEL_MAX_FILES]);

      set_too_many_files (shown, error);
      penal_charges_free (charges);
      return NULL;
    }
  for (guint i = 0; paths[i] != NULL; i++)
    {
      gsize length = 0;
      gsize left = PENAL_MODEL_MAX_SET_SIZE - total;
      g_autoptr (GError) local_error = NULL;
      char *data = penal_xml_read_file (paths[i],
                                        MIN (PENAL_MODEL_MAX_FILE_SIZE, left),
                                        &length, &local_error);

      /* A file under the file cap but over what the set has left: the
       * set is too large, whichever file tips it. */
      if (data == NULL && length <= PENAL_MODEL_MAX_FILE_SIZE
          && g_error_matches (local_error, PENAL_MODEL_ERROR,
                              PENAL_MODEL_ERROR_TOO_LARGE))
        {
          g_autofree char *shown = penal_escape_untrusted (paths[i]);

          g_clear_error (&local_error);
          g_set_error (&local_error, PENAL_MODEL_ERROR,
                       PENAL_MODEL_ERROR_TOO_LARGE,
                       _ ("%s: the statute files come to more than %d MiB "
                          "with this one; penal reads at most %d MiB in one "
                          "set"),
                       shown, PENAL_MODEL_MAX_SET_SIZE / (1024 * 1024),
                       PENAL_MODEL_MAX_SET_SIZE / (1024 * 1024));
        }
      if (data == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          penal_charges_free (charges);
          return NULL;
        }
      total += length;
      g_ptr_array_add (names, (gpointer)paths[i]);
      g_ptr_array_add (contents, data);
      g_array_append_val (lengths, length);
    }
  return load_documents (names, contents, lengths, charges, error);
}

PenalModel *
penal_model_load_files (const char *const *paths, GError **error)
{
  return load_files (paths, NULL, error);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* Every *.xml file in the directory, in name order; penal.rng, the
 * GResource manifest (*.gresource.xml) and other files are ignored, so a
 * copy of statutes/ works as it is. */
static PenalModel *
load_directory (const char *directory, PenalCharges *charges, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (directory != NULL, NULL);

  shown = penal_escape_untrusted (directory);

  dir = g_dir_open (directory, 0, &local_error);
  if (dir == NULL)
    {
      gboolean missing
          = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_set_error (error, PENAL_MODEL_ERROR,
                   missing ? PENAL_MODEL_ERROR_NOT_FOUND : PENAL_MODEL_ERROR_IO,
                   _ ("%s: cannot open the statutes directory: %s"), shown,
                   local_error->message);
      penal_charges_free (charges);
      return NULL;
    }
  /* Counted as listed: a directory of a million names is refused without
   * holding them all. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml")
        && !g_str_has_suffix (name, ".gresource.xml"))
      {
        if (paths->len == PENAL_MODEL_MAX_FILES)
          {
            set_too_many_files (shown, error);
            penal_charges_free (charges);
            return NULL;
          }
        g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
      }
  if (paths->len == 0)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_NOT_FOUND,
                   _ ("%s: the statutes directory has no .xml files"), shown);
      penal_charges_free (charges);
      return NULL;
    }
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);
  return load_files ((const char *const *)paths->pdata, charges, error);
}

PenalModel *
penal_model_load_directory (const char *directory, GError **error)
{
  return load_directory (directory, NULL, error);
}

static PenalModel *
load_bundled (PenalCharges *charges, GError **error)
{
  g_auto (GStrv) children = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) held
      = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr (GPtrArray) contents = g_ptr_array_new ();
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();

  penal_xml_ensure_resources ();
  children = g_resources_enumerate_children (PENAL_XML_RESOURCE_DIR, 0, NULL);
  if (children == NULL)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_FAILED,
                   _ ("the bundled statutes are missing from the program"));
      penal_charges_free (charges);
      return NULL;
    }
  for (guint i = 0; children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".xml"))
      g_ptr_array_add (sorted, children[i]);
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *child_name = g_ptr_array_index (sorted, i);
      g_autofree char *path
          = g_strconcat (PENAL_XML_RESOURCE_DIR "/", child_name, NULL);
      GBytes *bytes = g_resources_lookup_data (path, 0, NULL);

      if (bytes == NULL)
        {
          g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_FAILED,
                       _ ("the bundled statutes are missing from the program"));
          penal_charges_free (charges);
          return NULL;
        }
      /* Resource data is NUL-terminated, as the parser wants. */
      g_ptr_array_add (names, g_strconcat ("(bundled)/", child_name, NULL));
      g_ptr_array_add (contents, (gpointer)g_bytes_get_data (bytes, NULL));
      g_array_append_val (lengths, (gsize){ g_bytes_get_size (bytes) });
      g_ptr_array_add (held, bytes);
    }
  return load_documents (names, contents, lengths, charges, error);
}

PenalModel *
penal_model_load_bundled (GError **error)
{
  return load_bundled (NULL, error);
}

PenalModel *
penal_model_load_from_data (const char *name, const char *data, gsize length,
                            GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GPtrArray) contents = g_ptr_array_new ();
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));

  g_return_val_if_fail (name != NULL && data != NULL, NULL);

  if (length > PENAL_MODEL_MAX_FILE_SIZE)
    {
      g_set_error (error, PENAL_MODEL_ERROR, PENAL_MODEL_ERROR_TOO_LARGE,
                   _ ("%s:1: the file is larger than %d KiB; statute files are "
                      "small, so this is refused"),
                   name, PENAL_MODEL_MAX_FILE_SIZE / 1024);
      return NULL;
    }
  g_ptr_array_add (names, (gpointer)name);
  g_ptr_array_add (contents, (gpointer)data);
  g_array_append_val (lengths, length);
  return load_documents (names, contents, lengths, NULL, error);
}

/* The statutes named (the bundled ones when NULL; a directory, or one
 * file), with the charge-code table named (the bundled edition when
 * NULL). */
PenalModel *
penal_model_load_with_charges (const char *statutes, const char *charge_codes,
                               GError **error)
{
  PenalCharges *charges = NULL;

  if (charge_codes != NULL)
    {
      charges = penal_charges_load (charge_codes, error);
      if (charges == NULL)
        return NULL;
    }
  if (statutes == NULL)
    return load_bundled (charges, error);
  if (g_file_test (statutes, G_FILE_TEST_IS_DIR))
    return load_directory (statutes, charges, error);
  {
    const char *paths[] = { statutes, NULL };
    return load_files (paths, charges, error);
  }
}
