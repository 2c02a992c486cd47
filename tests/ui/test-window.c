/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for LimberWindow under gtk_test_init: its size, the welcome
 * page on the first start, the routing from home to the player (a routine
 * by id, the chosen one, micro-stretches taking turns, a request made
 * before the routines are loaded), back home, a session ended by closing
 * the window, and the session and live state going to a real limberd on
 * the test's private bus. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-application.h"
#include "limber-fake-clock.h"
#include "limber-ui-test.h"
#include "limber-welcome.h"
#include "limber-window.h"

#define SEC G_GINT64_CONSTANT (1000000)

static LimberRoutineLibrary *library;

static void
test_window_title_and_type (void)
{
  LimberWindow *window = limber_window_new (NULL);

  g_object_ref_sink (window);
  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Limber");

  gtk_window_present (GTK_WINDOW (window));
  limber_ui_test_wait_for_mapped (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_size_from_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  LimberWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 500);
  g_settings_set_int (settings, "window-height", 420);

  window = limber_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 500);
  g_assert_cmpint (height, ==, 420);

  /* A new size is written back, so it is there at the next start. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_devel_style (void)
{
  LimberWindow *window = limber_window_new (NULL);

  g_object_ref_sink (window);
  /* The .Devel build shows GNOME's striped header bar; a release does not. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, DEVELOPMENT_BUILD);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Routing: a window with the library, sessions on a fake clock. */

typedef struct
{
  LimberWindow *window;
  LimberFakeClock *clock;
  GSettings *settings;

  guint started;
  guint finished;
  char *finished_id;
  gboolean completed;
} Fixture;

static void
session_started_cb (LimberSessionView *view,
                    const char        *break_type,
                    Fixture           *fx)
{
  fx->started++;
}

static void
session_finished_cb (LimberSessionView *view,
                     const char        *routine_id,
                     const char        *break_type,
                     guint              steps_done,
                     guint              steps_total,
                     guint              duration,
                     gboolean           finished,
                     Fixture           *fx)
{
  fx->finished++;
  g_free (fx->finished_id);
  fx->finished_id = g_strdup (routine_id);
  fx->completed = finished;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->settings = g_settings_new (SCHEMA_ID);
  g_settings_set_boolean (fx->settings, "first-run-done", TRUE);
  fx->clock = limber_fake_clock_new (1700000000 * SEC);

  fx->window = limber_window_new (NULL);
  g_object_ref_sink (fx->window);
  limber_window_set_session_clock (fx->window, LIMBER_CLOCK (fx->clock));
  if (data == NULL)
    limber_window_set_library (fx->window, library);
  g_signal_connect (limber_window_get_session_view (fx->window), "session-started",
                    G_CALLBACK (session_started_cb), fx);
  g_signal_connect (limber_window_get_session_view (fx->window), "session-finished",
                    G_CALLBACK (session_finished_cb), fx);
  gtk_window_present (GTK_WINDOW (fx->window));
  limber_ui_test_wait_for_mapped (GTK_WIDGET (fx->window));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (fx->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fx->window));
      limber_ui_test_iterate ();
      g_assert_finalize_object (fx->window);
    }
  g_assert_finalize_object (fx->clock);
  g_settings_reset (fx->settings, "first-run-done");
  g_settings_reset (fx->settings, "stretch-routine");
  g_settings_reset (fx->settings, "last-micro-stretch");
  g_clear_object (&fx->settings);
  g_free (fx->finished_id);
}

static const char *
playing_id (Fixture *fx)
{
  LimberRoutine *routine = limber_session_view_get_routine (limber_window_get_session_view (fx->window));

  return routine != NULL ? limber_routine_get_id (routine) : NULL;
}

static void
test_first_run (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  LimberWindow *window;
  GtkWidget *welcome;

  g_settings_reset (settings, "first-run-done");
  window = limber_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  limber_ui_test_wait_for_mapped (GTK_WIDGET (window));

  g_assert_cmpstr (limber_window_get_page (window), ==, "welcome");
  welcome = limber_ui_test_find (GTK_WIDGET (window), LIMBER_TYPE_WELCOME, NULL);
  g_assert_nonnull (welcome);
  limber_ui_test_set_width (GTK_WINDOW (window), 720, 640);
  g_free (limber_ui_test_save_png (GTK_WIDGET (window), "welcome.png"));

  /* The safety note is there, and the autostart switch is the setting's. */
  g_assert_nonnull (limber_ui_test_find (welcome, GTK_TYPE_LABEL,
                                         "Stretches should feel easy. Stop if you feel sharp or "
                                         "shooting pain. See a doctor or physiotherapist about "
                                         "pain that persists, spreads, follows an injury or comes "
                                         "with numbness or weakness."));
  gtk_switch_set_active (GTK_SWITCH (limber_ui_test_find (welcome, GTK_TYPE_SWITCH, NULL)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "autostart"));

  /* "Get Started" goes home, for good. */
  limber_ui_test_click (limber_ui_test_find (welcome, GTK_TYPE_BUTTON, "_Get Started"));
  g_assert_cmpstr (limber_window_get_page (window), ==, "home");
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  window = limber_window_new (NULL);
  g_object_ref_sink (window);
  g_assert_cmpstr (limber_window_get_page (window), ==, "home");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_settings_reset (settings, "first-run-done");
  g_settings_reset (settings, "autostart");
}

