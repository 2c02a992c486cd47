/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-routine.h"
#include "limber-routine-private.h"

struct _LimberStep
{
  GObject parent_instance;

  char *id;
  char *title;
  char *instructions;
  char *breathing;
  char *feel;
  char *avoid;
  char **cautions;
  guint duration;
  LimberStepSides sides;
  guint repetitions;
  char *animation_name;
  LimberSourcePos animation_pos;
  LimberFigureAnimation *animation;
};

struct _LimberRoutine
{
  GObject parent_instance;

  char *id;
  char *path;
  LimberRoutineKind kind;
  LimberArea areas;
  char *title;
  char *description;
  char *safety;
  GPtrArray *source_titles;
  GPtrArray *source_urls;
  GPtrArray *includes;          /* of LimberIncludeDef* */
  GPtrArray *steps;             /* of LimberStep* */
  gboolean resolved;
};

G_DEFINE_FINAL_TYPE (LimberStep, limber_step, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (LimberRoutine, limber_routine, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberRoutineKind, limber_routine_kind,
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_KIND_ROUTINE, "routine"),
  G_DEFINE_ENUM_VALUE (LIMBER_ROUTINE_KIND_MICRO_STRETCH, "micro-stretch"))

G_DEFINE_ENUM_TYPE (LimberStepSides, limber_step_sides,
  G_DEFINE_ENUM_VALUE (LIMBER_STEP_SIDES_ONCE, "once"),
  G_DEFINE_ENUM_VALUE (LIMBER_STEP_SIDES_LEFT_RIGHT, "left-right"))

G_DEFINE_FLAGS_TYPE (LimberArea, limber_area,
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_MID_BACK, "mid-back"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_UPPER_BACK, "upper-back"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_SHOULDERS, "shoulders"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_NECK, "neck"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_CHEST, "chest"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_ARMS, "arms"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_POSTURE, "posture"),
  G_DEFINE_ENUM_VALUE (LIMBER_AREA_WHOLE_BODY, "whole-body"))

enum {
  STEP_PROP_0,
  STEP_PROP_ID,
  STEP_PROP_TITLE,
  STEP_PROP_INSTRUCTIONS,
  STEP_PROP_BREATHING,
  STEP_PROP_FEEL,
  STEP_PROP_AVOID,
  STEP_PROP_CAUTIONS,
  STEP_PROP_DURATION,
  STEP_PROP_TOTAL_DURATION,
  STEP_PROP_SIDES,
  STEP_PROP_REPETITIONS,
  STEP_PROP_ANIMATION_NAME,
  STEP_PROP_ANIMATION,
  STEP_N_PROPS
};

static GParamSpec *step_properties[STEP_N_PROPS];

enum {
  ROUTINE_PROP_0,
  ROUTINE_PROP_ID,
  ROUTINE_PROP_PATH,
  ROUTINE_PROP_KIND,
  ROUTINE_PROP_TITLE,
  ROUTINE_PROP_DESCRIPTION,
  ROUTINE_PROP_SAFETY,
  ROUTINE_PROP_AREAS,
  ROUTINE_PROP_N_STEPS,
  ROUTINE_PROP_DURATION,
  ROUTINE_N_PROPS
};

static GParamSpec *routine_properties[ROUTINE_N_PROPS];

static const struct
{
  LimberArea area;
  const char *name;
  const char *label;
} areas[] = {
  { LIMBER_AREA_MID_BACK, "mid-back", N_("Mid-back") },
  { LIMBER_AREA_UPPER_BACK, "upper-back", N_("Upper back") },
  { LIMBER_AREA_SHOULDERS, "shoulders", N_("Shoulders") },
  { LIMBER_AREA_NECK, "neck", N_("Neck") },
  { LIMBER_AREA_CHEST, "chest", N_("Chest") },
  { LIMBER_AREA_ARMS, "arms", N_("Arms") },
  { LIMBER_AREA_POSTURE, "posture", N_("Posture") },
  { LIMBER_AREA_WHOLE_BODY, "whole-body", N_("Whole body") },
};

