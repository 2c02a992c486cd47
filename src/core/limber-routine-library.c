/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "limber-routine-library.h"
#include "limber-routine-parser.h"
#include "limber-routine-private.h"

struct _LimberRoutineLibrary
{
  GObject parent_instance;

  char **dirs;
  GPtrArray *routines;          /* of LimberRoutine*, sorted by id */
  LimberFigureSet *figures;
  GPtrArray *errors;            /* of GError* */
};

static void limber_routine_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberRoutineLibrary, limber_routine_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      limber_routine_library_list_model_init))

/* What loading a list of folders produces. It is built without touching
 * the library, so that it can be built in a worker thread. */
typedef struct
{
  LimberFigureSet *figures;
  GPtrArray *candidates;        /* of Candidate*, in load order */
  GHashTable *by_id;            /* id → LimberRoutine*, the winners */
  GPtrArray *errors;            /* of GError* */
  GPtrArray *error_owners;      /* of char*: the file being loaded */
  GPtrArray *log;               /* of char*: replacements, logged later */

  /* For limber_routine_library_check_file() */
  const char *checked_path;
  LimberRoutine *checked_routine;
  LimberFigureSet *checked_figures;
} LoadState;

typedef struct
{
  LimberRoutine *routine;
  guint dir_index;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_object_unref (candidate->routine);
  g_free (candidate);
}

static LoadState *
load_state_new (void)
{
  LoadState *state = g_new0 (LoadState, 1);

  state->figures = limber_figure_set_new (NULL);
  state->candidates = g_ptr_array_new_with_free_func (candidate_free);
  state->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  state->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  state->error_owners = g_ptr_array_new_with_free_func (g_free);
  state->log = g_ptr_array_new_with_free_func (g_free);
  return state;
}

static void
load_state_free (LoadState *state)
{
  g_clear_pointer (&state->figures, limber_figure_set_unref);
  g_clear_pointer (&state->candidates, g_ptr_array_unref);
  g_clear_pointer (&state->by_id, g_hash_table_unref);
  g_clear_pointer (&state->errors, g_ptr_array_unref);
  g_clear_pointer (&state->error_owners, g_ptr_array_unref);
  g_clear_pointer (&state->log, g_ptr_array_unref);
  g_clear_object (&state->checked_routine);
  g_clear_pointer (&state->checked_figures, limber_figure_set_unref);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadState, load_state_free)

static void
add_error (LoadState  *state,
           const char *owner,
           GError     *error)
{
  g_ptr_array_add (state->errors, error);
  g_ptr_array_add (state->error_owners, g_strdup (owner));
}

typedef struct
{
  LoadState *state;
  const char *path;
} ReplacedData;

static void
figure_replaced_cb (const char *kind,
                    const char *name,
                    gpointer    user_data)
{
  ReplacedData *data = user_data;

  g_ptr_array_add (data->state->log,
                   g_strdup_printf ("figure %s “%s” from %s replaces an earlier one",
                                    kind, name, data->path));
}

static gboolean
is_checked_path (LoadState  *state,
                 const char *path)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (state->checked_path == NULL)
    return FALSE;
  a = g_canonicalize_filename (state->checked_path, NULL);
  b = g_canonicalize_filename (path, NULL);
  return g_str_equal (a, b);
}

/* Reads and parses one file of a folder: figures join the shared set at
 * once (later files may use them); routines wait to be resolved. */
