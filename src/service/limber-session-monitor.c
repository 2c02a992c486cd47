/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <unistd.h>
#include <gio/gio.h>

#include "limber-session-monitor.h"

#define LOGIND_NAME "org.freedesktop.login1"
#define LOGIND_PATH "/org/freedesktop/login1"
#define LOGIND_MANAGER_IFACE "org.freedesktop.login1.Manager"
#define LOGIND_SESSION_IFACE "org.freedesktop.login1.Session"
#define GSM_NAME "org.gnome.SessionManager"
#define GSM_PATH "/org/gnome/SessionManager"
#define GSM_IFACE "org.gnome.SessionManager"

/* The two screensaver interfaces: GNOME Shell implements the first, most
 * other desktops (KDE, Xfce, Cinnamon, …) the second. */
typedef enum
{
  SCREENSAVER_GNOME,
  SCREENSAVER_FREEDESKTOP,
  N_SCREENSAVERS
} ScreensaverKind;

static const struct
{
  const char *name;
  const char *path;
} screensavers[N_SCREENSAVERS] = {
  [SCREENSAVER_GNOME] = { "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver" },
  [SCREENSAVER_FREEDESKTOP] = { "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver" },
};

typedef struct
{
  LimberSessionMonitor *monitor;
  ScreensaverKind kind;
} ScreensaverWatch;

struct _LimberSessionMonitor
{
  GObject parent_instance;

  GCancellable *cancellable;

  GDBusConnection *system_bus;
  guint logind_watch_id;
  guint sleep_signal_id;
  guint session_removed_signal_id;
  guint session_properties_signal_id;
  char *session_path;
  gboolean logind_seen;

  GDBusConnection *session_bus;
  ScreensaverWatch screensaver_watch[N_SCREENSAVERS];
  guint screensaver_watch_id[N_SCREENSAVERS];
  guint screensaver_signal_id[N_SCREENSAVERS];
  gboolean screensaver_active[N_SCREENSAVERS];
  guint screensavers_missing;
  gboolean screensaver_seen;
  guint gsm_signal_id;

  gboolean preparing_for_sleep;
  gboolean locked_hint;
  gboolean logind_session_ending;
  gboolean gsm_session_over;

  /* What the properties show. */
  gboolean suspended;
  gboolean locked;
  gboolean session_ending;
};

G_DEFINE_FINAL_TYPE (LimberSessionMonitor, limber_session_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUSPENDED,
  PROP_LOCKED,
  PROP_SESSION_ENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
set_flag (LimberSessionMonitor *self,
          gboolean             *field,
          gboolean              value,
          int                   prop)
{
  value = !!value;
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

/* Recomputes the properties from what each service said, and emits
 * ::changed once if any of them changed. */
static void
update (LimberSessionMonitor *self)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  changed |= set_flag (self, &self->suspended, self->preparing_for_sleep, PROP_SUSPENDED);
  changed |= set_flag (self, &self->locked,
                       self->screensaver_active[SCREENSAVER_GNOME]
                       || self->screensaver_active[SCREENSAVER_FREEDESKTOP]
                       || self->locked_hint,
                       PROP_LOCKED);
  changed |= set_flag (self, &self->session_ending,
                       self->logind_session_ending || self->gsm_session_over,
                       PROP_SESSION_ENDING);
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Finishes a call; NULL on error (logged at debug level) or cancellation,
 * with *cancelled telling which (after a cancellation self may be gone). */
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
        g_debug ("%s failed: %s", what, error->message);
    }
  return reply;
}

/* logind */

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  LimberSessionMonitor *self = user_data;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &self->preparing_for_sleep);
  g_debug ("logind: %s", self->preparing_for_sleep ? "suspending" : "resumed");
  update (self);
}