/**
 * limber_area_get_label:
 * @area: one #LimberArea flag
 *
 * Returns: the translated name of @area for people, as in "Mid-back"
 */
const char *
limber_area_get_label (LimberArea area)
{
  for (gsize i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (areas[i].area == area)
        return _(areas[i].label);
    }
  g_return_val_if_reached (NULL);
}

LimberArea
limber_area_from_name (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (g_str_equal (areas[i].name, name))
        return areas[i].area;
    }
  return LIMBER_AREA_NONE;
}

char *
limber_area_list_names (void)
{
  GString *names = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, areas[i].name);
    }
  return g_string_free (names, FALSE);
}

/* Definitions */

LimberStepDef *
limber_step_def_new (void)
{
  LimberStepDef *def = g_new0 (LimberStepDef, 1);

  def->cautions = g_ptr_array_new_with_free_func (g_free);
  return def;
}

void
limber_step_def_free (LimberStepDef *def)
{
  if (def == NULL)
    return;
  g_free (def->id);
  g_free (def->title);
  g_free (def->instructions);
  g_free (def->breathing);
  g_free (def->feel);
  g_free (def->avoid);
  g_clear_pointer (&def->cautions, g_ptr_array_unref);
  g_free (def->animation);
  g_free (def);
}

static void
include_def_free (gpointer data)
{
  LimberIncludeDef *include = data;

  g_free (include->src);
  g_free (include);
}

LimberRoutineDef *
limber_routine_def_new (const char *path)
{
  LimberRoutineDef *def = g_new0 (LimberRoutineDef, 1);

  def->path = g_strdup (path);
  def->source_titles = g_ptr_array_new_with_free_func (g_free);
  def->source_urls = g_ptr_array_new_with_free_func (g_free);
  def->includes = g_ptr_array_new_with_free_func (include_def_free);
  def->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_step_def_free);
  return def;
}

void
limber_routine_def_free (LimberRoutineDef *def)
{
  if (def == NULL)
    return;
  g_free (def->path);
  g_free (def->id);
  g_free (def->title);
  g_free (def->description);
  g_free (def->safety);
  g_clear_pointer (&def->source_titles, g_ptr_array_unref);
  g_clear_pointer (&def->source_urls, g_ptr_array_unref);
  g_clear_pointer (&def->includes, g_ptr_array_unref);
  g_clear_pointer (&def->steps, g_ptr_array_unref);
  g_free (def);
}

static LimberStep *
limber_step_new_from_def (LimberStepDef *def)
{
  LimberStep *self = g_object_new (LIMBER_TYPE_STEP, NULL);

  self->id = g_steal_pointer (&def->id);
  self->title = g_steal_pointer (&def->title);
  self->instructions = g_steal_pointer (&def->instructions);
  self->breathing = g_steal_pointer (&def->breathing);
  self->feel = g_steal_pointer (&def->feel);
  self->avoid = g_steal_pointer (&def->avoid);
  g_ptr_array_add (def->cautions, NULL);
  self->cautions = (char **) g_ptr_array_free (g_steal_pointer (&def->cautions), FALSE);
  self->duration = def->duration;
  self->sides = def->sides;
  self->repetitions = def->repetitions;
  self->animation_name = g_steal_pointer (&def->animation);
  self->animation_pos = def->animation_pos;
  return self;
}

/**
 * limber_routine_new_from_def: (skip)
 * @def: a parsed routine; its contents are taken
 *
 * Returns: (transfer full): a routine whose steps are not yet linked to
 *   their animations (see limber_routine_resolve())
 */
LimberRoutine *
limber_routine_new_from_def (LimberRoutineDef *def)
{
  LimberRoutine *self;

  g_return_val_if_fail (def != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_ROUTINE, NULL);
  self->id = g_steal_pointer (&def->id);
  self->path = g_steal_pointer (&def->path);
  self->kind = def->kind;
  self->areas = def->areas;
  self->title = g_steal_pointer (&def->title);
  self->description = g_steal_pointer (&def->description);
  self->safety = g_steal_pointer (&def->safety);
  self->source_titles = g_steal_pointer (&def->source_titles);
  self->source_urls = g_steal_pointer (&def->source_urls);
  self->includes = g_steal_pointer (&def->includes);
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < def->steps->len; i++)
    g_ptr_array_add (self->steps, limber_step_new_from_def (g_ptr_array_index (def->steps, i)));
  return self;
}

