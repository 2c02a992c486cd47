/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for the history chart and window: a fixed day list from
 * limberd's GetHistory gives the right bars, totals and colours; the window
 * shows the empty page, the chart with its 7 and 30 days, and an error
 * when limberd does not answer; screenshots history.png,
 * history-month.png and history-dark.png. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-history-chart.h"
#include "limber-history-window.h"
#include "limber-ui-test.h"

#define HOUR 3600

/* Three days around 2025-11-21, one of them outside the last week. */
static GVariant *
fixed_days (void)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sxuuuuu)"));
  g_variant_builder_add (&builder, "(sxuuuuu)", "2025-11-10", (gint64) 2 * HOUR, 1, 0, 0, 0, 0);
  g_variant_builder_add (&builder, "(sxuuuuu)", "2025-11-19", (gint64) 5 * HOUR, 4, 2, 1, 0, 2);
  g_variant_builder_add (&builder, "(sxuuuuu)", "2025-11-21", (gint64) 7 * HOUR + 1800, 6, 1, 2, 1, 3);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* A plausible month ending today, for the screenshots. */
static GVariant *
month_until_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sxuuuuu)"));
  for (int i = 29; i >= 0; i--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -i);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      int weekday = g_date_time_get_day_of_week (day);
      gint64 sitting;

      if (weekday >= 6)
        continue;               /* weekends off */
      sitting = (gint64) (4 * HOUR + (i * 37 % 11) * 900);
      g_variant_builder_add (&builder, "(sxuuuuu)", date, sitting, 3 + i % 4, 1 + i % 3,
                             (guint) (i % 5 == 0 ? 2 : i % 2), (guint) (i % 6 == 1), 1 + i % 2);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
test_chart_bars (void)
{
  g_autoptr(GVariant) days = fixed_days ();
  LimberHistoryChart *chart = LIMBER_HISTORY_CHART (limber_history_chart_new ());
  LimberHistoryDay day, totals;

  g_object_ref_sink (chart);
  limber_history_chart_set_last_day (chart, "2025-11-21");
  limber_history_chart_set_days (chart, days);

  /* Seven columns, oldest first, with the empty days in place. */
  g_assert_cmpuint (limber_history_chart_get_n_days (chart), ==, 7);
  g_assert_cmpuint (limber_history_chart_get_n_bars (chart), ==, 7);
  g_assert_true (limber_history_chart_get_day (chart, 0, &day));
  g_assert_cmpstr (day.date, ==, "2025-11-15");
  g_assert_cmpint (day.sitting_seconds, ==, 0);
  g_assert_true (limber_history_chart_get_day (chart, 4, &day));
  g_assert_cmpstr (day.date, ==, "2025-11-19");
  g_assert_cmpint (day.sitting_seconds, ==, 5 * HOUR);
  g_assert_cmpuint (day.taken, ==, 4);
  g_assert_cmpuint (day.natural, ==, 2);
  g_assert_cmpuint (day.postponed, ==, 1);
  g_assert_true (limber_history_chart_get_day (chart, 6, &day));
  g_assert_cmpstr (day.date, ==, "2025-11-21");
  g_assert_cmpuint (day.skipped, ==, 1);
  g_assert_false (limber_history_chart_get_day (chart, 7, &day));

  limber_history_chart_get_totals (chart, &totals);
  g_assert_cmpint (totals.sitting_seconds, ==, 12 * HOUR + 1800);
  g_assert_cmpuint (totals.taken, ==, 10);
  g_assert_cmpuint (totals.guided, ==, 5);

  /* Thirty days take in the 10th too. */
  limber_history_chart_set_n_days (chart, 30);
  g_assert_cmpuint (limber_history_chart_get_n_bars (chart), ==, 30);
  g_assert_true (limber_history_chart_get_day (chart, 0, &day));
  g_assert_cmpstr (day.date, ==, "2025-10-23");
  limber_history_chart_get_totals (chart, &totals);
  g_assert_cmpint (totals.sitting_seconds, ==, 14 * HOUR + 1800);
  g_assert_cmpuint (totals.taken, ==, 11);

  /* Across a month's end and a leap day. */
  limber_history_chart_set_last_day (chart, "2024-03-01");
  g_assert_true (limber_history_chart_get_day (chart, 28, &day));
  g_assert_cmpstr (day.date, ==, "2024-02-29");

  g_assert_finalize_object (chart);
}

