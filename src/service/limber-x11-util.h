/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-x11-util.h: what the X11 parts of limberd share: error handlers
 * that never end the process (a window that vanishes between two requests
 * is normal, and so is an Xwayland that goes away), error traps around
 * requests that may fail, and a GSource that dispatches the events of an
 * Xlib connection from the main loop. */

#pragma once

#include <glib.h>
#include <X11/Xlib.h>

G_BEGIN_DECLS

/* Handles one event; return FALSE to stop watching the connection. Called
 * once with @event NULL when the connection to the X server is lost: the
 * source is removed after that, and the display can only be closed with
 * limber_x11_close_display(). */
typedef gboolean (*LimberX11EventFunc) (Display  *display,
                                        XEvent   *event,
                                        gpointer  user_data);

Display *limber_x11_open_display      (GError             **error);
void     limber_x11_close_display     (Display             *display);
GSource *limber_x11_event_source_new  (Display             *display,
                                       LimberX11EventFunc   func,
                                       gpointer             user_data);
void     limber_x11_error_trap_push   (void);
int      limber_x11_error_trap_pop    (Display             *display);

G_END_DECLS
