/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-activity-source.h"
#include "limber-x11-util.h"

typedef struct
{
  GSource parent;

  Display *display;
  gpointer fd_tag;
  gboolean broken;
} LimberX11Source;

/* Xlib's error handler is per process; limberd only uses Xlib from the main
 * thread, so plain statics are enough. */
static int trap_depth;
static int trapped_error;

static int
error_handler (Display     *display,
               XErrorEvent *event)
{
  if (trap_depth > 0)
    {
      if (trapped_error == 0)
        trapped_error = event->error_code;
      return 0;
    }

  /* Not fatal: the default handler would exit the whole service. */
  g_debug ("X error %d on request %d.%d (resource 0x%lx)",
           event->error_code, event->request_code, event->minor_code,
           event->resourceid);
  return 0;
}

static int
io_error_handler (Display *display)
{
  g_message ("Lost the connection to the X server %s", DisplayString (display));
  /* Returning lets Xlib call the display's exit handler, which does not
   * exit (libX11 >= 1.7). */
  return 0;
}

/* Instead of Xlib's default, which ends the process. */
static void
io_error_exit_cb (Display *display,
                  void    *user_data)
{
  LimberX11Source *source = user_data;

  if (source != NULL)
    source->broken = TRUE;
}

/**
 * limber_x11_open_display:
 * @error: a #LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE when there is no X server
 *
 * Opens a connection of its own to the X server named by $DISPLAY and makes
 * sure X errors are logged rather than fatal.
 *
 * Returns: (transfer full) (nullable): the connection; close it with XCloseDisplay()
 */
Display *
limber_x11_open_display (GError **error)
{
  static gsize handler_installed;
  const char *name = g_getenv ("DISPLAY");
  Display *display;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, LIMBER_ACTIVITY_SOURCE_ERROR,
                           LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                           _("DISPLAY is not set: there is no X server to ask"));
      return NULL;
    }

  if (g_once_init_enter (&handler_installed))
    {
      XSetErrorHandler (error_handler);
      XSetIOErrorHandler (io_error_handler);
      g_once_init_leave (&handler_installed, 1);
    }

  display = XOpenDisplay (name);
  if (display == NULL)
    {
      g_set_error (error, LIMBER_ACTIVITY_SOURCE_ERROR,
                   LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
                   _("Cannot open the X display “%s”"), name);
      return NULL;
    }

  XSetIOErrorExitHandler (display, io_error_exit_cb, NULL);
  return display;
}

/**
 * limber_x11_close_display:
 * @display: (transfer full): from limber_x11_open_display(); destroy its
 *   event source first
 *
 * Closes the connection, broken or not.
 */
void
limber_x11_close_display (Display *display)
{
  if (display == NULL)
    return;

  /* The event source that was told about IO errors may be gone. */
  XSetIOErrorExitHandler (display, io_error_exit_cb, NULL);
  XCloseDisplay (display);
}

/* Starts collecting X errors instead of logging them. Traps nest. */
void
limber_x11_error_trap_push (void)
{
  if (trap_depth++ == 0)
    trapped_error = 0;
}

/**
 * limber_x11_error_trap_pop:
 *
 * Waits for the server to process every request sent so far and stops the
 * innermost trap.
 *
 * Returns: the first X error code seen since the outermost push, or 0
 */
int
limber_x11_error_trap_pop (Display *display)
{
  int result;

  g_return_val_if_fail (trap_depth > 0, 0);

  XSync (display, False);
  result = trapped_error;
  if (--trap_depth == 0)
    trapped_error = 0;
  return result;
}

static gboolean
x11_source_prepare (GSource *source,
                    int     *timeout)
{
  LimberX11Source *self = (LimberX11Source *) source;

  *timeout = -1;
  if (self->broken)
    return TRUE;
  /* XPending() also flushes the requests still in Xlib's buffer. */
  return XPending (self->display) > 0 || self->broken;
}

static gboolean
x11_source_check (GSource *source)
{
  LimberX11Source *self = (LimberX11Source *) source;

  if (self->broken)
    return TRUE;
  if (g_source_query_unix_fd (source, self->fd_tag) == 0)
    return FALSE;
  return XPending (self->display) > 0 || self->broken;
}

static gboolean
x11_source_dispatch (GSource     *source,
                     GSourceFunc  callback,
                     gpointer     user_data)
{
  LimberX11Source *self = (LimberX11Source *) source;
  LimberX11EventFunc func = (LimberX11EventFunc) (void (*) (void)) callback;

  if (func == NULL)
    return G_SOURCE_REMOVE;

  while (!self->broken && XPending (self->display) > 0)
    {
      XEvent event;

      XNextEvent (self->display, &event);
      if (!func (self->display, &event, user_data))
        return G_SOURCE_REMOVE;
      /* The handler may have stopped everything, display included. */
      if (g_source_is_destroyed (source))
        return G_SOURCE_REMOVE;
    }

  if (self->broken)
    {
      func (self->display, NULL, user_data);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs x11_source_funcs = {
  .prepare = x11_source_prepare,
  .check = x11_source_check,
  .dispatch = x11_source_dispatch,
};

/**
 * limber_x11_event_source_new:
 * @display: the connection whose events to dispatch; it must outlive the source
 * @func: called for each event
 * @user_data: for @func
 *
 * Returns: (transfer full): an unattached source; attach it with g_source_attach()
 */
GSource *
limber_x11_event_source_new (Display            *display,
                             LimberX11EventFunc  func,
                             gpointer            user_data)
{
  GSource *source;
  LimberX11Source *self;

  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  source = g_source_new (&x11_source_funcs, sizeof (LimberX11Source));
  self = (LimberX11Source *) source;
  self->display = display;
  self->fd_tag = g_source_add_unix_fd (source, ConnectionNumber (display),
                                       G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_static_name (source, "[limber] X11 events");
  g_source_set_callback (source, (GSourceFunc) (void (*) (void)) func, user_data, NULL);
  XSetIOErrorExitHandler (display, io_error_exit_cb, self);
  return source;
}
