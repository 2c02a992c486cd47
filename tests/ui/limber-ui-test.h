/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-ui-test.h: helpers shared by the app's widget tests: waiting for
 * the main loop, the bundled routine library, and screenshots rendered to
 * $LIMBER_SCREENSHOT_DIR. */

#pragma once

#include <adwaita.h>

#include "limber-routine-library.h"

G_BEGIN_DECLS

void                  limber_ui_test_init            (int         *argc,
                                                      char      ***argv);
void                  limber_ui_test_iterate         (void);
void                  limber_ui_test_wait_for_mapped (GtkWidget   *widget);
void                  limber_ui_test_click           (GtkWidget   *button);
void                  limber_ui_test_wait_for_frames (GtkWidget   *widget);
void                  limber_ui_test_set_width       (GtkWindow   *window,
                                                      int          width,
                                                      int          height);
gboolean              limber_ui_test_wait_until      (gboolean   (*done) (gpointer data),
                                                      gpointer     data,
                                                      guint        timeout_seconds);
LimberRoutineLibrary *limber_ui_test_load_library    (void);
char                 *limber_ui_test_save_png        (GtkWidget   *widget,
                                                      const char  *name);
guint                 limber_ui_test_count_colours   (GtkWidget   *widget);
guint                 limber_ui_test_count_pixels    (GtkWidget   *widget,
                                                      const char  *named_colour);
GtkWidget            *limber_ui_test_find            (GtkWidget   *root,
                                                      GType        type,
                                                      const char  *text);

G_END_DECLS
