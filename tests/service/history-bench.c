/* SPDX-License-Identifier: GPL-3.0-or-later */
/* history-bench DIR: figures for the history store in a new file in DIR
 * (run by tests/bench/bench-history.sh; nothing here passes or fails).
 *
 *  - records one at a time, each its own committed transaction (what limberd
 *    does): records/s and the latency of one call;
 *  - a year of desk days (weekdays, 8 hours: micro-breaks every 20 min,
 *    stretch breaks every hour, two guided sessions) written a day per
 *    batch;
 *  - on that year: opening the file (with its integrity check), a 30-day
 *    summary, a 30-day event list, the streak. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "limber-history.h"

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)
#define QUERY_RUNS 50

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @times and returns its median. */
static double
median_ms (GArray *times)
{
  g_array_sort (times, compare_int64);
  return g_array_index (times, gint64, times->len / 2) / 1000.0;
}

static LimberBreakEvent
event_at (LimberBreakType      type,
          LimberBreakEventKind kind,
          LimberBreakHow       how,
          gint64               realtime,
          gint64               sitting)
{
  LimberBreakEvent event = {
    .type = type, .kind = kind, .how = how, .realtime = realtime, .sitting = sitting,
  };

  return event;
}

/* One weekday at the desk, from 09:00 local. */
static void
desk_day (GArray    *events,
          GDateTime *morning)
{
  gint64 start = g_date_time_to_unix (morning) * G_USEC_PER_SEC;

  for (int minute = 20; minute <= 8 * 60; minute += 20)
    {
      gint64 t = start + minute * MINUTE;
      LimberBreakEvent e;

      if (minute % 60 == 0)
        {
          e = event_at (LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_WARNED, LIMBER_BREAK_HOW_NONE,
                        t - MINUTE, 59 * MINUTE);
          g_array_append_val (events, e);
          e = event_at (LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_HOW_NONE,
                        t, 60 * MINUTE);
          g_array_append_val (events, e);
          e = event_at (LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_STARTED, LIMBER_BREAK_HOW_GUIDED,
                        t + MINUTE, 61 * MINUTE);
          g_array_append_val (events, e);
          e = event_at (LIMBER_BREAK_STRETCH, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_GUIDED,
                        t + 6 * MINUTE, 61 * MINUTE);
          e.completed = TRUE;
          g_array_append_val (events, e);
        }
      else
        {
          e = event_at (LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_HOW_NONE,
                        t, 20 * MINUTE);
          g_array_append_val (events, e);
          if (minute % 100 == 0)
            {
              e = event_at (LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_POSTPONED,
                            LIMBER_BREAK_HOW_NONE, t + MINUTE / 2, 20 * MINUTE);
              e.postpones = 1;
              g_array_append_val (events, e);
            }
          e = event_at (LIMBER_BREAK_MICRO, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_IDLE,
                        t + 2 * MINUTE, 21 * MINUTE);
          g_array_append_val (events, e);
        }
    }
}

