/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-fake-clock.h"

struct _LimberFakeClock
{
  GObject parent_instance;

  gint64 boot;
  gint64 mono;
  gint64 real;
  gint64 deadline;
  guint alarms;
};

static void limber_fake_clock_iface_init (LimberClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberFakeClock, limber_fake_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CLOCK, limber_fake_clock_iface_init))

static gint64
fake_get_boottime (LimberClock *clock)
{
  return LIMBER_FAKE_CLOCK (clock)->boot;
}

static gint64
fake_get_monotonic (LimberClock *clock)
{
  return LIMBER_FAKE_CLOCK (clock)->mono;
}

static gint64
fake_get_realtime (LimberClock *clock)
{
  return LIMBER_FAKE_CLOCK (clock)->real;
}

static void
fake_set_alarm (LimberClock *clock,
                gint64       deadline)
{
  LIMBER_FAKE_CLOCK (clock)->deadline = deadline;
}

static void
limber_fake_clock_iface_init (LimberClockInterface *iface)
{
  iface->get_boottime = fake_get_boottime;
  iface->get_monotonic = fake_get_monotonic;
  iface->get_realtime = fake_get_realtime;
  iface->set_alarm = fake_set_alarm;
}

static void
limber_fake_clock_class_init (LimberFakeClockClass *klass)
{
}

static void
limber_fake_clock_init (LimberFakeClock *self)
{
  self->deadline = LIMBER_CLOCK_NEVER;
  /* Boottime and monotonic start apart, as on a real machine. */
  self->boot = 1000 * G_USEC_PER_SEC;
  self->mono = 900 * G_USEC_PER_SEC;
}

/**
 * limber_fake_clock_new:
 * @realtime: the wall clock to start at (µs since the epoch)
 */
LimberFakeClock *
limber_fake_clock_new (gint64 realtime)
{
  LimberFakeClock *self = g_object_new (LIMBER_TYPE_FAKE_CLOCK, NULL);

  self->real = realtime;
  return self;
}

static void
move (LimberFakeClock *self,
      gint64           span)
{
  self->boot += span;
  self->mono += span;
  self->real += span;
}

/**
 * limber_fake_clock_advance:
 * @span: how far to move all three clocks (µs)
 *
 * Moves time forward, stopping at each alarm deadline on the way to fire it.
 */
void
limber_fake_clock_advance (LimberFakeClock *self,
                           gint64           span)
{
  gint64 target;

  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (span >= 0);

  target = self->boot + span;
  while (self->deadline != LIMBER_CLOCK_NEVER && self->deadline <= target)
    {
      if (self->deadline > self->boot)
        move (self, self->deadline - self->boot);
      self->deadline = LIMBER_CLOCK_NEVER;
      self->alarms++;
      limber_clock_emit_alarm (LIMBER_CLOCK (self));
    }
  move (self, target - self->boot);
}

/**
 * limber_fake_clock_suspend:
 * @span: how long the machine sleeps (µs)
 *
 * Boottime and the wall clock move on; the monotonic clock stands still,
 * and no alarm fires (as with a real suspend, the next one fires late).
 */
void
limber_fake_clock_suspend (LimberFakeClock *self,
                           gint64           span)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (span >= 0);

  self->boot += span;
  self->real += span;
}

/* Moves the wall clock only (NTP, a manual change). */
void
limber_fake_clock_jump_wall (LimberFakeClock *self,
                             gint64           offset)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  self->real += offset;
}

gint64
limber_fake_clock_get_deadline (LimberFakeClock *self)
{
  g_return_val_if_fail (LIMBER_IS_FAKE_CLOCK (self), LIMBER_CLOCK_NEVER);
  return self->deadline;
}

/* How many times the alarm fired: the engine's wake-ups. */
guint
limber_fake_clock_get_alarms (LimberFakeClock *self)
{
  g_return_val_if_fail (LIMBER_IS_FAKE_CLOCK (self), 0);
  return self->alarms;
}
