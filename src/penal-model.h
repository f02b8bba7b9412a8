/* penal-model.h: the statute model: facts, offenses, versions, penalties. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PenalModel PenalModel;

#define PENAL_MODEL_ERROR (penal_model_error_quark ())

/* Errors found while loading statute files.  Every message starts with
 * FILE:LINE: so the reader can go straight to the problem. */
typedef enum
{
  PENAL_MODEL_ERROR_NOT_FOUND,    /* a file or directory is missing */
  PENAL_MODEL_ERROR_IO,           /* it could not be read */
  PENAL_MODEL_ERROR_TOO_LARGE,    /* over the size cap */
  PENAL_MODEL_ERROR_ENCODING,     /* not UTF-8 */
  PENAL_MODEL_ERROR_MALFORMED,    /* not well-formed XML */
  PENAL_MODEL_ERROR_FORBIDDEN,    /* a DOCTYPE, entity or other refused construct */
  PENAL_MODEL_ERROR_SCHEMA,       /* does not follow statutes/penal.rng */
  PENAL_MODEL_ERROR_INVALID,      /* a reference, date or value is wrong */
  PENAL_MODEL_ERROR_UNSOUND,      /* a rule table has a gap or an overlap */
  PENAL_MODEL_ERROR_FAILED,
} PenalModelError;

/* Statute files larger than this are refused before they are parsed. */
#define PENAL_MODEL_MAX_FILE_SIZE (1024 * 1024)

GQuark       penal_model_error_quark       (void);

PenalModel  *penal_model_load_bundled      (GError     **error);
PenalModel  *penal_model_load_directory    (const char  *directory,
                                            GError     **error);
PenalModel  *penal_model_load_files        (const char * const *paths,
                                            GError     **error);
PenalModel  *penal_model_load_from_data    (const char  *name,
                                            const char  *data,
                                            gsize        length,
                                            GError     **error);
void         penal_model_free              (PenalModel  *model);

const char  *penal_model_get_jurisdiction  (const PenalModel *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PenalModel, penal_model_free)

G_END_DECLS
