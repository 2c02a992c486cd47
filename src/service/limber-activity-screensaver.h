/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-screensaver.h: the last real resort: the session's
 * org.freedesktop.ScreenSaver service, asked GetSessionIdleTime
 * (milliseconds) adaptively: never more often than the threshold allows
 * while the person is active, every two seconds while idle. */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ACTIVITY_SCREENSAVER (limber_activity_screensaver_get_type ())

G_DECLARE_FINAL_TYPE (LimberActivityScreensaver, limber_activity_screensaver,
                      LIMBER, ACTIVITY_SCREENSAVER, GObject)

LimberActivitySource *limber_activity_screensaver_new (LimberClock *clock);

G_END_DECLS
