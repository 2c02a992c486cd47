/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-history.h: limberd's history store, one SQLite file.
 *
 * It keeps every break event the engine emits, the guided sessions, and the
 * sitting time per local day, and answers the queries the D-Bus API serves
 * as GVariants of the documented types.
 *
 * The file
 *   $XDG_DATA_HOME/limber/history.sqlite3 (limber_history_default_path()),
 *   mode 0600, WAL journal, schema version in PRAGMA user_version (applied by
 *   an ordered list of migrations, each in one transaction), and
 *   PRAGMA application_id = 0x4c4d4252 ("LMBR").
 *
 * Durability
 *   Every record call is one transaction, committed before the call returns
 *   TRUE, with synchronous=FULL: the commit appends to the WAL and fsyncs
 *   it. NORMAL would already keep committed records through a kill -9 (the
 *   WAL append is in the kernel's page cache before COMMIT returns, and the
 *   WAL is replayed at the next open) but could lose the last ones on a
 *   power cut. At some hundred records a day the fsync costs nothing that
 *   matters, so FULL: a committed record survives both.
 *
 * A damaged file
 *   At open the file must be a database, pass PRAGMA integrity_check, carry
 *   our application id (or be empty) and a schema version this build knows.
 *   Otherwise limber_history_new() fails with LIMBER_HISTORY_ERROR_CORRUPT
 *   or LIMBER_HISTORY_ERROR_TOO_NEW, unless it was given
 *   LIMBER_HISTORY_OPEN_RECOVER: then the file (with its -wal, -shm and
 *   -journal) is renamed to "<path>.corrupt-YYYYMMDD-HHMMSS" (local time;
 *   "-2", "-3"… appended if taken), a new file is started, one g_message()
 *   says so, and limber_history_get_recovered_from() returns the new name
 *   of the old file for the life of the object (the daemon shows one
 *   notification). Nothing is ever deleted.
 *
 * Days
 *   A day is the local calendar day ("YYYY-MM-DD") in the time zone of the
 *   process when the record was written, so days stay as they were lived
 *   after a move to another time zone.
 *
 * Sitting time, from the events
 *   A TAKEN, NATURAL or SKIPPED event ends a stretch of sitting for its
 *   break type: its `sitting` µs are taken as the span
 *   [realtime - sitting, realtime), split at local midnights and added to
 *   that type's total for each day. The sitting time of a day is the larger
 *   of the per-type totals: each type's resets cover the whole day on their
 *   own, and the larger one lost less to resets that emit no event (a
 *   finished stretch session resets the micro-break silently when it was
 *   not pending); summing them would count the same minutes twice. The
 *   stretch since the last such event is counted when it ends, so at the
 *   end of a day the minutes after the last break are not counted if the
 *   engine's state does not carry them into the next break. A break by
 *   idle is recorded when the gap reached the break's length, so its span
 *   ends a few minutes late; that only moves minutes across a midnight.
 *
 * Events
 *   Any kind is accepted (the daemon decides which to record); the boottime
 *   `time` field is not stored. A TAKEN event must say how (idle or
 *   guided). Values beyond the bounds below are refused with
 *   LIMBER_HISTORY_ERROR_INVALID and nothing is written.
 *
 * Calls
 *   From one thread (limberd's main thread). They block until SQLite has
 *   committed, fsync included: a few ms on an idle disk (see
 *   tests/bench/bench-history.sh).
 *
 * Streak
 *   A desk day is a day with at least one recorded event. The streak is the
 *   number of consecutive desk days, counting back from today, with at least
 *   one TAKEN event (idle or guided). Days with no events at all (a weekend,
 *   the computer off) neither count nor break it, and today, while it has
 *   no break taken yet, does not break it either.
 *
 * GVariant types (all returned as new, non-floating references)
 *   LIMBER_HISTORY_EVENTS_TYPE "a(sssxxubbb)", one per event in [from, to),
 *     ordered by time: break type ("micro", "stretch"), kind ("warned",
 *     "due", "deferred", "postponed", "skipped", "started", "taken",
 *     "natural"), how ("none", "idle", "guided"), realtime (µs since the
 *     Unix epoch), sitting (µs), postpones, escalated, was-deferred,
 *     completed. The names are limber_break_*_to_string()'s.
 *   LIMBER_HISTORY_SESSIONS_TYPE "a(sxxuub)", one per guided session that
 *     started in [from, to), ordered by start: routine id, start (µs since
 *     the epoch), duration (s), steps completed, steps total, finished
 *     (FALSE: ended early).
 *   LIMBER_HISTORY_DAYS_TYPE "a(sxuuuuu)", one per day from first to last,
 *     both included, days without records too (all zero): day
 *     ("YYYY-MM-DD"), sitting (s), breaks taken (TAKEN events, idle or
 *     guided), natural breaks, postpones, skips, guided sessions started.
 *
 * Ranges of time are half-open: [from, to) in µs since the epoch. Ranges of
 * days are closed: first and last are both included. */

#pragma once

#include <gio/gio.h>

#include "limber-break-types.h"

G_BEGIN_DECLS

#define LIMBER_HISTORY_ERROR (limber_history_error_quark ())

typedef enum
{
  /* An argument is out of range or malformed; nothing was written. */
  LIMBER_HISTORY_ERROR_INVALID,
  /* The file is not a database, fails its integrity check, or is not a
   * Limber history. */
  LIMBER_HISTORY_ERROR_CORRUPT,
  /* The file was written by a newer Limber with a schema this one does
   * not know. */
  LIMBER_HISTORY_ERROR_TOO_NEW,
  /* SQLite or the file system failed: disk full, permissions, locked… */
  LIMBER_HISTORY_ERROR_FAILED,
} LimberHistoryError;

typedef enum /*< flags >*/
{
  LIMBER_HISTORY_OPEN_NONE = 0,
  /* Move a corrupt or too new file aside and start a new one. */
  LIMBER_HISTORY_OPEN_RECOVER = 1 << 0,
} LimberHistoryOpenFlags;

/* The schema this build writes (PRAGMA user_version). */
#define LIMBER_HISTORY_SCHEMA_VERSION 1
#define LIMBER_HISTORY_APPLICATION_ID 0x4c4d4252

#define LIMBER_HISTORY_EVENTS_TYPE   "a(sssxxubbb)"
#define LIMBER_HISTORY_SESSIONS_TYPE "a(sxxuub)"
#define LIMBER_HISTORY_DAYS_TYPE     "a(sxuuuuu)"

/* Bounds of what is accepted; beyond them a value is a bug, not a record. */
#define LIMBER_HISTORY_MAX_SITTING      ((gint64) 366 * 24 * 3600 * G_USEC_PER_SEC)
#define LIMBER_HISTORY_MAX_POSTPONES    1000
#define LIMBER_HISTORY_MAX_SESSION_SECONDS (24 * 3600)
#define LIMBER_HISTORY_MAX_STEPS        1000
#define LIMBER_HISTORY_MAX_ROUTINE_ID   255
#define LIMBER_HISTORY_MAX_DAYS         3660

#define LIMBER_TYPE_HISTORY_OPEN_FLAGS (limber_history_open_flags_get_type ())
#define LIMBER_TYPE_HISTORY (limber_history_get_type ())

G_DECLARE_FINAL_TYPE (LimberHistory, limber_history, LIMBER, HISTORY, GObject)

GQuark         limber_history_error_quark          (void);
GType          limber_history_open_flags_get_type  (void);

char          *limber_history_default_path         (void);
char          *limber_history_day_for_time         (gint64                   realtime);

LimberHistory *limber_history_new                  (const char              *path,
                                                    LimberHistoryOpenFlags   flags,
                                                    GError                 **error);
const char    *limber_history_get_path             (LimberHistory           *self);
const char    *limber_history_get_recovered_from   (LimberHistory           *self);
const char    *limber_history_get_recovery_reason  (LimberHistory           *self);

gboolean       limber_history_record_event         (LimberHistory           *self,
                                                    const LimberBreakEvent  *event,
                                                    GError                 **error);
gboolean       limber_history_record_events        (LimberHistory           *self,
                                                    const LimberBreakEvent  *events,
                                                    guint                    n_events,
                                                    GError                 **error);
gboolean       limber_history_record_session       (LimberHistory           *self,
                                                    const char              *routine_id,
                                                    gint64                   start,
                                                    gint64                   duration_seconds,
                                                    guint                    steps_completed,
                                                    guint                    steps_total,
                                                    gboolean                 finished,
                                                    GError                 **error);

GVariant      *limber_history_query_events         (LimberHistory           *self,
                                                    gint64                   from,
                                                    gint64                   to,
                                                    GError                 **error);
GVariant      *limber_history_query_sessions       (LimberHistory           *self,
                                                    gint64                   from,
                                                    gint64                   to,
                                                    GError                 **error);
GVariant      *limber_history_query_days           (LimberHistory           *self,
                                                    const char              *first_day,
                                                    const char              *last_day,
                                                    GError                 **error);
gboolean       limber_history_get_streak           (LimberHistory           *self,
                                                    const char              *today,
                                                    guint                   *days,
                                                    GError                 **error);

G_END_DECLS
