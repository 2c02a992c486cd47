/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The break engine. How sitting is counted, per break type:
 *
 *  - While the person is active, sitting grows.
 *  - An idle gap grows sitting too while it is shorter than the break's
 *    length (reading counts as sitting). When it reaches the length it is
 *    a natural break: sitting drops to zero and stays there until the
 *    person is back. A stretch break resets the micro-break too.
 *  - Suspend, lock and session end are idle for their whole span.
 *  - Paused or in a guided session, sitting is frozen.
 *
 * Each break type moves counting → warned → due → on break → counting,
 * with postponed and skipped as ways out of warned/due, and deferred as a
 * stop on the way to due while do-not-disturb is on.
 *
 * Everything that can happen by itself (a warning, a due break, a natural
 * break, the end of a deferral, pause or guided session) is an "action"
 * with a time. advance() applies the actions in time order up to now, so
 * the state is right even when the engine is woken late, as after a
 * suspend. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-break-engine.h"

/* A boottime/monotonic drift above this means the machine slept. */
/* Microseconds from seconds, in 64 bits. */
#define SECONDS(s) ((gint64) (s) * G_USEC_PER_SEC)

#define SUSPEND_DETECT_SLACK SECONDS (2)
/* A guided session nobody finished ends this long after its length. */
#define GUIDED_GRACE SECONDS (10 * 60)
/* Sanity bounds for restored values. */
#define MAX_RESTORED_SPAN SECONDS (7 * 24 * 3600)
#define STATE_VERSION 1

typedef struct
{
  gboolean enabled;
  gint64 interval;
  gint64 length;

  LimberBreakState state;
  /* Sitting accumulated while not running, and when running began. */
  gint64 base;
  gint64 running_since;
  guint postpones;
  /* When set (>= 0), the break is due then whatever the sitting time:
   * after a postpone, a "break now", or a grace period after a pause. */
  gint64 due_override;
  /* Bypass the micro-break hold and do-not-disturb ("break now"). */
  gboolean forced;
  gboolean warned;
  gboolean was_deferred;
  gint64 deferred_since;
  gint64 break_started;
  LimberBreakHow break_how;
  /* Already reset by the current idle gap. */
  gboolean reset_in_idle;
} Slot;

typedef enum
{
  ACTION_NONE,
  ACTION_NATURAL,
  ACTION_WARN,
  ACTION_DUE,
  ACTION_DEFER_CAP,
  ACTION_GUIDED_TIMEOUT,
  ACTION_PAUSE_END,
} ActionKind;

typedef struct
{
  ActionKind kind;
  LimberBreakType type;
  gint64 time;
} Action;

struct _LimberBreakEngine
{
  GObject parent_instance;

  LimberClock *clock;

  Slot slots[LIMBER_N_BREAK_TYPES];
  gint64 warning_lead;
  gint64 postpone_length;
  guint postpone_limit;
  gint64 dnd_cap;

  /* The boottime up to which actions have been applied. */
  gint64 now;
  gint64 last_drift;
  gboolean have_drift;

  gboolean source_idle;
  gint64 source_idle_since;
  guint blocked;
  gboolean idle;
  gint64 idle_since;

  gboolean dnd;

  LimberPauseKind pause_kind;
  gint64 pause_until;
  gint64 pause_until_realtime;

  gint64 next_deadline;
};

G_DEFINE_FINAL_TYPE (LimberBreakEngine, limber_break_engine, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-break-error-quark, limber_break_error)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_NEXT_DEADLINE,
  N_PROPS
};

enum {
  BREAK_EVENT,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
type_name (LimberBreakType type)
{
  return limber_break_type_to_string (type);
}

static gboolean
is_paused (LimberBreakEngine *self)
{
  return self->pause_kind != LIMBER_PAUSE_NONE;
}

static gboolean
is_pending (const Slot *slot)
{
  return slot->state == LIMBER_BREAK_STATE_DUE
         || slot->state == LIMBER_BREAK_STATE_DEFERRED
         || (slot->state == LIMBER_BREAK_STATE_ON_BREAK && slot->break_how == LIMBER_BREAK_HOW_IDLE);
}

static gboolean
in_guided_break (const Slot *slot)
{
  return slot->state == LIMBER_BREAK_STATE_ON_BREAK && slot->break_how == LIMBER_BREAK_HOW_GUIDED;
}

static gint64
slot_sitting (const Slot *slot,
              gint64      t)
{
  return slot->base + (slot->running_since >= 0 ? MAX (t - slot->running_since, 0) : 0);
}

static gint64
slot_due_time (const Slot *slot)
{
  if (slot->due_override >= 0)
    return slot->due_override;
  if (slot->running_since < 0)
    return LIMBER_CLOCK_NEVER;
  return slot->running_since + MAX (slot->interval - slot->base, 0);
}

static gboolean
slot_can_run (LimberBreakEngine *self,
              const Slot        *slot)
{
  return slot->enabled
         && !is_paused (self)
         && !in_guided_break (slot)
         && !(self->idle && slot->reset_in_idle);
}

/* Starts or stops each slot's running clock to match what it may do now. */
static void
sync_running (LimberBreakEngine *self,
              gint64             t)
{
  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];
      gboolean can_run = slot_can_run (self, slot);

      if (can_run && slot->running_since < 0)
        slot->running_since = t;
      else if (!can_run && slot->running_since >= 0)
        {
          slot->base = slot_sitting (slot, t);
          slot->running_since = -1;
        }
    }
}

/* The micro-break waits while a stretch break is pending or about to be,
 * so they never arrive back to back; the stretch break resets it. */
static gboolean
is_held (LimberBreakEngine *self,
         LimberBreakType    type)
{
  const Slot *micro = &self->slots[LIMBER_BREAK_MICRO];
  const Slot *stretch = &self->slots[LIMBER_BREAK_STRETCH];
  gint64 micro_due, stretch_due;

  if (type != LIMBER_BREAK_MICRO || micro->forced || !stretch->enabled)
    return FALSE;

  if (stretch->state != LIMBER_BREAK_STATE_COUNTING)
    return TRUE;

  micro_due = slot_due_time (micro);
  stretch_due = slot_due_time (stretch);
  if (micro_due == LIMBER_CLOCK_NEVER || stretch_due == LIMBER_CLOCK_NEVER)
    return FALSE;

  return stretch_due - micro_due <= micro->interval / LIMBER_BREAK_MERGE_DIVISOR;
}

