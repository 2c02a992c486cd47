/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-routine-private.h: what the parser hands to the model and the
 * loader. A file is parsed into plain definitions (names not yet looked
 * up, each with the place it was written); the model then resolves them. */

#pragma once

#include "limber-figure.h"
#include "limber-routine.h"
#include "limber-routine-parser.h"

G_BEGIN_DECLS

/* A place in a file; line 0 means "the file as a whole". */
typedef struct
{
  int line;
  int column;
} LimberSourcePos;

void limber_routine_set_error (GError          **error,
                               const char       *file,
                               LimberSourcePos   pos,
                               LimberRoutineError code,
                               const char       *format,
                               ...) G_GNUC_PRINTF (5, 6);

/* Figures */

typedef struct
{
  char *name;
  LimberSourcePos pos;
  char *base;                   /* NULL for a pose that gives its own view */
  LimberSourcePos base_pos;
  LimberFigureViewpoint view;
  LimberFigurePosture posture;
  double angle[LIMBER_N_JOINTS];
  guint32 given;                /* bit n set: angle[n] was written */
} LimberPoseDef;

typedef struct
{
  double time;
  char *pose;
  LimberSourcePos pose_pos;
  LimberEasing easing;
  gboolean has_cue;
  LimberCue cue;
} LimberKeyDef;

typedef struct
{
  char *name;
  LimberSourcePos pos;
  double duration;
  gboolean loops;
  GArray *keys;                 /* of LimberKeyDef */
} LimberAnimationDef;

typedef struct
{
  char *path;
  GPtrArray *poses;             /* of LimberPoseDef */
  GPtrArray *animations;        /* of LimberAnimationDef */
} LimberFigureFile;

LimberFigureFile *limber_figure_file_new  (const char        *path);
void              limber_figure_file_free (LimberFigureFile  *file);
LimberPoseDef    *limber_pose_def_new     (void);
void              limber_pose_def_free    (LimberPoseDef     *def);
LimberAnimationDef *limber_animation_def_new  (void);
void              limber_animation_def_free (LimberAnimationDef *def);

LimberFigureSet  *limber_figure_set_new_from_file   (LimberFigureFile      *file,
                                                     LimberFigureSet       *parent,
                                                     GError               **error);
/* Called for each name limber_figure_set_merge() replaces; @kind is
 * "pose" or "animation". */
typedef void (*LimberFigureReplacedFunc) (const char *kind,
                                          const char *name,
                                          gpointer    user_data);

/* Copies every pose and animation of @from into @self; a name @self already
 * has is replaced and handed to @replaced (when not NULL). */
void              limber_figure_set_merge           (LimberFigureSet          *self,
                                                     LimberFigureSet          *from,
                                                     LimberFigureReplacedFunc  replaced,
                                                     gpointer                  user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberFigureFile, limber_figure_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPoseDef, limber_pose_def_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberAnimationDef, limber_animation_def_free)

/* Routines */

typedef struct
{
  char *id;
  char *title;
  char *instructions;
  char *breathing;
  char *feel;
  char *avoid;
  GPtrArray *cautions;          /* of char*, NULL-terminated when stolen */
  guint duration;
  LimberStepSides sides;
  guint repetitions;
  char *animation;
  LimberSourcePos animation_pos;
} LimberStepDef;

typedef struct
{
  char *src;
  LimberSourcePos pos;
} LimberIncludeDef;

typedef struct
{
  char *path;
  char *id;
  LimberRoutineKind kind;
  LimberArea areas;
  char *title;
  char *description;
  char *safety;
  GPtrArray *source_titles;     /* of char* */
  GPtrArray *source_urls;       /* of char* */
  GPtrArray *includes;          /* of LimberIncludeDef* */
  GPtrArray *steps;             /* of LimberStepDef* */
} LimberRoutineDef;

LimberRoutineDef *limber_routine_def_new  (const char        *path);
void              limber_routine_def_free (LimberRoutineDef  *def);
LimberStepDef    *limber_step_def_new     (void);
void              limber_step_def_free    (LimberStepDef     *def);

/* Takes the contents of @def, which is left empty. */
LimberRoutine    *limber_routine_new_from_def       (LimberRoutineDef      *def);
guint             limber_routine_get_n_includes     (LimberRoutine         *self);
const char       *limber_routine_get_include        (LimberRoutine         *self,
                                                     guint                  index,
                                                     LimberSourcePos       *out_pos);
LimberArea        limber_area_from_name             (const char            *name);
char             *limber_area_list_names            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberRoutineDef, limber_routine_def_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberStepDef, limber_step_def_free)

/* The parser, for the loader: a file is either a routine or a figure set. */
typedef struct
{
  LimberRoutine *routine;       /* set for a <routine> file */
  LimberFigureFile *figures;    /* set for a <figures> file (unresolved) */
} LimberParsedFile;

gboolean          limber_routine_parser_parse       (const char            *path,
                                                     const char            *data,
                                                     gssize                 length,
                                                     LimberParsedFile      *out,
                                                     GError               **error);
void              limber_parsed_file_clear          (LimberParsedFile      *parsed);

G_END_DECLS
