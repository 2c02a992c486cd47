/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-clock.h"

G_DEFINE_INTERFACE (LimberClock, limber_clock, G_TYPE_OBJECT)

enum {
  ALARM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
limber_clock_default_init (LimberClockInterface *iface)
{
  /**
   * LimberClock::alarm:
   *
   * The deadline given to limber_clock_set_alarm() has passed. The alarm is
   * off afterwards until it is set again.
   */
  signals[ALARM] = g_signal_new ("alarm",
                                 G_TYPE_FROM_INTERFACE (iface),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
}

/**
 * limber_clock_get_boottime:
 *
 * Returns: microseconds on a monotonic clock that counts through suspend
 */
gint64
limber_clock_get_boottime (LimberClock *self)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  return LIMBER_CLOCK_GET_IFACE (self)->get_boottime (self);
}

/**
 * limber_clock_get_monotonic:
 *
 * Returns: microseconds on a monotonic clock that stops during suspend
 */
gint64
limber_clock_get_monotonic (LimberClock *self)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  return LIMBER_CLOCK_GET_IFACE (self)->get_monotonic (self);
}

/**
 * limber_clock_get_realtime:
 *
 * Returns: microseconds since the Unix epoch, on the wall clock
 */
gint64
limber_clock_get_realtime (LimberClock *self)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  return LIMBER_CLOCK_GET_IFACE (self)->get_realtime (self);
}

/**
 * limber_clock_set_alarm:
 * @deadline: a boottime in microseconds, or %LIMBER_CLOCK_NEVER
 *
 * Sets the clock's one alarm, replacing the previous deadline.
 */
void
limber_clock_set_alarm (LimberClock *self,
                        gint64       deadline)
{
  g_return_if_fail (LIMBER_IS_CLOCK (self));
  LIMBER_CLOCK_GET_IFACE (self)->set_alarm (self, deadline);
}

/* For implementations: tell listeners the alarm went off. */
void
limber_clock_emit_alarm (LimberClock *self)
{
  g_return_if_fail (LIMBER_IS_CLOCK (self));
  g_signal_emit (self, signals[ALARM], 0);
}
