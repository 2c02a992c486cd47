/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A year of simulated desk days against the break engine, checking the
 * invariants below after every step. The days are random but seeded (run
 * with --seed=... to replay one); the figures are printed at the end.
 *
 * Invariants:
 *  1. Sitting time is never negative.
 *  2. A break never goes unreported past its interval (plus the warning
 *     lead after a pause), its postpone, or the deferral cap, unless
 *     paused, asleep or locked, turned off, or held behind a stretch break.
 *  3. Every due break ends exactly once: as taken, postponed or skipped;
 *     a natural break never ends a due one, and no break is due twice.
 *  4. A natural break (or one taken by going idle) always resets its
 *     count, and a stretch break resets the micro-break too.
 *  5. No reminder (warning, due, deferral) while paused, asleep or locked.
 *  6. The engine's alarm is never set in the past. */

#include "config.h"

#include "break-test-util.h"

#define DAYS 365
#define THRESHOLD SEC (30)

typedef struct
{
  BreakFixture f;
  GRand *rand;

  gboolean open[LIMBER_N_BREAK_TYPES];
  gint64 deferred_at[LIMBER_N_BREAK_TYPES];
  gboolean reset_seen[LIMBER_N_BREAK_TYPES];
  gboolean respond[LIMBER_N_BREAK_TYPES];
  gboolean paused;
  gboolean blocked;

  /* Today's settings, drawn at random within the settings' ranges. */
  gint64 interval[LIMBER_N_BREAK_TYPES];
  gint64 length[LIMBER_N_BREAK_TYPES];
  gint64 lead;
  gint64 postpone;
  gint64 cap;

  guint kinds[LIMBER_BREAK_EVENT_NATURAL + 1];
  guint events;
  guint opened;
  guint closed;
  guint steps;
} Sim;

static gint64
sim_now (Sim *sim)
{
  return break_fixture_now (&sim->f);
}

static void
event_cb (LimberBreakEngine      *engine,
          const LimberBreakEvent *e,
          Sim                    *sim)
{
  LimberBreakType t = e->type;

  sim->events++;
  sim->kinds[e->kind]++;

  switch (e->kind)
    {
    case LIMBER_BREAK_EVENT_WARNED:
      g_assert_false (sim->open[t]);
      g_assert_false (sim->paused || sim->blocked);
      break;

    case LIMBER_BREAK_EVENT_DEFERRED:
      g_assert_false (sim->open[t]);
      g_assert_false (sim->paused || sim->blocked);
      sim->open[t] = TRUE;
      sim->opened++;
      sim->deferred_at[t] = e->time;
      break;

    case LIMBER_BREAK_EVENT_DUE:
      g_assert_false (sim->paused || sim->blocked);
      if (e->was_deferred)
        g_assert_true (sim->open[t]);
      else
        {
          g_assert_false (sim->open[t]);
          sim->open[t] = TRUE;
          sim->opened++;
        }
      sim->deferred_at[t] = -1;
      sim->respond[t] = TRUE;
      break;

    case LIMBER_BREAK_EVENT_TAKEN:
      if (e->how == LIMBER_BREAK_HOW_IDLE)
        {
          g_assert_true (sim->open[t]);
          sim->reset_seen[t] = TRUE;
        }
      if (sim->open[t])
        sim->closed++;
      sim->open[t] = FALSE;
      break;

    case LIMBER_BREAK_EVENT_POSTPONED:
    case LIMBER_BREAK_EVENT_SKIPPED:
      if (sim->open[t])
        sim->closed++;
      sim->open[t] = FALSE;
      break;

    case LIMBER_BREAK_EVENT_NATURAL:
      g_assert_false (sim->open[t]);
      sim->reset_seen[t] = TRUE;
      break;

    case LIMBER_BREAK_EVENT_STARTED:
    default:
      break;
    }
}