guint
limber_routine_get_n_includes (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);

  return self->includes->len;
}

const char *
limber_routine_get_include (LimberRoutine   *self,
                            guint            index,
                            LimberSourcePos *out_pos)
{
  LimberIncludeDef *include;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->includes->len, NULL);

  include = g_ptr_array_index (self->includes, index);
  if (out_pos != NULL)
    *out_pos = include->pos;
  return include->src;
}

/* LimberRoutine */

/**
 * limber_routine_get_id:
 * @self: a routine
 *
 * Returns: the routine's id: the name of its file without ".xml". A user's
 *   routine with a bundled routine's id replaces it.
 */
const char *
limber_routine_get_id (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  return self->id;
}

/**
 * limber_routine_get_path:
 * @self: a routine
 *
 * Returns: the file the routine was read from
 */
const char *
limber_routine_get_path (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  return self->path;
}

LimberRoutineKind
limber_routine_get_kind (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), LIMBER_ROUTINE_KIND_ROUTINE);

  return self->kind;
}

const char *
limber_routine_get_title (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  return self->title;
}

const char *
limber_routine_get_description (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  return self->description;
}

/**
 * limber_routine_get_safety:
 * @self: a routine
 *
 * Returns: the safety note shown before the routine starts
 */
const char *
limber_routine_get_safety (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  return self->safety;
}

LimberArea
limber_routine_get_areas (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), LIMBER_AREA_NONE);

  return self->areas;
}

/**
 * limber_routine_get_n_sources:
 * @self: a routine
 *
 * Returns: the number of sources (public guidance) the routine is based on
 */
guint
limber_routine_get_n_sources (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);

  return self->source_titles->len;
}

const char *
limber_routine_get_source_title (LimberRoutine *self,
                                 guint          index)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->source_titles->len, NULL);

  return g_ptr_array_index (self->source_titles, index);
}

const char *
limber_routine_get_source_url (LimberRoutine *self,
                               guint          index)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->source_urls->len, NULL);

  return g_ptr_array_index (self->source_urls, index);
}

guint
limber_routine_get_n_steps (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);

  return self->steps->len;
}

/**
 * limber_routine_get_step:
 * @self: a routine
 * @index: a step index
 *
 * Returns: (transfer none): step @index
 */
LimberStep *
limber_routine_get_step (LimberRoutine *self,
                         guint          index)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

/**
 * limber_routine_get_duration:
 * @self: a routine
 *
 * Returns: how long the whole routine plays, in seconds, counting both
 *   sides of left-right steps
 */
guint
limber_routine_get_duration (LimberRoutine *self)
{
  guint total = 0;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    total += limber_step_get_total_duration (g_ptr_array_index (self->steps, i));
  return total;
}

/**
 * limber_routine_is_resolved:
 * @self: a routine
 *
 * Returns: %TRUE once every step is linked to its animation
 */
gboolean
limber_routine_is_resolved (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);

  return self->resolved;
}

/**
 * limber_routine_resolve:
 * @self: a routine
 * @figures: the poses and animations the routine can use
 * @error: return location for a #LIMBER_ROUTINE_ERROR
 *
 * Links every step to the animation it names. Nothing changes if one of
 * them does not exist.
 *
 * Returns: %TRUE on success; %FALSE with @error set, pointing at the step
 */
