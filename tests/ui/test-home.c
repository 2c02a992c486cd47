/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for the home page (LimberHomeView) under gtk_test_init, fed
 * with limberd's state by hand and driven by the fake clock: what it says
 * about sitting, the next break and a pause; that the minutes advance with
 * one wake-up at each minute boundary, only while on screen; the banner
 * when limberd is not running; the routines grouped by area; its actions;
 * and screenshots (home.png, home-narrow.png, home-dark.png). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-fake-clock.h"
#include "limber-home-view.h"
#include "limber-ui-test.h"
#include "limber-window.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SEC)
/* 2023-11-14 22:13:20 UTC */
#define EPOCH (G_GINT64_CONSTANT (1700000000) * SEC)

static LimberRoutineLibrary *library;

typedef struct
{
  GtkWindow *window;
  LimberHomeView *home;
  LimberFakeClock *clock;

  guint played;
  char *played_id;
  guint micro;
  guint paused;
  gint64 pause_seconds;
  guint resumed;
  guint start_service;
} Fixture;

static void
play_routine_cb (LimberHomeView *home,
                 const char     *id,
                 Fixture        *fx)
{
  fx->played++;
  g_free (fx->played_id);
  fx->played_id = g_strdup (id);
}

static void
micro_stretch_cb (LimberHomeView *home,
                  Fixture        *fx)
{
  fx->micro++;
}

static void
pause_cb (LimberHomeView *home,
          gint64          seconds,
          Fixture        *fx)
{
  fx->paused++;
  fx->pause_seconds = seconds;
}

static void
resume_cb (LimberHomeView *home,
           Fixture        *fx)
{
  fx->resumed++;
}

static void
start_service_cb (LimberHomeView *home,
                  Fixture        *fx)
{
  fx->start_service++;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->clock = limber_fake_clock_new (EPOCH);
  fx->window = GTK_WINDOW (adw_window_new ());
  fx->home = LIMBER_HOME_VIEW (limber_home_view_new ());
  limber_home_view_set_clock (fx->home, LIMBER_CLOCK (fx->clock));

  g_signal_connect (fx->home, "play-routine", G_CALLBACK (play_routine_cb), fx);
  g_signal_connect (fx->home, "micro-stretch", G_CALLBACK (micro_stretch_cb), fx);
  g_signal_connect (fx->home, "pause", G_CALLBACK (pause_cb), fx);
  g_signal_connect (fx->home, "resume", G_CALLBACK (resume_cb), fx);
  g_signal_connect (fx->home, "start-service", G_CALLBACK (start_service_cb), fx);

  gtk_window_set_default_size (fx->window, 720, 640);
  adw_window_set_content (ADW_WINDOW (fx->window), GTK_WIDGET (fx->home));
  gtk_window_present (fx->window);
  limber_ui_test_wait_for_mapped (GTK_WIDGET (fx->home));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fx->home), (gpointer *) &fx->home);
  gtk_window_destroy (fx->window);
  limber_ui_test_iterate ();
  g_assert_null (fx->home);
  g_assert_finalize_object (fx->clock);
  g_free (fx->played_id);
}

static LimberServiceState
counting_state (gint64 sitting_seconds,
                gint64 next_in_seconds)
{
  return (LimberServiceState) {
    .sitting_seconds = sitting_seconds,
    .counting = TRUE,
    .state_time = EPOCH,
    .next_break_type = "stretch",
    .next_break_in_seconds = next_in_seconds,
    .pause_kind = "none",
    .paused_until = 0,
  };
}