static void
check_invariants (Sim *sim)
{
  LimberBreakEngine *engine = sim->f.engine;
  gint64 now = sim_now (sim);
  gint64 deadline = limber_fake_clock_get_deadline (sim->f.clock);

  sim->steps++;

  /* 6 */
  g_assert_true (deadline == LIMBER_CLOCK_NEVER || deadline >= now);

  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    {
      LimberBreakState state = limber_break_engine_get_state (engine, t);
      gint64 sitting = limber_break_engine_get_sitting (engine, t);

      /* 1 */
      g_assert_cmpint (sitting, >=, 0);

      /* 4: still idle after a natural break: nothing counted since. */
      if (sim->reset_seen[t] && limber_break_engine_get_idle (engine))
        {
          g_assert_cmpint (sitting, ==, 0);
          if (t == LIMBER_BREAK_STRETCH)
            g_assert_cmpint (limber_break_engine_get_sitting (engine, LIMBER_BREAK_MICRO), ==, 0);
        }

      /* 2 */
      if (sim->paused || sim->blocked || limber_break_engine_is_held (engine, t))
        continue;

      if (state == LIMBER_BREAK_STATE_COUNTING || state == LIMBER_BREAK_STATE_WARNED)
        {
          gint64 to_due = limber_break_engine_get_time_to_due (engine, t);

          if (!(sitting <= sim->interval[t] + sim->lead || to_due <= MAX (sim->postpone, sim->lead)))
            g_error ("%s break unreported: sitting %" G_GINT64_FORMAT " s, due in %" G_GINT64_FORMAT " s",
                     limber_break_type_to_string (t), sitting / G_USEC_PER_SEC, to_due / G_USEC_PER_SEC);
        }
      else if (state == LIMBER_BREAK_STATE_DEFERRED)
        g_assert_cmpint (now - sim->deferred_at[t], <=, sim->cap);
    }
}

static gint64
rand_span (Sim    *sim,
           gint64  lo,
           gint64  hi)
{
  return lo + (gint64) (g_rand_double (sim->rand) * (double) (hi - lo));
}

static gboolean
chance (Sim    *sim,
        double  p)
{
  return g_rand_double (sim->rand) < p;
}

static void
advance (Sim    *sim,
         gint64  span)
{
  limber_fake_clock_advance (sim->f.clock, span);
  check_invariants (sim);
}

/* What the person does about a reminder: postpone, skip, stretch, or
 * ignore it and go on sitting. */
static void
respond (Sim *sim)
{
  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    {
      LimberBreakState state = limber_break_engine_get_state (sim->f.engine, t);
      double r;

      if (!sim->respond[t])
        continue;
      sim->respond[t] = FALSE;
      if (state != LIMBER_BREAK_STATE_DUE)
        continue;

      r = g_rand_double (sim->rand);
      if (r < 0.35)
        {
          g_autoptr(GError) error = NULL;

          if (!limber_break_engine_postpone (sim->f.engine, t, &error))
            g_assert_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_POSTPONE_LIMIT);
        }
      else if (r < 0.5)
        g_assert_true (limber_break_engine_skip (sim->f.engine, t, NULL));
      else if (r < 0.75)
        {
          g_assert_true (limber_break_engine_start_break (sim->f.engine, t, NULL));
          check_invariants (sim);
          advance (sim, rand_span (sim, SEC (20), MINS (8)));
          if (limber_break_engine_get_state (sim->f.engine, t) == LIMBER_BREAK_STATE_ON_BREAK)
            g_assert_true (limber_break_engine_finish_break (sim->f.engine, t, chance (sim, 0.8), NULL));
        }
      check_invariants (sim);
    }
}

/* An idle gap as the activity source reports it: idle once the threshold
 * has passed, with the gap's start; active at its end. */