gboolean
limber_routine_resolve (LimberRoutine    *self,
                        LimberFigureSet  *figures,
                        GError          **error)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    {
      LimberStep *step = g_ptr_array_index (self->steps, i);

      if (limber_figure_set_lookup_animation (figures, step->animation_name) == NULL)
        {
          limber_routine_set_error (error, self->path, step->animation_pos,
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE,
                                    _("Expected the name of an animation for “animation”, found "
                                      "“%s”, which no figures file defines"),
                                    step->animation_name);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      LimberStep *step = g_ptr_array_index (self->steps, i);
      LimberFigureAnimation *animation;

      animation = limber_figure_set_lookup_animation (figures, step->animation_name);
      g_clear_pointer (&step->animation, limber_figure_animation_unref);
      step->animation = limber_figure_animation_ref (animation);
      g_object_notify_by_pspec (G_OBJECT (step), step_properties[STEP_PROP_ANIMATION]);
    }

  self->resolved = TRUE;
  return TRUE;
}

static void
limber_routine_finalize (GObject *object)
{
  LimberRoutine *self = LIMBER_ROUTINE (object);

  g_free (self->id);
  g_free (self->path);
  g_free (self->title);
  g_free (self->description);
  g_free (self->safety);
  g_clear_pointer (&self->source_titles, g_ptr_array_unref);
  g_clear_pointer (&self->source_urls, g_ptr_array_unref);
  g_clear_pointer (&self->includes, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_routine_parent_class)->finalize (object);
}

static void
limber_routine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberRoutine *self = LIMBER_ROUTINE (object);

  switch (prop_id)
    {
    case ROUTINE_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case ROUTINE_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case ROUTINE_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case ROUTINE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ROUTINE_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case ROUTINE_PROP_SAFETY:
      g_value_set_string (value, self->safety);
      break;
    case ROUTINE_PROP_AREAS:
      g_value_set_flags (value, self->areas);
      break;
    case ROUTINE_PROP_N_STEPS:
      g_value_set_uint (value, self->steps->len);
      break;
    case ROUTINE_PROP_DURATION:
      g_value_set_uint (value, limber_routine_get_duration (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_class_init (LimberRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = limber_routine_finalize;
  object_class->get_property = limber_routine_get_property;

  routine_properties[ROUTINE_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  routine_properties[ROUTINE_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, flags);
  routine_properties[ROUTINE_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LIMBER_TYPE_ROUTINE_KIND,
                       LIMBER_ROUTINE_KIND_ROUTINE, flags);
  routine_properties[ROUTINE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  routine_properties[ROUTINE_PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  routine_properties[ROUTINE_PROP_SAFETY] =
    g_param_spec_string ("safety", NULL, NULL, NULL, flags);
  routine_properties[ROUTINE_PROP_AREAS] =
    g_param_spec_flags ("areas", NULL, NULL, LIMBER_TYPE_AREA, 0, flags);
  routine_properties[ROUTINE_PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, flags);
  routine_properties[ROUTINE_PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, ROUTINE_N_PROPS, routine_properties);
}

static void
limber_routine_init (LimberRoutine *self)
{
}

/* LimberStep */

const char *
limber_step_get_id (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->id;
}

const char *
limber_step_get_title (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->title;
}

/**
 * limber_step_get_instructions:
 * @self: a step
 *
 * Returns: what to do, in one to three plain sentences
 */
const char *
limber_step_get_instructions (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->instructions;
}

/**
 * limber_step_get_breathing:
 * @self: a step
 *
 * Returns: (nullable): the breathing or rhythm cue, if the step has one
 */
const char *
limber_step_get_breathing (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->breathing;
}

/**
 * limber_step_get_feel:
 * @self: a step
 *
 * Returns: what the person should feel
 */
const char *
limber_step_get_feel (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->feel;
}

/**
 * limber_step_get_avoid:
 * @self: a step
 *
 * Returns: what to avoid while doing it
 */
const char *
limber_step_get_avoid (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->avoid;
}

/**
 * limber_step_get_cautions:
 * @self: a step
 *
 * Returns: (transfer none): the step's cautions, possibly none
 */
const char * const *
limber_step_get_cautions (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return (const char * const *) self->cautions;
}

/**
 * limber_step_get_duration:
 * @self: a step
 *
 * Returns: how long the step lasts on one side, in seconds
 */
guint
limber_step_get_duration (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);

  return self->duration;
}

/**
 * limber_step_get_total_duration:
 * @self: a step
 *
 * Returns: how long the step lasts, both sides together, in seconds
 */
guint
limber_step_get_total_duration (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);

  return self->sides == LIMBER_STEP_SIDES_LEFT_RIGHT ? 2 * self->duration : self->duration;
}

LimberStepSides
limber_step_get_sides (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), LIMBER_STEP_SIDES_ONCE);

  return self->sides;
}

/**
 * limber_step_get_repetitions:
 * @self: a step
 *
 * Returns: how many times to repeat the movement (on each side), or 0 for
 *   a step that is held rather than counted
 */
guint
limber_step_get_repetitions (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);

  return self->repetitions;
}

const char *
limber_step_get_animation_name (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->animation_name;
}

/**
 * limber_step_get_animation:
 * @self: a step
 *
 * Returns: (transfer none) (nullable): the figure animation to show, once
 *   the routine is resolved
 */
LimberFigureAnimation *
limber_step_get_animation (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);

  return self->animation;
}

