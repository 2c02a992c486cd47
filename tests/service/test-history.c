/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history store on a real SQLite file in a temporary folder: the file
 * it creates, records of every kind, time ranges, per-day summaries across
 * local midnights and a DST change, the streak, reopening, a newer schema
 * refused, damaged files moved aside, and bad arguments turned down. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "limber-history.h"

/* Central European time, with its DST rule: days in the tests are local
 * days of this zone, whatever the machine's. */
#define TEST_TZ "CET-1CEST,M3.5.0,M10.5.0/3"

#define MINUTES(m) ((gint64) (m) * 60 * G_USEC_PER_SEC)

/* g_message() lines of the service, counted: a recovery says so once. */
static GPtrArray *messages;

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "LimberService") == 0 && (level & G_LOG_LEVEL_MESSAGE))
    g_ptr_array_add (messages, g_strdup (message));
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("limber-history-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store creates it. */
  fixture->path = g_build_filename (fixture->dir, "limber", "history.sqlite3", NULL);
  g_ptr_array_set_size (messages, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Helpers */

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);

  g_assert_nonnull (when);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static LimberBreakEvent
make_event (LimberBreakType      type,
            LimberBreakEventKind kind,
            LimberBreakHow       how,
            gint64               realtime,
            gint64               sitting)
{
  LimberBreakEvent event = {
    .type = type,
    .kind = kind,
    .how = how,
    .time = 1,
    .realtime = realtime,
    .sitting = sitting,
  };

  return event;
}

static void
record (LimberHistory        *history,
        LimberBreakType       type,
        LimberBreakEventKind  kind,
        LimberBreakHow        how,
        gint64                realtime,
        gint64                sitting)
{
  g_autoptr(GError) error = NULL;
  LimberBreakEvent event = make_event (type, kind, how, realtime, sitting);

  g_assert_true (limber_history_record_event (history, &event, &error));
  g_assert_no_error (error);
}

static LimberHistory *
open_history (const char             *path,
              LimberHistoryOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  LimberHistory *history = limber_history_new (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

/* The first column of the first row of @sql, read through a connection of
 * our own, as text. */
static char *
db_text (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gint64
db_int (const char *path,
        const char *sql)
{
  g_autofree char *text = db_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
db_exec (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
write_bytes (const char *path,
             gsize       length,
             guint8      seed)
{
  g_autofree guint8 *bytes = g_malloc (length);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < length; i++)
    bytes[i] = (guint8) (i * 131 + seed * 7 + (i >> 8));
  g_file_set_contents (path, (const char *) bytes, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
assert_same_contents (const char *path,
                      const char *expected_path)
{
  g_autofree char *got = NULL, *expected = NULL;
  gsize got_length, expected_length;

  g_assert_true (g_file_get_contents (path, &got, &got_length, NULL));
  g_assert_true (g_file_get_contents (expected_path, &expected, &expected_length, NULL));
  g_assert_cmpmem (got, got_length, expected, expected_length);
}

static void
assert_fresh_database (const char *path)
{
  g_assert_cmpint (db_int (path, "PRAGMA user_version"), ==, LIMBER_HISTORY_SCHEMA_VERSION);
  g_assert_cmpint (db_int (path, "PRAGMA application_id"), ==, LIMBER_HISTORY_APPLICATION_ID);
  g_assert_cmpint (db_int (path, "SELECT COUNT (*) FROM events"), ==, 0);
  g_assert_cmpint (db_int (path, "SELECT COUNT (*) FROM sessions"), ==, 0);
}

static void
assert_aside_name (const char *aside,
                   const char *path)
{
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s\\.corrupt-[0-9]{8}-[0-9]{6}(-[0-9]+)?$",
                                              escaped);

  g_test_message ("moved aside to %s", aside);
  g_assert_true (g_regex_match_simple (pattern, aside, 0, 0));
}

/* Tests */

static void
test_default_path (void)
{
  g_autofree char *path = limber_history_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "limber",
                                                "history.sqlite3", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autofree char *mode = NULL;
  GStatBuf st;

  g_assert_cmpstr (limber_history_get_path (history), ==, fixture->path);
  g_assert_null (limber_history_get_recovered_from (history));
  g_assert_null (limber_history_get_recovery_reason (history));

  mode = db_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  assert_fresh_database (fixture->path);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (messages->len, ==, 0);
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));

  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_assert_null (limber_history_get_recovered_from (history));
  assert_fresh_database (fixture->path);
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GVariant) all = NULL, window = NULL, none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base = local_time (2024, 1, 15, 9, 0);
  LimberBreakEvent event;
  GVariantIter iter;
  const char *type, *kind, *how;
  gint64 realtime, sitting;
  guint postpones, n = 0;
  gboolean escalated, was_deferred, completed;

  /* Every kind, for each break type, one minute apart. */
  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    for (guint k = LIMBER_BREAK_EVENT_WARNED; k <= LIMBER_BREAK_EVENT_NATURAL; k++)
      {
        LimberBreakHow how_value = LIMBER_BREAK_HOW_NONE;

        if (k == LIMBER_BREAK_EVENT_TAKEN || k == LIMBER_BREAK_EVENT_STARTED)
          how_value = t == 0 ? LIMBER_BREAK_HOW_IDLE : LIMBER_BREAK_HOW_GUIDED;
        else if (k == LIMBER_BREAK_EVENT_NATURAL)
          how_value = LIMBER_BREAK_HOW_IDLE;
        event = make_event (t, k, how_value, base + MINUTES (n), MINUTES (n + 1));
        event.postpones = n % 4;
        event.escalated = k == LIMBER_BREAK_EVENT_DUE && t == 1;
        event.was_deferred = k == LIMBER_BREAK_EVENT_DUE;
        /* Any true value is true. */
        event.completed = k == LIMBER_BREAK_EVENT_TAKEN && t == 1 ? 42 : FALSE;
        g_assert_true (limber_history_record_event (history, &event, &error));
        g_assert_no_error (error);
        n++;
      }

  all = limber_history_query_events (history, base, base + MINUTES (n), &error);
  g_assert_no_error (error);
  g_assert_false (g_variant_is_floating (all));
  g_assert_cmpstr (g_variant_get_type_string (all), ==, LIMBER_HISTORY_EVENTS_TYPE);
  g_assert_cmpuint (g_variant_n_children (all), ==, 2 * 8);

  g_variant_iter_init (&iter, all);
  for (guint i = 0;
       g_variant_iter_next (&iter, "(&s&s&sxxubbb)", &type, &kind, &how, &realtime, &sitting,
                            &postpones, &escalated, &was_deferred, &completed);
       i++)
    {
      LimberBreakType t = i / 8;
      LimberBreakEventKind k = i % 8;

      g_assert_cmpstr (type, ==, limber_break_type_to_string (t));
      g_assert_cmpstr (kind, ==, limber_break_event_kind_to_string (k));
      g_assert_cmpint (realtime, ==, base + MINUTES (i));
      g_assert_cmpint (sitting, ==, MINUTES (i + 1));
      g_assert_cmpuint (postpones, ==, i % 4);
      g_assert_cmpint (escalated, ==, k == LIMBER_BREAK_EVENT_DUE && t == 1);
      g_assert_cmpint (was_deferred, ==, k == LIMBER_BREAK_EVENT_DUE);
      g_assert_cmpint (completed, ==, k == LIMBER_BREAK_EVENT_TAKEN && t == 1);
      if (k == LIMBER_BREAK_EVENT_TAKEN)
        g_assert_cmpstr (how, ==, t == 0 ? "idle" : "guided");
      else if (k == LIMBER_BREAK_EVENT_NATURAL)
        g_assert_cmpstr (how, ==, "idle");
      else if (k != LIMBER_BREAK_EVENT_STARTED)
        g_assert_cmpstr (how, ==, "none");
    }

  /* [from, to): the event at from is in, the one at to is out. */
  window = limber_history_query_events (history, base + MINUTES (3), base + MINUTES (5), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (window), ==, 2);
  g_variant_get_child (window, 0, "(&s&s&sxxubbb)", &type, &kind, &how, &realtime, &sitting,
                       &postpones, &escalated, &was_deferred, &completed);
  g_assert_cmpint (realtime, ==, base + MINUTES (3));
  g_variant_get_child (window, 1, "(&s&s&sxxubbb)", &type, &kind, &how, &realtime, &sitting,
                       &postpones, &escalated, &was_deferred, &completed);
  g_assert_cmpint (realtime, ==, base + MINUTES (4));

  none = limber_history_query_events (history, base + MINUTES (3), base + MINUTES (3), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (none), ==, 0);
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GVariant) sessions = NULL, first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base = local_time (2024, 1, 15, 10, 0);
  const char *routine;
  gint64 start, duration;
  guint completed, total;
  gboolean finished;

  g_assert_true (limber_history_record_session (history, "neck-relief", base, 300, 6, 6, TRUE,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (limber_history_record_session (history, "mid-back-mobility", base + MINUTES (60),
                                                95, 2, 7, FALSE, &error));
  g_assert_no_error (error);

  sessions = limber_history_query_sessions (history, base, base + MINUTES (61), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (sessions), ==, LIMBER_HISTORY_SESSIONS_TYPE);
  g_assert_cmpuint (g_variant_n_children (sessions), ==, 2);

  g_variant_get_child (sessions, 0, "(&sxxuub)", &routine, &start, &duration, &completed, &total,
                       &finished);
  g_assert_cmpstr (routine, ==, "neck-relief");
  g_assert_cmpint (start, ==, base);
  g_assert_cmpint (duration, ==, 300);
  g_assert_cmpuint (completed, ==, 6);
  g_assert_cmpuint (total, ==, 6);
  g_assert_true (finished);

  g_variant_get_child (sessions, 1, "(&sxxuub)", &routine, &start, &duration, &completed, &total,
                       &finished);
  g_assert_cmpstr (routine, ==, "mid-back-mobility");
  g_assert_cmpint (start, ==, base + MINUTES (60));
  g_assert_cmpint (duration, ==, 95);
  g_assert_cmpuint (completed, ==, 2);
  g_assert_cmpuint (total, ==, 7);
  g_assert_false (finished);

  /* The end is excluded. */
  first = limber_history_query_sessions (history, base, base + MINUTES (60), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (first), ==, 1);
}

static void
assert_day (GVariant   *days,
            gsize       index,
            const char *day,
            gint64      sitting,
            guint       taken,
            guint       natural,
            guint       postponed,
            guint       skipped,
            guint       sessions)
{
  const char *got_day;
  gint64 got_sitting;
  guint got_taken, got_natural, got_postponed, got_skipped, got_sessions;

  g_variant_get_child (days, index, "(&sxuuuuu)", &got_day, &got_sitting, &got_taken,
                       &got_natural, &got_postponed, &got_skipped, &got_sessions);
  g_test_message ("%s: sitting %" G_GINT64_FORMAT " s, taken %u, natural %u, postponed %u, "
                  "skipped %u, sessions %u", got_day, got_sitting, got_taken, got_natural,
                  got_postponed, got_skipped, got_sessions);
  g_assert_cmpstr (got_day, ==, day);
  g_assert_cmpint (got_sitting, ==, sitting);
  g_assert_cmpuint (got_taken, ==, taken);
  g_assert_cmpuint (got_natural, ==, natural);
  g_assert_cmpuint (got_postponed, ==, postponed);
  g_assert_cmpuint (got_skipped, ==, skipped);
  g_assert_cmpuint (got_sessions, ==, sessions);
}

static void
test_days (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GVariant) days = NULL, one = NULL, dst = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;

  /* 2024-01-15 (UTC+1). Micro-breaks: 20 min then 20 min of sitting. The
   * stretch break: 60 min, skipped. Not counted: due, warned. */
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_HOW_NONE,
          local_time (2024, 1, 15, 9, 0), MINUTES (20));
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_POSTPONED, LIMBER_BREAK_HOW_NONE,
          local_time (2024, 1, 15, 9, 1), MINUTES (21));
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_IDLE,
          local_time (2024, 1, 15, 9, 20), MINUTES (20));
  record (history, LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_SKIPPED, LIMBER_BREAK_HOW_NONE,
          local_time (2024, 1, 15, 10, 0), MINUTES (60));
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_NATURAL, LIMBER_BREAK_HOW_IDLE,
          local_time (2024, 1, 15, 10, 20), MINUTES (20));
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_WARNED, LIMBER_BREAK_HOW_NONE,
          local_time (2024, 1, 15, 23, 50), MINUTES (50));
  g_assert_true (limber_history_record_session (history, "neck-relief",
                                                local_time (2024, 1, 15, 10, 30), 300, 5, 5,
                                                TRUE, &error));
  /* A session that starts before midnight belongs to the day it started. */
  g_assert_true (limber_history_record_session (history, "posture-reset",
                                                local_time (2024, 1, 15, 23, 55), 1200, 3, 8,
                                                FALSE, &error));

  /* Across midnight: 80 min of sitting ending at 00:20 on the 16th are
   * 60 min on the 15th and 20 min on the 16th. */
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_IDLE,
          local_time (2024, 1, 16, 0, 10), MINUTES (5));
  record (history, LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_GUIDED,
          local_time (2024, 1, 16, 0, 20), MINUTES (80));
  g_assert_true (limber_history_record_session (history, "neck-relief",
                                                local_time (2024, 1, 16, 0, 5), 300, 5, 5,
                                                TRUE, &error));
  g_assert_no_error (error);

  day = limber_history_day_for_time (local_time (2024, 1, 16, 0, 0));
  g_assert_cmpstr (day, ==, "2024-01-16");
  g_clear_pointer (&day, g_free);
  day = limber_history_day_for_time (local_time (2024, 1, 16, 0, 0) - 1);
  g_assert_cmpstr (day, ==, "2024-01-15");

  days = limber_history_query_days (history, "2024-01-14", "2024-01-17", &error);
  g_assert_no_error (error);
  g_assert_false (g_variant_is_floating (days));
  g_assert_cmpstr (g_variant_get_type_string (days), ==, LIMBER_HISTORY_DAYS_TYPE);
  g_assert_cmpuint (g_variant_n_children (days), ==, 4);
  /* Days without records are there, with zeros. */
  assert_day (days, 0, "2024-01-14", 0, 0, 0, 0, 0, 0);
  /* Micro total 40 min, stretch total 60 + 60 min: the larger one. */
  assert_day (days, 1, "2024-01-15", 120 * 60, 1, 1, 1, 1, 2);
  /* Micro 5 min, stretch 20 min. */
  assert_day (days, 2, "2024-01-16", 20 * 60, 2, 0, 0, 0, 1);
  assert_day (days, 3, "2024-01-17", 0, 0, 0, 0, 0, 0);

  /* Both ends included. */
  one = limber_history_query_days (history, "2024-01-16", "2024-01-16", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (one), ==, 1);
  assert_day (one, 0, "2024-01-16", 20 * 60, 2, 0, 0, 0, 1);

  /* The night the clocks go forward (02:00 → 03:00 on 2024-03-31): 4 real
   * hours ending at 04:00 CEST started at 23:00 CET the day before, so
   * 1 hour on the 30th and 3 on the 31st. */
  record (history, LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_NATURAL, LIMBER_BREAK_HOW_IDLE,
          local_time (2024, 3, 31, 4, 0), MINUTES (240));
  dst = limber_history_query_days (history, "2024-03-30", "2024-03-31", &error);
  g_assert_no_error (error);
  assert_day (dst, 0, "2024-03-30", 3600, 0, 0, 0, 0, 0);
  assert_day (dst, 1, "2024-03-31", 3 * 3600, 0, 1, 0, 0, 0);
}

