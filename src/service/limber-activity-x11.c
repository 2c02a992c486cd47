/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <X11/Xlib.h>
#include <X11/extensions/sync.h>
#include <X11/extensions/scrnsaver.h>

#include "limber-activity-x11.h"
#include "limber-idle-poller.h"
#include "limber-x11-util.h"

struct _LimberActivityX11
{
  GObject parent_instance;

  LimberClock *clock;
  guint threshold_ms;

  Display *display;

  /* SYNC: one alarm on IDLETIME, re-armed on each transition. */
  GSource *x_source;
  int sync_event_base;
  XSyncCounter idletime;
  XSyncAlarm alarm;
  /* While idle: the counter value the alarm was armed against, and when
   * (monotonic µs), to tell input from a stale alarm event. */
  gint64 idle_armed_ms;
  gint64 idle_armed_time;

  /* MIT-SCREEN-SAVER fallback. */
  LimberIdlePoller *poller;
  XScreenSaverInfo *ss_info;
};

static void limber_activity_x11_iface_init (LimberActivitySourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberActivityX11, limber_activity_x11, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_ACTIVITY_SOURCE,
                                                      limber_activity_x11_iface_init))

static gint64
sync_value_to_int64 (XSyncValue value)
{
  return (gint64) (((guint64) (guint32) XSyncValueHigh32 (value) << 32)
                   | (guint32) XSyncValueLow32 (value));
}

static gboolean
find_idletime_counter (LimberActivityX11 *self)
{
  XSyncSystemCounter *counters;
  int n_counters = 0;
  gboolean found = FALSE;

  counters = XSyncListSystemCounters (self->display, &n_counters);
  for (int i = 0; i < n_counters; i++)
    {
      if (g_strcmp0 (counters[i].name, "IDLETIME") == 0)
        {
          self->idletime = counters[i].counter;
          found = TRUE;
          break;
        }
    }
  if (counters != NULL)
    XSyncFreeSystemCounterList (counters);
  return found;
}

static gboolean
query_idletime (LimberActivityX11 *self,
                gint64            *idle_ms)
{
  XSyncValue value;

  if (!XSyncQueryCounter (self->display, self->idletime, &value))
    return FALSE;
  *idle_ms = sync_value_to_int64 (value);
  return TRUE;
}

/* Points the one alarm at IDLETIME with @test against @value: a positive
 * comparison fires when the idle time reaches the threshold, a negative one
 * when input resets the counter below the value it had. */
static void
arm_alarm (LimberActivityX11 *self,
           XSyncTestType      test,
           gint64             value)
{
  XSyncAlarmAttributes attributes = { 0 };
  unsigned long flags = XSyncCACounter | XSyncCAValueType | XSyncCATestType
                        | XSyncCAValue | XSyncCADelta | XSyncCAEvents;

  attributes.trigger.counter = self->idletime;
  attributes.trigger.value_type = XSyncAbsolute;
  attributes.trigger.test_type = test;
  XSyncIntsToValue (&attributes.trigger.wait_value,
                    (unsigned int) (value & 0xffffffff), (int) (value >> 32));
  XSyncIntToValue (&attributes.delta, 0);
  attributes.events = True;

  if (self->alarm == None)
    self->alarm = XSyncCreateAlarm (self->display, flags, &attributes);
  else
    XSyncChangeAlarm (self->display, self->alarm, flags, &attributes);
  XFlush (self->display);
}

static void
arm_for_idle (LimberActivityX11 *self)
{
  arm_alarm (self, XSyncPositiveComparison, self->threshold_ms);
}

static void
arm_for_input (LimberActivityX11 *self,
               gint64             idle_ms)
{
  self->idle_armed_ms = idle_ms;
  self->idle_armed_time = g_get_monotonic_time ();
  arm_alarm (self, XSyncNegativeComparison, MAX (idle_ms - 1, 0));
}

/* Decides from the counter itself, so a stale or repeated alarm event
 * changes nothing. */
static void
update_from_counter (LimberActivityX11 *self)
{
  LimberActivitySource *source = LIMBER_ACTIVITY_SOURCE (self);
  gint64 idle_ms;

  if (!query_idletime (self, &idle_ms))
    {
      g_debug ("Cannot read the X server's IDLETIME counter");
      return;
    }

  if (limber_activity_source_get_idle (source, NULL))
    {
      if (!limber_idle_poller_had_input (self->idle_armed_ms, self->idle_armed_time, idle_ms,
                                         self->threshold_ms))
        {
          /* Still the same idle span. */
          arm_for_input (self, idle_ms);
          return;
        }
      limber_activity_source_set_idle (source, FALSE, 0);
    }

  if (idle_ms >= self->threshold_ms)
    {
      limber_activity_source_set_idle (source, TRUE,
                                       limber_clock_get_boottime (self->clock) - idle_ms * 1000);
      arm_for_input (self, idle_ms);
    }
  else
    {
      arm_for_idle (self);
    }
}

static void stop_watching (LimberActivityX11 *self);

static gboolean
x11_event_cb (Display  *display,
              XEvent   *event,
              gpointer  user_data)
{
  LimberActivityX11 *self = user_data;
  XSyncAlarmNotifyEvent *alarm_event;

  if (event == NULL)
    {
      /* The X server went away; nothing tells idle time any more. */
      stop_watching (self);
      limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (self), FALSE, 0);
      return FALSE;
    }

  if (self->sync_event_base < 0 || event->type != self->sync_event_base + XSyncAlarmNotify)
    return TRUE;

  alarm_event = (XSyncAlarmNotifyEvent *) event;
  if (alarm_event->alarm == self->alarm && alarm_event->state != XSyncAlarmDestroyed)
    update_from_counter (self);

  return TRUE;
}

