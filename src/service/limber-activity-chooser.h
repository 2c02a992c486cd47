/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-chooser.h: picks the activity source that works in this
 * session: Mutter, then ext-idle-notify-v1, then X11, then the
 * ScreenSaver service, and "none" (wall-clock time) when nothing does. */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

const char * const   *limber_activity_source_list_names (void);
LimberActivitySource *limber_activity_source_choose     (LimberClock  *clock,
                                                         const char   *override,
                                                         guint         threshold_ms,
                                                         char        **out_log_line);

G_END_DECLS
