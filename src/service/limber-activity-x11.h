/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-x11.h: idle time from the X server. Prefers the SYNC
 * extension's IDLETIME counter with alarms (the server wakes limberd at the
 * threshold and at the first input); without it, polls MIT-SCREEN-SAVER
 * adaptively. LIMBER_X11_NO_SYNC=1 forces the polling path (for tests). */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ACTIVITY_X11 (limber_activity_x11_get_type ())

G_DECLARE_FINAL_TYPE (LimberActivityX11, limber_activity_x11, LIMBER, ACTIVITY_X11, GObject)

LimberActivitySource *limber_activity_x11_new (LimberClock *clock);

G_END_DECLS
