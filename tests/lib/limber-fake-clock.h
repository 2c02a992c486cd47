/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-fake-clock.h: a LimberClock that moves only when a test says so.
 * Advancing fires the alarm at its exact deadline, as many times as the
 * listeners re-arm it within the span. */

#pragma once

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FAKE_CLOCK (limber_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (LimberFakeClock, limber_fake_clock, LIMBER, FAKE_CLOCK, GObject)

LimberFakeClock *limber_fake_clock_new          (gint64           realtime);
void             limber_fake_clock_advance      (LimberFakeClock *self,
                                                 gint64           span);
void             limber_fake_clock_suspend      (LimberFakeClock *self,
                                                 gint64           span);
void             limber_fake_clock_jump_wall    (LimberFakeClock *self,
                                                 gint64           offset);
gint64           limber_fake_clock_get_deadline (LimberFakeClock *self);
guint            limber_fake_clock_get_alarms   (LimberFakeClock *self);

G_END_DECLS
