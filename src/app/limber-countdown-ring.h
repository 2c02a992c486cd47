/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-countdown-ring.h: a circular countdown: a ring that empties as a
 * step runs, with the seconds left in the middle. The session player sets
 * the remaining fraction and seconds; the ring computes no time itself. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_COUNTDOWN_RING (limber_countdown_ring_get_type ())

G_DECLARE_FINAL_TYPE (LimberCountdownRing, limber_countdown_ring, LIMBER, COUNTDOWN_RING, GtkWidget)

GtkWidget  *limber_countdown_ring_new          (void);
void        limber_countdown_ring_set_fraction (LimberCountdownRing *self,
                                                double               fraction);
double      limber_countdown_ring_get_fraction (LimberCountdownRing *self);
void        limber_countdown_ring_set_seconds  (LimberCountdownRing *self,
                                                guint                seconds);
guint       limber_countdown_ring_get_seconds  (LimberCountdownRing *self);
void        limber_countdown_ring_set_paused   (LimberCountdownRing *self,
                                                gboolean             paused);
gboolean    limber_countdown_ring_get_paused   (LimberCountdownRing *self);
const char *limber_countdown_ring_get_text     (LimberCountdownRing *self);

G_END_DECLS