static void
emit_event (LimberBreakEngine    *self,
            LimberBreakType       type,
            LimberBreakEventKind  kind,
            LimberBreakHow        how,
            gint64                t,
            gint64                sitting)
{
  const Slot *slot = &self->slots[type];
  LimberBreakEvent event = {
    .type = type,
    .kind = kind,
    .how = how,
    .time = t,
    .realtime = limber_clock_get_realtime (self->clock) - (limber_clock_get_boottime (self->clock) - t),
    .sitting = MAX (sitting, 0),
    .postpones = slot->postpones,
    .escalated = kind == LIMBER_BREAK_EVENT_DUE && slot->postpones > 0
                 && slot->postpones >= self->postpone_limit,
    .was_deferred = kind == LIMBER_BREAK_EVENT_DUE && slot->was_deferred,
  };

  /* The deadline in wall-clock time, so latency can be measured. */
  g_debug ("%s break: %s%s%s (sitting %" G_GINT64_FORMAT " s, postpones %u, deadline %" G_GINT64_FORMAT ")",
           type_name (type),
           limber_break_event_kind_to_string (kind),
           how != LIMBER_BREAK_HOW_NONE ? " by " : "",
           how != LIMBER_BREAK_HOW_NONE ? limber_break_how_to_string (how) : "",
           event.sitting / G_USEC_PER_SEC, slot->postpones, event.realtime);

  g_signal_emit (self, signals[BREAK_EVENT], 0, &event);
}

static void
emit_completed_event (LimberBreakEngine *self,
                      LimberBreakType    type,
                      gint64             t,
                      gint64             sitting,
                      gboolean           completed)
{
  const Slot *slot = &self->slots[type];
  LimberBreakEvent event = {
    .type = type,
    .kind = LIMBER_BREAK_EVENT_TAKEN,
    .how = LIMBER_BREAK_HOW_GUIDED,
    .time = t,
    .realtime = limber_clock_get_realtime (self->clock) - (limber_clock_get_boottime (self->clock) - t),
    .sitting = MAX (sitting, 0),
    .postpones = slot->postpones,
    .completed = completed,
  };

  g_debug ("%s break: taken by guided session (%s)", type_name (type),
           completed ? "finished" : "ended early");
  g_signal_emit (self, signals[BREAK_EVENT], 0, &event);
}

static void
set_state (LimberBreakEngine *self,
           LimberBreakType    type,
           LimberBreakState   state)
{
  Slot *slot = &self->slots[type];

  if (slot->state == state)
    return;

  g_debug ("%s break: %s → %s", type_name (type),
           limber_break_state_to_string (slot->state),
           limber_break_state_to_string (state));
  slot->state = state;
}

/* Back to the start of an interval: nothing sat, nothing postponed. */
static void
reset_slot (LimberBreakEngine *self,
            LimberBreakType    type,
            gboolean           in_idle)
{
  Slot *slot = &self->slots[type];

  slot->base = 0;
  slot->running_since = -1;
  slot->postpones = 0;
  slot->due_override = -1;
  slot->forced = FALSE;
  slot->warned = FALSE;
  slot->was_deferred = FALSE;
  slot->reset_in_idle = in_idle;
  set_state (self, type, slot->enabled ? LIMBER_BREAK_STATE_COUNTING : LIMBER_BREAK_STATE_DISABLED);
}

/* Sitting before the current idle gap began, for the records. */
static gint64
sitting_before_gap (LimberBreakEngine *self,
                    const Slot        *slot,
                    gint64             t)
{
  gint64 sitting = slot_sitting (slot, t);

  if (self->idle && slot->running_since >= 0)
    sitting -= t - MAX (self->idle_since, slot->running_since);
  return MAX (sitting, 0);
}

/* An idle gap reached the break's length: a natural break, or, when the
 * break was pending, the break taken. */
static void
end_by_idle (LimberBreakEngine *self,
             LimberBreakType    type,
             gint64             t)
{
  Slot *slot = &self->slots[type];
  gint64 sitting = sitting_before_gap (self, slot, t);

  if (is_pending (slot))
    emit_event (self, type, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_IDLE, t, sitting);
  else
    emit_event (self, type, LIMBER_BREAK_EVENT_NATURAL, LIMBER_BREAK_HOW_IDLE, t, sitting);

  reset_slot (self, type, TRUE);
}

static void
deliver_due (LimberBreakEngine *self,
             LimberBreakType    type,
             gint64             t,
             gboolean           was_deferred)
{
  Slot *slot = &self->slots[type];

  slot->was_deferred = was_deferred;
  slot->forced = FALSE;
  if (self->idle)
    {
      /* Already away from the desk: the break is under way. */
      slot->break_started = t;
      slot->break_how = LIMBER_BREAK_HOW_IDLE;
      set_state (self, type, LIMBER_BREAK_STATE_ON_BREAK);
    }
  else
    set_state (self, type, LIMBER_BREAK_STATE_DUE);

  emit_event (self, type, LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_HOW_NONE, t, slot_sitting (slot, t));
}

static gint64
guided_timeout (const Slot *slot)
{
  return slot->break_started + 2 * slot->length + GUIDED_GRACE;
}


static void
consider (Action          *best,
          ActionKind       kind,
          LimberBreakType  type,
          gint64           time)
{
  if (time == LIMBER_CLOCK_NEVER)
    return;
  if (best->kind == ACTION_NONE || time < best->time)
    {
      best->kind = kind;
      best->type = type;
      best->time = time;
    }
}

