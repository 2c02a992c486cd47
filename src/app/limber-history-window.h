/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-history-window.h: the last 7 or 30 days from limberd's history: a
 * chart, the current streak and the totals. */

#pragma once

#include <adwaita.h>

#include "limber-history-chart.h"
#include "limber-service-client.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_WINDOW (limber_history_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberHistoryWindow, limber_history_window, LIMBER, HISTORY_WINDOW, AdwWindow)

/* How far back the window reads. */
#define LIMBER_HISTORY_WINDOW_MAX_DAYS 30

LimberHistoryWindow *limber_history_window_new         (LimberServiceClient *client);
void                 limber_history_window_set_history (LimberHistoryWindow *self,
                                                        GVariant            *days,
                                                        guint                streak);
void                 limber_history_window_set_n_days  (LimberHistoryWindow *self,
                                                        guint                n_days);
const char          *limber_history_window_get_page    (LimberHistoryWindow *self);
LimberHistoryChart  *limber_history_window_get_chart   (LimberHistoryWindow *self);

G_END_DECLS
