/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-routine.h: a guided stretch routine and its steps, as read from a
 * routine file. Both are immutable GObjects (so list models and property
 * bindings can hold them); the text is already translated. */

#pragma once

#include <glib-object.h>

#include "limber-figure.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE      (limber_routine_get_type ())
#define LIMBER_TYPE_STEP         (limber_step_get_type ())
#define LIMBER_TYPE_ROUTINE_KIND (limber_routine_kind_get_type ())
#define LIMBER_TYPE_STEP_SIDES   (limber_step_sides_get_type ())
#define LIMBER_TYPE_AREA         (limber_area_get_type ())

/**
 * LimberRoutineKind:
 * @LIMBER_ROUTINE_KIND_ROUTINE: a stretch-break routine, a few minutes long
 * @LIMBER_ROUTINE_KIND_MICRO_STRETCH: one short stretch for a micro-break
 */
typedef enum
{
  LIMBER_ROUTINE_KIND_ROUTINE,
  LIMBER_ROUTINE_KIND_MICRO_STRETCH,
} LimberRoutineKind;

/**
 * LimberStepSides:
 * @LIMBER_STEP_SIDES_ONCE: played once
 * @LIMBER_STEP_SIDES_LEFT_RIGHT: played for the left side, then mirrored for
 *   the right side after a "switch-sides" cue
 */
typedef enum
{
  LIMBER_STEP_SIDES_ONCE,
  LIMBER_STEP_SIDES_LEFT_RIGHT,
} LimberStepSides;

/**
 * LimberArea:
 *
 * The parts of the body a routine is for.
 */
typedef enum
{
  LIMBER_AREA_NONE = 0,
  LIMBER_AREA_MID_BACK = 1 << 0,
  LIMBER_AREA_UPPER_BACK = 1 << 1,
  LIMBER_AREA_SHOULDERS = 1 << 2,
  LIMBER_AREA_NECK = 1 << 3,
  LIMBER_AREA_CHEST = 1 << 4,
  LIMBER_AREA_ARMS = 1 << 5,
  LIMBER_AREA_POSTURE = 1 << 6,
  LIMBER_AREA_WHOLE_BODY = 1 << 7,
} LimberArea;

G_DECLARE_FINAL_TYPE (LimberStep, limber_step, LIMBER, STEP, GObject)
G_DECLARE_FINAL_TYPE (LimberRoutine, limber_routine, LIMBER, ROUTINE, GObject)

GType                  limber_routine_kind_get_type     (void) G_GNUC_CONST;
GType                  limber_step_sides_get_type       (void) G_GNUC_CONST;
GType                  limber_area_get_type             (void) G_GNUC_CONST;
const char            *limber_area_get_label            (LimberArea         area);

const char            *limber_routine_get_id            (LimberRoutine     *self);
const char            *limber_routine_get_path          (LimberRoutine     *self);
LimberRoutineKind      limber_routine_get_kind          (LimberRoutine     *self);
const char            *limber_routine_get_title         (LimberRoutine     *self);
const char            *limber_routine_get_description   (LimberRoutine     *self);
const char            *limber_routine_get_safety        (LimberRoutine     *self);
LimberArea             limber_routine_get_areas         (LimberRoutine     *self);
guint                  limber_routine_get_n_sources     (LimberRoutine     *self);
const char            *limber_routine_get_source_title  (LimberRoutine     *self,
                                                         guint              index);
const char            *limber_routine_get_source_url    (LimberRoutine     *self,
                                                         guint              index);
guint                  limber_routine_get_n_steps       (LimberRoutine     *self);
LimberStep            *limber_routine_get_step          (LimberRoutine     *self,
                                                         guint              index);
guint                  limber_routine_get_duration      (LimberRoutine     *self);
gboolean               limber_routine_is_resolved       (LimberRoutine     *self);
gboolean               limber_routine_resolve           (LimberRoutine     *self,
                                                         LimberFigureSet   *figures,
                                                         GError           **error);

const char            *limber_step_get_id               (LimberStep        *self);
const char            *limber_step_get_title            (LimberStep        *self);
const char            *limber_step_get_instructions     (LimberStep        *self);
const char            *limber_step_get_breathing        (LimberStep        *self);
const char            *limber_step_get_feel             (LimberStep        *self);
const char            *limber_step_get_avoid            (LimberStep        *self);
const char * const    *limber_step_get_cautions         (LimberStep        *self);
guint                  limber_step_get_duration         (LimberStep        *self);
guint                  limber_step_get_total_duration   (LimberStep        *self);
LimberStepSides        limber_step_get_sides            (LimberStep        *self);
guint                  limber_step_get_repetitions      (LimberStep        *self);
const char            *limber_step_get_animation_name   (LimberStep        *self);
LimberFigureAnimation *limber_step_get_animation        (LimberStep        *self);

G_END_DECLS