static void
record_on (LimberHistory        *history,
           int                   month,
           int                   day,
           LimberBreakEventKind  kind)
{
  LimberBreakHow how = LIMBER_BREAK_HOW_NONE;

  if (kind == LIMBER_BREAK_EVENT_TAKEN || kind == LIMBER_BREAK_EVENT_NATURAL)
    how = LIMBER_BREAK_HOW_IDLE;
  record (history, LIMBER_BREAK_MICRO, kind, how, local_time (2024, month, day, 11, 0),
          MINUTES (20));
}

static guint
streak (LimberHistory *history,
        const char    *today)
{
  g_autoptr(GError) error = NULL;
  guint days = 999;

  g_assert_true (limber_history_get_streak (history, today, &days, &error));
  g_assert_no_error (error);
  return days;
}

static void
test_streak (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);

  g_assert_cmpuint (streak (history, "2024-02-10"), ==, 0);
  g_assert_cmpuint (streak (history, NULL), ==, 0);

  record_on (history, 2, 3, LIMBER_BREAK_EVENT_NATURAL);  /* a natural break is not one taken */
  record_on (history, 2, 4, LIMBER_BREAK_EVENT_TAKEN);
  record_on (history, 2, 5, LIMBER_BREAK_EVENT_DUE);      /* at the desk, no break taken */
  record_on (history, 2, 5, LIMBER_BREAK_EVENT_SKIPPED);
  record_on (history, 2, 6, LIMBER_BREAK_EVENT_TAKEN);
  /* 2024-02-07: no records at all */
  record_on (history, 2, 8, LIMBER_BREAK_EVENT_NATURAL);
  record_on (history, 2, 8, LIMBER_BREAK_EVENT_TAKEN);
  record_on (history, 2, 9, LIMBER_BREAK_EVENT_TAKEN);
  record_on (history, 2, 10, LIMBER_BREAK_EVENT_DUE);     /* today, nothing taken yet */
  record_on (history, 2, 11, LIMBER_BREAK_EVENT_TAKEN);   /* after today: not counted */

  /* The 9th, the 8th, (the 7th passed over), the 6th; the 5th ends it. */
  g_assert_cmpuint (streak (history, "2024-02-10"), ==, 3);
  g_assert_cmpuint (streak (history, "2024-02-07"), ==, 1);
  /* Today without a break yet does not break it. */
  g_assert_cmpuint (streak (history, "2024-02-05"), ==, 1);
  /* A day with only a natural break ends it. */
  g_assert_cmpuint (streak (history, "2024-02-04"), ==, 1);
  g_assert_cmpuint (streak (history, "2024-02-03"), ==, 0);
  g_assert_cmpuint (streak (history, "2024-02-02"), ==, 0);

  record_on (history, 2, 10, LIMBER_BREAK_EVENT_TAKEN);
  g_assert_cmpuint (streak (history, "2024-02-10"), ==, 4);
  g_assert_cmpuint (streak (history, "2024-02-11"), ==, 5);
  g_assert_cmpuint (streak (history, "2024-02-12"), ==, 5);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GVariant) events = NULL, sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 when = local_time (2024, 5, 2, 14, 0);

  record (history, LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_GUIDED,
          when, MINUTES (55));
  g_assert_true (limber_history_record_session (history, "shoulder-reset", when, 240, 4, 4, TRUE,
                                                &error));
  g_assert_no_error (error);
  g_clear_object (&history);

  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  g_assert_null (limber_history_get_recovered_from (history));
  events = limber_history_query_events (history, when, when + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (events), ==, 1);
  sessions = limber_history_query_sessions (history, when, when + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (sessions), ==, 1);
  g_assert_cmpint (db_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpuint (messages->len, ==, 0);
}

