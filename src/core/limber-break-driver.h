/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-break-driver.h: connects the break engine to its clock and its
 * activity source: the one alarm follows the engine's next deadline, the
 * alarm updates the engine, the source's changes become idle input. limberd
 * and the engine's tests use the same wiring. */

#pragma once

#include "limber-activity-source.h"
#include "limber-break-engine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_BREAK_DRIVER (limber_break_driver_get_type ())

G_DECLARE_FINAL_TYPE (LimberBreakDriver, limber_break_driver, LIMBER, BREAK_DRIVER, GObject)

LimberBreakDriver    *limber_break_driver_new        (LimberBreakEngine    *engine);
LimberBreakEngine    *limber_break_driver_get_engine (LimberBreakDriver    *self);
void                  limber_break_driver_set_source (LimberBreakDriver    *self,
                                                      LimberActivitySource *source);
LimberActivitySource *limber_break_driver_get_source (LimberBreakDriver    *self);

G_END_DECLS