static void
load_file (LoadState  *state,
           const char *path,
           guint       dir_index)
{
  g_autofree char *data = NULL;
  LimberParsedFile parsed = { 0 };
  GError *error = NULL;
  gsize length;

  if (!limber_routine_parser_read_file (path, &data, &length, &error)
      || !limber_routine_parser_parse (path, data, length, &parsed, &error))
    {
      add_error (state, path, error);
      return;
    }

  if (parsed.figures != NULL)
    {
      g_autoptr(LimberFigureSet) set = NULL;
      ReplacedData replaced = { state, path };

      set = limber_figure_set_new_from_file (parsed.figures, state->figures, &error);
      if (set == NULL)
        add_error (state, path, error);
      else
        {
          limber_figure_set_merge (state->figures, set, figure_replaced_cb, &replaced);
          if (is_checked_path (state, path))
            state->checked_figures = limber_figure_set_ref (set);
        }
    }
  else if (parsed.routine != NULL)
    {
      Candidate *candidate = g_new0 (Candidate, 1);

      candidate->routine = g_object_ref (parsed.routine);
      candidate->dir_index = dir_index;
      g_ptr_array_add (state->candidates, candidate);
    }

  limber_parsed_file_clear (&parsed);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Loads the *.xml files of @dir in name order. A folder that does not
 * exist is simply empty: the user's usually does not. */
static void
load_dir (LoadState  *state,
          const char *dir,
          guint       dir_index)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &error);
  if (handle == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          GError *dir_error = NULL;

          limber_routine_set_error (&dir_error, dir, (LimberSourcePos) { 0, 0 },
                                    LIMBER_ROUTINE_ERROR_IO,
                                    _("Cannot read the routines folder: %s"), error->message);
          add_error (state, dir, dir_error);
        }
      return;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      /* Hidden files are editors' backups and lock files. */
      if (name[0] == '.' || !g_str_has_suffix (name, ".xml"))
        continue;
      if (names->len >= LIMBER_ROUTINE_LIBRARY_MAX_FILES)
        {
          GError *limit_error = NULL;

          limber_routine_set_error (&limit_error, dir, (LimberSourcePos) { 0, 0 },
                                    LIMBER_ROUTINE_ERROR_LIMIT,
                                    _("Expected at most %d files in a routines folder, found "
                                      "more: the rest are not read"),
                                    LIMBER_ROUTINE_LIBRARY_MAX_FILES);
          add_error (state, dir, limit_error);
          break;
        }
      g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      /* The file being checked is read under the name it was given. */
      if (!is_checked_path (state, path))
        load_file (state, path, dir_index);
    }
}

/* Finds the file a routine's <figures src="…"/> names, making sure that it
 * is inside the routine's folder even after following symbolic links. */
static char *
resolve_include (LimberRoutine  *routine,
                 const char     *src,
                 LimberSourcePos pos,
                 char          **out_real,
                 GError        **error)
{
  const char *path = limber_routine_get_path (routine);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *candidate = g_build_filename (folder, src, NULL);
  char *real_folder = realpath (folder, NULL);
  char *real = NULL;
  int saved_errno;
  gsize n;

  if (real_folder == NULL)
    {
      saved_errno = errno;
      limber_routine_set_error (error, path, pos, LIMBER_ROUTINE_ERROR_IO,
                                _("Cannot find the routine's folder: %s"),
                                g_strerror (saved_errno));
      return NULL;
    }

  real = realpath (candidate, NULL);
  saved_errno = errno;
  if (real == NULL)
    {
      limber_routine_set_error (error, path, pos, LIMBER_ROUTINE_ERROR_IO,
                                _("Expected a figures file at “%s”, found nothing there: %s"),
                                src, g_strerror (saved_errno));
      free (real_folder);
      return NULL;
    }

  n = strlen (real_folder);
  if (strncmp (real, real_folder, n) != 0 || (real[n] != '/' && !(n == 1 && real[0] == '/')))
    {
      limber_routine_set_error (error, path, pos, LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER,
                                _("Expected a file inside the routine's folder for “src”, found "
                                  "“%s”, which leads outside it"),
                                src);
      free (real_folder);
      free (real);
      return NULL;
    }

  *out_real = g_strdup (real);
  free (real_folder);
  free (real);
  return g_steal_pointer (&candidate);
}

/* The figures a routine sees: the shared ones, plus the files it names
 * itself, which no other routine sees. */