/* Two handles on one file (a limberd --replace overlapping the old one):
 * both write, both read everything. */
static void
test_two_handles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LimberHistory) one = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(LimberHistory) two = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GVariant) from_one = NULL, from_two = NULL;
  gint64 when = local_time (2024, 6, 1, 9, 0);

  record (one, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_HOW_NONE, when, 0);
  record (two, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_SKIPPED, LIMBER_BREAK_HOW_NONE, when + 1, 0);
  from_one = limber_history_query_events (one, when, when + 2, NULL);
  from_two = limber_history_query_events (two, when, when + 2, NULL);
  g_assert_cmpuint (g_variant_n_children (from_one), ==, 2);
  g_assert_true (g_variant_equal (from_one, from_two));
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *mode = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                                          "CREATE TABLE events_v2 (x);",
                                          LIMBER_HISTORY_APPLICATION_ID,
                                          LIMBER_HISTORY_SCHEMA_VERSION + 1);
  const char *aside;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db_exec (fixture->path, sql);

  history = limber_history_new (fixture->path, LIMBER_HISTORY_OPEN_NONE, &error);
  g_assert_null (history);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_TOO_NEW);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "newer version of Limber"));
  g_assert_nonnull (strstr (error->message, "schema version 2"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  /* Refused without a change: same version, still not in WAL mode. */
  g_assert_cmpint (db_int (fixture->path, "PRAGMA user_version"), ==, 2);
  mode = db_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpuint (messages->len, ==, 0);
  g_clear_error (&error);

  /* The daemon's way: move it aside, start anew, say so once. */
  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  aside = limber_history_get_recovered_from (history);
  g_assert_nonnull (aside);
  assert_aside_name (aside, fixture->path);
  g_assert_cmpint (db_int (aside, "PRAGMA user_version"), ==, 2);
  g_assert_nonnull (strstr (limber_history_get_recovery_reason (history), "newer version"));
  assert_fresh_database (fixture->path);
  g_assert_cmpuint (messages->len, ==, 1);
}

static void
test_corrupt_garbage (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *original = g_build_filename (fixture->dir, "original", NULL);
  g_autofree char *original_wal = g_build_filename (fixture->dir, "original-wal", NULL);
  g_autofree char *first_aside = NULL;
  g_autofree char *aside_wal = NULL, *aside_shm = NULL;
  char *recovered_from = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (fixture->path, 5000, 1);
  write_bytes (original, 5000, 1);
  write_bytes (wal, 3000, 2);
  write_bytes (original_wal, 3000, 2);
  write_bytes (shm, 32768, 3);

  history = limber_history_new (fixture->path, LIMBER_HISTORY_OPEN_NONE, &error);
  g_assert_null (history);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "not a database"));
  assert_same_contents (fixture->path, original);
  g_assert_cmpuint (messages->len, ==, 0);
  g_clear_error (&error);

  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  first_aside = g_strdup (limber_history_get_recovered_from (history));
  g_assert_nonnull (first_aside);
  assert_aside_name (first_aside, fixture->path);
  /* The property says the same. */
  g_object_get (history, "recovered-from", &recovered_from, NULL);
  g_assert_cmpstr (recovered_from, ==, first_aside);
  g_free (recovered_from);

  /* Nothing lost: the bytes and the WAL and shm files went along. */
  assert_same_contents (first_aside, original);
  aside_wal = g_strconcat (first_aside, "-wal", NULL);
  aside_shm = g_strconcat (first_aside, "-shm", NULL);
  assert_same_contents (aside_wal, original_wal);
  g_assert_true (g_file_test (aside_shm, G_FILE_TEST_EXISTS));

  /* Told once: one message, naming both files. */
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), first_aside));
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "not a database"));

  /* A new history that works. */
  record (history, LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_IDLE,
          local_time (2024, 1, 15, 9, 0), MINUTES (20));
  g_clear_object (&history);
  g_assert_cmpint (db_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (db_int (fixture->path, "SELECT COUNT (*) FROM events"), ==, 1);
}

