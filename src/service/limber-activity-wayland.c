/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <wayland-client.h>

#include "ext-idle-notify-v1-client-protocol.h"

#include "limber-activity-wayland.h"

typedef struct
{
  GSource parent;

  struct wl_display *display;
  gpointer fd_tag;
  gboolean reading;
} WaylandSource;

struct _LimberActivityWayland
{
  GObject parent_instance;

  LimberClock *clock;
  guint threshold_ms;

  struct wl_display *display;
  struct wl_registry *registry;
  struct wl_seat *seat;
  struct ext_idle_notifier_v1 *notifier;
  struct ext_idle_notification_v1 *notification;
  GSource *source;
};

static void limber_activity_wayland_iface_init (LimberActivitySourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberActivityWayland, limber_activity_wayland, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_ACTIVITY_SOURCE,
                                                      limber_activity_wayland_iface_init))

static void stop_watching (LimberActivityWayland *self);

/* The usual way to read a Wayland connection from a foreign main loop:
 * prepare_read before polling, read_events (or cancel_read) after it,
 * dispatch_pending to run the handlers, flush before sleeping. */
static gboolean
wayland_source_prepare (GSource *source,
                        int     *timeout)
{
  WaylandSource *self = (WaylandSource *) source;

  *timeout = -1;
  if (self->reading)
    return FALSE;

  /* Events already queued: dispatch them before reading more. */
  if (wl_display_prepare_read (self->display) != 0)
    return TRUE;
  self->reading = TRUE;

  if (wl_display_flush (self->display) < 0 && errno != EAGAIN)
    {
      /* The error shows up again in dispatch. */
      wl_display_cancel_read (self->display);
      self->reading = FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
wayland_source_check (GSource *source)
{
  WaylandSource *self = (WaylandSource *) source;
  GIOCondition revents;

  if (!self->reading)
    return FALSE;

  revents = g_source_query_unix_fd (source, self->fd_tag);
  self->reading = FALSE;
  if (revents & (G_IO_IN | G_IO_HUP | G_IO_ERR))
    {
      /* On failure, dispatch reports the error. */
      wl_display_read_events (self->display);
      return TRUE;
    }

  wl_display_cancel_read (self->display);
  return FALSE;
}

static gboolean
wayland_source_dispatch (GSource     *source,
                         GSourceFunc  callback,
                         gpointer     user_data)
{
  WaylandSource *self = (WaylandSource *) source;

  if (wl_display_dispatch_pending (self->display) < 0
      || wl_display_get_error (self->display) != 0)
    return callback != NULL ? callback (user_data) : G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

static void
wayland_source_finalize (GSource *source)
{
  WaylandSource *self = (WaylandSource *) source;

  if (self->reading)
    wl_display_cancel_read (self->display);
  self->reading = FALSE;
}

static GSourceFuncs wayland_source_funcs = {
  .prepare = wayland_source_prepare,
  .check = wayland_source_check,
  .dispatch = wayland_source_dispatch,
  .finalize = wayland_source_finalize,
};

/* Called by the source when the connection broke. */
static gboolean
connection_lost_cb (gpointer user_data)
{
  LimberActivityWayland *self = user_data;
  int code = wl_display_get_error (self->display);

  g_message ("Lost the connection to the Wayland compositor: %s",
             code != 0 ? g_strerror (code) : "unknown error");
  /* The main loop drops its reference when this returns. */
  g_clear_pointer (&self->source, g_source_unref);
  stop_watching (self);
  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (self), FALSE, 0);
  return G_SOURCE_REMOVE;
}

static void
notification_idled_cb (void                            *data,
                       struct ext_idle_notification_v1 *notification)
{
  LimberActivityWayland *self = data;

  /* The protocol has no idle-time query; "idled" comes when the threshold
   * has passed, so that is when the idle span began. */
  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (self), TRUE,
                                   limber_clock_get_boottime (self->clock)
                                   - (gint64) self->threshold_ms * 1000);
}

static void
notification_resumed_cb (void                            *data,
                         struct ext_idle_notification_v1 *notification)
{
  LimberActivityWayland *self = data;

  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (self), FALSE, 0);
}

static const struct ext_idle_notification_v1_listener notification_listener = {
  .idled = notification_idled_cb,
  .resumed = notification_resumed_cb,
};

static void
registry_global_cb (void               *data,
                    struct wl_registry *registry,
                    uint32_t            name,
                    const char         *interface,
                    uint32_t            version)
{
  LimberActivityWayland *self = data;

  if (strcmp (interface, ext_idle_notifier_v1_interface.name) == 0 && self->notifier == NULL)
    self->notifier = wl_registry_bind (registry, name, &ext_idle_notifier_v1_interface, 1);
  else if (strcmp (interface, wl_seat_interface.name) == 0 && self->seat == NULL)
    self->seat = wl_registry_bind (registry, name, &wl_seat_interface, 1);
}

