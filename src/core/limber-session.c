/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-cue.h"
#include "limber-session.h"

/* The number of last seconds of a segment that get a "countdown" cue. */
#define COUNTDOWN_SECONDS 3

typedef struct
{
  guint step_index;
  LimberSessionSide side;
  gint64 duration; /* µs */
} Segment;

struct _LimberSession
{
  GObject parent_instance;

  LimberRoutine *routine;
  LimberClock *clock;
  gulong alarm_handler;

  GArray *segments;   /* of Segment */
  gboolean *step_done; /* one per step */
  guint steps_done;

  LimberSessionState state;
  guint segment;

  /* Monotonic time (µs) at which the current run of playing began; only
   * meaningful while running. Whatever played before it is folded into
   * the two sums below at each checkpoint (pause, segment change). */
  gint64 run_start;
  gint64 segment_played;
  gint64 total_played;

  /* What ::second last announced, so a tick never repeats one. */
  guint seconds_left;
};

G_DEFINE_FINAL_TYPE (LimberSession, limber_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberSessionState, limber_session_state,
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_FINISHED, "finished"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (LimberSessionSide, limber_session_side,
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_SIDE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_SIDE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_SIDE_RIGHT, "right"))

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_CLOCK,
  PROP_STATE,
  PROP_SEGMENT,
  PROP_N_SEGMENTS,
  PROP_STEP,
  PROP_STEP_NUMBER,
  PROP_N_STEPS,
  PROP_NEXT_STEP,
  PROP_SIDE,
  PROP_MIRRORED,
  PROP_SEGMENT_DURATION,
  PROP_ELAPSED,
  PROP_REMAINING,
  PROP_SECONDS_LEFT,
  PROP_STEPS_DONE,
  PROP_TOTAL_ELAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CUE,
  SECOND,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const Segment *
current_segment (LimberSession *self)
{
  g_assert (self->segment < self->segments->len);
  return &g_array_index (self->segments, Segment, self->segment);
}

static gint64
now (LimberSession *self)
{
  return limber_clock_get_monotonic (self->clock);
}

/* Whole seconds left in the segment, rounded up: what a countdown shows. */
static guint
seconds_left_for (gint64 remaining)
{
  if (remaining <= 0)
    return 0;
  return (guint) ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/* Folds the playing time since run_start into the sums. */
static void
checkpoint (LimberSession *self)
{
  gint64 t;

  if (self->state != LIMBER_SESSION_STATE_RUNNING)
    return;

  t = now (self);
  if (t > self->run_start)
    {
      self->segment_played += t - self->run_start;
      self->total_played += t - self->run_start;
    }
  self->run_start = t;
}

static void
emit_cue (LimberSession *self,
          LimberCue      cue)
{
  g_signal_emit (self, signals[CUE], 0, limber_cue_get_name (cue));
}

/* Arms the clock's one alarm for the next whole second of the segment;
 * countdown cues and the segment's end fall on whole seconds too, since
 * step durations are whole seconds. Off unless running. */
static void
arm (LimberSession *self)
{
  gint64 elapsed;
  gint64 next;
  gint64 duration;

  if (self->state != LIMBER_SESSION_STATE_RUNNING)
    {
      limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);
      return;
    }

  duration = current_segment (self)->duration;
  elapsed = limber_session_get_elapsed (self);
  next = MIN ((elapsed / G_USEC_PER_SEC + 1) * G_USEC_PER_SEC, duration);
  /* The alarm runs on boottime; the session on monotonic time, which is
   * the same span unless the machine sleeps (then the alarm comes early
   * and is simply armed again). */
  limber_clock_set_alarm (self->clock, limber_clock_get_boottime (self->clock) + (next - elapsed));
}

static void
set_seconds_left (LimberSession *self,
                  guint          seconds_left)
{
  if (self->seconds_left == seconds_left)
    return;
  self->seconds_left = seconds_left;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
}

