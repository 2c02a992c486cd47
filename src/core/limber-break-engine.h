/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-break-engine.h: the break engine, a pure state machine.
 *
 * It knows how long the person has been sitting without a real pause, per
 * break type, and when each break is due. Events go in (activity, suspend
 * and lock, do-not-disturb, the person's choices); break events come out
 * through ::break-event; and it answers the next deadline at which anything
 * can change (property "next-deadline"), so its owner arms exactly one
 * timer and calls limber_break_engine_update() when it fires. Nothing in
 * here ticks.
 *
 * All times are boottime microseconds from the injected LimberClock, so a
 * suspend is a gap of the right length and a wall-clock jump is nothing. */

#pragma once

#include <glib-object.h>

#include "limber-break-types.h"
#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_BREAK_ERROR (limber_break_error_quark ())

typedef enum
{
  /* The break is not in a state that allows this (nothing to postpone). */
  LIMBER_BREAK_ERROR_WRONG_STATE,
  /* The postpone limit is used up. */
  LIMBER_BREAK_ERROR_POSTPONE_LIMIT,
  /* The break type is turned off. */
  LIMBER_BREAK_ERROR_DISABLED,
  /* A value is out of range. */
  LIMBER_BREAK_ERROR_INVALID,
  /* A saved state could not be read. */
  LIMBER_BREAK_ERROR_BAD_STATE,
} LimberBreakError;

/* A stretch break due within this fraction of the micro-break interval
 * after a micro-break holds the micro-break back, so the two never arrive
 * one right after the other. */
#define LIMBER_BREAK_MERGE_DIVISOR 4

#define LIMBER_TYPE_BREAK_ENGINE (limber_break_engine_get_type ())

G_DECLARE_FINAL_TYPE (LimberBreakEngine, limber_break_engine, LIMBER, BREAK_ENGINE, GObject)

GQuark             limber_break_error_quark            (void);

LimberBreakEngine *limber_break_engine_new             (LimberClock        *clock);
LimberClock       *limber_break_engine_get_clock       (LimberBreakEngine  *self);

/* Configuration. Durations in microseconds. */
void               limber_break_engine_set_break       (LimberBreakEngine  *self,
                                                        LimberBreakType     type,
                                                        gboolean            enabled,
                                                        gint64              interval,
                                                        gint64              length);
void               limber_break_engine_set_warning_lead (LimberBreakEngine *self,
                                                         gint64             lead);
void               limber_break_engine_set_postpone    (LimberBreakEngine  *self,
                                                        gint64              length,
                                                        guint               limit);
void               limber_break_engine_set_dnd_cap     (LimberBreakEngine  *self,
                                                        gint64              cap);

/* Inputs from the session. */
void               limber_break_engine_update          (LimberBreakEngine  *self);
void               limber_break_engine_set_idle        (LimberBreakEngine  *self,
                                                        gboolean            idle,
                                                        gint64              idle_since);
void               limber_break_engine_set_blocked     (LimberBreakEngine  *self,
                                                        LimberBlockReason   reason,
                                                        gboolean            blocked);
void               limber_break_engine_set_dnd         (LimberBreakEngine  *self,
                                                        gboolean            dnd);

/* The person's choices. */
gboolean           limber_break_engine_postpone        (LimberBreakEngine  *self,
                                                        LimberBreakType     type,
                                                        GError            **error);
gboolean           limber_break_engine_skip            (LimberBreakEngine  *self,
                                                        LimberBreakType     type,
                                                        GError            **error);
gboolean           limber_break_engine_trigger         (LimberBreakEngine  *self,
                                                        LimberBreakType     type,
                                                        GError            **error);
gboolean           limber_break_engine_start_break     (LimberBreakEngine  *self,
                                                        LimberBreakType     type,
                                                        GError            **error);
gboolean           limber_break_engine_finish_break    (LimberBreakEngine  *self,
                                                        LimberBreakType     type,
                                                        gboolean            completed,
                                                        GError            **error);
gboolean           limber_break_engine_pause           (LimberBreakEngine  *self,
                                                        LimberPauseKind     kind,
                                                        gint64              duration,
                                                        GError            **error);
void               limber_break_engine_resume          (LimberBreakEngine  *self);

/* Queries; times are read from the clock now. */
LimberBreakState   limber_break_engine_get_state       (LimberBreakEngine  *self,
                                                        LimberBreakType     type);
gint64             limber_break_engine_get_sitting     (LimberBreakEngine  *self,
                                                        LimberBreakType     type);
gint64             limber_break_engine_get_time_to_due (LimberBreakEngine  *self,
                                                        LimberBreakType     type);
guint              limber_break_engine_get_postpones   (LimberBreakEngine  *self,
                                                        LimberBreakType     type);
gboolean           limber_break_engine_is_held         (LimberBreakEngine  *self,
                                                        LimberBreakType     type);
LimberPauseKind    limber_break_engine_get_pause       (LimberBreakEngine  *self,
                                                        gint64             *until_realtime);
gboolean           limber_break_engine_get_idle        (LimberBreakEngine  *self);
gboolean           limber_break_engine_get_dnd         (LimberBreakEngine  *self);
gint64             limber_break_engine_get_next_deadline (LimberBreakEngine *self);

/* State across restarts (a key file; see limber-break-engine.c). */
char              *limber_break_engine_save_state      (LimberBreakEngine  *self);
gboolean           limber_break_engine_restore_state   (LimberBreakEngine  *self,
                                                        const char         *data,
                                                        GError            **error);

G_END_DECLS
