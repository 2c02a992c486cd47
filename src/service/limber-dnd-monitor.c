/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>

#include "limber-dnd-monitor.h"
#include "limber-x11-util.h"

#define NOTIFICATIONS_SCHEMA "org.gnome.desktop.notifications"
#define GSM_NAME "org.gnome.SessionManager"
#define GSM_PATH "/org/gnome/SessionManager"
#define GSM_IFACE "org.gnome.SessionManager"
/* GsmInhibitorFlag: inhibit the session being marked as idle. */
#define GSM_INHIBITOR_FLAG_IDLE 8

struct _LimberDndMonitor
{
  GObject parent_instance;

  GCancellable *cancellable;

  GSettings *notifications;
  gboolean do_not_disturb;

  GDBusConnection *session_bus;
  guint gsm_watch_id;
  guint inhibitor_added_id;
  guint inhibitor_removed_id;
  gboolean inhibited;

  Display *display;
  GSource *x_source;
  Atom net_active_window;
  Atom net_wm_state;
  Atom net_wm_state_fullscreen;
  Window active_window;
  gboolean fullscreen;

  gboolean active;
  const char *reason;
};

G_DEFINE_FINAL_TYPE (LimberDndMonitor, limber_dnd_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LimberDndMonitor *self)
{
  const char *reason = NULL;

  if (self->do_not_disturb)
    reason = "do-not-disturb";
  else if (self->inhibited)
    reason = "inhibitor";
  else if (self->fullscreen)
    reason = "fullscreen";

  g_object_freeze_notify (G_OBJECT (self));
  if (self->active != (reason != NULL))
    {
      self->active = reason != NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      self->reason = reason;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* GNOME's do-not-disturb */

static void
show_banners_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  LimberDndMonitor *self = user_data;

  self->do_not_disturb = !g_settings_get_boolean (settings, "show-banners");
  update (self);
}

static void
watch_do_not_disturb (LimberDndMonitor *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, NOTIFICATIONS_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "show-banners"))
    {
      g_debug ("No %s schema: GNOME’s do-not-disturb is not watched", NOTIFICATIONS_SCHEMA);
      return;
    }

  self->notifications = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->notifications, "changed::show-banners",
                           G_CALLBACK (show_banners_changed_cb), self, G_CONNECT_DEFAULT);
  show_banners_changed_cb (self->notifications, "show-banners", self);
}

/* Idle inhibitors */

static void
is_inhibited_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LimberDndMonitor *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    {
      g_debug ("GNOME’s SessionManager IsInhibited failed: %s", error->message);
      return;
    }

  g_variant_get (reply, "(b)", &self->inhibited);
  update (self);
}

static void
query_inhibited (LimberDndMonitor *self)
{
  g_dbus_connection_call (self->session_bus, GSM_NAME, GSM_PATH, GSM_IFACE, "IsInhibited",
                          g_variant_new ("(u)", (guint32) GSM_INHIBITOR_FLAG_IDLE),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, is_inhibited_cb, self);
}

static void
inhibitors_changed_cb (GDBusConnection *connection,
                       const char      *sender_name,
                       const char      *object_path,
                       const char      *interface_name,
                       const char      *signal_name,
                       GVariant        *parameters,
                       gpointer         user_data)
{
  /* The signal does not say what the inhibitor inhibits: ask. */
  query_inhibited (user_data);
}

static void
gsm_appeared_cb (GDBusConnection *connection,
                 const char      *name,
                 const char      *name_owner,
                 gpointer         user_data)
{
  query_inhibited (user_data);
}

static void
gsm_vanished_cb (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  LimberDndMonitor *self = user_data;

  g_debug ("No %s on the session bus: idle inhibitors are not watched until it appears",
           GSM_NAME);
  self->inhibited = FALSE;
  update (self);
}