/* The earliest thing that will happen by itself, if nothing else does. */
static Action
next_action (LimberBreakEngine *self)
{
  Action best = { ACTION_NONE, 0, LIMBER_CLOCK_NEVER };

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      const Slot *slot = &self->slots[i];
      gint64 due;

      if (!slot->enabled)
        continue;

      if (self->idle && !slot->reset_in_idle && !in_guided_break (slot))
        consider (&best, ACTION_NATURAL, i, self->idle_since + slot->length);

      if (in_guided_break (slot))
        consider (&best, ACTION_GUIDED_TIMEOUT, i, guided_timeout (slot));

      /* Paused, or asleep or locked: nobody to remind. Reminders that
       * fall in a blocked span wait for its end (and a long enough span
       * has become a natural break by then). */
      if ((is_paused (self) || self->blocked != 0) && !slot->forced)
        continue;

      if (slot->state == LIMBER_BREAK_STATE_DEFERRED && !self->dnd)
        consider (&best, ACTION_DEFER_CAP, i, self->now);
      else if (slot->state == LIMBER_BREAK_STATE_DEFERRED)
        consider (&best, ACTION_DEFER_CAP, i, slot->deferred_since + self->dnd_cap);

      if ((slot->state != LIMBER_BREAK_STATE_COUNTING && slot->state != LIMBER_BREAK_STATE_WARNED)
          || is_held (self, i))
        continue;

      due = slot_due_time (slot);
      if (due == LIMBER_CLOCK_NEVER)
        continue;

      /* A warning comes at most half an interval ahead, so a short
       * interval does not start with one. */
      if (slot->state == LIMBER_BREAK_STATE_COUNTING && !slot->warned && self->warning_lead > 0
          && !slot->forced)
        consider (&best, ACTION_WARN, i, due - MIN (self->warning_lead, slot->interval / 2));
      consider (&best, ACTION_DUE, i, due);
    }

  if (self->pause_kind == LIMBER_PAUSE_FOR_DURATION || self->pause_kind == LIMBER_PAUSE_UNTIL_TOMORROW)
    consider (&best, ACTION_PAUSE_END, 0, self->pause_until);

  return best;
}

static void finish_guided (LimberBreakEngine *self, LimberBreakType type, gint64 t, gboolean completed);
static void end_pause (LimberBreakEngine *self, gint64 t);

static void
apply_action (LimberBreakEngine *self,
              const Action      *action,
              gint64             t)
{
  Slot *slot = &self->slots[action->type];

  switch (action->kind)
    {
    case ACTION_NATURAL:
      end_by_idle (self, action->type, t);
      if (action->type == LIMBER_BREAK_STRETCH && self->slots[LIMBER_BREAK_MICRO].enabled
          && !self->slots[LIMBER_BREAK_MICRO].reset_in_idle)
        end_by_idle (self, LIMBER_BREAK_MICRO, t);
      break;

    case ACTION_WARN:
      slot->warned = TRUE;
      /* A warning that would come after the due time is pointless, and
       * do-not-disturb silences warnings (the due reminder is deferred). */
      if (slot_due_time (slot) > t && !self->dnd)
        {
          set_state (self, action->type, LIMBER_BREAK_STATE_WARNED);
          emit_event (self, action->type, LIMBER_BREAK_EVENT_WARNED, LIMBER_BREAK_HOW_NONE, t,
                      slot_sitting (slot, t));
        }
      break;

    case ACTION_DUE:
      slot->warned = TRUE;
      slot->due_override = -1;
      if (self->dnd && self->dnd_cap > 0 && !slot->forced)
        {
          slot->deferred_since = t;
          set_state (self, action->type, LIMBER_BREAK_STATE_DEFERRED);
          emit_event (self, action->type, LIMBER_BREAK_EVENT_DEFERRED, LIMBER_BREAK_HOW_NONE, t,
                      slot_sitting (slot, t));
        }
      else
        deliver_due (self, action->type, t, FALSE);
      break;

    case ACTION_DEFER_CAP:
      deliver_due (self, action->type, t, TRUE);
      break;

    case ACTION_GUIDED_TIMEOUT:
      finish_guided (self, action->type, t, FALSE);
      break;

    case ACTION_PAUSE_END:
      end_pause (self, t);
      break;

    case ACTION_NONE:
    default:
      g_assert_not_reached ();
    }

  sync_running (self, t);
}

/* Applies, in order, everything due to happen up to @target. */
static void
advance (LimberBreakEngine *self,
         gint64             target)
{
  /* Each action changes the state it was computed from, so the loop ends;
   * the bound only guards against a bug turning into a hang. */
  for (guint guard = 0;; guard++)
    {
      Action action = next_action (self);
      gint64 t;

      if (action.kind == ACTION_NONE || action.time > target)
        break;

      if (guard == 1000)
        {
          g_critical ("Break engine: action %d for the %s break keeps recurring",
                      action.kind, type_name (action.type));
          break;
        }

      t = MAX (action.time, self->now);
      self->now = t;
      apply_action (self, &action, t);
    }

  self->now = MAX (self->now, target);
}

static void
update_idle (LimberBreakEngine *self,
             gint64             t)
{
  gboolean idle = self->source_idle || self->blocked != 0;

  if (idle && !self->idle)
    {
      self->idle = TRUE;
      self->idle_since = self->source_idle ? MIN (self->source_idle_since, t) : t;
      g_debug ("Idle since %" G_GINT64_FORMAT " s ago", (t - self->idle_since) / G_USEC_PER_SEC);

      for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
        {
          Slot *slot = &self->slots[i];

          slot->reset_in_idle = FALSE;
          if (slot->state == LIMBER_BREAK_STATE_DUE)
            {
              slot->break_started = self->idle_since;
              slot->break_how = LIMBER_BREAK_HOW_IDLE;
              set_state (self, i, LIMBER_BREAK_STATE_ON_BREAK);
            }
        }
    }
  else if (idle && self->source_idle && self->source_idle_since < self->idle_since)
    {
      /* The source knows the gap began earlier than we thought. */
      self->idle_since = MAX (self->source_idle_since, 0);
    }
  else if (!idle && self->idle)
    {
      g_debug ("Active after %" G_GINT64_FORMAT " s idle", (t - self->idle_since) / G_USEC_PER_SEC);
      self->idle = FALSE;
      self->idle_since = -1;

      for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
        {
          Slot *slot = &self->slots[i];

          slot->reset_in_idle = FALSE;
          /* Back before the break's length: the reminder still stands. */
          if (slot->state == LIMBER_BREAK_STATE_ON_BREAK && slot->break_how == LIMBER_BREAK_HOW_IDLE)
            set_state (self, i, LIMBER_BREAK_STATE_DUE);
        }
    }

  sync_running (self, t);
}