static void
test_play_routine (Fixture       *fx,
                   gconstpointer  data)
{
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "home");

  limber_window_play_routine (fx->window, "neck-relief");
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "player");
  g_assert_cmpstr (playing_id (fx), ==, "neck-relief");
  /* The window's title names the routine, for the window list and xdotool. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fx->window)), ==, "Neck relief");
  g_assert_cmpuint (fx->started, ==, 1);

  /* From the home page's row too. */
  limber_window_show_home (fx->window);
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "home");
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_false (fx->completed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (limber_window_get_home_view (fx->window)),
                                             "home.play", "s", "posture-reset"));
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "player");
  g_assert_cmpstr (playing_id (fx), ==, "posture-reset");
}

static void
test_play_chosen (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(LimberRoutine) first = NULL;
  GListModel *model = G_LIST_MODEL (library);

  /* "" is the routine chosen for stretch breaks… */
  g_settings_set_string (fx->settings, "stretch-routine", "shoulder-reset");
  limber_window_play_routine (fx->window, "");
  g_assert_cmpstr (playing_id (fx), ==, "shoulder-reset");

  /* …or, when taking turns, the first routine. */
  for (guint i = 0; i < g_list_model_get_n_items (model) && first == NULL; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      if (limber_routine_get_kind (routine) == LIMBER_ROUTINE_KIND_ROUTINE)
        first = g_steal_pointer (&routine);
    }
  g_settings_set_string (fx->settings, "stretch-routine", "");
  limber_window_play_routine (fx->window, "");
  g_assert_cmpstr (playing_id (fx), ==, limber_routine_get_id (first));
}

static void
test_play_unknown (Fixture       *fx,
                   gconstpointer  data)
{
  limber_window_play_routine (fx->window, "no-such-routine");
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "home");
  g_assert_null (playing_id (fx));
  g_assert_cmpuint (fx->started, ==, 0);
}

static void
test_play_before_library (Fixture       *fx,
                          gconstpointer  data)
{
  /* The app loads the routines in the background; a notification's
   * "Start stretches" can come first. */
  limber_window_play_routine (fx->window, "neck-relief");
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "home");

  limber_window_set_library (fx->window, library);
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "player");
  g_assert_cmpstr (playing_id (fx), ==, "neck-relief");
}

static void
test_micro_turns (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  LimberRoutine *routine;

  limber_window_play_micro_stretch (fx->window);
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "player");
  first = g_strdup (playing_id (fx));
  routine = limber_routine_library_lookup (library, first);
  g_assert_cmpint (limber_routine_get_kind (routine), ==, LIMBER_ROUTINE_KIND_MICRO_STRETCH);
  last = g_settings_get_string (fx->settings, "last-micro-stretch");
  g_assert_cmpstr (last, ==, first);

  /* The next one takes its turn, also in the next run of the app. */
  limber_window_play_micro_stretch (fx->window);
  g_assert_cmpstr (playing_id (fx), !=, first);
  routine = limber_routine_library_lookup (library, playing_id (fx));
  g_assert_cmpint (limber_routine_get_kind (routine), ==, LIMBER_ROUTINE_KIND_MICRO_STRETCH);
}

