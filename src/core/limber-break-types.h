/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-break-types.h: the vocabulary of the break engine, shared by the
 * service (notifications, history, D-Bus) and the app. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_BREAK_MICRO,
  LIMBER_BREAK_STRETCH,
} LimberBreakType;

#define LIMBER_N_BREAK_TYPES 2

typedef enum
{
  LIMBER_BREAK_STATE_DISABLED,
  LIMBER_BREAK_STATE_COUNTING,
  LIMBER_BREAK_STATE_WARNED,
  LIMBER_BREAK_STATE_DUE,
  LIMBER_BREAK_STATE_DEFERRED,
  LIMBER_BREAK_STATE_ON_BREAK,
} LimberBreakState;

typedef enum
{
  /* The lead time before a break has started. */
  LIMBER_BREAK_EVENT_WARNED,
  /* The break is due: remind the person (maybe after a deferral). */
  LIMBER_BREAK_EVENT_DUE,
  /* The break came due during do-not-disturb: queued, not shown. */
  LIMBER_BREAK_EVENT_DEFERRED,
  LIMBER_BREAK_EVENT_POSTPONED,
  LIMBER_BREAK_EVENT_SKIPPED,
  /* The person started the break (a guided session). */
  LIMBER_BREAK_EVENT_STARTED,
  /* A due break ended: the person paused long enough, or finished a
   * guided session. */
  LIMBER_BREAK_EVENT_TAKEN,
  /* An idle gap long enough to be a break, before the break was due. */
  LIMBER_BREAK_EVENT_NATURAL,
} LimberBreakEventKind;

typedef enum
{
  LIMBER_BREAK_HOW_NONE,
  LIMBER_BREAK_HOW_IDLE,
  LIMBER_BREAK_HOW_GUIDED,
} LimberBreakHow;

typedef enum
{
  LIMBER_PAUSE_NONE,
  LIMBER_PAUSE_FOR_DURATION,
  LIMBER_PAUSE_UNTIL_TOMORROW,
  LIMBER_PAUSE_INDEFINITE,
} LimberPauseKind;

/* Why the session counts as idle whatever the activity source says. */
typedef enum
{
  LIMBER_BLOCK_SUSPEND = 1 << 0,
  LIMBER_BLOCK_LOCK = 1 << 1,
  LIMBER_BLOCK_SESSION_END = 1 << 2,
} LimberBlockReason;

typedef struct
{
  LimberBreakType type;
  LimberBreakEventKind kind;
  LimberBreakHow how;
  /* When it happened: boottime and wall clock, in microseconds. */
  gint64 time;
  gint64 realtime;
  /* Sitting time of this break type just before the event (µs). */
  gint64 sitting;
  /* Postpones used so far for this break. */
  guint postpones;
  /* DUE: the last postpone was used, remind harder. */
  gboolean escalated;
  /* DUE: delivered after a do-not-disturb deferral. */
  gboolean was_deferred;
  /* TAKEN with HOW_GUIDED: the session ran to its end. */
  gboolean completed;
} LimberBreakEvent;

const char *limber_break_type_to_string       (LimberBreakType       type);
gboolean    limber_break_type_from_string     (const char           *text,
                                               LimberBreakType      *type);
const char *limber_break_state_to_string      (LimberBreakState      state);
const char *limber_break_event_kind_to_string (LimberBreakEventKind  kind);
const char *limber_break_how_to_string        (LimberBreakHow        how);
const char *limber_pause_kind_to_string       (LimberPauseKind       kind);

G_END_DECLS