static void
test_chart_renders (void)
{
  g_autoptr(GVariant) days = fixed_days ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *chart = limber_history_chart_new ();
  guint accent;

  limber_history_chart_set_last_day (LIMBER_HISTORY_CHART (chart), "2025-11-21");
  limber_history_chart_set_days (LIMBER_HISTORY_CHART (chart), days);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 280);
  adw_window_set_content (ADW_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  limber_ui_test_wait_for_mapped (chart);
  limber_ui_test_wait_for_frames (window);

  /* Bars, grid lines and labels, not a blank. */
  g_assert_cmpuint (limber_ui_test_count_colours (chart), >, 10);
  /* Breaks taken are in the accent colour: 10 of them, a solid block. */
  accent = limber_ui_test_count_pixels (chart, "accent_color");
  g_assert_cmpuint (accent, >, 100);
  g_free (limber_ui_test_save_png (chart, "history-chart.png"));

  /* With nothing taken, no accent. */
  limber_history_chart_set_days (LIMBER_HISTORY_CHART (chart), NULL);
  limber_ui_test_wait_for_frames (window);
  g_assert_cmpuint (limber_ui_test_count_pixels (chart, "accent_color"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  limber_ui_test_iterate ();
}

static void
test_window_pages (void)
{
  LimberHistoryWindow *window = limber_history_window_new (NULL);
  g_autoptr(GVariant) empty = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(sxuuuuu)"),
                                                                       NULL, 0));
  g_autoptr(GVariant) days = month_until_today ();
  LimberHistoryChart *chart;

  g_object_ref_sink (window);
  chart = limber_history_window_get_chart (window);
  g_assert_cmpstr (limber_history_window_get_page (window), ==, "loading");

  limber_history_window_set_history (window, empty, 0);
  g_assert_cmpstr (limber_history_window_get_page (window), ==, "empty");

  limber_history_window_set_history (window, days, 4);
  g_assert_cmpstr (limber_history_window_get_page (window), ==, "chart");
  g_assert_cmpuint (limber_history_chart_get_n_bars (chart), ==, 7);

  limber_history_window_set_n_days (window, 30);
  g_assert_cmpuint (limber_history_chart_get_n_bars (chart), ==, 30);
  limber_history_window_set_n_days (window, 7);
  g_assert_cmpuint (limber_history_chart_get_n_bars (chart), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
page_is_not_loading (gpointer data)
{
  return g_strcmp0 (limber_history_window_get_page (data), "loading") != 0;
}

static void
test_window_without_limberd (void)
{
  g_autoptr(LimberServiceClient) client = limber_service_client_new (NULL);
  LimberHistoryWindow *window = limber_history_window_new (client);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  /* Nothing owns limberd's name on this bus and nothing can start it. */
  g_assert_true (limber_ui_test_wait_until (page_is_not_loading, window, 30));
  g_assert_cmpstr (limber_history_window_get_page (window), ==, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  limber_ui_test_iterate ();
  g_assert_finalize_object (window);
}

static void
shoot (AdwColorScheme  scheme,
       guint           n_days,
       int             width,
       const char     *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  LimberHistoryWindow *window = limber_history_window_new (NULL);
  g_autoptr(GVariant) days = month_until_today ();
  g_autofree char *path = NULL;

  adw_style_manager_set_color_scheme (style, scheme);
  g_object_ref_sink (window);
  limber_history_window_set_history (window, days, 4);
  limber_history_window_set_n_days (window, n_days);
  gtk_window_present (GTK_WINDOW (window));
  limber_ui_test_set_width (GTK_WINDOW (window), width, 720);

  path = limber_ui_test_save_png (GTK_WIDGET (window), name);
  g_assert_cmpuint (limber_ui_test_count_colours (GTK_WIDGET (window)), >, 20);

  gtk_window_destroy (GTK_WINDOW (window));
  limber_ui_test_iterate ();
  g_assert_finalize_object (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 7, 640, "history.png");
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 30, 640, "history-month.png");
  shoot (ADW_COLOR_SCHEME_FORCE_DARK, 30, 360, "history-dark-narrow.png");
}

int
main (int   argc,
      char *argv[])
{
  limber_ui_test_init (&argc, &argv);

  g_test_add_func ("/history/chart-bars", test_chart_bars);
  g_test_add_func ("/history/chart-renders", test_chart_renders);
  g_test_add_func ("/history/window-pages", test_window_pages);
  g_test_add_func ("/history/window-without-limberd", test_window_without_limberd);
  g_test_add_func ("/history/screenshots", test_screenshots);

  return g_test_run ();
}