static LimberFigureSet *
routine_figures (LoadState     *state,
                 LimberRoutine *routine,
                 GError       **error)
{
  g_autoptr(LimberFigureSet) own = NULL;
  guint n = limber_routine_get_n_includes (routine);

  if (n == 0)
    return limber_figure_set_ref (state->figures);

  own = limber_figure_set_new (state->figures);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *real = NULL;
      g_autofree char *include_path = NULL;
      g_autofree char *data = NULL;
      g_autoptr(LimberFigureSet) set = NULL;
      LimberParsedFile parsed = { 0 };
      LimberSourcePos pos;
      const char *src = limber_routine_get_include (routine, i, &pos);
      gsize length;

      include_path = resolve_include (routine, src, pos, &real, error);
      if (include_path == NULL)
        return NULL;

      if (!limber_routine_parser_read_file (real, &data, &length, error)
          || !limber_routine_parser_parse (include_path, data, length, &parsed, error))
        return NULL;

      if (parsed.figures == NULL)
        {
          limber_routine_set_error (error, limber_routine_get_path (routine), pos,
                                    LIMBER_ROUTINE_ERROR_INVALID_VALUE,
                                    _("Expected a <figures> file for “src”, found a <routine> "
                                      "file: “%s”"),
                                    src);
          limber_parsed_file_clear (&parsed);
          return NULL;
        }

      set = limber_figure_set_new_from_file (parsed.figures, own, error);
      limber_parsed_file_clear (&parsed);
      if (set == NULL)
        return NULL;
      limber_figure_set_merge (own, set, NULL, NULL);
    }

  return g_steal_pointer (&own);
}

/* Links each routine to its animations, in load order, so that a routine
 * from a later folder replaces one with the same id from an earlier one;
 * a routine with an error is left out and never replaces anything. */
static void
resolve_routines (LoadState *state)
{
  for (guint i = 0; i < state->candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (state->candidates, i);
      LimberRoutine *routine = candidate->routine;
      const char *path = limber_routine_get_path (routine);
      const char *id = limber_routine_get_id (routine);
      g_autoptr(LimberFigureSet) figures = NULL;
      LimberRoutine *earlier;
      GError *error = NULL;

      figures = routine_figures (state, routine, &error);
      if (figures == NULL || !limber_routine_resolve (routine, figures, &error))
        {
          add_error (state, path, error);
          continue;
        }

      earlier = g_hash_table_lookup (state->by_id, id);
      if (earlier != NULL)
        g_ptr_array_add (state->log,
                         g_strdup_printf ("Routine “%s” from %s replaces the one from %s",
                                          id, path, limber_routine_get_path (earlier)));
      g_hash_table_replace (state->by_id, g_strdup (id), g_object_ref (routine));

      if (is_checked_path (state, path))
        g_set_object (&state->checked_routine, routine);
    }
}

static LoadState *
load_state_build (const char * const *dirs,
                  const char         *checked_path,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(LoadState) state = load_state_new ();
  g_autofree char *checked_dir = NULL;
  gboolean checked_loaded = FALSE;

  state->checked_path = checked_path;
  if (checked_path != NULL)
    checked_dir = g_path_get_dirname (checked_path);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      load_dir (state, dirs[i], i);

      /* The checked file goes where it would if its folder were loaded. */
      if (checked_dir != NULL && !checked_loaded)
        {
          g_autofree char *a = g_canonicalize_filename (checked_dir, NULL);
          g_autofree char *b = g_canonicalize_filename (dirs[i], NULL);

          if (g_str_equal (a, b))
            {
              load_file (state, checked_path, i);
              checked_loaded = TRUE;
            }
        }
    }

  if (checked_path != NULL && !checked_loaded)
    {
      guint index = g_strv_length ((char **) dirs);

      load_dir (state, checked_dir, index);
      load_file (state, checked_path, index);
    }

  resolve_routines (state);
  return g_steal_pointer (&state);
}

static int
compare_routines (gconstpointer a,
                  gconstpointer b)
{
  LimberRoutine *ra = *(LimberRoutine * const *) a;
  LimberRoutine *rb = *(LimberRoutine * const *) b;

  return strcmp (limber_routine_get_id (ra), limber_routine_get_id (rb));
}

static void
apply_state (LimberRoutineLibrary *self,
             LoadState            *state,
             const char * const   *dirs)
{
  g_autoptr(GPtrArray) routines = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;
  guint removed;

  for (guint i = 0; i < state->log->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (state->log, i));
  for (guint i = 0; i < state->errors->len; i++)
    {
      const GError *error = g_ptr_array_index (state->errors, i);

      g_info ("Skipped: %s", error->message);
    }

  g_hash_table_iter_init (&iter, state->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (routines, g_object_ref (value));
  g_ptr_array_sort (routines, compare_routines);

  if (dirs != (const char * const *) self->dirs)
    {
      g_strfreev (self->dirs);
      self->dirs = g_strdupv ((char **) dirs);
    }
  removed = self->routines->len;
  g_ptr_array_unref (self->routines);
  self->routines = g_steal_pointer (&routines);
  g_clear_pointer (&self->figures, limber_figure_set_unref);
  self->figures = limber_figure_set_ref (state->figures);
  g_ptr_array_unref (self->errors);
  self->errors = g_ptr_array_ref (state->errors);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->routines->len);
}

