/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-session.h: a guided session, the pure model behind the player.
 *
 * A session plays a LimberRoutine on an injected LimberClock. The routine's
 * steps become a flat list of segments: one for a step played once, two for
 * a left-right step (left, then right mirrored). Time is measured on the
 * clock's monotonic reading, so a suspend pauses the session by itself, and
 * the session keeps exactly one alarm armed on the clock: the next whole
 * second of the segment (which is also when countdown cues and the segment's
 * end fall). Nothing runs while it is paused.
 *
 * The session owns the clock's alarm: give each session a clock of its own. */

#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION       (limber_session_get_type ())
#define LIMBER_TYPE_SESSION_STATE (limber_session_state_get_type ())
#define LIMBER_TYPE_SESSION_SIDE  (limber_session_side_get_type ())

/**
 * LimberSessionState:
 * @LIMBER_SESSION_STATE_NOT_STARTED: made, limber_session_start() not called yet
 * @LIMBER_SESSION_STATE_RUNNING: playing; time passes
 * @LIMBER_SESSION_STATE_PAUSED: paused; no time passes and no alarm is armed
 * @LIMBER_SESSION_STATE_FINISHED: played to the end of the routine
 * @LIMBER_SESSION_STATE_ENDED: ended early with limber_session_end()
 */
typedef enum
{
  LIMBER_SESSION_STATE_NOT_STARTED,
  LIMBER_SESSION_STATE_RUNNING,
  LIMBER_SESSION_STATE_PAUSED,
  LIMBER_SESSION_STATE_FINISHED,
  LIMBER_SESSION_STATE_ENDED,
} LimberSessionState;

/**
 * LimberSessionSide:
 * @LIMBER_SESSION_SIDE_NONE: a step played once
 * @LIMBER_SESSION_SIDE_LEFT: the first side of a left-right step, as animated
 * @LIMBER_SESSION_SIDE_RIGHT: the second side, mirrored
 */
typedef enum
{
  LIMBER_SESSION_SIDE_NONE,
  LIMBER_SESSION_SIDE_LEFT,
  LIMBER_SESSION_SIDE_RIGHT,
} LimberSessionSide;

G_DECLARE_FINAL_TYPE (LimberSession, limber_session, LIMBER, SESSION, GObject)

GType               limber_session_state_get_type        (void) G_GNUC_CONST;
GType               limber_session_side_get_type         (void) G_GNUC_CONST;

LimberSession      *limber_session_new                   (LimberRoutine *routine,
                                                          LimberClock   *clock);

void                limber_session_start                 (LimberSession *self);
void                limber_session_pause                 (LimberSession *self);
void                limber_session_resume                (LimberSession *self);
void                limber_session_toggle_pause          (LimberSession *self);
void                limber_session_next                  (LimberSession *self);
void                limber_session_previous              (LimberSession *self);
void                limber_session_restart_step          (LimberSession *self);
void                limber_session_end                   (LimberSession *self);

LimberRoutine      *limber_session_get_routine           (LimberSession *self);
LimberClock        *limber_session_get_clock             (LimberSession *self);
LimberSessionState  limber_session_get_state             (LimberSession *self);
gboolean            limber_session_is_over               (LimberSession *self);
guint               limber_session_get_segment           (LimberSession *self);
guint               limber_session_get_n_segments        (LimberSession *self);
LimberStep         *limber_session_get_step              (LimberSession *self);
guint               limber_session_get_step_number       (LimberSession *self);
guint               limber_session_get_n_steps           (LimberSession *self);
LimberStep         *limber_session_get_next_step         (LimberSession *self);
LimberSessionSide   limber_session_get_side              (LimberSession *self);
gboolean            limber_session_get_mirrored          (LimberSession *self);
gint64              limber_session_get_segment_duration  (LimberSession *self);
gint64              limber_session_get_elapsed           (LimberSession *self);
gint64              limber_session_get_remaining         (LimberSession *self);
guint               limber_session_get_seconds_left      (LimberSession *self);
guint               limber_session_get_steps_done        (LimberSession *self);
gint64              limber_session_get_total_elapsed     (LimberSession *self);
gint64              limber_session_get_time_left         (LimberSession *self);
gint64              limber_session_get_total_duration    (LimberSession *self);
guint               limber_session_get_duration_seconds  (LimberSession *self);

G_END_DECLS