static void
session_bus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LimberDndMonitor *self;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (bus == NULL)
    {
      g_debug ("No session bus (%s): idle inhibitors are not watched", error->message);
      return;
    }

  self->session_bus = bus;
  self->inhibitor_added_id =
    g_dbus_connection_signal_subscribe (bus, GSM_NAME, GSM_IFACE, "InhibitorAdded", GSM_PATH,
                                        NULL, G_DBUS_SIGNAL_FLAGS_NONE, inhibitors_changed_cb,
                                        self, NULL);
  self->inhibitor_removed_id =
    g_dbus_connection_signal_subscribe (bus, GSM_NAME, GSM_IFACE, "InhibitorRemoved", GSM_PATH,
                                        NULL, G_DBUS_SIGNAL_FLAGS_NONE, inhibitors_changed_cb,
                                        self, NULL);
  self->gsm_watch_id = g_bus_watch_name_on_connection (bus, GSM_NAME,
                                                       G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                       gsm_appeared_cb, gsm_vanished_cb,
                                                       self, NULL);
}

/* Fullscreen on X11 */

static gboolean
window_is_fullscreen (LimberDndMonitor *self,
                      Window            window)
{
  Atom type = None;
  int format = 0;
  unsigned long n_items = 0;
  unsigned long bytes_after = 0;
  unsigned char *data = NULL;
  gboolean fullscreen = FALSE;
  int status;

  if (window == None)
    return FALSE;

  limber_x11_error_trap_push ();
  status = XGetWindowProperty (self->display, window, self->net_wm_state, 0, G_MAXLONG, False,
                               XA_ATOM, &type, &format, &n_items, &bytes_after, &data);
  if (limber_x11_error_trap_pop (self->display) != 0 || status != Success)
    {
      g_clear_pointer (&data, XFree);
      return FALSE;
    }

  if (type == XA_ATOM && format == 32 && data != NULL)
    {
      /* Xlib hands 32-bit items back as longs. */
      const Atom *atoms = (const Atom *) (gpointer) data;

      for (unsigned long i = 0; i < n_items; i++)
        {
          if (atoms[i] == self->net_wm_state_fullscreen)
            {
              fullscreen = TRUE;
              break;
            }
        }
    }
  g_clear_pointer (&data, XFree);
  return fullscreen;
}

static Window
read_active_window (LimberDndMonitor *self)
{
  Atom type = None;
  int format = 0;
  unsigned long n_items = 0;
  unsigned long bytes_after = 0;
  unsigned char *data = NULL;
  Window window = None;
  int status;

  limber_x11_error_trap_push ();
  /* Window managers set it as WINDOW; xprop and some tools as CARDINAL. */
  status = XGetWindowProperty (self->display, DefaultRootWindow (self->display),
                               self->net_active_window, 0, 1, False, AnyPropertyType, &type,
                               &format, &n_items, &bytes_after, &data);
  if (limber_x11_error_trap_pop (self->display) == 0 && status == Success
      && (type == XA_WINDOW || type == XA_CARDINAL) && format == 32 && n_items == 1
      && data != NULL)
    window = *(const Window *) (gpointer) data;
  g_clear_pointer (&data, XFree);
  return window;
}

/* Follows the active window: listens to its property changes, and re-reads
 * whether it is fullscreen. */
static void
update_active_window (LimberDndMonitor *self)
{
  Window window = read_active_window (self);

  if (window != self->active_window)
    {
      limber_x11_error_trap_push ();
      if (self->active_window != None)
        XSelectInput (self->display, self->active_window, NoEventMask);
      if (window != None)
        XSelectInput (self->display, window, PropertyChangeMask);
      /* The window may be gone already: then it is not fullscreen. */
      limber_x11_error_trap_pop (self->display);
      self->active_window = window;
    }

  self->fullscreen = window_is_fullscreen (self, window);
  update (self);
}

static void
stop_watching_fullscreen (LimberDndMonitor *self)
{
  if (self->x_source != NULL)
    {
      g_source_destroy (self->x_source);
      g_clear_pointer (&self->x_source, g_source_unref);
    }
  g_clear_pointer (&self->display, limber_x11_close_display);
  self->active_window = None;
  self->fullscreen = FALSE;
}