static void
test_corrupt_garbage_twice (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *first = NULL;
  const char *second;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (fixture->path, 700, 4);
  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  first = g_strdup (limber_history_get_recovered_from (history));
  g_clear_object (&history);

  /* Reopening the new file: nothing to report. */
  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  g_assert_null (limber_history_get_recovered_from (history));
  g_clear_object (&history);
  g_assert_cmpuint (messages->len, ==, 1);

  /* Damaged again, likely within the same second: a new name, the first
   * one kept. */
  write_bytes (fixture->path, 700, 5);
  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  second = limber_history_get_recovered_from (history);
  g_assert_nonnull (second);
  assert_aside_name (second, fixture->path);
  g_assert_cmpstr (second, !=, first);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (messages->len, ==, 2);
}

/* An empty file with a log of changes next to it: SQLite would delete the
 * log; it goes aside with the file instead. */
static void
test_corrupt_orphan_wal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *original_wal = g_build_filename (fixture->dir, "original-wal", NULL);
  g_autofree char *aside_wal = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  write_bytes (wal, 8272, 6);
  write_bytes (original_wal, 8272, 6);

  history = limber_history_new (fixture->path, LIMBER_HISTORY_OPEN_NONE, &error);
  g_assert_null (history);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  assert_same_contents (wal, original_wal);
  g_clear_error (&error);

  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  g_assert_nonnull (limber_history_get_recovered_from (history));
  aside_wal = g_strconcat (limber_history_get_recovered_from (history), "-wal", NULL);
  assert_same_contents (aside_wal, original_wal);
  assert_fresh_database (fixture->path);
  g_assert_cmpuint (messages->len, ==, 1);
}

