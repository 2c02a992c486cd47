/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-figure-view.h: the widget that draws a routine step's stick figure
 * and moves it through the step's figure animation, in the style's colours:
 * the foreground colour, and the accent colour for the parts the animation
 * moves (the joints whose angle changes by 8 degrees or more between its
 * key poses).
 *
 * The view asks a time source how far into the step (or this side of it)
 * the session is, and samples the animation at that time on every frame
 * while it is mapped and playing (a frame clock tick callback, removed when
 * paused or unmapped).
 *
 * Reduced motion: with GtkSettings:gtk-enable-animations off there is no
 * tick callback and no movement. The view shows the animation's key poses
 * as still pictures, one after another: the key at or before the current
 * time, each held as long as the animation holds it but at least one
 * second (so a fast loop such as a march becomes a calm sequence of its
 * poses, not a flicker). A one-shot timeout redraws when the next key pose
 * is due, and at least once a second while playing in case the time source
 * jumps (a restarted step). */

#pragma once

#include <gtk/gtk.h>

#include "limber-figure.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FIGURE_VIEW (limber_figure_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberFigureView, limber_figure_view, LIMBER, FIGURE_VIEW, GtkWidget)

/**
 * LimberFigureTimeFunc:
 * @data: the data given with the function
 *
 * Returns: the microseconds elapsed in the current step (or side)
 */
typedef gint64 (*LimberFigureTimeFunc) (gpointer data);

GtkWidget             *limber_figure_view_new               (void);
void                   limber_figure_view_set_animation     (LimberFigureView      *self,
                                                             LimberFigureAnimation *animation,
                                                             gboolean               mirrored);
LimberFigureAnimation *limber_figure_view_get_animation     (LimberFigureView      *self);
void                   limber_figure_view_set_time_source   (LimberFigureView      *self,
                                                             LimberFigureTimeFunc   func,
                                                             gpointer               data,
                                                             GDestroyNotify         destroy);
void                   limber_figure_view_set_playing       (LimberFigureView      *self,
                                                             gboolean               playing);
gboolean               limber_figure_view_get_playing       (LimberFigureView      *self);
void                   limber_figure_view_set_mirrored      (LimberFigureView      *self,
                                                             gboolean               mirrored);
gboolean               limber_figure_view_get_mirrored      (LimberFigureView      *self);
void                   limber_figure_view_set_description   (LimberFigureView      *self,
                                                             const char            *text);
const char            *limber_figure_view_get_description   (LimberFigureView      *self);
guint                  limber_figure_view_get_frames_drawn  (LimberFigureView      *self);

/* For widget tests and benchmarks. */
gboolean               limber_figure_view_get_pose_for_test (LimberFigureView      *self,
                                                             LimberPose            *out);
gboolean               limber_figure_view_is_ticking        (LimberFigureView      *self);
gboolean               limber_figure_view_is_reduced_motion (LimberFigureView      *self);

G_END_DECLS
