/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-clock.h: where Limber gets the time from, and its one alarm.
 *
 * Three readings, all in microseconds:
 *  - boottime:  monotonic, and keeps counting through suspend. The break
 *               engine measures everything on it, so a suspend is a gap of
 *               the right length and a wall-clock jump is no gap at all.
 *  - monotonic: stops during suspend on Linux; the difference to boottime
 *               tells that a suspend happened even if nobody said so.
 *  - realtime:  the wall clock, for the local day (pause until tomorrow)
 *               and for state saved across restarts.
 *
 * A clock also owns exactly one alarm, set to a boottime deadline; it emits
 * ::alarm when the deadline has passed. The system clock arms one GSource;
 * tests use a fake clock they advance by hand. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_CLOCK (limber_clock_get_type ())

G_DECLARE_INTERFACE (LimberClock, limber_clock, LIMBER, CLOCK, GObject)

struct _LimberClockInterface
{
  GTypeInterface parent_iface;

  gint64 (*get_boottime)  (LimberClock *self);
  gint64 (*get_monotonic) (LimberClock *self);
  gint64 (*get_realtime)  (LimberClock *self);
  void   (*set_alarm)     (LimberClock *self,
                           gint64       deadline);
};

/* No deadline: the alarm is off. */
#define LIMBER_CLOCK_NEVER G_MAXINT64

gint64 limber_clock_get_boottime  (LimberClock *self);
gint64 limber_clock_get_monotonic (LimberClock *self);
gint64 limber_clock_get_realtime  (LimberClock *self);
void   limber_clock_set_alarm     (LimberClock *self,
                                   gint64       deadline);
void   limber_clock_emit_alarm    (LimberClock *self);

G_END_DECLS
