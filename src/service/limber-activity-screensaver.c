/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "limber-activity-screensaver.h"
#include "limber-idle-poller.h"

#define SCREENSAVER_NAME "org.freedesktop.ScreenSaver"
#define SCREENSAVER_PATH "/org/freedesktop/ScreenSaver"
#define SCREENSAVER_IFACE "org.freedesktop.ScreenSaver"
#define START_TIMEOUT_MS 5000
#define POLL_TIMEOUT_MS 5000

struct _LimberActivityScreensaver
{
  GObject parent_instance;

  LimberClock *clock;

  GDBusConnection *bus;
  GCancellable *cancellable;
  LimberIdlePoller *poller;
  gboolean failing;
};

static void limber_activity_screensaver_iface_init (LimberActivitySourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberActivityScreensaver, limber_activity_screensaver,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_ACTIVITY_SOURCE,
                                                      limber_activity_screensaver_iface_init))

static void
get_idle_time_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LimberActivityScreensaver *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 idle_ms;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reply == NULL)
    {
      /* Say it once, not at every poll. */
      if (!self->failing)
        g_message ("org.freedesktop.ScreenSaver stopped answering GetSessionIdleTime: %s",
                   error->message);
      self->failing = TRUE;
      limber_idle_poller_report_failure (self->poller);
      return;
    }

  if (self->failing)
    g_message ("org.freedesktop.ScreenSaver answers GetSessionIdleTime again");
  self->failing = FALSE;
  g_variant_get (reply, "(u)", &idle_ms);
  limber_idle_poller_report (self->poller, idle_ms);
}

static void
query_cb (LimberIdlePoller *poller,
          gpointer          user_data)
{
  LimberActivityScreensaver *self = user_data;

  g_dbus_connection_call (self->bus, SCREENSAVER_NAME, SCREENSAVER_PATH, SCREENSAVER_IFACE,
                          "GetSessionIdleTime", NULL, G_VARIANT_TYPE ("(u)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, POLL_TIMEOUT_MS, self->cancellable,
                          get_idle_time_cb, self);
}

static const char *
limber_activity_screensaver_get_name (LimberActivitySource *source)
{
  return "screensaver";
}

static void
stop_watching (LimberActivityScreensaver *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->poller, limber_idle_poller_free);
  g_clear_object (&self->bus);
  self->failing = FALSE;
}

static void
limber_activity_screensaver_stop (LimberActivitySource *source)
{
  stop_watching (LIMBER_ACTIVITY_SCREENSAVER (source));
  limber_activity_source_set_idle (source, FALSE, 0);
}

static gboolean
limber_activity_screensaver_start (LimberActivitySource  *source,
                                   guint                  threshold_ms,
                                   GError               **error)
{
  LimberActivityScreensaver *self = LIMBER_ACTIVITY_SCREENSAVER (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) reply = NULL;

  g_return_val_if_fail (self->bus == NULL, FALSE);

  self->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &local_error);
  if (self->bus == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("There is no session bus to reach the screensaver on: %s"),
                   local_error->message);
      return FALSE;
    }

  /* One real call tells whether the service exists and implements the
   * method (GNOME's does not, for one). */
  reply = g_dbus_connection_call_sync (self->bus, SCREENSAVER_NAME, SCREENSAVER_PATH,
                                       SCREENSAVER_IFACE, "GetSessionIdleTime", NULL,
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       START_TIMEOUT_MS, NULL, &local_error);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (local_error);
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("%s does not answer GetSessionIdleTime on the session bus: %s"),
                   SCREENSAVER_NAME, local_error->message);
      stop_watching (self);
      return FALSE;
    }

  self->cancellable = g_cancellable_new ();
  self->poller = limber_idle_poller_new (source, self->clock, threshold_ms, query_cb, self);
  limber_idle_poller_start (self->poller);
  return TRUE;
}

/**
 * limber_activity_screensaver_new:
 * @clock: the clock idle spans are expressed in
 *
 * Returns: (transfer full): an org.freedesktop.ScreenSaver activity source
 */
LimberActivitySource *
limber_activity_screensaver_new (LimberClock *clock)
{
  LimberActivityScreensaver *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_ACTIVITY_SCREENSAVER, NULL);
  self->clock = g_object_ref (clock);
  return LIMBER_ACTIVITY_SOURCE (self);
}

static void
limber_activity_screensaver_dispose (GObject *object)
{
  LimberActivityScreensaver *self = LIMBER_ACTIVITY_SCREENSAVER (object);

  stop_watching (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_activity_screensaver_parent_class)->dispose (object);
}

static void
limber_activity_screensaver_iface_init (LimberActivitySourceInterface *iface)
{
  iface->get_name = limber_activity_screensaver_get_name;
  iface->start = limber_activity_screensaver_start;
  iface->stop = limber_activity_screensaver_stop;
}

static void
limber_activity_screensaver_class_init (LimberActivityScreensaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_activity_screensaver_dispose;
}

static void
limber_activity_screensaver_init (LimberActivityScreensaver *self)
{
}