static void
set_state (LimberSession      *self,
           LimberSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
mark_step_done (LimberSession *self,
                guint          step_index)
{
  if (self->step_done[step_index])
    return;
  self->step_done[step_index] = TRUE;
  self->steps_done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS_DONE]);
}

/* Moves to segment @index, at its start. @cue is played when running. */
static void
enter_segment (LimberSession *self,
               guint          index,
               LimberCue      cue)
{
  GObject *object = G_OBJECT (self);
  const Segment *old = current_segment (self);
  const Segment *seg;
  gboolean moved = index != self->segment;

  g_assert (index < self->segments->len);

  checkpoint (self);
  self->segment = index;
  self->segment_played = 0;
  seg = current_segment (self);

  g_object_freeze_notify (object);
  if (moved)
    g_object_notify_by_pspec (object, properties[PROP_SEGMENT]);
  if (old->step_index != seg->step_index)
    {
      g_object_notify_by_pspec (object, properties[PROP_STEP]);
      g_object_notify_by_pspec (object, properties[PROP_STEP_NUMBER]);
      g_object_notify_by_pspec (object, properties[PROP_NEXT_STEP]);
    }
  if (old->side != seg->side)
    {
      g_object_notify_by_pspec (object, properties[PROP_SIDE]);
      g_object_notify_by_pspec (object, properties[PROP_MIRRORED]);
    }
  if (old->duration != seg->duration)
    g_object_notify_by_pspec (object, properties[PROP_SEGMENT_DURATION]);
  set_seconds_left (self, seconds_left_for (seg->duration));
  g_object_thaw_notify (object);

  arm (self);
  if (self->state == LIMBER_SESSION_STATE_RUNNING)
    emit_cue (self, cue);
}

static void
finish (LimberSession *self,
        gboolean       completed)
{
  checkpoint (self);
  set_state (self, completed ? LIMBER_SESSION_STATE_FINISHED : LIMBER_SESSION_STATE_ENDED);
  limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);

  if (completed)
    {
      set_seconds_left (self, 0);
      emit_cue (self, LIMBER_CUE_SESSION_COMPLETE);
    }
  g_signal_emit (self, signals[FINISHED], 0,
                 completed,
                 self->steps_done,
                 limber_routine_get_n_steps (self->routine),
                 limber_session_get_duration_seconds (self));
}

/* The cue for moving forward into the segment after the current one. */
static LimberCue
forward_cue (LimberSession *self)
{
  const Segment *seg = current_segment (self);
  const Segment *next = &g_array_index (self->segments, Segment, self->segment + 1);

  if (next->side == LIMBER_SESSION_SIDE_RIGHT && next->step_index == seg->step_index)
    return LIMBER_CUE_SWITCH_SIDES;
  return LIMBER_CUE_STEP_START;
}

/* The current segment played to its end. */
static void
segment_over (LimberSession *self)
{
  const Segment *seg = current_segment (self);
  gboolean last_of_step = self->segment + 1 == self->segments->len
                          || g_array_index (self->segments, Segment, self->segment + 1).step_index
                             != seg->step_index;

  if (last_of_step)
    mark_step_done (self, seg->step_index);

  if (self->segment + 1 == self->segments->len)
    finish (self, TRUE);
  else
    enter_segment (self, self->segment + 1, forward_cue (self));
}

static void
alarm_cb (LimberClock *clock,
          gpointer     user_data)
{
  LimberSession *self = user_data;
  G_GNUC_UNUSED g_autoptr(LimberSession) hold = g_object_ref (self);
  gint64 remaining;
  guint seconds_left;

  if (self->state != LIMBER_SESSION_STATE_RUNNING)
    return;

  checkpoint (self);
  remaining = current_segment (self)->duration - self->segment_played;

  if (remaining <= 0)
    {
      segment_over (self);
      if (self->state == LIMBER_SESSION_STATE_RUNNING)
        g_signal_emit (self, signals[SECOND], 0);
      return;
    }

  seconds_left = seconds_left_for (remaining);
  if (seconds_left != self->seconds_left)
    {
      set_seconds_left (self, seconds_left);
      if (seconds_left <= COUNTDOWN_SECONDS)
        emit_cue (self, LIMBER_CUE_COUNTDOWN);
      if (self->state == LIMBER_SESSION_STATE_RUNNING)
        g_signal_emit (self, signals[SECOND], 0);
    }

  /* A handler may have paused, moved or ended the session; it re-armed
   * (or disarmed) the alarm then, and arming again is harmless. */
  arm (self);
}