static void
session_removed_cb (GDBusConnection *connection,
                    const char      *sender_name,
                    const char      *object_path,
                    const char      *interface_name,
                    const char      *signal_name,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  LimberSessionMonitor *self = user_data;
  const char *path;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(so)")))
    return;

  g_variant_get (parameters, "(&s&o)", NULL, &path);
  if (g_strcmp0 (path, self->session_path) != 0)
    return;

  g_debug ("logind: this session was removed");
  self->logind_session_ending = TRUE;
  update (self);
}

static void
apply_session_properties (LimberSessionMonitor *self,
                          GVariant             *dict)
{
  gboolean hint;
  const char *state;

  if (g_variant_lookup (dict, "LockedHint", "b", &hint))
    self->locked_hint = hint;
  if (g_variant_lookup (dict, "State", "&s", &state) && g_strcmp0 (state, "closing") == 0)
    self->logind_session_ending = TRUE;
  update (self);
}

static void
session_properties_changed_cb (GDBusConnection *connection,
                               const char      *sender_name,
                               const char      *object_path,
                               const char      *interface_name,
                               const char      *signal_name,
                               GVariant        *parameters,
                               gpointer         user_data)
{
  LimberSessionMonitor *self = user_data;
  g_autoptr(GVariant) changed = NULL;
  const char *iface;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sa{sv}as)")))
    return;

  g_variant_get (parameters, "(&s@a{sv}as)", &iface, &changed, NULL);
  if (g_strcmp0 (iface, LOGIND_SESSION_IFACE) == 0)
    apply_session_properties (self, changed);
}

static void
get_session_properties_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) dict = NULL;
  gboolean cancelled;

  reply = finish_call (object, result, "Reading logind’s session properties", &cancelled);
  if (reply == NULL)
    return;

  g_variant_get (reply, "(@a{sv})", &dict);
  apply_session_properties (user_data, dict);
}

static void
get_session_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LimberSessionMonitor *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean cancelled;

  reply = finish_call (object, result, "Finding this process’s logind session", &cancelled);
  if (cancelled)
    return;
  if (reply == NULL)
    {
      g_debug ("No logind session for limberd: its end comes from GNOME’s SessionManager only");
      return;
    }

  g_clear_pointer (&self->session_path, g_free);
  g_variant_get (reply, "(o)", &self->session_path);
  g_debug ("logind session: %s", self->session_path);

  if (self->session_properties_signal_id == 0)
    self->session_properties_signal_id =
      g_dbus_connection_signal_subscribe (self->system_bus, LOGIND_NAME,
                                          "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                          self->session_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                          session_properties_changed_cb, self, NULL);

  g_dbus_connection_call (self->system_bus, LOGIND_NAME, self->session_path,
                          "org.freedesktop.DBus.Properties", "GetAll",
                          g_variant_new ("(s)", LOGIND_SESSION_IFACE),
                          G_VARIANT_TYPE ("(a{sv})"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, get_session_properties_cb, self);
}

static void
get_preparing_for_sleep_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  LimberSessionMonitor *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  gboolean cancelled;

  reply = finish_call (object, result, "Reading PreparingForSleep", &cancelled);
  if (reply == NULL)
    return;

  g_variant_get (reply, "(v)", &value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    {
      self->preparing_for_sleep = g_variant_get_boolean (value);
      update (self);
    }
}

static void
logind_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  LimberSessionMonitor *self = user_data;
  const char *session_id = g_getenv ("XDG_SESSION_ID");

  g_debug ("logind is on the system bus (%s)", name_owner);
  self->logind_seen = TRUE;

  g_dbus_connection_call (connection, LOGIND_NAME, LOGIND_PATH, "org.freedesktop.DBus.Properties",
                          "Get", g_variant_new ("(ss)", LOGIND_MANAGER_IFACE, "PreparingForSleep"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, get_preparing_for_sleep_cb, self);

  /* limberd may run as a user service outside the session's processes,
   * so the session id from the environment comes first. */
  if (session_id != NULL && *session_id != '\0')
    g_dbus_connection_call (connection, LOGIND_NAME, LOGIND_PATH, LOGIND_MANAGER_IFACE,
                            "GetSession", g_variant_new ("(s)", session_id),
                            G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                            self->cancellable, get_session_cb, self);
  else
    g_dbus_connection_call (connection, LOGIND_NAME, LOGIND_PATH, LOGIND_MANAGER_IFACE,
                            "GetSessionByPID", g_variant_new ("(u)", (guint32) getpid ()),
                            G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                            self->cancellable, get_session_cb, self);
}

static void
logind_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  LimberSessionMonitor *self = user_data;

  if (!self->logind_seen)
    g_message ("logind is not on the system bus: suspend is not watched until it appears");
  else
    g_debug ("logind left the system bus");
  self->logind_seen = TRUE;

  /* Whatever logind said no longer holds. */
  self->preparing_for_sleep = FALSE;
  self->locked_hint = FALSE;
  update (self);
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LimberSessionMonitor *self;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (bus == NULL)
    {
      g_message ("No system bus (%s): suspend is not watched", error->message);
      return;
    }

  self->system_bus = bus;
  self->sleep_signal_id =
    g_dbus_connection_signal_subscribe (bus, LOGIND_NAME, LOGIND_MANAGER_IFACE, "PrepareForSleep",
                                        LOGIND_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb, self, NULL);
  self->session_removed_signal_id =
    g_dbus_connection_signal_subscribe (bus, LOGIND_NAME, LOGIND_MANAGER_IFACE, "SessionRemoved",
                                        LOGIND_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        session_removed_cb, self, NULL);
  self->logind_watch_id = g_bus_watch_name_on_connection (bus, LOGIND_NAME,
                                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                          logind_appeared_cb, logind_vanished_cb,
                                                          self, NULL);
}