static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "history-bench: %s: %s\n", what, error->message);
  exit (1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) day_events = g_array_new (FALSE, FALSE, sizeof (LimberBreakEvent));
  g_autoptr(GDateTime) first_day = NULL;
  g_autofree char *path = NULL, *single_path = NULL, *last_text = NULL, *first_text = NULL;
  guint n_single = 300, n_events = 0, n_sessions = 0;
  gint64 t0, elapsed, max_latency = 0, realtime, query_from, query_to;
  GStatBuf st;
  guint streak = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DIR\n", argv[0]);
      return 2;
    }
  single_path = g_build_filename (argv[1], "single.sqlite3", NULL);
  path = g_build_filename (argv[1], "year.sqlite3", NULL);

  /* One record per call, as limberd writes. */
  history = limber_history_new (single_path, LIMBER_HISTORY_OPEN_NONE, &error);
  if (history == NULL)
    die ("open", error);
  realtime = g_get_real_time ();
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n_single; i++)
    {
      LimberBreakEvent e = event_at (i % 2, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_HOW_IDLE,
                                     realtime + i * G_USEC_PER_SEC, 20 * MINUTE);
      gint64 start = g_get_monotonic_time (), took;

      if (!limber_history_record_event (history, &e, &error))
        die ("record", error);
      took = g_get_monotonic_time () - start;
      g_array_append_val (times, took);
      max_latency = MAX (max_latency, took);
    }
  elapsed = g_get_monotonic_time () - t0;
  printf ("history: one event per call (synchronous=FULL): %.0f records/s, "
          "median %.2f ms, max %.2f ms per call\n",
          n_single / (elapsed / 1e6), median_ms (times), max_latency / 1000.0);

  g_array_set_size (times, 0);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 100; i++)
    if (!limber_history_record_session (history, "neck-relief", realtime + i * G_USEC_PER_SEC,
                                        300, 6, 6, TRUE, &error))
      die ("record session", error);
  elapsed = g_get_monotonic_time () - t0;
  printf ("history: one guided session per call: %.0f records/s\n", 100 / (elapsed / 1e6));
  g_clear_object (&history);

  /* A year of weekdays, a day per batch. */
  history = limber_history_new (path, LIMBER_HISTORY_OPEN_NONE, &error);
  if (history == NULL)
    die ("open", error);
  first_day = g_date_time_new_local (2023, 1, 2, 9, 0, 0);
  t0 = g_get_monotonic_time ();
  for (int d = 0; d < 365; d++)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (first_day, d);
      gint64 morning_us = g_date_time_to_unix (morning) * G_USEC_PER_SEC;

      if (g_date_time_get_day_of_week (morning) > 5)
        continue;
      g_array_set_size (day_events, 0);
      desk_day (day_events, morning);
      if (!limber_history_record_events (history, (LimberBreakEvent *) (gpointer) day_events->data,
                                         day_events->len, &error))
        die ("record day", error);
      n_events += day_events->len;
      for (int s = 0; s < 2; s++)
        {
          if (!limber_history_record_session (history, s ? "posture-reset" : "neck-relief",
                                              morning_us + (2 + 4 * s) * 60 * MINUTE,
                                              300, 6, 6, TRUE, &error))
            die ("record session", error);
          n_sessions++;
        }
    }
  elapsed = g_get_monotonic_time () - t0;
  g_clear_object (&history);
  g_stat (path, &st);
  printf ("history: a year of desk days: %u events (a day per batch) and %u sessions "
          "in %.2f s: %.0f records/s; file %.0f KiB\n",
          n_events, n_sessions, elapsed / 1e6, (n_events + n_sessions) / (elapsed / 1e6),
          st.st_size / 1024.0);

  t0 = g_get_monotonic_time ();
  history = limber_history_new (path, LIMBER_HISTORY_OPEN_NONE, &error);
  if (history == NULL)
    die ("reopen", error);
  printf ("history: opening that file (integrity check included): %.2f ms\n",
          (g_get_monotonic_time () - t0) / 1000.0);

  /* The last 30 days of the year. */
  {
    g_autoptr(GDateTime) last = g_date_time_add_days (first_day, 364);
    g_autoptr(GDateTime) first = g_date_time_add_days (first_day, 335);

    last_text = g_date_time_format (last, "%Y-%m-%d");
    first_text = g_date_time_format (first, "%Y-%m-%d");
    query_from = g_date_time_to_unix (first) * G_USEC_PER_SEC - 9 * 60 * MINUTE;
    query_to = g_date_time_to_unix (last) * G_USEC_PER_SEC + 15 * 60 * MINUTE;
  }

  g_array_set_size (times, 0);
  for (guint i = 0; i < QUERY_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time (), took;
      g_autoptr(GVariant) days = limber_history_query_days (history, first_text, last_text, &error);

      if (days == NULL)
        die ("query days", error);
      took = g_get_monotonic_time () - start;
      g_array_append_val (times, took);
    }
  printf ("history: 30-day summary (%s … %s) on a year of data: median %.3f ms of %u runs\n",
          first_text, last_text, median_ms (times), QUERY_RUNS);

  g_array_set_size (times, 0);
  for (guint i = 0; i < QUERY_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time (), took;
      g_autoptr(GVariant) events = limber_history_query_events (history, query_from, query_to, &error);

      if (events == NULL)
        die ("query events", error);
      took = g_get_monotonic_time () - start;
      g_array_append_val (times, took);
      if (i == 0)
        printf ("history: 30 days of events: %" G_GSIZE_FORMAT " events, %" G_GSIZE_FORMAT
                " bytes as a GVariant\n", g_variant_n_children (events), g_variant_get_size (events));
    }
  printf ("history: 30 days of events on a year of data: median %.3f ms of %u runs\n",
          median_ms (times), QUERY_RUNS);

  g_array_set_size (times, 0);
  for (guint i = 0; i < QUERY_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time (), took;

      if (!limber_history_get_streak (history, last_text, &streak, &error))
        die ("streak", error);
      took = g_get_monotonic_time () - start;
      g_array_append_val (times, took);
    }
  printf ("history: streak (%u days) on a year of data: median %.3f ms of %u runs\n",
          streak, median_ms (times), QUERY_RUNS);

  return 0;
}
