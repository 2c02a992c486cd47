/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-none.h: the source of last resort when nothing can tell
 * whether the person is at the keyboard: always active, so the break engine
 * counts wall-clock time. */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ACTIVITY_NONE (limber_activity_none_get_type ())

G_DECLARE_FINAL_TYPE (LimberActivityNone, limber_activity_none, LIMBER, ACTIVITY_NONE, GObject)

LimberActivitySource *limber_activity_none_new (LimberClock *clock);

G_END_DECLS
