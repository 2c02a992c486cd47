/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <time.h>

#include "limber-system-clock.h"

struct _LimberSystemClock
{
  GObject parent_instance;

  GSource *alarm_source;
  gint64 deadline;
};

static void limber_system_clock_iface_init (LimberClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberSystemClock, limber_system_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CLOCK,
                                                      limber_system_clock_iface_init))

static gint64
read_clock (clockid_t id)
{
  struct timespec ts;

  if (clock_gettime (id, &ts) != 0)
    g_error ("clock_gettime(%d) failed", (int) id);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
limber_system_clock_get_boottime (LimberClock *clock)
{
  return read_clock (CLOCK_BOOTTIME);
}

static gint64
limber_system_clock_get_monotonic (LimberClock *clock)
{
  /* The same clock as GLib's main loop, so ready times line up. */
  return g_get_monotonic_time ();
}

static gint64
limber_system_clock_get_realtime (LimberClock *clock)
{
  return g_get_real_time ();
}

/* GSource ready times are on the monotonic clock, which stops during
 * suspend: after a resume the alarm may fire late by the time slept. The
 * service re-evaluates on resume (logind), and the engine notices a suspend
 * from the boottime/monotonic drift even when nobody announced it. */
static void
limber_system_clock_arm (LimberSystemClock *self)
{
  gint64 now_boot;
  gint64 ready;

  if (self->deadline == LIMBER_CLOCK_NEVER)
    {
      g_source_set_ready_time (self->alarm_source, -1);
      return;
    }

  now_boot = read_clock (CLOCK_BOOTTIME);
  if (self->deadline <= now_boot)
    ready = 0;
  else
    ready = g_get_monotonic_time () + (self->deadline - now_boot);

  g_source_set_ready_time (self->alarm_source, ready);
}

static gboolean
alarm_dispatch_cb (gpointer user_data)
{
  LimberSystemClock *self = user_data;

  if (read_clock (CLOCK_BOOTTIME) < self->deadline)
    {
      /* Woken early (the monotonic clock and boottime drifted): wait on. */
      limber_system_clock_arm (self);
      return G_SOURCE_CONTINUE;
    }

  self->deadline = LIMBER_CLOCK_NEVER;
  g_source_set_ready_time (self->alarm_source, -1);
  limber_clock_emit_alarm (LIMBER_CLOCK (self));
  return G_SOURCE_CONTINUE;
}

static void
limber_system_clock_set_alarm (LimberClock *clock,
                               gint64       deadline)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (clock);

  self->deadline = deadline;
  limber_system_clock_arm (self);
}

static void
limber_system_clock_iface_init (LimberClockInterface *iface)
{
  iface->get_boottime = limber_system_clock_get_boottime;
  iface->get_monotonic = limber_system_clock_get_monotonic;
  iface->get_realtime = limber_system_clock_get_realtime;
  iface->set_alarm = limber_system_clock_set_alarm;
}

/* The alarm source only dispatches when its ready time passes. */
static gboolean
alarm_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs alarm_source_funcs = {
  .dispatch = alarm_source_dispatch,
};

static void
limber_system_clock_finalize (GObject *object)
{
  LimberSystemClock *self = LIMBER_SYSTEM_CLOCK (object);

  g_source_destroy (self->alarm_source);
  g_clear_pointer (&self->alarm_source, g_source_unref);

  G_OBJECT_CLASS (limber_system_clock_parent_class)->finalize (object);
}

static void
limber_system_clock_class_init (LimberSystemClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_system_clock_finalize;
}

static void
limber_system_clock_init (LimberSystemClock *self)
{
  self->deadline = LIMBER_CLOCK_NEVER;
  self->alarm_source = g_source_new (&alarm_source_funcs, sizeof (GSource));
  g_source_set_static_name (self->alarm_source, "[limber] clock alarm");
  g_source_set_callback (self->alarm_source, alarm_dispatch_cb, self, NULL);
  g_source_set_ready_time (self->alarm_source, -1);
  g_source_attach (self->alarm_source, NULL);
}

LimberClock *
limber_system_clock_new (void)
{
  return g_object_new (LIMBER_TYPE_SYSTEM_CLOCK, NULL);
}