static void
limber_step_finalize (GObject *object)
{
  LimberStep *self = LIMBER_STEP (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->instructions);
  g_free (self->breathing);
  g_free (self->feel);
  g_free (self->avoid);
  g_strfreev (self->cautions);
  g_free (self->animation_name);
  g_clear_pointer (&self->animation, limber_figure_animation_unref);

  G_OBJECT_CLASS (limber_step_parent_class)->finalize (object);
}

static void
limber_step_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LimberStep *self = LIMBER_STEP (object);

  switch (prop_id)
    {
    case STEP_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case STEP_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case STEP_PROP_INSTRUCTIONS:
      g_value_set_string (value, self->instructions);
      break;
    case STEP_PROP_BREATHING:
      g_value_set_string (value, self->breathing);
      break;
    case STEP_PROP_FEEL:
      g_value_set_string (value, self->feel);
      break;
    case STEP_PROP_AVOID:
      g_value_set_string (value, self->avoid);
      break;
    case STEP_PROP_CAUTIONS:
      g_value_set_boxed (value, self->cautions);
      break;
    case STEP_PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case STEP_PROP_TOTAL_DURATION:
      g_value_set_uint (value, limber_step_get_total_duration (self));
      break;
    case STEP_PROP_SIDES:
      g_value_set_enum (value, self->sides);
      break;
    case STEP_PROP_REPETITIONS:
      g_value_set_uint (value, self->repetitions);
      break;
    case STEP_PROP_ANIMATION_NAME:
      g_value_set_string (value, self->animation_name);
      break;
    case STEP_PROP_ANIMATION:
      g_value_set_boxed (value, self->animation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_step_class_init (LimberStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = limber_step_finalize;
  object_class->get_property = limber_step_get_property;

  step_properties[STEP_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_INSTRUCTIONS] =
    g_param_spec_string ("instructions", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_BREATHING] =
    g_param_spec_string ("breathing", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_FEEL] =
    g_param_spec_string ("feel", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_AVOID] =
    g_param_spec_string ("avoid", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_CAUTIONS] =
    g_param_spec_boxed ("cautions", NULL, NULL, G_TYPE_STRV, flags);
  step_properties[STEP_PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, flags);
  step_properties[STEP_PROP_TOTAL_DURATION] =
    g_param_spec_uint ("total-duration", NULL, NULL, 0, G_MAXUINT, 0, flags);
  step_properties[STEP_PROP_SIDES] =
    g_param_spec_enum ("sides", NULL, NULL, LIMBER_TYPE_STEP_SIDES,
                       LIMBER_STEP_SIDES_ONCE, flags);
  step_properties[STEP_PROP_REPETITIONS] =
    g_param_spec_uint ("repetitions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  step_properties[STEP_PROP_ANIMATION_NAME] =
    g_param_spec_string ("animation-name", NULL, NULL, NULL, flags);
  step_properties[STEP_PROP_ANIMATION] =
    g_param_spec_boxed ("animation", NULL, NULL, LIMBER_TYPE_FIGURE_ANIMATION, flags);

  g_object_class_install_properties (object_class, STEP_N_PROPS, step_properties);
}

static void
limber_step_init (LimberStep *self)
{
}
