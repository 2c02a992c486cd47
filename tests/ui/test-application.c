/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of LimberApplication under gtk_test_init, registered on the test's
 * private bus: its actions, as limberd and the menus call them, open the
 * right windows: start-routine (also before the routines are loaded),
 * micro-stretch, preferences, history, about, and quit closes them. */

#include "config.h"

#include "limber-application.h"
#include "limber-history-window.h"
#include "limber-preferences-window.h"
#include "limber-ui-test.h"
#include "limber-window.h"

static gpointer
find_window (LimberApplication *app,
             GType              type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }
  return NULL;
}

static gboolean
library_loaded (gpointer data)
{
  return limber_application_get_library (data) != NULL;
}

static gboolean
player_shows (gpointer data)
{
  LimberWindow *window = find_window (data, LIMBER_TYPE_WINDOW);

  return window != NULL && g_strcmp0 (limber_window_get_page (window), "player") == 0;
}

static void
activate (LimberApplication *app,
          const char        *action,
          GVariant          *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), action, parameter);
  limber_ui_test_iterate ();
}

static void
test_actions (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  LimberApplication *app = limber_application_new ();
  g_autoptr(GError) error = NULL;
  const char * const no_parameter[] = { "micro-stretch", "preferences", "history", "about", "quit" };
  LimberWindow *window;
  LimberRoutine *routine;

  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  /* What limberd and the menus call. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "start-routine"));
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app),
                                                                                 "start-routine"),
                                       G_VARIANT_TYPE_STRING));
  for (gsize i = 0; i < G_N_ELEMENTS (no_parameter); i++)
    {
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), no_parameter[i]));
      g_assert_null (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app),
                                                               no_parameter[i]));
    }

  /* "Start stretches" can come before the routines are loaded: the window
   * opens straight on the player once they are. */
  activate (app, "start-routine", g_variant_new_string ("neck-relief"));
  window = find_window (app, LIMBER_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (limber_ui_test_wait_until (library_loaded, app, 30));
  g_assert_true (limber_ui_test_wait_until (player_shows, app, 30));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Neck relief");

  /* The same window plays a micro-stretch. */
  activate (app, "micro-stretch", NULL);
  g_assert_true (find_window (app, LIMBER_TYPE_WINDOW) == window);
  routine = limber_session_view_get_routine (limber_window_get_session_view (window));
  g_assert_cmpint (limber_routine_get_kind (routine), ==, LIMBER_ROUTINE_KIND_MICRO_STRETCH);

  /* One preferences window, one history window, however often asked. */
  activate (app, "preferences", NULL);
  activate (app, "preferences", NULL);
  activate (app, "history", NULL);
  activate (app, "about", NULL);
  g_assert_nonnull (find_window (app, LIMBER_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (find_window (app, LIMBER_TYPE_HISTORY_WINDOW));
  g_assert_true (gtk_window_get_transient_for (find_window (app, LIMBER_TYPE_PREFERENCES_WINDOW))
                 == GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 3);

  /* Quit closes the main window (ending the session) and the app. */
  activate (app, "quit", NULL);
  g_assert_null (find_window (app, LIMBER_TYPE_WINDOW));

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  limber_ui_test_iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  /* A registered GtkApplication that never ran keeps a reference to itself
   * (a plain AdwApplication does too), so this cannot check it is gone. */
  g_object_unref (app);
  g_settings_reset (settings, "first-run-done");
  g_settings_reset (settings, "last-micro-stretch");
}

int
main (int   argc,
      char *argv[])
{
  limber_ui_test_init (&argc, &argv);

  g_test_add_func ("/application/actions", test_actions);

  return g_test_run ();
}