static void
test_sitting_and_next (Fixture       *fx,
                       gconstpointer  data)
{
  LimberServiceState state = counting_state (25 * 60 + 10, 24 * 60 + 20);

  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 25 min");
  /* The next break rounds up: 24 min 20 s is "in 25 min". */
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==,
                   "Next stretch break in 25 min");
  g_assert_false (limber_home_view_get_paused (fx->home));
  g_assert_null (limber_home_view_get_pause_text (fx->home));

  /* One wake-up, at the first boundary: the next break at 24:00 left, 20 s on. */
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==,
                   limber_clock_get_boottime (LIMBER_CLOCK (fx->clock)) + 20 * SEC);

  limber_fake_clock_advance (fx->clock, 20 * SEC);
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==,
                   "Next stretch break in 24 min");
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 25 min");

  /* Then the sitting minute, 30 s later (25:30 → 26:00). */
  limber_fake_clock_advance (fx->clock, 30 * SEC);
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 26 min");

  /* An hour on, hours and minutes; the break is due. */
  limber_fake_clock_advance (fx->clock, 60 * MINUTE);
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 1 h 26 min");
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==, "A stretch break is due");
}

static void
test_one_wakeup_per_boundary (Fixture       *fx,
                              gconstpointer  data)
{
  LimberServiceState state = counting_state (0, 50 * 60);
  guint alarms;

  limber_home_view_set_state (fx->home, &state);
  alarms = limber_fake_clock_get_alarms (fx->clock);

  /* Ten minutes with both numbers changing on the same boundary: ten
   * wake-ups, not six hundred. */
  limber_fake_clock_advance (fx->clock, 10 * MINUTE);
  g_assert_cmpuint (limber_fake_clock_get_alarms (fx->clock) - alarms, ==, 10);
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 10 min");
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==,
                   "Next stretch break in 40 min");
}

static void
test_hidden_sleeps (Fixture       *fx,
                    gconstpointer  data)
{
  LimberServiceState state = counting_state (5 * 60, 45 * 60);

  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), !=, LIMBER_CLOCK_NEVER);

  /* Off screen, no timer at all. */
  gtk_widget_set_visible (GTK_WIDGET (fx->home), FALSE);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);
  limber_fake_clock_advance (fx->clock, 7 * MINUTE);

  /* Back on screen, the count catches up at once. */
  gtk_widget_set_visible (GTK_WIDGET (fx->home), TRUE);
  limber_ui_test_wait_for_mapped (GTK_WIDGET (fx->home));
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 12 min");
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), !=, LIMBER_CLOCK_NEVER);
}

static void
test_not_counting (Fixture       *fx,
                   gconstpointer  data)
{
  LimberServiceState state = counting_state (42 * 60, 8 * 60);

  state.counting = FALSE;
  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);

  limber_fake_clock_advance (fx->clock, 5 * MINUTE);
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==, "Sitting for 42 min");
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==,
                   "Next stretch break in 8 min");
}

static void
test_next_break_kinds (Fixture       *fx,
                       gconstpointer  data)
{
  LimberServiceState state = counting_state (30, 90);

  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), !=, NULL);

  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_sitting_text (fx->home), ==,
                   "Sitting for less than a minute");
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==,
                   "Next stretch break in 2 min");

  state.next_break_type = "micro";
  state.next_break_in_seconds = 0;
  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==, "A micro-break is due");

  state.next_break_type = "micro";
  state.next_break_in_seconds = 5 * 60;
  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==,
                   "Next micro-break in 5 min");

  state.next_break_type = "";
  state.next_break_in_seconds = -1;
  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==, "No breaks coming");
}

