/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-dnd-monitor.h: whether reminders should wait: the desktop's
 * do-not-disturb is on (GNOME: org.gnome.desktop.notifications
 * show-banners is false), an application inhibits idle (GNOME's
 * SessionManager: video, presentations), or the focused window is
 * fullscreen (X11: _NET_ACTIVE_WINDOW's _NET_WM_STATE). Parts that do not
 * exist in the session are skipped. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_DND_MONITOR (limber_dnd_monitor_get_type ())

G_DECLARE_FINAL_TYPE (LimberDndMonitor, limber_dnd_monitor, LIMBER, DND_MONITOR, GObject)

LimberDndMonitor *limber_dnd_monitor_new        (void);
gboolean          limber_dnd_monitor_get_active (LimberDndMonitor *self);
const char       *limber_dnd_monitor_get_reason (LimberDndMonitor *self);

G_END_DECLS
