/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-routine-library.h: finds and loads the routine and figure files of
 * a list of folders (bundled first, then the user's), a list model of the
 * routines that loaded, and the errors of the files that did not. */

#pragma once

#include <gio/gio.h>

#include "limber-figure.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_LIBRARY (limber_routine_library_get_type ())

/* The most files read from one folder. */
#define LIMBER_ROUTINE_LIBRARY_MAX_FILES 500

G_DECLARE_FINAL_TYPE (LimberRoutineLibrary, limber_routine_library,
                      LIMBER, ROUTINE_LIBRARY, GObject)

LimberRoutineLibrary *limber_routine_library_new          (void);
char                **limber_routine_library_default_dirs (void);
void                  limber_routine_library_load         (LimberRoutineLibrary  *self,
                                                           const char * const    *dirs);
void                  limber_routine_library_load_async   (LimberRoutineLibrary  *self,
                                                           const char * const    *dirs,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean              limber_routine_library_load_finish  (LimberRoutineLibrary  *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);
const char * const   *limber_routine_library_get_dirs     (LimberRoutineLibrary  *self);
GPtrArray            *limber_routine_library_get_errors   (LimberRoutineLibrary  *self);
LimberRoutine        *limber_routine_library_lookup       (LimberRoutineLibrary  *self,
                                                           const char            *id);
LimberFigureSet      *limber_routine_library_get_figures  (LimberRoutineLibrary  *self);
GPtrArray            *limber_routine_library_check_file   (LimberRoutineLibrary  *self,
                                                           const char            *path,
                                                           LimberRoutine        **out_routine,
                                                           LimberFigureSet      **out_figures);

G_END_DECLS