static void
test_paused (Fixture       *fx,
             gconstpointer  data)
{
  LimberServiceState state = counting_state (10 * 60, 40 * 60);
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *expected = NULL;

  state.counting = FALSE;
  state.pause_kind = "for-duration";
  state.paused_until = EPOCH + 30 * MINUTE;
  limber_home_view_set_state (fx->home, &state);

  until = g_date_time_new_from_unix_local ((EPOCH + 30 * MINUTE) / SEC);
  expected = g_date_time_format (until, "Until %R");
  g_assert_true (limber_home_view_get_paused (fx->home));
  g_assert_cmpstr (limber_home_view_get_pause_text (fx->home), ==, expected);
  g_assert_cmpstr (limber_home_view_get_next_break_text (fx->home), ==, "No breaks while paused");

  state.pause_kind = "until-tomorrow";
  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_pause_text (fx->home), ==, "Until tomorrow");

  state.pause_kind = "indefinite";
  limber_home_view_set_state (fx->home, &state);
  g_assert_cmpstr (limber_home_view_get_pause_text (fx->home), ==, "Until you resume them");

  /* The Resume button asks for Resume. */
  limber_ui_test_click (limber_ui_test_find (GTK_WIDGET (fx->home), GTK_TYPE_BUTTON, "_Resume"));
  g_assert_cmpuint (fx->resumed, ==, 1);

  state.pause_kind = "none";
  state.counting = TRUE;
  limber_home_view_set_state (fx->home, &state);
  g_assert_false (limber_home_view_get_paused (fx->home));
}

static void
test_banner (Fixture       *fx,
             gconstpointer  data)
{
  GtkWidget *start = limber_ui_test_find (GTK_WIDGET (fx->home), GTK_TYPE_BUTTON, "_Start");
  GtkRevealer *banner;

  g_assert_nonnull (start);
  banner = GTK_REVEALER (gtk_widget_get_ancestor (start, GTK_TYPE_REVEALER));

  /* A new view assumes limberd runs, so nothing flashes at startup. */
  g_assert_true (limber_home_view_get_service_running (fx->home));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  limber_home_view_set_service_running (fx->home, FALSE);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  limber_ui_test_click (start);
  g_assert_cmpuint (fx->start_service, ==, 1);

  limber_home_view_set_service_running (fx->home, TRUE);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
}

static void
test_routines_grouped (Fixture       *fx,
                       gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (library);
  LimberArea areas = LIMBER_AREA_NONE;
  guint n_areas = 0;
  GtkWidget *neck;
  guint neck_rows = 0, expected_neck_rows = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      if (limber_routine_get_kind (routine) != LIMBER_ROUTINE_KIND_ROUTINE)
        continue;
      areas |= limber_routine_get_areas (routine);
      if (limber_routine_get_areas (routine) & LIMBER_AREA_NECK)
        expected_neck_rows++;
    }
  for (guint bit = 1; bit <= LIMBER_AREA_WHOLE_BODY; bit <<= 1)
    n_areas += (areas & bit) != 0;

  g_assert_cmpuint (limber_home_view_get_n_groups (fx->home), ==, 0);
  limber_home_view_set_routines (fx->home, model);
  g_assert_cmpuint (limber_home_view_get_n_groups (fx->home), ==, n_areas);

  /* The Neck group lists every routine for the neck, with length and steps. */
  neck = limber_ui_test_find (GTK_WIDGET (fx->home), ADW_TYPE_PREFERENCES_GROUP, "Neck");
  g_assert_nonnull (neck);
  for (GtkWidget *row = limber_ui_test_find (neck, ADW_TYPE_ACTION_ROW, NULL);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row))
        neck_rows++;
    }
  g_assert_cmpuint (neck_rows, ==, expected_neck_rows);
  g_assert_nonnull (limber_ui_test_find (neck, ADW_TYPE_ACTION_ROW, "Neck relief"));
  g_assert_null (limber_ui_test_find (GTK_WIDGET (fx->home), ADW_TYPE_ACTION_ROW,
                                      "Shoulder rolls"));

  /* Activating a row plays its routine. */
  gtk_widget_activate (limber_ui_test_find (neck, ADW_TYPE_ACTION_ROW, "Neck relief"));
  limber_ui_test_iterate ();
  g_assert_cmpuint (fx->played, ==, 1);
  g_assert_cmpstr (fx->played_id, ==, "neck-relief");

  limber_home_view_set_routines (fx->home, NULL);
  g_assert_cmpuint (limber_home_view_get_n_groups (fx->home), ==, 0);
}