static void
idle_gap (Sim    *sim,
          gint64  gap)
{
  gint64 start = sim_now (sim);
  gint64 threshold = MIN (THRESHOLD, MIN (sim->length[0], sim->length[1]));

  if (gap < threshold)
    {
      advance (sim, gap);
      return;
    }

  advance (sim, threshold);
  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (sim->f.activity), TRUE, start);
  check_invariants (sim);

  if (chance (sim, 0.2))
    {
      /* Locked the screen while away. */
      limber_break_engine_set_blocked (sim->f.engine, LIMBER_BLOCK_LOCK, TRUE);
      sim->blocked = TRUE;
      check_invariants (sim);
      advance (sim, gap - threshold);
      sim->blocked = FALSE;
      limber_break_engine_set_blocked (sim->f.engine, LIMBER_BLOCK_LOCK, FALSE);
    }
  else
    advance (sim, gap - threshold);

  limber_activity_source_set_idle (LIMBER_ACTIVITY_SOURCE (sim->f.activity), FALSE, -1);
  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    sim->reset_seen[t] = FALSE;
  check_invariants (sim);
}

static void
sleep_overnight (Sim    *sim,
                 gint64  span)
{
  if (chance (sim, 0.8))
    {
      limber_break_engine_set_blocked (sim->f.engine, LIMBER_BLOCK_SUSPEND, TRUE);
      sim->blocked = TRUE;
      limber_fake_clock_suspend (sim->f.clock, span);
      sim->blocked = FALSE;
      limber_break_engine_set_blocked (sim->f.engine, LIMBER_BLOCK_SUSPEND, FALSE);
    }
  else
    {
      /* No logind: the engine finds out from the clocks. */
      limber_fake_clock_suspend (sim->f.clock, span);
      limber_break_engine_update (sim->f.engine);
    }
  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    sim->reset_seen[t] = FALSE;
  check_invariants (sim);
}

/* A new day, new settings: the ranges are those of the GSettings keys. */
static void
configure_day (Sim *sim)
{
  LimberBreakEngine *engine = sim->f.engine;
  guint limit = g_rand_int_range (sim->rand, 0, 6);

  sim->interval[LIMBER_BREAK_MICRO] = rand_span (sim, MINS (5), MINS (60));
  sim->length[LIMBER_BREAK_MICRO] = rand_span (sim, SEC (10), SEC (300));
  sim->interval[LIMBER_BREAK_STRETCH] = rand_span (sim, MINS (20), MINS (120));
  sim->length[LIMBER_BREAK_STRETCH] = rand_span (sim, MINS (1), MINS (15));
  sim->lead = chance (sim, 0.2) ? 0 : rand_span (sim, SEC (5), SEC (60));
  sim->postpone = rand_span (sim, MINS (1), MINS (15));
  sim->cap = chance (sim, 0.1) ? 0 : rand_span (sim, MINS (5), MINS (60));

  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    limber_break_engine_set_break (engine, t, chance (sim, 0.95), sim->interval[t], sim->length[t]);
  limber_break_engine_set_warning_lead (engine, sim->lead);
  limber_break_engine_set_postpone (engine, sim->postpone, limit);
  limber_break_engine_set_dnd_cap (engine, sim->cap);
  check_invariants (sim);
}