/* Catches a suspend nobody announced (no logind, a missed signal): the
 * boottime ran on while the monotonic clock stood still. When within the
 * span since the last look it happened is unknown; we place it at the end,
 * right before now. That undercounts sitting rather than inventing it, so
 * a resume never brings a spurious break. */
static void
check_hidden_suspend (LimberBreakEngine *self,
                      gint64             boot,
                      gint64             mono)
{
  gint64 drift = boot - mono;

  if (self->have_drift && !(self->blocked & LIMBER_BLOCK_SUSPEND)
      && drift - self->last_drift > SUSPEND_DETECT_SLACK)
    {
      gint64 slept = drift - self->last_drift;
      gint64 start = MAX (boot - slept, self->now);

      g_debug ("A suspend of %" G_GINT64_FORMAT " s went unannounced; counting it as idle",
               slept / G_USEC_PER_SEC);
      advance (self, start);
      self->blocked |= LIMBER_BLOCK_SUSPEND;
      update_idle (self, start);
      advance (self, boot);
      self->blocked &= ~LIMBER_BLOCK_SUSPEND;
      update_idle (self, boot);
    }

  self->last_drift = drift;
  self->have_drift = TRUE;
}

/* Every input starts here: read the clock and catch up. */
static gint64
begin_input (LimberBreakEngine *self)
{
  gint64 boot = limber_clock_get_boottime (self->clock);
  gint64 mono = limber_clock_get_monotonic (self->clock);

  check_hidden_suspend (self, boot, mono);
  advance (self, boot);
  return self->now;
}

/* Every input ends here: answer the next deadline. */
static void
end_input (LimberBreakEngine *self)
{
  Action action;
  gint64 deadline;

  /* What the input made due right now happens right now. */
  advance (self, self->now);

  action = next_action (self);
  deadline = action.kind == ACTION_NONE ? LIMBER_CLOCK_NEVER : MAX (action.time, self->now);

  if (deadline != self->next_deadline)
    {
      self->next_deadline = deadline;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DEADLINE]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
finish_guided (LimberBreakEngine *self,
               LimberBreakType    type,
               gint64             t,
               gboolean           completed)
{
  Slot *slot = &self->slots[type];

  emit_completed_event (self, type, t, slot_sitting (slot, t), completed);
  reset_slot (self, type, FALSE);

  if (type == LIMBER_BREAK_STRETCH && self->slots[LIMBER_BREAK_MICRO].enabled)
    {
      Slot *micro = &self->slots[LIMBER_BREAK_MICRO];

      if (is_pending (micro) || in_guided_break (micro))
        emit_completed_event (self, LIMBER_BREAK_MICRO, t, slot_sitting (micro, t), completed);
      reset_slot (self, LIMBER_BREAK_MICRO, FALSE);
    }
}

/* After a pause, a break already overdue comes with its warning first. */
static void
end_pause (LimberBreakEngine *self,
           gint64             t)
{
  g_debug ("Pause over");
  self->pause_kind = LIMBER_PAUSE_NONE;
  self->pause_until = LIMBER_CLOCK_NEVER;
  self->pause_until_realtime = 0;
  sync_running (self, t);

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];

      if (slot->state != LIMBER_BREAK_STATE_COUNTING || self->warning_lead <= 0)
        continue;
      if (slot_due_time (slot) < t + self->warning_lead)
        {
          slot->due_override = t + self->warning_lead;
          slot->warned = FALSE;
        }
    }
}

/* Public API */

LimberBreakEngine *
limber_break_engine_new (LimberClock *clock)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  return g_object_new (LIMBER_TYPE_BREAK_ENGINE, "clock", clock, NULL);
}

LimberClock *
limber_break_engine_get_clock (LimberBreakEngine *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), NULL);
  return self->clock;
}

/**
 * limber_break_engine_set_break:
 * @interval: continuous sitting before the break is due (µs)
 * @length: how long the break lasts, and the idle gap that counts as one (µs)
 *
 * Configures one break type. Turning a type off drops its state; turning
 * it on starts a fresh interval.
 */
void
limber_break_engine_set_break (LimberBreakEngine *self,
                               LimberBreakType    type,
                               gboolean           enabled,
                               gint64             interval,
                               gint64             length)
{
  Slot *slot;
  gint64 now;

  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));
  g_return_if_fail (type < LIMBER_N_BREAK_TYPES);
  g_return_if_fail (interval > 0 && length > 0);

  now = begin_input (self);
  slot = &self->slots[type];
  enabled = !!enabled;

  if (slot->enabled != enabled)
    {
      g_debug ("%s break %s", type_name (type), enabled ? "enabled" : "disabled");
      slot->enabled = enabled;
      reset_slot (self, type, FALSE);
    }
  slot->interval = interval;
  slot->length = length;

  sync_running (self, now);
  advance (self, now);
  end_input (self);
}

void
limber_break_engine_set_warning_lead (LimberBreakEngine *self,
                                      gint64             lead)
{
  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));
  g_return_if_fail (lead >= 0);

  begin_input (self);
  self->warning_lead = lead;
  end_input (self);
}

void
limber_break_engine_set_postpone (LimberBreakEngine *self,
                                  gint64             length,
                                  guint              limit)
{
  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));
  g_return_if_fail (length > 0);

  begin_input (self);
  self->postpone_length = length;
  self->postpone_limit = limit;
  end_input (self);
}

/**
 * limber_break_engine_set_dnd_cap:
 * @cap: the longest a due break waits for do-not-disturb to end (µs);
 *   0 ignores do-not-disturb
 */
void
limber_break_engine_set_dnd_cap (LimberBreakEngine *self,
                                 gint64             cap)
{
  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));
  g_return_if_fail (cap >= 0);

  begin_input (self);
  self->dnd_cap = cap;
  end_input (self);
}

