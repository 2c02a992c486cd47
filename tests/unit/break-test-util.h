/* SPDX-License-Identifier: GPL-3.0-or-later */
/* break-test-util.h: a break engine on a fake clock and a fake activity
 * source, wired by the same LimberBreakDriver as limberd, with every
 * break event recorded. Shared by the engine's unit and property tests. */

#pragma once

#include "limber-break-driver.h"
#include "limber-break-engine.h"
#include "limber-fake-activity.h"
#include "limber-fake-clock.h"

#define SEC(s) ((gint64) (s) * G_USEC_PER_SEC)
#define MINS(m) SEC ((gint64) (m) * 60)

/* 2026-11-18 09:00:00 UTC, a Wednesday. */
#define TEST_START_REALTIME SEC (1794992400)

typedef struct
{
  LimberFakeClock *clock;
  LimberFakeActivity *activity;
  LimberBreakEngine *engine;
  LimberBreakDriver *driver;
  GArray *events;
} BreakFixture;

static inline void
break_fixture_event_cb (LimberBreakEngine      *engine,
                        const LimberBreakEvent *event,
                        BreakFixture           *f)
{
  g_array_append_vals (f->events, event, 1);
}

/* Defaults: micro 30 s after 20 min, stretch 5 min after 50 min, warning
 * 30 s ahead, postpone 5 min up to 3 times, deferral cap 30 min. */
static inline void
break_fixture_set_up (BreakFixture  *f,
                      gconstpointer  data)
{
  f->clock = limber_fake_clock_new (TEST_START_REALTIME);
  f->activity = limber_fake_activity_new ();
  f->engine = limber_break_engine_new (LIMBER_CLOCK (f->clock));
  f->events = g_array_new (FALSE, TRUE, sizeof (LimberBreakEvent));

  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, TRUE, MINS (20), SEC (30));
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_STRETCH, TRUE, MINS (50), MINS (5));
  limber_break_engine_set_warning_lead (f->engine, SEC (30));
  limber_break_engine_set_postpone (f->engine, MINS (5), 3);
  limber_break_engine_set_dnd_cap (f->engine, MINS (30));

  g_signal_connect (f->engine, "break-event", G_CALLBACK (break_fixture_event_cb), f);
  f->driver = limber_break_driver_new (f->engine);
  limber_break_driver_set_source (f->driver, LIMBER_ACTIVITY_SOURCE (f->activity));
}

static inline void
break_fixture_tear_down (BreakFixture  *f,
                         gconstpointer  data)
{
  g_clear_object (&f->driver);
  g_assert_finalize_object (f->engine);
  g_assert_finalize_object (f->activity);
  g_assert_finalize_object (f->clock);
  g_array_unref (f->events);
}

static inline gint64
break_fixture_now (BreakFixture *f)
{
  return limber_clock_get_boottime (LIMBER_CLOCK (f->clock));
}

/* The person stops touching the keyboard @ago µs before now. */
static inline void
break_fixture_idle (BreakFixture *f,
                    gint64        ago)
{
  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (f->activity), TRUE,
                                   break_fixture_now (f) - ago);
}

static inline void
break_fixture_active (BreakFixture *f)
{
  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (f->activity), FALSE, -1);
}

/* The recorded events as "type:kind[:how]" words, then forgets them. */
static inline char *
break_fixture_take_events (BreakFixture *f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < f->events->len; i++)
    {
      const LimberBreakEvent *e = &g_array_index (f->events, LimberBreakEvent, i);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "%s:%s", limber_break_type_to_string (e->type),
                              limber_break_event_kind_to_string (e->kind));
      if (e->kind == LIMBER_BREAK_EVENT_TAKEN)
        g_string_append_printf (s, ":%s", limber_break_how_to_string (e->how));
    }
  g_array_set_size (f->events, 0);
  return g_string_free (s, FALSE);
}

#define assert_events(f, expected) \
  G_STMT_START { \
    g_autofree char *_got = break_fixture_take_events (f); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END
