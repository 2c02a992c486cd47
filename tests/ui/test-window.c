/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for LimberWindow under gtk_test_init. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-application.h"
#include "limber-window.h"

static void
wait_for_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_window_title_and_type (void)
{
  LimberWindow *window = limber_window_new (NULL);

  g_object_ref_sink (window);
  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Limber");

  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (GTK_WIDGET (window));

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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  limber_application_register_resources ();

  g_test_add_func ("/window/title-and-type", test_window_title_and_type);
  g_test_add_func ("/window/size-from-settings", test_window_size_from_settings);
  g_test_add_func ("/window/devel-style", test_window_devel_style);

  return g_test_run ();
}