/**
 * limber_routine_library_new:
 *
 * Returns: (transfer full): an empty library; load it with
 *   limber_routine_library_load()
 */
LimberRoutineLibrary *
limber_routine_library_new (void)
{
  return g_object_new (LIMBER_TYPE_ROUTINE_LIBRARY, NULL);
}

/**
 * limber_routine_library_default_dirs:
 *
 * The folders routines are read from, in order: the bundled ones
 * ($LIMBER_ROUTINE_DIR when set, which the tests and build-aux/run point at
 * the source tree; otherwise the installed ones), then the user's
 * ($XDG_DATA_HOME/limber/routines).
 *
 * Returns: (transfer full): the folders
 */
char **
limber_routine_library_default_dirs (void)
{
  const char *override = g_getenv ("LIMBER_ROUTINE_DIR");
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *user_dir = NULL;
  char **dirs;

  if (override != NULL && override[0] != '\0')
    g_strv_builder_add (builder, override);
  else
    g_strv_builder_add (builder, PKGDATADIR G_DIR_SEPARATOR_S "routines");
  user_dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_strv_builder_add (builder, user_dir);
  dirs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return dirs;
}

/**
 * limber_routine_library_load:
 * @self: a library
 * @dirs: the folders to read, bundled first, then the user's
 *
 * Reads every *.xml file of @dirs and replaces what the library holds. A
 * routine from a later folder replaces one with the same id from an
 * earlier folder (and says so in the log). A file with an error is left
 * out and its error is added to limber_routine_library_get_errors(); it
 * never stops the other files from loading.
 */
void
limber_routine_library_load (LimberRoutineLibrary *self,
                             const char * const   *dirs)
{
  g_autoptr(LoadState) state = NULL;

  g_return_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (dirs != NULL);

  state = load_state_build (dirs, NULL, NULL, NULL);
  apply_state (self, state, dirs);
}

typedef struct
{
  char **dirs;
  LoadState *state;
} LoadTaskData;

static void
load_task_data_free (gpointer data)
{
  LoadTaskData *task_data = data;

  g_strfreev (task_data->dirs);
  g_clear_pointer (&task_data->state, load_state_free);
  g_free (task_data);
}

static void
load_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadTaskData *data = task_data;
  GError *error = NULL;

  data->state = load_state_build ((const char * const *) data->dirs, NULL, cancellable, &error);
  if (data->state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * limber_routine_library_load_async:
 * @self: a library
 * @dirs: the folders to read, bundled first, then the user's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the files are read
 * @user_data: for @callback
 *
 * Reads the files in a worker thread, like limber_routine_library_load().
 * The library changes when limber_routine_library_load_finish() is called.
 */
void
limber_routine_library_load_async (LimberRoutineLibrary *self,
                                   const char * const   *dirs,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *data;

  g_return_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (dirs != NULL);

  data = g_new0 (LoadTaskData, 1);
  data->dirs = g_strdupv ((char **) dirs);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_routine_library_load_async);
  g_task_set_task_data (task, data, load_task_data_free);
  g_task_run_in_thread (task, load_thread_cb);
}

/**
 * limber_routine_library_load_finish:
 * @self: a library
 * @result: the result passed to the callback
 * @error: return location for an error (only %G_IO_ERROR_CANCELLED: the
 *   errors of files are in limber_routine_library_get_errors())
 *
 * Returns: %TRUE if the library now holds what was read
 */
gboolean
limber_routine_library_load_finish (LimberRoutineLibrary  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  LoadTaskData *data;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == limber_routine_library_load_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  apply_state (self, data->state, (const char * const *) data->dirs);
  return TRUE;
}

/**
 * limber_routine_library_get_dirs:
 * @self: a library
 *
 * Returns: (transfer none) (nullable): the folders of the last load
 */
const char * const *
limber_routine_library_get_dirs (LimberRoutineLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self), NULL);

  return (const char * const *) self->dirs;
}