/* A database whose pages were overwritten: SQLite opens it, the integrity
 * check fails. */
static void
test_corrupt_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree LimberBreakEvent *events = g_new0 (LimberBreakEvent, 2000);
  g_autofree char *contents = NULL;
  gint64 page_size = db_int (fixture->path, "PRAGMA page_size");
  gsize length;

  for (guint i = 0; i < 2000; i++)
    events[i] = make_event (i % 2, LIMBER_BREAK_EVENT_SKIPPED, LIMBER_BREAK_HOW_NONE,
                            local_time (2024, 1, 1, 8, 0) + MINUTES (i), MINUTES (1));
  g_assert_true (limber_history_record_events (history, events, 2000, &error));
  g_assert_no_error (error);
  /* Closing checkpoints the WAL into the file. */
  g_clear_object (&history);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_test_message ("%" G_GSIZE_FORMAT " bytes, pages of %" G_GINT64_FORMAT, length, page_size);
  g_assert_cmpuint (length, >, (gsize) page_size * 8);
  for (gsize i = (gsize) page_size * 2; i < (gsize) page_size * 6; i++)
    contents[i] = (char) (i * 37);
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, NULL));

  history = limber_history_new (fixture->path, LIMBER_HISTORY_OPEN_NONE, &error);
  g_assert_null (history);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  history = open_history (fixture->path, LIMBER_HISTORY_OPEN_RECOVER);
  g_assert_nonnull (limber_history_get_recovered_from (history));
  assert_aside_name (limber_history_get_recovered_from (history), fixture->path);
  assert_fresh_database (fixture->path);
  g_assert_cmpuint (messages->len, ==, 1);
}