static gboolean
is_playing (LimberSession *self)
{
  return self->state == LIMBER_SESSION_STATE_RUNNING
         || self->state == LIMBER_SESSION_STATE_PAUSED;
}

/**
 * limber_session_new:
 * @routine: the routine to play; it must be resolved (its steps linked to
 *   their animations) only if a view is to draw them
 * @clock: the clock to play on; the session owns its alarm
 *
 * Returns: (transfer full): a session that has not started
 */
LimberSession *
limber_session_new (LimberRoutine *routine,
                    LimberClock   *clock)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (limber_routine_get_n_steps (routine) > 0, NULL);
  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  return g_object_new (LIMBER_TYPE_SESSION,
                       "routine", routine,
                       "clock", clock,
                       NULL);
}

/**
 * limber_session_start:
 *
 * Starts playing the first segment, with a "step-start" cue. Does nothing
 * unless the session is not started yet.
 */
void
limber_session_start (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state != LIMBER_SESSION_STATE_NOT_STARTED)
    return;

  self->run_start = now (self);
  set_state (self, LIMBER_SESSION_STATE_RUNNING);
  arm (self);
  emit_cue (self, LIMBER_CUE_STEP_START);
}

/**
 * limber_session_pause:
 *
 * Stops time: the segment's elapsed time stays where it is and no alarm is
 * armed until limber_session_resume().
 */
void
limber_session_pause (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state != LIMBER_SESSION_STATE_RUNNING)
    return;

  checkpoint (self);
  set_state (self, LIMBER_SESSION_STATE_PAUSED);
  arm (self);
}

void
limber_session_resume (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state != LIMBER_SESSION_STATE_PAUSED)
    return;

  self->run_start = now (self);
  set_state (self, LIMBER_SESSION_STATE_RUNNING);
  arm (self);
}

/**
 * limber_session_toggle_pause:
 *
 * Pauses a running session, resumes a paused one, and starts one that has
 * not started.
 */
void
limber_session_toggle_pause (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  switch (self->state)
    {
    case LIMBER_SESSION_STATE_NOT_STARTED:
      limber_session_start (self);
      break;
    case LIMBER_SESSION_STATE_RUNNING:
      limber_session_pause (self);
      break;
    case LIMBER_SESSION_STATE_PAUSED:
      limber_session_resume (self);
      break;
    case LIMBER_SESSION_STATE_FINISHED:
    case LIMBER_SESSION_STATE_ENDED:
    default:
      break;
    }
}

/**
 * limber_session_next:
 *
 * Skips to the start of the next segment (the other side of a left-right
 * step, or the next step). A skipped step does not count as done. On the
 * last segment, this finishes the session (completed: the routine was
 * played to its end, however many steps were skipped).
 */
void
limber_session_next (LimberSession *self)
{
  g_autoptr(LimberSession) hold = NULL;

  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (!is_playing (self))
    return;

  hold = g_object_ref (self);
  if (self->segment + 1 == self->segments->len)
    finish (self, TRUE);
  else
    enter_segment (self, self->segment + 1, forward_cue (self));
}

/**
 * limber_session_previous:
 *
 * Goes back to the start of the previous segment; on the first one, starts
 * it again.
 */
void
limber_session_previous (LimberSession *self)
{
  g_autoptr(LimberSession) hold = NULL;

  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (!is_playing (self))
    return;

  hold = g_object_ref (self);
  enter_segment (self, self->segment > 0 ? self->segment - 1 : 0, LIMBER_CUE_STEP_START);
}