/* Screensavers and GNOME's session manager */

static void
active_changed_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  ScreensaverWatch *watch = user_data;
  LimberSessionMonitor *self = watch->monitor;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &self->screensaver_active[watch->kind]);
  update (self);
}

static void
get_active_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ScreensaverWatch *watch = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean cancelled;

  reply = finish_call (object, result, "Asking the screensaver GetActive", &cancelled);
  if (reply == NULL)
    return;

  g_variant_get (reply, "(b)", &watch->monitor->screensaver_active[watch->kind]);
  update (watch->monitor);
}

static void
screensaver_appeared_cb (GDBusConnection *connection,
                         const char      *name,
                         const char      *name_owner,
                         gpointer         user_data)
{
  ScreensaverWatch *watch = user_data;
  LimberSessionMonitor *self = watch->monitor;

  g_debug ("%s is on the session bus", name);
  self->screensaver_seen = TRUE;
  g_dbus_connection_call (connection, name, screensavers[watch->kind].path, name, "GetActive",
                          NULL, G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, get_active_cb, watch);
}

static void
screensaver_vanished_cb (GDBusConnection *connection,
                         const char      *name,
                         gpointer         user_data)
{
  ScreensaverWatch *watch = user_data;
  LimberSessionMonitor *self = watch->monitor;

  /* Both names report once at the start; say it once if neither is there. */
  if (!self->screensaver_seen && ++self->screensavers_missing == N_SCREENSAVERS)
    g_message ("No screensaver on the session bus: screen lock is not watched until one appears");

  self->screensaver_active[watch->kind] = FALSE;
  update (self);
}

static void
session_over_cb (GDBusConnection *connection,
                 const char      *sender_name,
                 const char      *object_path,
                 const char      *interface_name,
                 const char      *signal_name,
                 GVariant        *parameters,
                 gpointer         user_data)
{
  LimberSessionMonitor *self = user_data;

  g_debug ("GNOME’s session manager says the session is over");
  self->gsm_session_over = TRUE;
  update (self);
}