static void
test_actions (Fixture       *fx,
              gconstpointer  data)
{
  LimberServiceState state = counting_state (60, 60);

  limber_home_view_set_state (fx->home, &state);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->home), "home.play", "s",
                                             "posture-reset"));
  g_assert_cmpstr (fx->played_id, ==, "posture-reset");

  gtk_widget_activate (limber_ui_test_find (GTK_WIDGET (fx->home), ADW_TYPE_ACTION_ROW,
                                            "_Quick Micro-Stretch"));
  limber_ui_test_iterate ();
  g_assert_cmpuint (fx->micro, ==, 1);

  limber_ui_test_click (limber_ui_test_find (GTK_WIDGET (fx->home), GTK_TYPE_BUTTON,
                                            "_Pause for 30 Min"));
  g_assert_cmpuint (fx->paused, ==, 1);
  g_assert_cmpint (fx->pause_seconds, ==, 30 * 60);
}

static void
test_format (void)
{
  LimberRoutine *routine = limber_routine_library_lookup (library, "neck-relief");
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *zero = limber_format_minutes (0);
  g_autofree char *hour = limber_format_minutes (3600);
  g_autofree char *more = limber_format_minutes (3900 + 59);

  g_assert_cmpstr (zero, ==, "0 min");
  g_assert_cmpstr (hour, ==, "1 h");
  g_assert_cmpstr (more, ==, "1 h 5 min");

  g_assert_nonnull (routine);
  summary = limber_home_view_format_summary (routine);
  expected = g_strdup_printf ("%u min · %u stretches",
                              (limber_routine_get_duration (routine) + 30) / 60,
                              limber_routine_get_n_steps (routine));
  g_assert_cmpstr (summary, ==, expected);
}

/* Screenshots: the whole window, as people see it. */
static void
shoot (AdwColorScheme  scheme,
       int             width,
       const char     *name)
{
  g_autoptr(LimberFakeClock) clock = limber_fake_clock_new (EPOCH);
  AdwStyleManager *style = adw_style_manager_get_default ();
  LimberWindow *window;
  LimberHomeView *home;
  LimberServiceState state = counting_state (37 * 60, 13 * 60);
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  adw_style_manager_set_color_scheme (style, scheme);
  g_settings_set_boolean (settings, "first-run-done", TRUE);

  window = limber_window_new (NULL);
  g_object_ref_sink (window);
  home = limber_window_get_home_view (window);
  limber_home_view_set_clock (home, LIMBER_CLOCK (clock));
  limber_window_set_library (window, library);
  limber_home_view_set_state (home, &state);

  gtk_window_present (GTK_WINDOW (window));
  limber_ui_test_set_width (GTK_WINDOW (window), width, 640);

  path = limber_ui_test_save_png (GTK_WIDGET (window), name);
  g_assert_cmpuint (limber_ui_test_count_colours (GTK_WIDGET (window)), >, 20);

  gtk_window_destroy (GTK_WINDOW (window));
  limber_ui_test_iterate ();
  g_assert_finalize_object (window);
  g_settings_reset (settings, "first-run-done");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 720, "home.png");
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "home-narrow.png");
  shoot (ADW_COLOR_SCHEME_FORCE_DARK, 720, "home-dark.png");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);
  library = limber_ui_test_load_library ();

#define ADD(path, func) \
  g_test_add ("/home/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sitting-and-next", test_sitting_and_next);
  ADD ("one-wakeup-per-boundary", test_one_wakeup_per_boundary);
  ADD ("hidden-sleeps", test_hidden_sleeps);
  ADD ("not-counting", test_not_counting);
  ADD ("next-break-kinds", test_next_break_kinds);
  ADD ("paused", test_paused);
  ADD ("banner", test_banner);
  ADD ("routines-grouped", test_routines_grouped);
  ADD ("actions", test_actions);
#undef ADD
  g_test_add_func ("/home/format", test_format);
  g_test_add_func ("/home/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
