/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for the preferences (LimberPreferencesWindow): each control
 * is bound to its setting both ways, minutes on screen and seconds in the
 * settings; the routine and activity-source choices; and a screenshot of
 * each page (preferences.png, preferences-stretches.png,
 * preferences-general.png). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-preferences-window.h"
#include "limber-ui-test.h"

static LimberRoutineLibrary *library;

typedef struct
{
  LimberPreferencesWindow *window;
  GSettings *settings;
} Fixture;

static const char * const keys[] = {
  "micro-break-enabled", "micro-break-interval-seconds", "micro-break-length-seconds",
  "stretch-break-enabled", "stretch-break-interval-seconds", "stretch-break-length-seconds",
  "warning-lead-seconds", "postpone-seconds", "postpone-limit", "respect-do-not-disturb",
  "do-not-disturb-cap-seconds", "stretch-routine", "sounds-enabled", "sound-volume",
  "autostart", "show-tray-icon", "activity-source",
};

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->settings = g_settings_new (SCHEMA_ID);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fx->settings, keys[i]);

  fx->window = limber_preferences_window_new (G_LIST_MODEL (library));
  g_object_ref_sink (fx->window);
  gtk_window_present (GTK_WINDOW (fx->window));
  limber_ui_test_wait_for_mapped (GTK_WIDGET (fx->window));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  limber_ui_test_iterate ();
  g_assert_finalize_object (fx->window);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fx->settings, keys[i]);
  g_clear_object (&fx->settings);
}

static void
assert_string (GSettings  *settings,
               const char *key,
               const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static gpointer
child (Fixture    *fx,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fx->window),
                                                   LIMBER_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static void
test_spin_minutes (Fixture       *fx,
                   gconstpointer  data)
{
  GtkSpinButton *interval = child (fx, "micro_interval_spin");
  GtkSpinButton *stretch_length = child (fx, "stretch_length_spin");
  GtkSpinButton *postpone = child (fx, "postpone_spin");
  GtkSpinButton *cap = child (fx, "dnd_cap_spin");

  /* The defaults, in minutes. */
  g_assert_cmpfloat (gtk_spin_button_get_value (interval), ==, 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (stretch_length), ==, 5);

  /* Changing a spin button changes the key, in seconds. */
  gtk_spin_button_set_value (interval, 25);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "micro-break-interval-seconds"), ==, 1500);
  gtk_spin_button_set_value (stretch_length, 7);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "stretch-break-length-seconds"), ==, 420);
  gtk_spin_button_set_value (postpone, 10);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "postpone-seconds"), ==, 600);
  gtk_spin_button_set_value (cap, 0);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "do-not-disturb-cap-seconds"), ==, 0);

  /* And the other way: limberctl or another window changing the key. */
  g_settings_set_uint (fx->settings, "stretch-break-interval-seconds", 45 * 60);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (fx, "stretch_interval_spin"))),
                     ==, 45);
  /* A value between minutes shows rounded. */
  g_settings_set_uint (fx->settings, "micro-break-interval-seconds", 15 * 60 + 40);
  g_assert_cmpfloat (gtk_spin_button_get_value (interval), ==, 16);
}

static void
test_spin_plain (Fixture       *fx,
                 gconstpointer  data)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fx, "micro_length_spin")), 45);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "micro-break-length-seconds"), ==, 45);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fx, "warning_spin")), 60);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "warning-lead-seconds"), ==, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fx, "postpone_limit_spin")), 0);
  g_assert_cmpuint (g_settings_get_uint (fx->settings, "postpone-limit"), ==, 0);
}