static void
session_bus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LimberSessionMonitor *self;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (bus == NULL)
    {
      g_message ("No session bus (%s): screen lock and session end are not watched",
                 error->message);
      return;
    }

  self->session_bus = bus;
  for (int i = 0; i < N_SCREENSAVERS; i++)
    {
      ScreensaverWatch *watch = &self->screensaver_watch[i];

      watch->monitor = self;
      watch->kind = i;
      /* Any path: KDE also uses /ScreenSaver. */
      self->screensaver_signal_id[i] =
        g_dbus_connection_signal_subscribe (bus, screensavers[i].name, screensavers[i].name,
                                            "ActiveChanged", NULL, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE, active_changed_cb,
                                            watch, NULL);
      self->screensaver_watch_id[i] =
        g_bus_watch_name_on_connection (bus, screensavers[i].name, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                        screensaver_appeared_cb, screensaver_vanished_cb,
                                        watch, NULL);
    }

  self->gsm_signal_id =
    g_dbus_connection_signal_subscribe (bus, GSM_NAME, GSM_IFACE, "SessionOver", GSM_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, session_over_cb, self, NULL);
}

/**
 * limber_session_monitor_new:
 *
 * Starts watching the system and session buses.
 *
 * Returns: (transfer full): a session monitor
 */
LimberSessionMonitor *
limber_session_monitor_new (void)
{
  return g_object_new (LIMBER_TYPE_SESSION_MONITOR, NULL);
}

/* Whether the machine is about to suspend (until it has resumed). */
gboolean
limber_session_monitor_get_suspended (LimberSessionMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_MONITOR (self), FALSE);
  return self->suspended;
}

/* Whether the screen is locked (or the screensaver is active). */
gboolean
limber_session_monitor_get_locked (LimberSessionMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_MONITOR (self), FALSE);
  return self->locked;
}

/* Whether the session is ending (logout). It does not go back to FALSE. */
gboolean
limber_session_monitor_get_session_ending (LimberSessionMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_MONITOR (self), FALSE);
  return self->session_ending;
}

static void
unsubscribe (GDBusConnection *bus,
             guint           *id)
{
  if (*id != 0 && bus != NULL)
    g_dbus_connection_signal_unsubscribe (bus, *id);
  *id = 0;
}

static void
limber_session_monitor_dispose (GObject *object)
{
  LimberSessionMonitor *self = LIMBER_SESSION_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_clear_handle_id (&self->logind_watch_id, g_bus_unwatch_name);
  unsubscribe (self->system_bus, &self->sleep_signal_id);
  unsubscribe (self->system_bus, &self->session_removed_signal_id);
  unsubscribe (self->system_bus, &self->session_properties_signal_id);
  g_clear_object (&self->system_bus);
  g_clear_pointer (&self->session_path, g_free);

  for (int i = 0; i < N_SCREENSAVERS; i++)
    {
      g_clear_handle_id (&self->screensaver_watch_id[i], g_bus_unwatch_name);
      unsubscribe (self->session_bus, &self->screensaver_signal_id[i]);
    }
  unsubscribe (self->session_bus, &self->gsm_signal_id);
  g_clear_object (&self->session_bus);

  G_OBJECT_CLASS (limber_session_monitor_parent_class)->dispose (object);
}

static void
limber_session_monitor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LimberSessionMonitor *self = LIMBER_SESSION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SUSPENDED:
      g_value_set_boolean (value, self->suspended);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_SESSION_ENDING:
      g_value_set_boolean (value, self->session_ending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_monitor_class_init (LimberSessionMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_session_monitor_dispose;
  object_class->get_property = limber_session_monitor_get_property;

  /**
   * LimberSessionMonitor:suspended:
   *
   * The machine is going to sleep (logind's PrepareForSleep(true)) and has
   * not announced the resume yet.
   */
  properties[PROP_SUSPENDED] =
    g_param_spec_boolean ("suspended", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberSessionMonitor:locked:
   *
   * The screen is locked or the screensaver is active.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberSessionMonitor:session-ending:
   *
   * The session is ending (logout, shutdown).
   */
  properties[PROP_SESSION_ENDING] =
    g_param_spec_boolean ("session-ending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberSessionMonitor::changed:
   *
   * One or more properties changed; emitted once after their notifications.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
limber_session_monitor_init (LimberSessionMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, self);
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, session_bus_cb, self);
}