/**
 * limber_break_engine_update:
 *
 * Catches up with the clock: call it when the alarm for the next deadline
 * fires, and after a resume.
 */
void
limber_break_engine_update (LimberBreakEngine *self)
{
  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));

  begin_input (self);
  end_input (self);
}

/**
 * limber_break_engine_set_idle:
 * @idle: what the activity source says
 * @idle_since: when @idle, the boottime the idle span began (it may lie in
 *   the past: sources report idleness after their threshold)
 */
void
limber_break_engine_set_idle (LimberBreakEngine *self,
                              gboolean           idle,
                              gint64             idle_since)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));

  now = begin_input (self);
  self->source_idle = !!idle;
  self->source_idle_since = idle ? CLAMP (idle_since, 0, now) : -1;
  update_idle (self, now);
  /* A gap that began in the past may already be long enough. */
  advance (self, now);
  end_input (self);
}

/**
 * limber_break_engine_set_blocked:
 * @reason: suspend, lock or session end
 * @blocked: whether it has begun or ended
 *
 * The span between begin and end counts as idle, whatever the activity
 * source says.
 */
void
limber_break_engine_set_blocked (LimberBreakEngine *self,
                                 LimberBlockReason  reason,
                                 gboolean           blocked)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));

  now = begin_input (self);
  if (blocked)
    self->blocked |= reason;
  else
    self->blocked &= ~reason;
  update_idle (self, now);
  advance (self, now);
  end_input (self);
}

/**
 * limber_break_engine_set_dnd:
 *
 * While do-not-disturb is on (the desktop's setting, a fullscreen window,
 * an idle inhibitor), due breaks are deferred, up to the cap. When it ends,
 * deferred breaks are delivered at once.
 */
void
limber_break_engine_set_dnd (LimberBreakEngine *self,
                             gboolean           dnd)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));

  now = begin_input (self);
  if (self->dnd != !!dnd)
    {
      g_debug ("Do-not-disturb %s", dnd ? "on" : "off");
      self->dnd = !!dnd;
    }
  advance (self, now);
  end_input (self);
}

static gboolean
check_type (LimberBreakEngine  *self,
            LimberBreakType     type,
            GError            **error)
{
  if (type >= LIMBER_N_BREAK_TYPES)
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_INVALID,
                   _("Unknown break type %d"), (int) type);
      return FALSE;
    }
  if (!self->slots[type].enabled)
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_DISABLED,
                   type == LIMBER_BREAK_MICRO ? _("Micro-breaks are turned off")
                                              : _("Stretch breaks are turned off"));
      return FALSE;
    }
  return TRUE;
}

/* Full sentences per verb and type, so translations need no glue. */
static gboolean
check_pending (LimberBreakEngine  *self,
               LimberBreakType     type,
               gboolean            postpone,
               GError            **error)
{
  const Slot *slot = &self->slots[type];
  const char *message;

  if (slot->state == LIMBER_BREAK_STATE_WARNED || is_pending (slot))
    return TRUE;

  if (type == LIMBER_BREAK_MICRO)
    message = postpone ? _("There is no micro-break to postpone: it is not due yet")
                       : _("There is no micro-break to skip: it is not due yet");
  else
    message = postpone ? _("There is no stretch break to postpone: it is not due yet")
                       : _("There is no stretch break to skip: it is not due yet");

  g_set_error_literal (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_WRONG_STATE, message);
  return FALSE;
}

/**
 * limber_break_engine_postpone:
 *
 * Puts off a warned or due break by the postpone length, at most the
 * postpone limit times in a row; the reminder after the last allowed
 * postpone is escalated.
 */
gboolean
limber_break_engine_postpone (LimberBreakEngine  *self,
                              LimberBreakType     type,
                              GError            **error)
{
  Slot *slot;
  gint64 now;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);

  now = begin_input (self);
  slot = &self->slots[type];

  if (!check_type (self, type, error) || !check_pending (self, type, TRUE, error))
    goto out;

  if (slot->postpones >= self->postpone_limit)
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_POSTPONE_LIMIT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This break was already postponed %u time, the most allowed",
                                "This break was already postponed %u times, the most allowed",
                                slot->postpones),
                   slot->postpones);
      goto out;
    }

  slot->postpones++;
  emit_event (self, type, LIMBER_BREAK_EVENT_POSTPONED, LIMBER_BREAK_HOW_NONE, now,
              slot_sitting (slot, now));
  slot->due_override = now + self->postpone_length;
  /* No warning before a reminder the person has just put off. */
  slot->warned = TRUE;
  slot->was_deferred = FALSE;
  slot->forced = FALSE;
  set_state (self, type, LIMBER_BREAK_STATE_COUNTING);
  sync_running (self, now);
  ok = TRUE;

out:
  end_input (self);
  return ok;
}

/**
 * limber_break_engine_skip:
 *
 * Drops a warned or due break; a new interval starts now.
 */
gboolean
limber_break_engine_skip (LimberBreakEngine  *self,
                          LimberBreakType     type,
                          GError            **error)
{
  gint64 now;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);

  now = begin_input (self);
  if (check_type (self, type, error) && check_pending (self, type, FALSE, error))
    {
      emit_event (self, type, LIMBER_BREAK_EVENT_SKIPPED, LIMBER_BREAK_HOW_NONE, now,
                  slot_sitting (&self->slots[type], now));
      reset_slot (self, type, FALSE);
      sync_running (self, now);
      ok = TRUE;
    }
  end_input (self);
  return ok;
}

/**
 * limber_break_engine_trigger:
 *
 * Makes a break due now ("break now"), whatever the sitting time, pause or
 * do-not-disturb: the person asked for it.
 */
gboolean
limber_break_engine_trigger (LimberBreakEngine  *self,
                             LimberBreakType     type,
                             GError            **error)
{
  Slot *slot;
  gint64 now;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);

  now = begin_input (self);
  if (!check_type (self, type, error))
    goto out;

  slot = &self->slots[type];
  if (in_guided_break (slot))
    {
      g_set_error_literal (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_WRONG_STATE,
                           _("A guided session for this break is already running"));
      goto out;
    }

  ok = TRUE;
  if (is_pending (slot))
    goto out;

  if (slot->state == LIMBER_BREAK_STATE_WARNED)
    set_state (self, type, LIMBER_BREAK_STATE_COUNTING);
  slot->due_override = now;
  slot->warned = TRUE;
  slot->forced = TRUE;
  advance (self, now);

