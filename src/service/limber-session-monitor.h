/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-session-monitor.h: what the session is doing besides input:
 * suspend (logind's PrepareForSleep on the system bus), screen lock (the
 * screensaver's ActiveChanged: org.gnome.ScreenSaver and
 * org.freedesktop.ScreenSaver, plus logind's LockedHint) and the end of the
 * session (logind's SessionRemoved for this session, or GNOME's
 * SessionManager SessionOver). Every service is optional: whatever is
 * missing is said once in the log and followed when it appears. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_MONITOR (limber_session_monitor_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionMonitor, limber_session_monitor,
                      LIMBER, SESSION_MONITOR, GObject)

LimberSessionMonitor *limber_session_monitor_new                (void);
gboolean              limber_session_monitor_get_suspended      (LimberSessionMonitor *self);
gboolean              limber_session_monitor_get_locked         (LimberSessionMonitor *self);
gboolean              limber_session_monitor_get_session_ending (LimberSessionMonitor *self);

G_END_DECLS