static gboolean
x11_event_cb (Display  *display,
              XEvent   *event,
              gpointer  user_data)
{
  LimberDndMonitor *self = user_data;

  if (event == NULL)
    {
      /* The X server went away (an Xwayland that was stopped, say). */
      stop_watching_fullscreen (self);
      update (self);
      return FALSE;
    }

  if (event->type != PropertyNotify)
    return TRUE;

  if (event->xproperty.window == DefaultRootWindow (display)
      && event->xproperty.atom == self->net_active_window)
    update_active_window (self);
  else if (event->xproperty.window == self->active_window
           && event->xproperty.atom == self->net_wm_state)
    {
      self->fullscreen = window_is_fullscreen (self, self->active_window);
      update (self);
    }

  return TRUE;
}

static void
watch_fullscreen (LimberDndMonitor *self)
{
  g_autoptr(GError) error = NULL;

  self->display = limber_x11_open_display (&error);
  if (self->display == NULL)
    {
      g_debug ("Fullscreen windows are not watched: %s", error->message);
      return;
    }

  self->net_active_window = XInternAtom (self->display, "_NET_ACTIVE_WINDOW", False);
  self->net_wm_state = XInternAtom (self->display, "_NET_WM_STATE", False);
  self->net_wm_state_fullscreen = XInternAtom (self->display, "_NET_WM_STATE_FULLSCREEN", False);

  XSelectInput (self->display, DefaultRootWindow (self->display), PropertyChangeMask);
  self->x_source = limber_x11_event_source_new (self->display, x11_event_cb, self);
  g_source_attach (self->x_source, NULL);

  update_active_window (self);
}

/**
 * limber_dnd_monitor_new:
 *
 * Starts watching the settings, the session bus and the X server.
 *
 * Returns: (transfer full): a do-not-disturb monitor
 */
LimberDndMonitor *
limber_dnd_monitor_new (void)
{
  return g_object_new (LIMBER_TYPE_DND_MONITOR, NULL);
}

/* Whether reminders should wait now. */
gboolean
limber_dnd_monitor_get_active (LimberDndMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_DND_MONITOR (self), FALSE);
  return self->active;
}

/**
 * limber_dnd_monitor_get_reason:
 *
 * Returns: (nullable): why reminders wait, for logs: "do-not-disturb",
 *   "inhibitor" or "fullscreen"; %NULL when they do not
 */
const char *
limber_dnd_monitor_get_reason (LimberDndMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_DND_MONITOR (self), NULL);
  return self->reason;
}

static void
limber_dnd_monitor_dispose (GObject *object)
{
  LimberDndMonitor *self = LIMBER_DND_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_clear_object (&self->notifications);

  g_clear_handle_id (&self->gsm_watch_id, g_bus_unwatch_name);
  if (self->session_bus != NULL)
    {
      if (self->inhibitor_added_id != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->inhibitor_added_id);
      if (self->inhibitor_removed_id != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->inhibitor_removed_id);
    }
  self->inhibitor_added_id = 0;
  self->inhibitor_removed_id = 0;
  g_clear_object (&self->session_bus);

  stop_watching_fullscreen (self);

  G_OBJECT_CLASS (limber_dnd_monitor_parent_class)->dispose (object);
}

static void
limber_dnd_monitor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberDndMonitor *self = LIMBER_DND_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_dnd_monitor_class_init (LimberDndMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_dnd_monitor_dispose;
  object_class->get_property = limber_dnd_monitor_get_property;

  /**
   * LimberDndMonitor:active:
   *
   * Reminders should wait: do-not-disturb, an idle inhibitor or a
   * fullscreen window.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberDndMonitor:reason:
   *
   * Why, in one word for logs; %NULL when not active.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_dnd_monitor_init (LimberDndMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  watch_do_not_disturb (self);
  watch_fullscreen (self);
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, session_bus_cb, self);
}
