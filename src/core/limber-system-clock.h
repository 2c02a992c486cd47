/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-system-clock.h: the real clock (CLOCK_BOOTTIME, CLOCK_MONOTONIC,
 * CLOCK_REALTIME) with its alarm as one GSource re-armed with
 * g_source_set_ready_time(): no periodic tick, one wake-up per deadline. */

#pragma once

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SYSTEM_CLOCK (limber_system_clock_get_type ())

G_DECLARE_FINAL_TYPE (LimberSystemClock, limber_system_clock, LIMBER, SYSTEM_CLOCK, GObject)

LimberClock *limber_system_clock_new (void);

G_END_DECLS
