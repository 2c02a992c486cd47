/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-idle-poller.h"

struct _LimberIdlePoller
{
  LimberActivitySource *source; /* owns the poller */
  LimberClock *clock;
  guint threshold_ms;
  LimberIdlePollerQueryFunc query;
  gpointer user_data;

  GSource *timeout;
  /* The previous answer while idle, and when it came (monotonic µs). */
  guint64 last_idle_ms;
  gint64 last_time;
};

static void
cancel_timeout (LimberIdlePoller *self)
{
  if (self->timeout == NULL)
    return;

  g_source_destroy (self->timeout);
  g_clear_pointer (&self->timeout, g_source_unref);
}

static gboolean
poll_cb (gpointer user_data)
{
  LimberIdlePoller *self = user_data;

  /* The main loop holds its own reference while dispatching. */
  g_clear_pointer (&self->timeout, g_source_unref);
  self->query (self, self->user_data);
  return G_SOURCE_REMOVE;
}

static void
schedule (LimberIdlePoller *self,
          guint             interval_ms)
{
  cancel_timeout (self);
  self->timeout = g_timeout_source_new (interval_ms);
  g_source_set_static_name (self->timeout, "[limber] idle poll");
  g_source_set_callback (self->timeout, poll_cb, self, NULL);
  g_source_attach (self->timeout, NULL);
}

/**
 * limber_idle_poller_new:
 * @source: the activity source the poller reports to; it owns the poller
 * @clock: the clock whose boottime idle spans are expressed in
 * @threshold_ms: how long without input counts as idle
 * @query: asks the backend for the idle time
 * @user_data: for @query
 *
 * Returns: (transfer full): a poller that does nothing until started
 */
LimberIdlePoller *
limber_idle_poller_new (LimberActivitySource      *source,
                        LimberClock               *clock,
                        guint                      threshold_ms,
                        LimberIdlePollerQueryFunc  query,
                        gpointer                   user_data)
{
  LimberIdlePoller *self;

  g_return_val_if_fail (LIMBER_IS_ACTIVITY_SOURCE (source), NULL);
  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (threshold_ms > 0, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_new0 (LimberIdlePoller, 1);
  self->source = source;
  self->clock = g_object_ref (clock);
  self->threshold_ms = threshold_ms;
  self->query = query;
  self->user_data = user_data;
  return self;
}

void
limber_idle_poller_free (LimberIdlePoller *self)
{
  if (self == NULL)
    return;

  cancel_timeout (self);
  g_clear_object (&self->clock);
  g_free (self);
}

/* Asks right away. */
void
limber_idle_poller_start (LimberIdlePoller *self)
{
  g_return_if_fail (self != NULL);

  cancel_timeout (self);
  self->query (self, self->user_data);
}

/**
 * limber_idle_poller_report:
 * @idle_ms: the backend's answer: milliseconds since the last input
 *
 * Updates the source's state and schedules the next question.
 */
void
limber_idle_poller_report (LimberIdlePoller *self,
                           guint64           idle_ms)
{
  gboolean was_idle;
  gint64 idle_since;

  g_return_if_fail (self != NULL);

  was_idle = limber_activity_source_get_idle (self->source, NULL);
  idle_since = limber_clock_get_boottime (self->clock) - (gint64) idle_ms * 1000;

  if (was_idle && limber_idle_poller_had_input (self->last_idle_ms, self->last_time, idle_ms,
                                                self->threshold_ms))
    {
      /* Input since the last answer, even if idle again by now. */
      limber_activity_source_set_idle (self->source, FALSE, 0);
      was_idle = FALSE;
    }

  if (idle_ms >= self->threshold_ms)
    {
      if (!was_idle)
        limber_activity_source_set_idle (self->source, TRUE, idle_since);
      self->last_idle_ms = idle_ms;
      self->last_time = g_get_monotonic_time ();
      schedule (self, LIMBER_IDLE_POLLER_IDLE_INTERVAL_MS);
    }
  else
    {
      if (was_idle)
        limber_activity_source_set_idle (self->source, FALSE, 0);
      self->last_idle_ms = 0;
      /* The earliest the threshold can be reached is when the idle time
       * keeps growing from now on; one more millisecond avoids waking up
       * just short of it. */
      schedule (self, (guint) (self->threshold_ms - idle_ms) + 1);
    }
}

/**
 * limber_idle_poller_report_failure:
 *
 * The backend could not answer this time; asks again later without changing
 * the state.
 */
void
limber_idle_poller_report_failure (LimberIdlePoller *self)
{
  g_return_if_fail (self != NULL);

  schedule (self, MAX (self->threshold_ms, LIMBER_IDLE_POLLER_IDLE_INTERVAL_MS));
}

/**
 * limber_idle_poller_had_input:
 * @previous_ms: an idle time read earlier
 * @previous_time: when it was read, in g_get_monotonic_time() microseconds
 * @idle_ms: the idle time read now
 * @threshold_ms: the source's threshold
 *
 * Tells whether there was input between two readings of a backend's idle
 * time: without input the idle time grows by the time that passed. The
 * backends count on the monotonic clock, like the main loop, so a suspend
 * does not look like input. After input the reading falls short by at
 * least @previous_ms (which is past the threshold), so half the threshold
 * absorbs any jitter in the replies.
 *
 * Returns: %TRUE if the idle time was reset in between
 */
gboolean
limber_idle_poller_had_input (guint64 previous_ms,
                              gint64  previous_time,
                              guint64 idle_ms,
                              guint   threshold_ms)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - previous_time) / 1000;
  gint64 expected_ms = (gint64) previous_ms + MAX (elapsed_ms, 0);

  return (gint64) idle_ms + threshold_ms / 2 < expected_ms;
}