static void
simulate_day (Sim *sim)
{
  gint64 day_end = sim_now (sim) + rand_span (sim, MINS (6 * 60), MINS (10 * 60));

  while (sim_now (sim) < day_end)
    {
      double r = g_rand_double (sim->rand);

      advance (sim, rand_span (sim, SEC (5), MINS (25)));
      respond (sim);

      if (r < 0.6)
        idle_gap (sim, rand_span (sim, SEC (1), SEC (29)));
      else if (r < 0.8)
        idle_gap (sim, rand_span (sim, SEC (30), MINS (4)));
      else if (r < 0.9)
        idle_gap (sim, rand_span (sim, MINS (5), MINS (60)));
      else if (r < 0.93)
        {
          limber_break_engine_set_dnd (sim->f.engine, TRUE);
          check_invariants (sim);
          advance (sim, rand_span (sim, MINS (5), MINS (90)));
          limber_break_engine_set_dnd (sim->f.engine, FALSE);
        }
      else if (r < 0.95)
        {
          g_assert_true (limber_break_engine_pause (sim->f.engine, LIMBER_PAUSE_INDEFINITE, 0, NULL));
          sim->paused = TRUE;
          check_invariants (sim);
          advance (sim, rand_span (sim, MINS (1), MINS (90)));
          sim->paused = FALSE;
          limber_break_engine_resume (sim->f.engine);
        }
      else if (r < 0.97)
        {
          gint64 span = rand_span (sim, MINS (10), MINS (60));

          g_assert_true (limber_break_engine_pause (sim->f.engine, LIMBER_PAUSE_FOR_DURATION, span, NULL));
          sim->paused = TRUE;
          advance (sim, span - 1);
          sim->paused = FALSE;
          advance (sim, 1);
          g_assert_cmpint (limber_break_engine_get_pause (sim->f.engine, NULL), ==, LIMBER_PAUSE_NONE);
        }
      else if (r < 0.98)
        {
          limber_fake_clock_jump_wall (sim->f.clock, rand_span (sim, -MINS (120), MINS (120)));
          limber_break_engine_update (sim->f.engine);
        }
      else
        {
          /* A nap without logind: a short unannounced suspend. */
          limber_fake_clock_suspend (sim->f.clock, rand_span (sim, SEC (5), MINS (20)));
          limber_break_engine_update (sim->f.engine);
          for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
            sim->reset_seen[t] = FALSE;
        }
      check_invariants (sim);
    }

  sleep_overnight (sim, MINS (24 * 60) - rand_span (sim, MINS (6 * 60), MINS (10 * 60)));
}

static void
test_year (void)
{
  Sim sim = { 0 };
  guint days;

  break_fixture_set_up (&sim.f, NULL);
  g_signal_connect (sim.f.engine, "break-event", G_CALLBACK (event_cb), &sim);
  sim.rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint t = 0; t < LIMBER_N_BREAK_TYPES; t++)
    sim.deferred_at[t] = -1;

  for (days = 0; days < DAYS; days++)
    {
      /* Half the days with the defaults, half with other settings. */
      if (days % 2 == 0)
        configure_day (&sim);
      else
        {
          sim.interval[0] = MINS (20), sim.length[0] = SEC (30);
          sim.interval[1] = MINS (50), sim.length[1] = MINS (5);
          sim.lead = SEC (30), sim.postpone = MINS (5), sim.cap = MINS (30);
          limber_break_engine_set_break (sim.f.engine, 0, TRUE, sim.interval[0], sim.length[0]);
          limber_break_engine_set_break (sim.f.engine, 1, TRUE, sim.interval[1], sim.length[1]);
          limber_break_engine_set_warning_lead (sim.f.engine, sim.lead);
          limber_break_engine_set_postpone (sim.f.engine, sim.postpone, 3);
          limber_break_engine_set_dnd_cap (sim.f.engine, sim.cap);
        }
      simulate_day (&sim);
    }

  /* 3: everything opened was closed, but for breaks due right now. */
  g_assert_cmpuint (sim.closed + sim.open[0] + sim.open[1], ==, sim.opened);

  g_test_message ("simulated %u days, %u steps, %u break events, %u wake-ups", days, sim.steps,
                  sim.events, limber_fake_clock_get_alarms (sim.f.clock));
  for (guint k = 0; k <= LIMBER_BREAK_EVENT_NATURAL; k++)
    g_test_message ("  %-10s %u", limber_break_event_kind_to_string (k), sim.kinds[k]);
  g_test_message ("  due breaks opened %u, closed %u", sim.opened, sim.closed);

  /* A year has breaks of every kind; if not, the simulation is broken. */
  for (guint k = 0; k <= LIMBER_BREAK_EVENT_NATURAL; k++)
    g_assert_cmpuint (sim.kinds[k], >, 0);

  g_rand_free (sim.rand);
  break_fixture_tear_down (&sim.f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/break-engine/property/year", test_year);

  return g_test_run ();
}