/* Somebody else's database at our path is not ours to migrate. */
static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db_exec (fixture->path, "CREATE TABLE events (what TEXT); INSERT INTO events VALUES ('x');");

  history = limber_history_new (fixture->path, LIMBER_HISTORY_OPEN_NONE, &error);
  g_assert_null (history);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "not a Limber history"));
  g_assert_cmpint (db_int (fixture->path, "SELECT COUNT (*) FROM events"), ==, 1);
}

static void
assert_invalid_event (LimberHistory          *history,
                      const LimberBreakEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_history_record_event (history, event, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_test_message ("%s", error->message);
}

static void
test_bad_events (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GError) error = NULL;
  gint64 when = local_time (2024, 1, 15, 9, 0);
  LimberBreakEvent good = make_event (LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_TAKEN,
                                      LIMBER_BREAK_HOW_IDLE, when, MINUTES (20));
  LimberBreakEvent event, batch[3];

  event = good;
  event.type = (LimberBreakType) 2;
  assert_invalid_event (history, &event);
  event = good;
  event.type = (LimberBreakType) -1;
  assert_invalid_event (history, &event);
  event = good;
  event.kind = (LimberBreakEventKind) 42;
  assert_invalid_event (history, &event);
  event = good;
  event.how = (LimberBreakHow) 9;
  assert_invalid_event (history, &event);
  event = good;
  event.how = LIMBER_BREAK_HOW_NONE;
  assert_invalid_event (history, &event);
  event = good;
  event.realtime = 0;
  assert_invalid_event (history, &event);
  event = good;
  event.realtime = -when;
  assert_invalid_event (history, &event);
  /* A boottime passed for a realtime. */
  event = good;
  event.realtime = (gint64) 3600 * G_USEC_PER_SEC;
  assert_invalid_event (history, &event);
  event = good;
  event.realtime = G_MAXINT64;
  assert_invalid_event (history, &event);
  event = good;
  event.sitting = -1;
  assert_invalid_event (history, &event);
  event = good;
  event.sitting = LIMBER_HISTORY_MAX_SITTING + 1;
  assert_invalid_event (history, &event);
  event = good;
  event.postpones = 5000;
  assert_invalid_event (history, &event);

  /* A batch is all or nothing. */
  batch[0] = good;
  batch[1] = good;
  batch[1].sitting = -5;
  batch[2] = good;
  g_assert_false (limber_history_record_events (history, batch, 3, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (db_int (fixture->path, "SELECT COUNT (*) FROM events"), ==, 0);
  g_assert_cmpint (db_int (fixture->path, "SELECT COUNT (*) FROM sitting"), ==, 0);

  /* The store still works, and an empty batch is fine. */
  g_assert_true (limber_history_record_events (history, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (limber_history_record_events (history, batch, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (db_int (fixture->path, "SELECT COUNT (*) FROM events"), ==, 1);
}

static void
assert_invalid_session (LimberHistory *history,
                        const char    *routine,
                        gint64         start,
                        gint64         duration,
                        guint          completed,
                        guint          total)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_history_record_session (history, routine, start, duration, completed,
                                                 total, TRUE, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_test_message ("%s", error->message);
}

static void
test_bad_sessions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autofree char *long_id = g_strnfill (LIMBER_HISTORY_MAX_ROUTINE_ID + 1, 'a');
  gint64 when = local_time (2024, 1, 15, 9, 0);

  assert_invalid_session (history, NULL, when, 60, 1, 2);
  assert_invalid_session (history, "", when, 60, 1, 2);
  assert_invalid_session (history, "bad-\xff-utf8", when, 60, 1, 2);
  assert_invalid_session (history, long_id, when, 60, 1, 2);
  assert_invalid_session (history, "neck-relief", when, -1, 1, 2);
  assert_invalid_session (history, "neck-relief", when, 2 * 24 * 3600, 1, 2);
  assert_invalid_session (history, "neck-relief", when, 60, 0, 0);
  assert_invalid_session (history, "neck-relief", when, 60, 3, 2);
  assert_invalid_session (history, "neck-relief", when, 60, 1, 100000);
  assert_invalid_session (history, "neck-relief", 0, 60, 1, 2);
  assert_invalid_session (history, "neck-relief", -when, 60, 1, 2);
  assert_invalid_session (history, "neck-relief", G_MAXINT64, 60, 1, 2);

  g_assert_cmpint (db_int (fixture->path, "SELECT COUNT (*) FROM sessions"), ==, 0);
}

static void
assert_invalid_days (LimberHistory *history,
                     const char    *first,
                     const char    *last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) days = limber_history_query_days (history, first, last, &error);

  g_assert_null (days);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_test_message ("%s", error->message);
}

static void
test_bad_queries (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_history (fixture->path, LIMBER_HISTORY_OPEN_NONE);
  g_autoptr(GVariant) events = NULL, sessions = NULL, long_range = NULL;
  g_autoptr(GError) error = NULL;
  guint days = 7;

  events = limber_history_query_events (history, 10, 9, &error);
  g_assert_null (events);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_clear_error (&error);
  sessions = limber_history_query_sessions (history, G_MAXINT64, G_MININT64, &error);
  g_assert_null (sessions);
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_clear_error (&error);

  assert_invalid_days (history, NULL, "2024-01-01");
  assert_invalid_days (history, "2024-01-01", NULL);
  assert_invalid_days (history, "2024-13-01", "2024-12-01");
  assert_invalid_days (history, "2024-02-30", "2024-03-01");
  assert_invalid_days (history, "2024-1-01", "2024-03-01");
  assert_invalid_days (history, "24-01-01", "2024-03-01");
  assert_invalid_days (history, "yesterday", "today");
  assert_invalid_days (history, "2024-01-01 ", "2024-03-01");
  assert_invalid_days (history, "2024-03-02", "2024-03-01");
  assert_invalid_days (history, "2000-01-01", "2010-01-08");

  /* The widest range allowed works. */
  long_range = limber_history_query_days (history, "2000-01-01", "2010-01-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (long_range), ==, LIMBER_HISTORY_MAX_DAYS);

  g_assert_false (limber_history_get_streak (history, "2024-02-31", &days, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_assert_cmpuint (days, ==, 7);
  g_clear_error (&error);

  /* A path that cannot be a file. */
  g_assert_null (limber_history_new ("", LIMBER_HISTORY_OPEN_NONE, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (limber_history_new (fixture->dir, LIMBER_HISTORY_OPEN_RECOVER, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (messages->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) logged = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_setenv ("TZ", TEST_TZ, TRUE);
  messages = logged;
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/history/default-path", test_default_path);
  ADD ("/history/create", test_create);
  ADD ("/history/migrate-empty-file", test_empty_file);
  ADD ("/history/events", test_events);
  ADD ("/history/sessions", test_sessions);
  ADD ("/history/days", test_days);
  ADD ("/history/streak", test_streak);
  ADD ("/history/reopen", test_reopen);
  ADD ("/history/two-handles", test_two_handles);
  ADD ("/history/too-new", test_too_new);
  ADD ("/history/corrupt/garbage", test_corrupt_garbage);
  ADD ("/history/corrupt/garbage-twice", test_corrupt_garbage_twice);
  ADD ("/history/corrupt/orphan-wal", test_corrupt_orphan_wal);
  ADD ("/history/corrupt/pages", test_corrupt_pages);
  ADD ("/history/corrupt/foreign", test_foreign);
  ADD ("/history/bad/events", test_bad_events);
  ADD ("/history/bad/sessions", test_bad_sessions);
  ADD ("/history/bad/queries", test_bad_queries);

#undef ADD

  status = g_test_run ();
  messages = NULL;
  return status;
}
