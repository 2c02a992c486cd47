/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "limber-activity-mutter.h"

#define IDLE_MONITOR_NAME "org.gnome.Mutter.IdleMonitor"
#define IDLE_MONITOR_PATH "/org/gnome/Mutter/IdleMonitor/Core"
#define IDLE_MONITOR_IFACE "org.gnome.Mutter.IdleMonitor"
/* Synchronous calls only happen in start(), where the chooser needs an
 * answer before trying the next source. */
#define START_TIMEOUT_MS 5000

struct _LimberActivityMutter
{
  GObject parent_instance;

  LimberClock *clock;
  guint threshold_ms;

  GDBusConnection *bus;
  GCancellable *cancellable;
  char *owner;
  guint name_watch_id;
  guint watch_fired_id;
  /* Mutter's watch ids; 0 when none is set. */
  guint idle_watch;
  guint active_watch;
};

static void limber_activity_mutter_iface_init (LimberActivitySourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberActivityMutter, limber_activity_mutter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_ACTIVITY_SOURCE,
                                                      limber_activity_mutter_iface_init))

static void
call_monitor (LimberActivityMutter *self,
              const char           *method,
              GVariant             *parameters,
              const GVariantType   *reply_type,
              GAsyncReadyCallback   callback)
{
  g_dbus_connection_call (self->bus, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH, IDLE_MONITOR_IFACE,
                          method, parameters, reply_type, G_DBUS_CALL_FLAGS_NO_AUTO_START,
                          -1, self->cancellable, callback, self);
}

/* Returns the reply, or NULL after logging; NULL and *cancelled when the
 * call was cancelled (then self may be gone). */
static GVariant *
finish_call (GObject      *object,
             GAsyncResult *result,
             const char   *what,
             gboolean     *cancelled)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  *cancelled = FALSE;
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        *cancelled = TRUE;
      else
        g_debug ("Mutter IdleMonitor %s failed: %s", what, error->message);
    }
  return reply;
}

static void
remove_watch (LimberActivityMutter *self,
              guint                *watch)
{
  if (*watch == 0)
    return;

  /* Fire and forget: if Mutter is gone, so is the watch. */
  g_dbus_connection_call (self->bus, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH, IDLE_MONITOR_IFACE,
                          "RemoveWatch", g_variant_new ("(u)", *watch), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
  *watch = 0;
}

static void
get_idletime_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LimberActivityMutter *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean cancelled;
  guint64 idle_ms;

  reply = finish_call (object, result, "GetIdletime", &cancelled);
  if (cancelled)
    return;
  if (reply == NULL)
    {
      remove_watch (self, &self->active_watch);
      return;
    }

  if (self->active_watch == 0)
    return; /* The person already came back. */

  g_variant_get (reply, "(t)", &idle_ms);
  if (idle_ms >= self->threshold_ms)
    {
      limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (self), TRUE,
                                       limber_clock_get_boottime (self->clock)
                                       - (gint64) idle_ms * 1000);
    }
  else
    {
      /* Input came between the idle watch firing and the user-active watch
       * being set: it would only fire at the next input. */
      remove_watch (self, &self->active_watch);
    }
}

static void
add_user_active_watch_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  LimberActivityMutter *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean cancelled;
  gboolean was_idle;

  reply = finish_call (object, result, "AddUserActiveWatch", &cancelled);
  if (cancelled || reply == NULL)
    return;

  remove_watch (self, &self->active_watch);
  g_variant_get (reply, "(u)", &self->active_watch);

  was_idle = limber_activity_source_get_idle (LIMBER_ACTIVITY_SOURCE (self), NULL);
  /* Going idle: learn how long the person has been away, after the
   * user-active watch is in place so no input falls in between. */
  if (!was_idle)
    call_monitor (self, "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"), get_idletime_cb);
}

static void
add_idle_watch_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LimberActivityMutter *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean cancelled;

  reply = finish_call (object, result, "AddIdleWatch", &cancelled);
  if (cancelled || reply == NULL)
    return;

  remove_watch (self, &self->idle_watch);
  g_variant_get (reply, "(u)", &self->idle_watch);
}

static void
add_user_active_watch (LimberActivityMutter *self)
{
  call_monitor (self, "AddUserActiveWatch", NULL, G_VARIANT_TYPE ("(u)"),
                add_user_active_watch_cb);
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  LimberActivityMutter *self = user_data;
  guint id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;
  g_variant_get (parameters, "(u)", &id);

  if (id != 0 && id == self->idle_watch)
    {
      if (!limber_activity_source_get_idle (LIMBER_ACTIVITY_SOURCE (self), NULL)
          && self->active_watch == 0)
        add_user_active_watch (self);
    }
  else if (id != 0 && id == self->active_watch)
    {
      /* User-active watches are one-shot: Mutter has removed it. */
      self->active_watch = 0;
      limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (self), FALSE, 0);
    }
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *name_owner,
                  gpointer         user_data)
{
  LimberActivityMutter *self = user_data;

  if (g_strcmp0 (self->owner, name_owner) == 0)
    return;

  /* A new Mutter: the old watch ids mean nothing to it. An idle person
   * stays idle until the new one sees input. */
  g_message ("Mutter’s IdleMonitor is back on the session bus; watching it again");
  g_free (self->owner);
  self->owner = g_strdup (name_owner);
  self->idle_watch = 0;
  self->active_watch = 0;
  call_monitor (self, "AddIdleWatch", g_variant_new ("(t)", (guint64) self->threshold_ms),
                G_VARIANT_TYPE ("(u)"), add_idle_watch_cb);
  if (limber_activity_source_get_idle (LIMBER_ACTIVITY_SOURCE (self), NULL))
    add_user_active_watch (self);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  LimberActivityMutter *self = user_data;

  if (self->owner == NULL)
    return;

  g_message ("Mutter’s IdleMonitor left the session bus; waiting for it to come back");
  g_clear_pointer (&self->owner, g_free);
  self->idle_watch = 0;
  self->active_watch = 0;
}