static void
registry_global_remove_cb (void               *data,
                           struct wl_registry *registry,
                           uint32_t            name)
{
}

static const struct wl_registry_listener registry_listener = {
  .global = registry_global_cb,
  .global_remove = registry_global_remove_cb,
};

static const char *
limber_activity_wayland_get_name (LimberActivitySource *source)
{
  return "wayland";
}

static void
stop_watching (LimberActivityWayland *self)
{
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
  g_clear_pointer (&self->notification, ext_idle_notification_v1_destroy);
  g_clear_pointer (&self->notifier, ext_idle_notifier_v1_destroy);
  g_clear_pointer (&self->seat, wl_seat_destroy);
  g_clear_pointer (&self->registry, wl_registry_destroy);
  if (self->display != NULL)
    {
      wl_display_flush (self->display);
      g_clear_pointer (&self->display, wl_display_disconnect);
    }
}

static void
limber_activity_wayland_stop (LimberActivitySource *source)
{
  stop_watching (LIMBER_ACTIVITY_WAYLAND (source));
  limber_activity_source_set_idle (source, FALSE, 0);
}

static gboolean
limber_activity_wayland_start (LimberActivitySource  *source,
                               guint                  threshold_ms,
                               GError               **error)
{
  LimberActivityWayland *self = LIMBER_ACTIVITY_WAYLAND (source);
  const char *name = g_getenv ("WAYLAND_DISPLAY");
  WaylandSource *wayland_source;

  g_return_val_if_fail (self->display == NULL, FALSE);

  self->threshold_ms = threshold_ms;
  if ((name == NULL || *name == '\0') && g_getenv ("WAYLAND_SOCKET") == NULL)
    {
      g_set_error_literal (error, LIMBER_ACTIVITY_SOURCE_ERROR,
                           LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                           _("WAYLAND_DISPLAY is not set: this is not a Wayland session"));
      return FALSE;
    }
  if (name == NULL || *name == '\0')
    name = "wayland-0";

  self->display = wl_display_connect (NULL);
  if (self->display == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("Cannot connect to the Wayland display “%s”: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  self->registry = wl_display_get_registry (self->display);
  wl_registry_add_listener (self->registry, &registry_listener, self);
  if (wl_display_roundtrip (self->display) < 0)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_FAILED,
                   _("The Wayland display “%s” closed the connection while listing "
                     "its interfaces"),
                   name);
      stop_watching (self);
      return FALSE;
    }

  if (self->notifier == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("The Wayland compositor on “%s” does not offer ext_idle_notifier_v1 "
                     "(the ext-idle-notify-v1 protocol)"),
                   name);
      stop_watching (self);
      return FALSE;
    }
  if (self->seat == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR, LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("The Wayland compositor on “%s” has no seat (wl_seat) to watch"), name);
      stop_watching (self);
      return FALSE;
    }

  self->notification = ext_idle_notifier_v1_get_idle_notification (self->notifier, threshold_ms,
                                                                    self->seat);
  ext_idle_notification_v1_add_listener (self->notification, &notification_listener, self);
  wl_display_flush (self->display);

  self->source = g_source_new (&wayland_source_funcs, sizeof (WaylandSource));
  wayland_source = (WaylandSource *) self->source;
  wayland_source->display = self->display;
  wayland_source->fd_tag = g_source_add_unix_fd (self->source,
                                                 wl_display_get_fd (self->display),
                                                 G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_static_name (self->source, "[limber] Wayland events");
  g_source_set_callback (self->source, connection_lost_cb, self, NULL);
  g_source_attach (self->source, NULL);

  g_debug ("Watching ext-idle-notify-v1 on the Wayland display “%s”", name);
  return TRUE;
}

/**
 * limber_activity_wayland_new:
 * @clock: the clock idle spans are expressed in
 *
 * Returns: (transfer full): an ext-idle-notify-v1 activity source
 */
LimberActivitySource *
limber_activity_wayland_new (LimberClock *clock)
{
  LimberActivityWayland *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_ACTIVITY_WAYLAND, NULL);
  self->clock = g_object_ref (clock);
  return LIMBER_ACTIVITY_SOURCE (self);
}

static void
limber_activity_wayland_dispose (GObject *object)
{
  LimberActivityWayland *self = LIMBER_ACTIVITY_WAYLAND (object);

  stop_watching (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_activity_wayland_parent_class)->dispose (object);
}

static void
limber_activity_wayland_iface_init (LimberActivitySourceInterface *iface)
{
  iface->get_name = limber_activity_wayland_get_name;
  iface->start = limber_activity_wayland_start;
  iface->stop = limber_activity_wayland_stop;
}

static void
limber_activity_wayland_class_init (LimberActivityWaylandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_activity_wayland_dispose;
}

static void
limber_activity_wayland_init (LimberActivityWayland *self)
{
}