static void
test_done_goes_home (Fixture       *fx,
                     gconstpointer  data)
{
  LimberSessionView *view = limber_window_get_session_view (fx->window);
  LimberRoutine *routine = limber_routine_library_lookup (library, "neck-relief");

  limber_window_play_routine (fx->window, "neck-relief");
  limber_fake_clock_advance (fx->clock, (limber_routine_get_duration (routine) + 5) * SEC);
  limber_ui_test_iterate ();
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_true (fx->completed);
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "player");

  /* "Done" on the end screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.done", NULL));
  g_assert_cmpstr (limber_window_get_page (fx->window), ==, "home");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fx->window)), ==, "Limber");
}

static void
test_close_ends_session (Fixture       *fx,
                         gconstpointer  data)
{
  limber_window_play_routine (fx->window, "neck-relief");
  limber_fake_clock_advance (fx->clock, 40 * SEC);

  /* Closing mid-session records it as ended early. */
  g_object_add_weak_pointer (G_OBJECT (fx->window), (gpointer *) &fx->window);
  g_object_unref (fx->window);
  gtk_window_close (GTK_WINDOW (fx->window));
  limber_ui_test_iterate ();
  g_assert_null (fx->window);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_false (fx->completed);
  g_assert_cmpstr (fx->finished_id, ==, "neck-relief");
}

/* With a real limberd on the private bus. */

static gboolean
client_available (gpointer data)
{
  return limber_service_client_get_available (data);
}

static gboolean
home_shows_state (gpointer data)
{
  LimberHomeView *home = data;

  return g_str_has_prefix (limber_home_view_get_next_break_text (home), "Next micro-break in");
}

typedef struct
{
  GVariant *days;
  gboolean done;
} HistoryResult;

static void
history_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  HistoryResult *history = user_data;
  g_autoptr(GError) error = NULL;

  limber_service_client_get_history_finish (LIMBER_SERVICE_CLIENT (source), result,
                                            &history->days, NULL, &error);
  g_assert_no_error (error);
  history->done = TRUE;
}

static gboolean
history_done (gpointer data)
{
  return ((HistoryResult *) data)->done;
}

static guint
guided_sessions (LimberServiceClient *client)
{
  HistoryResult history = { 0 };
  GVariantIter iter;
  guint guided, total = 0;
  gint64 now = g_get_real_time ();

  limber_service_client_get_history_async (client, now - 24 * 3600 * SEC, now + 60 * SEC, NULL,
                                           history_cb, &history);
  g_assert_true (limber_ui_test_wait_until (history_done, &history, 30));
  g_variant_iter_init (&iter, history.days);
  while (g_variant_iter_next (&iter, "(&sxuuuuu)", NULL, NULL, NULL, NULL, NULL, NULL, &guided))
    total += guided;
  g_variant_unref (history.days);
  return total;
}

static void
test_reports_to_limberd (Fixture       *fx,
                         gconstpointer  data)
{
  const char *limberd = g_getenv ("LIMBERD");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) service = NULL;
  g_autoptr(LimberServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;

  g_assert_nonnull (limberd);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "LIMBER_ACTIVITY_SOURCE", "none", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  service = g_subprocess_launcher_spawn (launcher, &error, limberd, NULL);
  g_assert_no_error (error);

  client = limber_service_client_new (NULL);
  g_assert_true (limber_ui_test_wait_until (client_available, client, 30));

  /* The home page shows limberd's live state. */
  limber_window_set_service_client (fx->window, client);
  g_assert_true (limber_home_view_get_service_running (limber_window_get_home_view (fx->window)));
  g_assert_true (limber_ui_test_wait_until (home_shows_state,
                                            limber_window_get_home_view (fx->window), 30));

  /* A micro-stretch played to its end is in limberd's history. */
  g_assert_cmpuint (guided_sessions (client), ==, 0);
  limber_window_play_micro_stretch (fx->window);
  routine = limber_routine_library_lookup (library, playing_id (fx));
  limber_fake_clock_advance (fx->clock, (limber_routine_get_duration (routine) + 2) * SEC);
  limber_ui_test_iterate ();
  g_assert_true (fx->completed);
  g_assert_cmpuint (guided_sessions (client), ==, 1);

  g_subprocess_send_signal (service, SIGTERM);
  g_assert_true (g_subprocess_wait_check (service, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);
  library = limber_ui_test_load_library ();

  g_test_add_func ("/window/title-and-type", test_window_title_and_type);
  g_test_add_func ("/window/size-from-settings", test_window_size_from_settings);
  g_test_add_func ("/window/devel-style", test_window_devel_style);
  g_test_add_func ("/window/first-run", test_first_run);

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("play-routine", test_play_routine);
  ADD ("play-chosen", test_play_chosen);
  ADD ("play-unknown", test_play_unknown);
  ADD ("micro-turns", test_micro_turns);
  ADD ("done-goes-home", test_done_goes_home);
  ADD ("close-ends-session", test_close_ends_session);
  ADD ("reports-to-limberd", test_reports_to_limberd);
#undef ADD
  g_test_add ("/window/play-before-library", Fixture, "no library", fixture_set_up,
              test_play_before_library, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
