/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-style.h"

/* Running from a build tree (build-aux/run, meson devenv, tests), the
 * icons are not installed: $LIMBER_ICON_THEME_PATH names the source tree's
 * …/icons/hicolor/symbolic/apps. */
static void
add_icon_search_path (GdkDisplay *display)
{
  const char *path = g_getenv ("LIMBER_ICON_THEME_PATH");
  GtkIconTheme *theme;
  g_autofree char *icons = NULL;
  g_autofree char *scalable = NULL;

  if (path == NULL || *path == '\0')
    return;

  theme = gtk_icon_theme_get_for_display (display);
  /* The folder holding hicolor/, and the app icon's own folder. */
  icons = g_build_filename (path, "..", "..", "..", NULL);
  scalable = g_build_filename (path, "..", "..", "scalable", "apps", NULL);
  gtk_icon_theme_add_search_path (theme, icons);
  gtk_icon_theme_add_search_path (theme, path);
  gtk_icon_theme_add_search_path (theme, scalable);
}

/**
 * limber_style_ensure:
 * @widget: a widget about to be shown
 *
 * Loads the app's style sheet for @widget's display, and finds the app's
 * icons when they are not installed; once per display.
 */
void
limber_style_ensure (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "limber-app-css") != NULL)
    return;

  add_icon_search_path (display);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/limber-app.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "limber-app-css", g_steal_pointer (&provider),
                          g_object_unref);
}
