/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-idle-poller.h: the adaptive polling shared by the activity sources
 * that can only ask "how long has the person been idle?" (XScreenSaver,
 * org.freedesktop.ScreenSaver). No fixed tick: while active it sleeps until
 * the earliest moment the threshold could be reached; while idle it asks
 * every two seconds, to notice the first input. */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

/* How often an idle person is asked about, in milliseconds. */
#define LIMBER_IDLE_POLLER_IDLE_INTERVAL_MS 2000

typedef struct _LimberIdlePoller LimberIdlePoller;

/* Asks the backend for the idle time; the answer comes back, now or later,
 * through limber_idle_poller_report() or limber_idle_poller_report_failure(). */
typedef void (*LimberIdlePollerQueryFunc) (LimberIdlePoller *poller,
                                           gpointer          user_data);

LimberIdlePoller *limber_idle_poller_new            (LimberActivitySource      *source,
                                                     LimberClock               *clock,
                                                     guint                      threshold_ms,
                                                     LimberIdlePollerQueryFunc  query,
                                                     gpointer                   user_data);
void              limber_idle_poller_free           (LimberIdlePoller          *poller);
void              limber_idle_poller_start          (LimberIdlePoller          *poller);
void              limber_idle_poller_report         (LimberIdlePoller          *poller,
                                                     guint64                    idle_ms);
void              limber_idle_poller_report_failure (LimberIdlePoller          *poller);

gboolean          limber_idle_poller_had_input      (guint64                    previous_ms,
                                                     gint64                     previous_time,
                                                     guint64                    idle_ms,
                                                     guint                      threshold_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberIdlePoller, limber_idle_poller_free)

G_END_DECLS
