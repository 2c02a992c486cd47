/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-preferences-window.h: the preferences, bound to the settings that
 * limberd watches, so a change applies at once. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PREFERENCES_WINDOW (limber_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window,
                      LIMBER, PREFERENCES_WINDOW, AdwPreferencesWindow)

LimberPreferencesWindow *limber_preferences_window_new (GListModel *routines);

G_END_DECLS