static void
screensaver_query_cb (LimberIdlePoller *poller,
                      gpointer          user_data)
{
  LimberActivityX11 *self = user_data;

  if (!XScreenSaverQueryInfo (self->display, DefaultRootWindow (self->display), self->ss_info))
    {
      limber_idle_poller_report_failure (poller);
      return;
    }
  limber_idle_poller_report (poller, self->ss_info->idle);
}

static gboolean
start_sync (LimberActivityX11 *self)
{
  int error_base;
  int major;
  int minor;

  if (g_strcmp0 (g_getenv ("LIMBER_X11_NO_SYNC"), "1") == 0)
    {
      g_debug ("LIMBER_X11_NO_SYNC=1: not using the SYNC extension");
      return FALSE;
    }

  if (!XSyncQueryExtension (self->display, &self->sync_event_base, &error_base)
      || !XSyncInitialize (self->display, &major, &minor))
    {
      g_debug ("The X server has no SYNC extension");
      return FALSE;
    }

  if (!find_idletime_counter (self))
    {
      g_debug ("The X server has no IDLETIME system counter");
      return FALSE;
    }

  /* Decide the initial state from the counter: someone idle for longer
   * than the threshold already is reported idle right away. */
  update_from_counter (self);
  g_debug ("Watching the X server's IDLETIME counter with SYNC alarms");
  return TRUE;
}

static gboolean
start_screensaver (LimberActivityX11 *self)
{
  int event_base;
  int error_base;

  if (!XScreenSaverQueryExtension (self->display, &event_base, &error_base))
    {
      g_debug ("The X server has no MIT-SCREEN-SAVER extension");
      return FALSE;
    }

  self->ss_info = XScreenSaverAllocInfo ();
  self->poller = limber_idle_poller_new (LIMBER_ACTIVITY_SOURCE (self), self->clock,
                                         self->threshold_ms, screensaver_query_cb, self);
  limber_idle_poller_start (self->poller);
  g_debug ("Polling the X server's MIT-SCREEN-SAVER idle time");
  return TRUE;
}

static const char *
limber_activity_x11_get_name (LimberActivitySource *source)
{
  return "x11";
}

static void
stop_watching (LimberActivityX11 *self)
{
  g_clear_pointer (&self->poller, limber_idle_poller_free);
  g_clear_pointer (&self->ss_info, XFree);
  if (self->x_source != NULL)
    {
      g_source_destroy (self->x_source);
      g_clear_pointer (&self->x_source, g_source_unref);
    }
  if (self->display != NULL)
    {
      if (self->alarm != None)
        XSyncDestroyAlarm (self->display, self->alarm);
      g_clear_pointer (&self->display, limber_x11_close_display);
    }
  self->alarm = None;
  self->idletime = None;
}

static void
limber_activity_x11_stop (LimberActivitySource *source)
{
  stop_watching (LIMBER_ACTIVITY_X11 (source));
  limber_activity_source_set_idle (source, FALSE, 0);
}

static gboolean
limber_activity_x11_start (LimberActivitySource  *source,
                           guint                  threshold_ms,
                           GError               **error)
{
  LimberActivityX11 *self = LIMBER_ACTIVITY_X11 (source);

  g_return_val_if_fail (self->display == NULL, FALSE);

  self->threshold_ms = threshold_ms;
  self->display = limber_x11_open_display (error);
  if (self->display == NULL)
    return FALSE;

  self->sync_event_base = -1;
  if (start_sync (self) || start_screensaver (self))
    {
      /* Alarm events; and in both modes, the server going away. */
      self->x_source = limber_x11_event_source_new (self->display, x11_event_cb, self);
      g_source_attach (self->x_source, NULL);
      return TRUE;
    }

  g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
               _("The X server “%s” has neither the SYNC extension’s IDLETIME counter "
                 "nor the MIT-SCREEN-SAVER extension"),
               DisplayString (self->display));
  stop_watching (self);
  return FALSE;
}

/**
 * limber_activity_x11_new:
 * @clock: the clock idle spans are expressed in
 *
 * Returns: (transfer full): an X11 activity source; limber_activity_source_start() connects
 */
LimberActivitySource *
limber_activity_x11_new (LimberClock *clock)
{
  LimberActivityX11 *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_ACTIVITY_X11, NULL);
  self->clock = g_object_ref (clock);
  return LIMBER_ACTIVITY_SOURCE (self);
}

static void
limber_activity_x11_dispose (GObject *object)
{
  LimberActivityX11 *self = LIMBER_ACTIVITY_X11 (object);

  stop_watching (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_activity_x11_parent_class)->dispose (object);
}

static void
limber_activity_x11_iface_init (LimberActivitySourceInterface *iface)
{
  iface->get_name = limber_activity_x11_get_name;
  iface->start = limber_activity_x11_start;
  iface->stop = limber_activity_x11_stop;
}

static void
limber_activity_x11_class_init (LimberActivityX11Class *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_activity_x11_dispose;
}

static void
limber_activity_x11_init (LimberActivityX11 *self)
{
}