static void
test_switches (Fixture       *fx,
               gconstpointer  data)
{
  AdwExpanderRow *micro = child (fx, "micro_expander");
  GtkSwitch *dnd = child (fx, "dnd_switch");
  GtkSwitch *sounds = child (fx, "sounds_switch");

  g_assert_true (adw_expander_row_get_enable_expansion (micro));
  adw_expander_row_set_enable_expansion (micro, FALSE);
  g_assert_false (g_settings_get_boolean (fx->settings, "micro-break-enabled"));
  g_settings_set_boolean (fx->settings, "stretch-break-enabled", FALSE);
  g_assert_false (adw_expander_row_get_enable_expansion (child (fx, "stretch_expander")));

  /* The longest wait only matters while do-not-disturb is respected. */
  g_assert_true (gtk_widget_get_sensitive (child (fx, "dnd_cap_row")));
  gtk_switch_set_active (dnd, FALSE);
  g_assert_false (g_settings_get_boolean (fx->settings, "respect-do-not-disturb"));
  g_assert_false (gtk_widget_get_sensitive (child (fx, "dnd_cap_row")));

  gtk_switch_set_active (sounds, FALSE);
  g_assert_false (g_settings_get_boolean (fx->settings, "sounds-enabled"));
  g_assert_false (gtk_widget_get_sensitive (child (fx, "volume_row")));

  gtk_switch_set_active (child (fx, "autostart_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (fx->settings, "autostart"));
  gtk_switch_set_active (child (fx, "tray_switch"), FALSE);
  g_assert_false (g_settings_get_boolean (fx->settings, "show-tray-icon"));
}

static void
test_volume (Fixture       *fx,
             gconstpointer  data)
{
  GtkRange *scale = child (fx, "volume_scale");

  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), 0.7, 1e-9);
  gtk_range_set_value (scale, 0.3);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fx->settings, "sound-volume"), 0.3, 1e-9);

  /* The Test button plays through a fakesink, and does not fail. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "preferences.test-sound",
                                             NULL));
  limber_ui_test_iterate ();
}

static void
test_routine_choice (Fixture       *fx,
                     gconstpointer  data)
{
  AdwComboRow *row = child (fx, "routine_row");
  GListModel *model = adw_combo_row_get_model (row);
  guint n_routines = 0;
  guint neck = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (limber_routine_get_kind (routine) == LIMBER_ROUTINE_KIND_ROUTINE)
        n_routines++;
    }

  /* "Take Turns", then every routine (no micro-stretches). */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_routines + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Take Turns");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Neck relief"))
        neck = i;
    }
  g_assert_cmpuint (neck, !=, G_MAXUINT);

  adw_combo_row_set_selected (row, neck);
  assert_string (fx->settings, "stretch-routine", "neck-relief");

  adw_combo_row_set_selected (row, 0);
  assert_string (fx->settings, "stretch-routine", "");

  g_settings_set_string (fx->settings, "stretch-routine", "neck-relief");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, neck);

  /* A routine that no longer exists shows as taking turns, as limberd does. */
  g_settings_set_string (fx->settings, "stretch-routine", "gone");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  assert_string (fx->settings, "stretch-routine", "gone");
}

static void
test_activity_source (Fixture       *fx,
                      gconstpointer  data)
{
  AdwComboRow *row = child (fx, "activity_row");

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (row, 3);
  assert_string (fx->settings, "activity-source", "x11");
  g_settings_set_string (fx->settings, "activity-source", "none");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 5);
}

static void
test_screenshots (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *breaks = NULL;
  g_autofree char *stretches = NULL;
  g_autofree char *general = NULL;

  limber_ui_test_set_width (GTK_WINDOW (fx->window), 640, 720);
  breaks = limber_ui_test_save_png (GTK_WIDGET (fx->window), "preferences.png");

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fx->window),
                                           child (fx, "stretches_page"));
  limber_ui_test_wait_for_frames (GTK_WIDGET (fx->window));
  stretches = limber_ui_test_save_png (GTK_WIDGET (fx->window), "preferences-stretches.png");

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fx->window),
                                           child (fx, "general_page"));
  limber_ui_test_wait_for_frames (GTK_WIDGET (fx->window));
  general = limber_ui_test_save_png (GTK_WIDGET (fx->window), "preferences-general.png");
  g_assert_cmpuint (limber_ui_test_count_colours (GTK_WIDGET (fx->window)), >, 20);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);
  library = limber_ui_test_load_library ();

#define ADD(path, func) \
  g_test_add ("/preferences/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("spin-minutes", test_spin_minutes);
  ADD ("spin-plain", test_spin_plain);
  ADD ("switches", test_switches);
  ADD ("volume", test_volume);
  ADD ("routine-choice", test_routine_choice);
  ADD ("activity-source", test_activity_source);
  ADD ("screenshots", test_screenshots);
#undef ADD

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