/**
 * limber_session_restart_step:
 *
 * Starts the current segment (the current side of a left-right step) again.
 */
void
limber_session_restart_step (LimberSession *self)
{
  g_autoptr(LimberSession) hold = NULL;

  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (!is_playing (self))
    return;

  hold = g_object_ref (self);
  enter_segment (self, self->segment, LIMBER_CUE_STEP_START);
}

/**
 * limber_session_end:
 *
 * Ends the session early: ::finished is emitted with @completed %FALSE.
 * Does nothing once the session is over.
 */
void
limber_session_end (LimberSession *self)
{
  g_autoptr(LimberSession) hold = NULL;

  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (limber_session_is_over (self))
    return;

  hold = g_object_ref (self);
  finish (self, FALSE);
}

LimberRoutine *
limber_session_get_routine (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);
  return self->routine;
}

LimberClock *
limber_session_get_clock (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);
  return self->clock;
}

LimberSessionState
limber_session_get_state (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), LIMBER_SESSION_STATE_NOT_STARTED);
  return self->state;
}

/* Returns: %TRUE once the session finished or was ended */
gboolean
limber_session_is_over (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), FALSE);
  return self->state == LIMBER_SESSION_STATE_FINISHED
         || self->state == LIMBER_SESSION_STATE_ENDED;
}

/* Returns: the index of the current segment, from 0 */
guint
limber_session_get_segment (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return self->segment;
}

guint
limber_session_get_n_segments (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return self->segments->len;
}

/* Returns: (transfer none): the step of the current segment */
LimberStep *
limber_session_get_step (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);
  return limber_routine_get_step (self->routine, current_segment (self)->step_index);
}

/* Returns: the current step's place in the routine, from 1 */
guint
limber_session_get_step_number (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return current_segment (self)->step_index + 1;
}

guint
limber_session_get_n_steps (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return limber_routine_get_n_steps (self->routine);
}

/**
 * limber_session_get_next_step:
 *
 * Returns: (transfer none) (nullable): the step after the current one, or
 *   %NULL on the last step
 */
LimberStep *
limber_session_get_next_step (LimberSession *self)
{
  guint next;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  next = current_segment (self)->step_index + 1;
  if (next >= limber_routine_get_n_steps (self->routine))
    return NULL;
  return limber_routine_get_step (self->routine, next);
}

LimberSessionSide
limber_session_get_side (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), LIMBER_SESSION_SIDE_NONE);
  return current_segment (self)->side;
}

/* Returns: %TRUE when the figure is drawn mirrored (the right side) */
gboolean
limber_session_get_mirrored (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), FALSE);
  return current_segment (self)->side == LIMBER_SESSION_SIDE_RIGHT;
}

/* Returns: how long the current segment lasts, in µs */
gint64
limber_session_get_segment_duration (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return current_segment (self)->duration;
}

/**
 * limber_session_get_elapsed:
 *
 * How far the current segment has played, in µs, from 0 to its duration.
 * Cheap (one clock reading): the figure view samples its animation at this
 * every frame. It is not notified; listen to ::second.
 */
gint64
limber_session_get_elapsed (LimberSession *self)
{
  gint64 played;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  played = self->segment_played;
  if (self->state == LIMBER_SESSION_STATE_RUNNING)
    played += MAX (now (self) - self->run_start, 0);
  return CLAMP (played, 0, current_segment (self)->duration);
}

/* Returns: µs left in the current segment; not notified (see ::second) */
gint64
limber_session_get_remaining (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return current_segment (self)->duration - limber_session_get_elapsed (self);
}

/* Returns: whole seconds left in the segment, rounded up, as of the last
 * ::second; notified when it changes */
guint
limber_session_get_seconds_left (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return self->seconds_left;
}

