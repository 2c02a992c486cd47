/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-mutter.h: idle time from GNOME's compositor, through
 * org.gnome.Mutter.IdleMonitor on the session bus (GNOME on X11 and on
 * Wayland). An idle watch at the threshold tells when the person went idle,
 * a one-shot user-active watch when they came back. Follows Mutter leaving
 * and coming back (a shell restart) by adding its watches again. */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ACTIVITY_MUTTER (limber_activity_mutter_get_type ())

G_DECLARE_FINAL_TYPE (LimberActivityMutter, limber_activity_mutter,
                      LIMBER, ACTIVITY_MUTTER, GObject)

LimberActivitySource *limber_activity_mutter_new (LimberClock *clock);

G_END_DECLS