static const char *
limber_activity_mutter_get_name (LimberActivitySource *source)
{
  return "mutter";
}

static void
stop_watching (LimberActivityMutter *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->bus != NULL)
    {
      remove_watch (self, &self->idle_watch);
      remove_watch (self, &self->active_watch);
      if (self->watch_fired_id != 0)
        g_dbus_connection_signal_unsubscribe (self->bus, self->watch_fired_id);
      self->watch_fired_id = 0;
    }
  g_clear_handle_id (&self->name_watch_id, g_bus_unwatch_name);
  g_clear_pointer (&self->owner, g_free);
  g_clear_object (&self->bus);
}

static void
limber_activity_mutter_stop (LimberActivitySource *source)
{
  stop_watching (LIMBER_ACTIVITY_MUTTER (source));
  limber_activity_source_set_idle (source, FALSE, 0);
}

static gboolean
limber_activity_mutter_start (LimberActivitySource  *source,
                              guint                  threshold_ms,
                              GError               **error)
{
  LimberActivityMutter *self = LIMBER_ACTIVITY_MUTTER (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) reply = NULL;

  g_return_val_if_fail (self->bus == NULL, FALSE);

  self->threshold_ms = threshold_ms;
  self->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &local_error);
  if (self->bus == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("There is no session bus to reach Mutter on: %s"), local_error->message);
      return FALSE;
    }

  reply = g_dbus_connection_call_sync (self->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetNameOwner",
                                       g_variant_new ("(s)", IDLE_MONITOR_NAME),
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE,
                                       START_TIMEOUT_MS, NULL, NULL);
  if (reply == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("Nobody owns %s on the session bus: this is not a GNOME session"),
                   IDLE_MONITOR_NAME);
      stop_watching (self);
      return FALSE;
    }
  g_variant_get (reply, "(s)", &self->owner);
  g_clear_pointer (&reply, g_variant_unref);

  self->cancellable = g_cancellable_new ();
  self->watch_fired_id =
    g_dbus_connection_signal_subscribe (self->bus, IDLE_MONITOR_NAME, IDLE_MONITOR_IFACE,
                                        "WatchFired", IDLE_MONITOR_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, watch_fired_cb, self, NULL);

  reply = g_dbus_connection_call_sync (self->bus, IDLE_MONITOR_NAME, IDLE_MONITOR_PATH,
                                       IDLE_MONITOR_IFACE, "AddIdleWatch",
                                       g_variant_new ("(t)", (guint64) threshold_ms),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       START_TIMEOUT_MS, NULL, &local_error);
  if (reply == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("Mutter did not accept an idle watch on %s: %s"),
                   IDLE_MONITOR_PATH, local_error->message);
      stop_watching (self);
      return FALSE;
    }
  g_variant_get (reply, "(u)", &self->idle_watch);

  /* From here on, Mutter leaving and coming back is followed. If the person
   * is idle past the threshold already, Mutter fires the new watch at once. */
  self->name_watch_id = g_bus_watch_name_on_connection (self->bus, IDLE_MONITOR_NAME,
                                                        G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                        name_appeared_cb, name_vanished_cb,
                                                        self, NULL);
  return TRUE;
}

/**
 * limber_activity_mutter_new:
 * @clock: the clock idle spans are expressed in
 *
 * Returns: (transfer full): a Mutter IdleMonitor activity source
 */
LimberActivitySource *
limber_activity_mutter_new (LimberClock *clock)
{
  LimberActivityMutter *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_ACTIVITY_MUTTER, NULL);
  self->clock = g_object_ref (clock);
  return LIMBER_ACTIVITY_SOURCE (self);
}

static void
limber_activity_mutter_dispose (GObject *object)
{
  LimberActivityMutter *self = LIMBER_ACTIVITY_MUTTER (object);

  stop_watching (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_activity_mutter_parent_class)->dispose (object);
}

static void
limber_activity_mutter_iface_init (LimberActivitySourceInterface *iface)
{
  iface->get_name = limber_activity_mutter_get_name;
  iface->start = limber_activity_mutter_start;
  iface->stop = limber_activity_mutter_stop;
}

static void
limber_activity_mutter_class_init (LimberActivityMutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_activity_mutter_dispose;
}

static void
limber_activity_mutter_init (LimberActivityMutter *self)
{
}
