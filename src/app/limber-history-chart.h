/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-history-chart.h: a chart of the last days: hours of sitting per
 * day, and the breaks taken, natural, postponed and skipped, drawn in the
 * style's colours. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_CHART (limber_history_chart_get_type ())

G_DECLARE_FINAL_TYPE (LimberHistoryChart, limber_history_chart, LIMBER, HISTORY_CHART, GtkWidget)

/**
 * LimberHistoryDay:
 * @date: the local day, as in "2025-11-21"
 * @sitting_seconds: continuous sitting counted that day
 * @taken: breaks taken when reminded
 * @natural: breaks taken by walking away
 * @postponed: reminders postponed
 * @skipped: reminders skipped
 * @guided: guided sessions played
 *
 * One day of history, as limberd's GetHistory gives it (sxuuuuu).
 */
typedef struct
{
  char date[11];
  gint64 sitting_seconds;
  guint taken;
  guint natural;
  guint postponed;
  guint skipped;
  guint guided;
} LimberHistoryDay;

GtkWidget  *limber_history_chart_new          (void);
void        limber_history_chart_set_days     (LimberHistoryChart *self,
                                               GVariant           *days);
void        limber_history_chart_set_n_days   (LimberHistoryChart *self,
                                               guint               n_days);
guint       limber_history_chart_get_n_days   (LimberHistoryChart *self);
void        limber_history_chart_set_last_day (LimberHistoryChart *self,
                                               const char         *date);
const char *limber_history_chart_get_last_day (LimberHistoryChart *self);
guint       limber_history_chart_get_n_bars   (LimberHistoryChart *self);
gboolean    limber_history_chart_get_day      (LimberHistoryChart *self,
                                               guint               index,
                                               LimberHistoryDay   *day);
void        limber_history_chart_get_totals   (LimberHistoryChart *self,
                                               LimberHistoryDay   *totals);

G_END_DECLS
