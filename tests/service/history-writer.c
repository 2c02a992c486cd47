/* SPDX-License-Identifier: GPL-3.0-or-later */
/* history-writer PATH FIRST [COUNT]: records break events N = FIRST,
 * FIRST+1, … (and a guided session for every fourth N) into the history at
 * PATH, printing "ack N" (and "ack-session N") once each record call has
 * returned TRUE. test-history-crash.sh kills it at random moments.
 *
 * Record N is dated HISTORY_WRITER_BASE + N seconds, so the test finds it
 * by its time. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "limber-history.h"

/* 2024-01-01 00:00:00 UTC, in µs. */
#define HISTORY_WRITER_BASE ((gint64) 1704067200 * G_USEC_PER_SEC)

static LimberBreakEvent
event_for (guint64 n)
{
  static const LimberBreakEventKind kinds[] = {
    LIMBER_BREAK_EVENT_WARNED, LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_EVENT_POSTPONED,
    LIMBER_BREAK_EVENT_DUE, LIMBER_BREAK_EVENT_TAKEN, LIMBER_BREAK_EVENT_NATURAL,
    LIMBER_BREAK_EVENT_SKIPPED, LIMBER_BREAK_EVENT_STARTED, LIMBER_BREAK_EVENT_TAKEN,
  };
  LimberBreakEvent event = {
    .type = n % LIMBER_N_BREAK_TYPES,
    .kind = kinds[n % G_N_ELEMENTS (kinds)],
    .how = LIMBER_BREAK_HOW_NONE,
    .realtime = HISTORY_WRITER_BASE + (gint64) n * G_USEC_PER_SEC,
    .sitting = (gint64) (n % 3600) * G_USEC_PER_SEC,
    .postpones = n % 3,
  };

  if (event.kind == LIMBER_BREAK_EVENT_TAKEN || event.kind == LIMBER_BREAK_EVENT_STARTED)
    event.how = n % 2 ? LIMBER_BREAK_HOW_GUIDED : LIMBER_BREAK_HOW_IDLE;
  else if (event.kind == LIMBER_BREAK_EVENT_NATURAL)
    event.how = LIMBER_BREAK_HOW_IDLE;
  return event;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  guint64 first, count = G_MAXUINT64;

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: %s PATH FIRST [COUNT]\n", argv[0]);
      return 2;
    }
  first = g_ascii_strtoull (argv[2], NULL, 10);
  if (argc == 4)
    count = g_ascii_strtoull (argv[3], NULL, 10);

  /* Strict: after a kill the file must open as it is, never be replaced. */
  history = limber_history_new (argv[1], LIMBER_HISTORY_OPEN_NONE, &error);
  if (history == NULL)
    {
      fprintf (stderr, "history-writer: %s\n", error->message);
      return 1;
    }

  for (guint64 n = first; n - first < count; n++)
    {
      LimberBreakEvent event = event_for (n);

      if (!limber_history_record_event (history, &event, &error))
        {
          fprintf (stderr, "history-writer: event %" G_GUINT64_FORMAT ": %s\n", n, error->message);
          return 1;
        }
      printf ("ack %" G_GUINT64_FORMAT "\n", n);
      fflush (stdout);

      if (n % 4 == 0)
        {
          g_autofree char *routine = g_strdup_printf ("crash-%" G_GUINT64_FORMAT, n);

          if (!limber_history_record_session (history, routine, event.realtime, 60 + n % 240,
                                              n % 5, 5, n % 5 == 4, &error))
            {
              fprintf (stderr, "history-writer: session %" G_GUINT64_FORMAT ": %s\n",
                       n, error->message);
              return 1;
            }
          printf ("ack-session %" G_GUINT64_FORMAT "\n", n);
          fflush (stdout);
        }
    }
  return 0;
}