/* Returns: how many steps were played to their end (a skipped step does
 * not count, and a step played twice counts once) */
guint
limber_session_get_steps_done (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return self->steps_done;
}

/* Returns: µs the session has been playing, pauses left out */
gint64
limber_session_get_total_elapsed (LimberSession *self)
{
  gint64 total;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  total = self->total_played;
  if (self->state == LIMBER_SESSION_STATE_RUNNING)
    total += MAX (now (self) - self->run_start, 0);
  return total;
}

/* Returns: µs until the session's end if it plays on from here: the rest
 * of this segment and all the segments after it */
gint64
limber_session_get_time_left (LimberSession *self)
{
  gint64 left;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  if (limber_session_is_over (self))
    return 0;

  left = limber_session_get_remaining (self);
  for (guint i = self->segment + 1; i < self->segments->len; i++)
    left += g_array_index (self->segments, Segment, i).duration;
  return left;
}

/* Returns: µs the whole routine lasts, played straight through */
gint64
limber_session_get_total_duration (LimberSession *self)
{
  gint64 total = 0;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  for (guint i = 0; i < self->segments->len; i++)
    total += g_array_index (self->segments, Segment, i).duration;
  return total;
}

/* Returns: limber_session_get_total_elapsed() in whole seconds, rounded to
 * the nearest: the duration a history records */
guint
limber_session_get_duration_seconds (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);
  return (guint) ((limber_session_get_total_elapsed (self) + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
}

static void
build_segments (LimberSession *self)
{
  guint n_steps = limber_routine_get_n_steps (self->routine);

  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->step_done = g_new0 (gboolean, n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      LimberStep *step = limber_routine_get_step (self->routine, i);
      Segment seg = {
        .step_index = i,
        .side = LIMBER_SESSION_SIDE_NONE,
        .duration = (gint64) limber_step_get_duration (step) * G_USEC_PER_SEC,
      };

      if (limber_step_get_sides (step) == LIMBER_STEP_SIDES_LEFT_RIGHT)
        {
          seg.side = LIMBER_SESSION_SIDE_LEFT;
          g_array_append_val (self->segments, seg);
          seg.side = LIMBER_SESSION_SIDE_RIGHT;
        }
      g_array_append_val (self->segments, seg);
    }

  self->seconds_left = seconds_left_for (current_segment (self)->duration);
}

static void
limber_session_constructed (GObject *object)
{
  LimberSession *self = LIMBER_SESSION (object);

  G_OBJECT_CLASS (limber_session_parent_class)->constructed (object);

  g_assert (self->routine != NULL && self->clock != NULL);
  build_segments (self);
  self->alarm_handler = g_signal_connect (self->clock, "alarm", G_CALLBACK (alarm_cb), self);
}

static void
limber_session_dispose (GObject *object)
{
  LimberSession *self = LIMBER_SESSION (object);

  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->alarm_handler, self->clock);
      /* Only a running session has the alarm armed; one that is over or
       * paused leaves it alone, for whoever uses the clock next. */
      if (self->state == LIMBER_SESSION_STATE_RUNNING)
        limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);
    }
  g_clear_object (&self->clock);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (limber_session_parent_class)->dispose (object);
}

static void
limber_session_finalize (GObject *object)
{
  LimberSession *self = LIMBER_SESSION (object);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->step_done, g_free);

  G_OBJECT_CLASS (limber_session_parent_class)->finalize (object);
}