out:
  end_input (self);
  return ok;
}

/**
 * limber_break_engine_start_break:
 *
 * A guided session for this break has started (from any state): sitting
 * stops counting until limber_break_engine_finish_break().
 */
gboolean
limber_break_engine_start_break (LimberBreakEngine  *self,
                                 LimberBreakType     type,
                                 GError            **error)
{
  Slot *slot;
  gint64 now;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);

  now = begin_input (self);
  if (!check_type (self, type, error))
    goto out;

  slot = &self->slots[type];
  ok = TRUE;
  if (in_guided_break (slot))
    goto out;

  slot->break_started = now;
  slot->break_how = LIMBER_BREAK_HOW_GUIDED;
  slot->due_override = -1;
  slot->forced = FALSE;
  set_state (self, type, LIMBER_BREAK_STATE_ON_BREAK);
  emit_event (self, type, LIMBER_BREAK_EVENT_STARTED, LIMBER_BREAK_HOW_GUIDED, now,
              slot_sitting (slot, now));
  sync_running (self, now);

out:
  end_input (self);
  return ok;
}

/**
 * limber_break_engine_finish_break:
 * @completed: whether the session ran to its end
 *
 * The guided session ended: the break is taken (a stretch break takes the
 * micro-break along) and a new interval starts.
 */
gboolean
limber_break_engine_finish_break (LimberBreakEngine  *self,
                                  LimberBreakType     type,
                                  gboolean            completed,
                                  GError            **error)
{
  gint64 now;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);

  now = begin_input (self);
  if (!check_type (self, type, error))
    goto out;

  if (!in_guided_break (&self->slots[type]))
    {
      g_set_error_literal (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_WRONG_STATE,
                           _("No guided session is running for this break"));
      goto out;
    }

  finish_guided (self, type, now, completed);
  sync_running (self, now);
  ok = TRUE;

out:
  end_input (self);
  return ok;
}

static gint64
next_local_midnight (gint64 realtime)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (realtime / G_USEC_PER_SEC);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  today = g_date_time_new_local (g_date_time_get_year (now),
                                 g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now),
                                 0, 0, 0);
  tomorrow = g_date_time_add_days (today, 1);
  return g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC;
}

/**
 * limber_break_engine_pause:
 * @kind: for a duration, until tomorrow (the next local midnight), or
 *   until resumed
 * @duration: for %LIMBER_PAUSE_FOR_DURATION, how long (µs)
 *
 * While paused, sitting is frozen and no break comes due; a pending
 * reminder stays pending. A natural break still resets the count.
 */
gboolean
limber_break_engine_pause (LimberBreakEngine  *self,
                           LimberPauseKind     kind,
                           gint64              duration,
                           GError            **error)
{
  gint64 now, now_real;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);

  now = begin_input (self);
  now_real = limber_clock_get_realtime (self->clock);

  switch (kind)
    {
    case LIMBER_PAUSE_FOR_DURATION:
      if (duration <= 0 || duration > MAX_RESTORED_SPAN)
        {
          g_set_error_literal (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_INVALID,
                               _("A pause must last between one second and 7 days"));
          goto out;
        }
      self->pause_until = now + duration;
      self->pause_until_realtime = now_real + duration;
      break;

    case LIMBER_PAUSE_UNTIL_TOMORROW:
      self->pause_until_realtime = next_local_midnight (now_real);
      self->pause_until = now + (self->pause_until_realtime - now_real);
      break;

    case LIMBER_PAUSE_INDEFINITE:
      self->pause_until = LIMBER_CLOCK_NEVER;
      self->pause_until_realtime = 0;
      break;

    case LIMBER_PAUSE_NONE:
    default:
      g_set_error_literal (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_INVALID,
                           _("Unknown kind of pause"));
      goto out;
    }

  self->pause_kind = kind;
  g_debug ("Paused (%s)", limber_pause_kind_to_string (kind));
  sync_running (self, now);
  ok = TRUE;

out:
  end_input (self);
  return ok;
}

void
limber_break_engine_resume (LimberBreakEngine *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_BREAK_ENGINE (self));

  now = begin_input (self);
  if (is_paused (self))
    end_pause (self, now);
  end_input (self);
}

LimberBreakState
limber_break_engine_get_state (LimberBreakEngine *self,
                               LimberBreakType    type)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), LIMBER_BREAK_STATE_DISABLED);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, LIMBER_BREAK_STATE_DISABLED);

  return self->slots[type].state;
}

/**
 * limber_break_engine_get_sitting:
 *
 * Returns: the continuous sitting time for this break type now (µs);
 *   an idle gap shorter than the break counts as sitting
 */
gint64
limber_break_engine_get_sitting (LimberBreakEngine *self,
                                 LimberBreakType    type)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), 0);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, 0);

  return slot_sitting (&self->slots[type], limber_clock_get_boottime (self->clock));
}

/**
 * limber_break_engine_get_time_to_due:
 *
 * Returns: how long until the break is due if the person keeps sitting
 *   (µs); 0 when it is due or under way; -1 when no break is coming
 *   (turned off, paused, or away)
 */
gint64
limber_break_engine_get_time_to_due (LimberBreakEngine *self,
                                     LimberBreakType    type)
{
  const Slot *slot;
  gint64 now, due;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), -1);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, -1);

  slot = &self->slots[type];
  switch (slot->state)
    {
    case LIMBER_BREAK_STATE_DUE:
    case LIMBER_BREAK_STATE_DEFERRED:
    case LIMBER_BREAK_STATE_ON_BREAK:
      return 0;
    case LIMBER_BREAK_STATE_DISABLED:
      return -1;
    case LIMBER_BREAK_STATE_COUNTING:
    case LIMBER_BREAK_STATE_WARNED:
    default:
      break;
    }

  if (is_paused (self))
    return -1;

  now = limber_clock_get_boottime (self->clock);
  if (slot->due_override >= 0)
    return MAX (slot->due_override - now, 0);
  if (slot->running_since < 0)
    {
      /* Not running (away after a natural break): a full interval. */
      return slot->interval - slot->base;
    }
  due = slot_due_time (slot);
  return MAX (due - now, 0);
}