/**
 * limber_routine_library_get_errors:
 * @self: a library
 *
 * Returns: (transfer none) (element-type GError): the errors of the files
 *   the last load left out, one for each file
 */
GPtrArray *
limber_routine_library_get_errors (LimberRoutineLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self), NULL);

  return self->errors;
}

/**
 * limber_routine_library_lookup:
 * @self: a library
 * @id: a routine id
 *
 * Returns: (transfer none) (nullable): the routine with that id
 */
LimberRoutine *
limber_routine_library_lookup (LimberRoutineLibrary *self,
                               const char           *id)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->routines->len; i++)
    {
      LimberRoutine *routine = g_ptr_array_index (self->routines, i);

      if (g_str_equal (limber_routine_get_id (routine), id))
        return routine;
    }
  return NULL;
}

/**
 * limber_routine_library_get_figures:
 * @self: a library
 *
 * Returns: (transfer none): the shared poses and animations
 */
LimberFigureSet *
limber_routine_library_get_figures (LimberRoutineLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self), NULL);

  return self->figures;
}

/**
 * limber_routine_library_check_file:
 * @self: a library, loaded or not
 * @path: a routine or figures file
 * @out_routine: (out) (optional) (transfer full) (nullable): the routine,
 *   when @path is a valid routine file
 * @out_figures: (out) (optional) (transfer full) (nullable): the file's own
 *   poses and animations, when @path is a valid figures file
 *
 * Checks @path as the loader would see it: together with the files of the
 * library's folders (the default ones if it was never loaded) and of the
 * folder @path is in, so that it can use their poses and animations. The
 * library itself does not change.
 *
 * Returns: (transfer full) (element-type GError): the errors of @path
 *   (and of the files it names), empty when it is valid
 */
GPtrArray *
limber_routine_library_check_file (LimberRoutineLibrary  *self,
                                   const char            *path,
                                   LimberRoutine        **out_routine,
                                   LimberFigureSet      **out_figures)
{
  g_autoptr(LoadState) state = NULL;
  g_auto(GStrv) default_dirs = NULL;
  const char * const *dirs;
  GPtrArray *errors;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  dirs = (const char * const *) self->dirs;
  if (dirs == NULL)
    {
      default_dirs = limber_routine_library_default_dirs ();
      dirs = (const char * const *) default_dirs;
    }

  state = load_state_build (dirs, path, NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  for (guint i = 0; i < state->errors->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (state->error_owners, i), path))
        g_ptr_array_add (errors, g_error_copy (g_ptr_array_index (state->errors, i)));
    }

  if (out_routine != NULL)
    *out_routine = errors->len == 0 ? g_steal_pointer (&state->checked_routine) : NULL;
  if (out_figures != NULL)
    *out_figures = errors->len == 0 ? g_steal_pointer (&state->checked_figures) : NULL;
  return errors;
}

/* GListModel */

static GType
limber_routine_library_get_item_type (GListModel *model)
{
  return LIMBER_TYPE_ROUTINE;
}

static guint
limber_routine_library_get_n_items (GListModel *model)
{
  LimberRoutineLibrary *self = LIMBER_ROUTINE_LIBRARY (model);

  return self->routines->len;
}

static gpointer
limber_routine_library_get_item (GListModel *model,
                                 guint       position)
{
  LimberRoutineLibrary *self = LIMBER_ROUTINE_LIBRARY (model);

  if (position >= self->routines->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->routines, position));
}

static void
limber_routine_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = limber_routine_library_get_item_type;
  iface->get_n_items = limber_routine_library_get_n_items;
  iface->get_item = limber_routine_library_get_item;
}

static void
limber_routine_library_finalize (GObject *object)
{
  LimberRoutineLibrary *self = LIMBER_ROUTINE_LIBRARY (object);

  g_strfreev (self->dirs);
  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_pointer (&self->figures, limber_figure_set_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_routine_library_parent_class)->finalize (object);
}

static void
limber_routine_library_class_init (LimberRoutineLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_routine_library_finalize;
}

static void
limber_routine_library_init (LimberRoutineLibrary *self)
{
  self->routines = g_ptr_array_new_with_free_func (g_object_unref);
  self->figures = limber_figure_set_new (NULL);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}