static void
limber_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberSession *self = LIMBER_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SEGMENT:
      g_value_set_uint (value, self->segment);
      break;
    case PROP_N_SEGMENTS:
      g_value_set_uint (value, limber_session_get_n_segments (self));
      break;
    case PROP_STEP:
      g_value_set_object (value, limber_session_get_step (self));
      break;
    case PROP_STEP_NUMBER:
      g_value_set_uint (value, limber_session_get_step_number (self));
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, limber_session_get_n_steps (self));
      break;
    case PROP_NEXT_STEP:
      g_value_set_object (value, limber_session_get_next_step (self));
      break;
    case PROP_SIDE:
      g_value_set_enum (value, limber_session_get_side (self));
      break;
    case PROP_MIRRORED:
      g_value_set_boolean (value, limber_session_get_mirrored (self));
      break;
    case PROP_SEGMENT_DURATION:
      g_value_set_int64 (value, limber_session_get_segment_duration (self));
      break;
    case PROP_ELAPSED:
      g_value_set_int64 (value, limber_session_get_elapsed (self));
      break;
    case PROP_REMAINING:
      g_value_set_int64 (value, limber_session_get_remaining (self));
      break;
    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;
    case PROP_STEPS_DONE:
      g_value_set_uint (value, self->steps_done);
      break;
    case PROP_TOTAL_ELAPSED:
      g_value_set_int64 (value, limber_session_get_total_elapsed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LimberSession *self = LIMBER_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_class_init (LimberSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = limber_session_constructed;
  object_class->dispose = limber_session_dispose;
  object_class->finalize = limber_session_finalize;
  object_class->get_property = limber_session_get_property;
  object_class->set_property = limber_session_set_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, LIMBER_TYPE_ROUTINE, co);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LIMBER_TYPE_CLOCK, co);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_SESSION_STATE,
                       LIMBER_SESSION_STATE_NOT_STARTED, ro);
  properties[PROP_SEGMENT] =
    g_param_spec_uint ("segment", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_SEGMENTS] =
    g_param_spec_uint ("n-segments", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, LIMBER_TYPE_STEP, ro);
  properties[PROP_STEP_NUMBER] =
    g_param_spec_uint ("step-number", NULL, NULL, 0, G_MAXUINT, 1, ro);
  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NEXT_STEP] =
    g_param_spec_object ("next-step", NULL, NULL, LIMBER_TYPE_STEP, ro);
  properties[PROP_SIDE] =
    g_param_spec_enum ("side", NULL, NULL, LIMBER_TYPE_SESSION_SIDE,
                       LIMBER_SESSION_SIDE_NONE, ro);
  properties[PROP_MIRRORED] =
    g_param_spec_boolean ("mirrored", NULL, NULL, FALSE, ro);
  properties[PROP_SEGMENT_DURATION] =
    g_param_spec_int64 ("segment-duration", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /* elapsed, remaining and total-elapsed change all the time and are never
   * notified: read them on ::second, or every frame. */
  properties[PROP_ELAPSED] =
    g_param_spec_int64 ("elapsed", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_STEPS_DONE] =
    g_param_spec_uint ("steps-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TOTAL_ELAPSED] =
    g_param_spec_int64 ("total-elapsed", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberSession::cue:
   * @name: a cue name from limber-cue.h
   *
   * A sound should play: "step-start" when a segment starts (at the start,
   * after the previous one, and after previous, next or restart),
   * "switch-sides" instead when the right side of a step follows its left,
   * "countdown" at 3, 2 and 1 seconds left in a segment, and
   * "session-complete" when the last segment ends. Only while running.
   */
  signals[CUE] = g_signal_new ("cue",
                               G_TYPE_FROM_CLASS (klass),
                               G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL,
                               G_TYPE_NONE, 1,
                               G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * LimberSession::second:
   *
   * Another whole second of the segment has played (after any segment
   * change it brought): views update their countdown here, with no timer
   * of their own. Only while running.
   */
  signals[SECOND] = g_signal_new ("second",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  /**
   * LimberSession::finished:
   * @completed: %TRUE when the routine played to its end, %FALSE when the
   *   session was ended early
   * @steps_done: the steps played to their end
   * @steps_total: the steps of the routine
   * @duration_seconds: the time played, pauses left out
   *
   * The session is over; what a history records.
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 4,
                                    G_TYPE_BOOLEAN, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
limber_session_init (LimberSession *self)
{
  self->state = LIMBER_SESSION_STATE_NOT_STARTED;
}