guint
limber_break_engine_get_postpones (LimberBreakEngine *self,
                                   LimberBreakType    type)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), 0);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, 0);

  return self->slots[type].postpones;
}

/**
 * limber_break_engine_is_held:
 *
 * Returns: whether this break waits for a stretch break pending or about
 *   to be (only ever true for the micro-break)
 */
gboolean
limber_break_engine_is_held (LimberBreakEngine *self,
                             LimberBreakType    type)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, FALSE);

  return is_held (self, type);
}

/**
 * limber_break_engine_get_pause:
 * @until_realtime: (out) (optional): wall-clock end of the pause (µs since
 *   the epoch), or 0 when it lasts until resumed
 */
LimberPauseKind
limber_break_engine_get_pause (LimberBreakEngine *self,
                               gint64            *until_realtime)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), LIMBER_PAUSE_NONE);

  if (until_realtime != NULL)
    *until_realtime = self->pause_until_realtime;
  return self->pause_kind;
}

gboolean
limber_break_engine_get_idle (LimberBreakEngine *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);
  return self->idle;
}

gboolean
limber_break_engine_get_dnd (LimberBreakEngine *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);
  return self->dnd;
}

/**
 * limber_break_engine_get_next_deadline:
 *
 * Returns: the boottime (µs) at which limber_break_engine_update() must be
 *   called next, or %LIMBER_CLOCK_NEVER
 */
gint64
limber_break_engine_get_next_deadline (LimberBreakEngine *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), LIMBER_CLOCK_NEVER);
  return self->next_deadline;
}

/* Saved state: a key file, so a person can read it.
 *
 *   [engine]
 *   version=1
 *   saved-realtime=1763740800000000
 *   pause=until-tomorrow
 *   pause-until-realtime=1763766000000000
 *
 *   [micro]             (and [stretch])
 *   state=due
 *   sitting=1260000000
 *   postpones=1
 *   due-in=-1           (µs until a postponed break is due; -1: none)
 */

char *
limber_break_engine_save_state (LimberBreakEngine *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  gint64 now;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), NULL);

  now = begin_input (self);
  g_key_file_set_integer (file, "engine", "version", STATE_VERSION);
  g_key_file_set_int64 (file, "engine", "saved-realtime", limber_clock_get_realtime (self->clock));
  g_key_file_set_string (file, "engine", "pause", limber_pause_kind_to_string (self->pause_kind));
  g_key_file_set_int64 (file, "engine", "pause-until-realtime", self->pause_until_realtime);

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      const Slot *slot = &self->slots[i];
      const char *group = type_name (i);

      g_key_file_set_string (file, group, "state", limber_break_state_to_string (slot->state));
      g_key_file_set_int64 (file, group, "sitting", sitting_before_gap (self, slot, now));
      g_key_file_set_integer (file, group, "postpones", (int) slot->postpones);
      g_key_file_set_int64 (file, group, "due-in",
                            slot->due_override >= 0 ? MAX (slot->due_override - now, 0) : -1);
    }

  return g_key_file_to_data (file, NULL, NULL);
}

static gboolean
read_int64 (GKeyFile    *file,
            const char  *group,
            const char  *key,
            gint64       min,
            gint64       max,
            gint64      *out,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value = g_key_file_get_int64 (file, group, key, &local_error);

  if (local_error != NULL)
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_BAD_STATE,
                   "[%s] %s: %s", group, key, local_error->message);
      return FALSE;
    }
  if (value < min || value > max)
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_BAD_STATE,
                   "[%s] %s: %" G_GINT64_FORMAT " is outside %" G_GINT64_FORMAT "…%" G_GINT64_FORMAT,
                   group, key, value, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
same_local_day (gint64 a,
                gint64 b)
{
  g_autoptr(GDateTime) da = g_date_time_new_from_unix_local (a / G_USEC_PER_SEC);
  g_autoptr(GDateTime) db = g_date_time_new_from_unix_local (b / G_USEC_PER_SEC);

  return g_date_time_get_year (da) == g_date_time_get_year (db)
         && g_date_time_get_day_of_year (da) == g_date_time_get_day_of_year (db);
}

typedef struct
{
  LimberBreakState state;
  gint64 sitting;
  gint64 postpones;
  gint64 due_in;
} SavedSlot;

/**
 * limber_break_engine_restore_state:
 * @data: what limber_break_engine_save_state() wrote
 *
 * Restores a state saved earlier the same local day; the time in between
 * counts as idle (a long enough gap is a natural break). A state from an
 * earlier day is ignored. Call it after configuring the break types and
 * before any other input. On error nothing is changed.
 */
gboolean
limber_break_engine_restore_state (LimberBreakEngine  *self,
                                   const char         *data,
                                   GError            **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  SavedSlot saved[LIMBER_N_BREAK_TYPES];
  g_autofree char *pause = NULL;
  gint64 version, saved_real, pause_until_real, now, now_real, gap;
  LimberPauseKind pause_kind = LIMBER_PAUSE_NONE;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!g_key_file_load_from_data (file, data, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_BAD_STATE,
                   "not a key file: %s", local_error->message);
      return FALSE;
    }

  if (!read_int64 (file, "engine", "version", STATE_VERSION, STATE_VERSION, &version, error)
      || !read_int64 (file, "engine", "saved-realtime", 0, G_MAXINT64 / 2, &saved_real, error)
      || !read_int64 (file, "engine", "pause-until-realtime", 0, G_MAXINT64 / 2, &pause_until_real, error))
    return FALSE;

  pause = g_key_file_get_string (file, "engine", "pause", NULL);
  for (guint k = LIMBER_PAUSE_NONE; k <= LIMBER_PAUSE_INDEFINITE; k++)
    if (g_strcmp0 (pause, limber_pause_kind_to_string (k)) == 0)
      pause_kind = k;
  if (pause == NULL || g_strcmp0 (pause, limber_pause_kind_to_string (pause_kind)) != 0)
    {
      g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_BAD_STATE,
                   "[engine] pause: unknown value “%s”", pause ? pause : "");
      return FALSE;
    }

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      const char *group = type_name (i);
      g_autofree char *state = g_key_file_get_string (file, group, "state", NULL);
      gboolean found = FALSE;

      for (guint s = LIMBER_BREAK_STATE_DISABLED; s <= LIMBER_BREAK_STATE_ON_BREAK; s++)
        if (g_strcmp0 (state, limber_break_state_to_string (s)) == 0)
          {
            saved[i].state = s;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_BAD_STATE,
                       "[%s] state: unknown value “%s”", group, state ? state : "");
          return FALSE;
        }

      if (!read_int64 (file, group, "sitting", 0, MAX_RESTORED_SPAN, &saved[i].sitting, error)
          || !read_int64 (file, group, "postpones", 0, 1000, &saved[i].postpones, error)
          || !read_int64 (file, group, "due-in", -1, MAX_RESTORED_SPAN, &saved[i].due_in, error))
        return FALSE;
    }

  now = begin_input (self);
  now_real = limber_clock_get_realtime (self->clock);

  if (!same_local_day (saved_real, now_real) || saved_real > now_real + SECONDS (60))
    {
      g_debug ("Saved state is from another day; starting fresh");
      end_input (self);
      return TRUE;
    }

  gap = MAX (now_real - saved_real, 0);

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];

      if (!slot->enabled)
        continue;

      slot->postpones = (guint) saved[i].postpones;
      slot->base = saved[i].sitting;
      slot->running_since = -1;
      slot->warned = saved[i].due_in >= 0;
      slot->due_override = saved[i].due_in >= 0 ? now + saved[i].due_in : -1;
      slot->state = LIMBER_BREAK_STATE_COUNTING;

      /* A reminder that was pending is pending again: it comes due now,
       * unless the time away was a break. */
      if (saved[i].state == LIMBER_BREAK_STATE_DUE
          || saved[i].state == LIMBER_BREAK_STATE_DEFERRED
          || saved[i].state == LIMBER_BREAK_STATE_ON_BREAK)
        {
          slot->due_override = now;
          slot->warned = TRUE;
        }
    }

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];

      if (!slot->enabled)
        continue;

      if (gap >= slot->length
          || (i == LIMBER_BREAK_MICRO && self->slots[LIMBER_BREAK_STRETCH].enabled
              && gap >= self->slots[LIMBER_BREAK_STRETCH].length))
        {
          emit_event (self, i, LIMBER_BREAK_EVENT_NATURAL, LIMBER_BREAK_HOW_IDLE, now, slot->base);
          reset_slot (self, i, FALSE);
        }
      else
        slot->base += gap;
    }

  if (pause_kind == LIMBER_PAUSE_INDEFINITE
      || (pause_kind != LIMBER_PAUSE_NONE && pause_until_real > now_real))
    {
      self->pause_kind = pause_kind;
      self->pause_until_realtime = pause_kind == LIMBER_PAUSE_INDEFINITE ? 0 : pause_until_real;
      self->pause_until = pause_kind == LIMBER_PAUSE_INDEFINITE
                            ? LIMBER_CLOCK_NEVER
                            : now + (pause_until_real - now_real);
    }

  g_debug ("Restored the state saved %" G_GINT64_FORMAT " s ago", gap / G_USEC_PER_SEC);
  sync_running (self, now);
  advance (self, now);
  end_input (self);
  return TRUE;
}

/* GObject */

static void
limber_break_engine_dispose (GObject *object)
{
  LimberBreakEngine *self = LIMBER_BREAK_ENGINE (object);

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_break_engine_parent_class)->dispose (object);
}

static void
limber_break_engine_constructed (GObject *object)
{
  LimberBreakEngine *self = LIMBER_BREAK_ENGINE (object);

  G_OBJECT_CLASS (limber_break_engine_parent_class)->constructed (object);

  g_assert (self->clock != NULL);
  self->now = limber_clock_get_boottime (self->clock);
  self->last_drift = self->now - limber_clock_get_monotonic (self->clock);
  self->have_drift = TRUE;
  sync_running (self, self->now);
}

static void
limber_break_engine_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberBreakEngine *self = LIMBER_BREAK_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_NEXT_DEADLINE:
      g_value_set_int64 (value, self->next_deadline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_break_engine_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberBreakEngine *self = LIMBER_BREAK_ENGINE (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_break_engine_class_init (LimberBreakEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_break_engine_dispose;
  object_class->constructed = limber_break_engine_constructed;
  object_class->get_property = limber_break_engine_get_property;
  object_class->set_property = limber_break_engine_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         LIMBER_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NEXT_DEADLINE] =
    g_param_spec_int64 ("next-deadline", NULL, NULL,
                        G_MININT64, G_MAXINT64, LIMBER_CLOCK_NEVER,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberBreakEngine::break-event:
   * @event: (type gpointer): a #LimberBreakEvent, valid during the emission
   */
  signals[BREAK_EVENT] = g_signal_new ("break-event",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * LimberBreakEngine::changed:
   *
   * Something readable through the getters may have changed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
limber_break_engine_init (LimberBreakEngine *self)
{
  self->warning_lead = SECONDS (30);
  self->postpone_length = SECONDS (5 * 60);
  self->postpone_limit = 3;
  self->dnd_cap = SECONDS (30 * 60);
  self->idle_since = -1;
  self->source_idle_since = -1;
  self->pause_until = LIMBER_CLOCK_NEVER;
  self->next_deadline = LIMBER_CLOCK_NEVER;

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];

      slot->state = LIMBER_BREAK_STATE_DISABLED;
      slot->running_since = -1;
      slot->due_override = -1;
      slot->interval = i == LIMBER_BREAK_MICRO ? SECONDS (20 * 60) : SECONDS (50 * 60);
      slot->length = i == LIMBER_BREAK_MICRO ? SECONDS (30) : SECONDS (5 * 60);
    }
}
