/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The break engine's transitions, one by one, on a fake clock. */

#include "config.h"

#include "break-test-util.h"

typedef BreakFixture Fixture;

#define ADD(path, func) \
  g_test_add ("/break-engine/" path, Fixture, NULL, break_fixture_set_up, func, break_fixture_tear_down)

static gint64
sitting (Fixture         *f,
         LimberBreakType  type)
{
  return limber_break_engine_get_sitting (f->engine, type);
}

static LimberBreakState
state (Fixture         *f,
       LimberBreakType  type)
{
  return limber_break_engine_get_state (f->engine, type);
}

static const LimberBreakEvent *
last_event (Fixture *f)
{
  g_assert_cmpuint (f->events->len, >, 0);
  return &g_array_index (f->events, LimberBreakEvent, f->events->len - 1);
}

static void
test_warn_then_due (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_COUNTING);
  g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_MICRO), ==, MINS (20));

  limber_fake_clock_advance (f->clock, MINS (19) + SEC (29));
  assert_events (f, "");
  /* Nothing woke the engine before the warning: no tick. */
  g_assert_cmpuint (limber_fake_clock_get_alarms (f->clock), ==, 0);

  limber_fake_clock_advance (f->clock, SEC (1));
  assert_events (f, "micro:warned");
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_WARNED);
  g_assert_cmpuint (limber_fake_clock_get_alarms (f->clock), ==, 1);

  limber_fake_clock_advance (f->clock, SEC (30));
  assert_events (f, "micro:due");
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_DUE);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (20));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (20));
  g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_MICRO), ==, 0);
}

static void
test_short_gap_counts_as_sitting (Fixture       *f,
                                  gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (10));
  break_fixture_idle (f, SEC (10));
  limber_fake_clock_advance (f->clock, SEC (15));
  /* Reading: 25 s without input, shorter than the 30 s micro-break. */
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (10) + SEC (15));
  break_fixture_active (f);
  limber_fake_clock_advance (f->clock, SEC (5));

  assert_events (f, "");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (10) + SEC (20));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (10) + SEC (20));
}

static void
test_natural_micro_break (Fixture       *f,
                          gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (10));
  break_fixture_idle (f, SEC (20));
  limber_fake_clock_advance (f->clock, SEC (9));
  assert_events (f, "");
  limber_fake_clock_advance (f->clock, SEC (1));
  assert_events (f, "micro:natural");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
  /* The stretch break needs 5 min: the gap still counts as sitting. */
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (10) + SEC (10));

  limber_fake_clock_advance (f->clock, SEC (30));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
  break_fixture_active (f);
  limber_fake_clock_advance (f->clock, MINS (1));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (1));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (11) + SEC (40));
  assert_events (f, "");
}

static void
test_natural_stretch_resets_both (Fixture       *f,
                                  gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  break_fixture_idle (f, SEC (30));
  assert_events (f, "micro:natural");
  limber_fake_clock_advance (f->clock, MINS (5));
  assert_events (f, "stretch:natural");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, 0);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);

  /* The event records the sitting before the gap, not the gap. */
  break_fixture_active (f);
  g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_STRETCH), ==, MINS (50));
}

static void
test_due_taken_by_idle (Fixture       *f,
                        gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (20));
  assert_events (f, "micro:warned micro:due");

  break_fixture_idle (f, SEC (5));
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_ON_BREAK);
  limber_fake_clock_advance (f->clock, SEC (25));
  assert_events (f, "micro:taken:idle");
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_COUNTING);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
}

static void
test_due_interrupted (Fixture       *f,
                      gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (20));
  assert_events (f, "micro:warned micro:due");
  break_fixture_idle (f, SEC (5));
  limber_fake_clock_advance (f->clock, SEC (10));
  break_fixture_active (f);
  /* Back before 30 s: the break still stands, with no new reminder. */
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_DUE);
  assert_events (f, "");
}

static void
test_postpone_and_escalate (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  limber_fake_clock_advance (f->clock, MINS (20));
  g_assert_false (last_event (f)->escalated);
  assert_events (f, "micro:warned micro:due");

  for (guint i = 1; i <= 3; i++)
    {
      g_assert_true (limber_break_engine_postpone (f->engine, LIMBER_BREAK_MICRO, &error));
      g_assert_no_error (error);
      assert_events (f, "micro:postponed");
      g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_COUNTING);
      g_assert_cmpuint (limber_break_engine_get_postpones (f->engine, LIMBER_BREAK_MICRO), ==, i);
      g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_MICRO), ==, MINS (5));

      limber_fake_clock_advance (f->clock, MINS (5) - SEC (1));
      assert_events (f, "");
      limber_fake_clock_advance (f->clock, SEC (1));
      /* No warning before a reminder that was put off. */
      g_assert_cmpuint (f->events->len, ==, 1);
      g_assert_cmpint (last_event (f)->kind, ==, LIMBER_BREAK_EVENT_DUE);
      g_assert_cmpint (last_event (f)->escalated, ==, i == 3);
      g_array_set_size (f->events, 0);
    }

  g_assert_false (limber_break_engine_postpone (f->engine, LIMBER_BREAK_MICRO, &error));
  g_assert_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_POSTPONE_LIMIT);
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_DUE);
  assert_events (f, "");
}

static void
test_skip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_break_engine_skip (f->engine, LIMBER_BREAK_MICRO, &error));
  g_assert_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_WRONG_STATE);
  g_clear_error (&error);

  limber_fake_clock_advance (f->clock, MINS (20));
  assert_events (f, "micro:warned micro:due");
  g_assert_true (limber_break_engine_skip (f->engine, LIMBER_BREAK_MICRO, &error));
  g_assert_no_error (error);
  assert_events (f, "micro:skipped");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
  /* The stretch count is the person's real sitting: untouched. */
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (20));
  g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_MICRO), ==, MINS (20));
}

static void
test_pause_for_duration (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 until = 0;

  limber_fake_clock_advance (f->clock, MINS (10));
  g_assert_true (limber_break_engine_pause (f->engine, LIMBER_PAUSE_FOR_DURATION, MINS (30), &error));
  g_assert_no_error (error);
  g_assert_cmpint (limber_break_engine_get_pause (f->engine, &until), ==, LIMBER_PAUSE_FOR_DURATION);
  g_assert_cmpint (until, ==, TEST_START_REALTIME + MINS (40));
  g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_MICRO), ==, -1);

  limber_fake_clock_advance (f->clock, MINS (30));
  assert_events (f, "");
  g_assert_cmpint (limber_break_engine_get_pause (f->engine, NULL), ==, LIMBER_PAUSE_NONE);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (10));

  limber_fake_clock_advance (f->clock, MINS (10));
  assert_events (f, "micro:warned micro:due");
}

static void
test_pause_until_tomorrow (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 until = 0;

  g_assert_true (limber_break_engine_pause (f->engine, LIMBER_PAUSE_UNTIL_TOMORROW, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (limber_break_engine_get_pause (f->engine, &until), ==, LIMBER_PAUSE_UNTIL_TOMORROW);
  /* Local midnight (the tests run in UTC): 15 h after 09:00. */
  g_assert_cmpint (until, ==, TEST_START_REALTIME + MINS (15 * 60));

  limber_fake_clock_advance (f->clock, MINS (15 * 60) - SEC (1));
  g_assert_cmpint (limber_break_engine_get_pause (f->engine, NULL), ==, LIMBER_PAUSE_UNTIL_TOMORROW);
  assert_events (f, "");
  limber_fake_clock_advance (f->clock, SEC (1));
  g_assert_cmpint (limber_break_engine_get_pause (f->engine, NULL), ==, LIMBER_PAUSE_NONE);
}

static void
test_pause_indefinite_and_resume (Fixture       *f,
                                  gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (19) + SEC (40));
  assert_events (f, "micro:warned");
  g_assert_true (limber_break_engine_pause (f->engine, LIMBER_PAUSE_INDEFINITE, 0, NULL));
  limber_fake_clock_advance (f->clock, MINS (120));
  assert_events (f, "");
  g_assert_cmpint (limber_break_engine_get_state (f->engine, LIMBER_BREAK_MICRO), ==,
                   LIMBER_BREAK_STATE_WARNED);

  limber_break_engine_resume (f->engine);
  /* The 20 s that were left when the pause began. */
  limber_fake_clock_advance (f->clock, SEC (19));
  assert_events (f, "");
  limber_fake_clock_advance (f->clock, SEC (1));
  assert_events (f, "micro:due");
}

static void
test_resume_overdue_warns_first (Fixture       *f,
                                 gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (12));
  g_assert_true (limber_break_engine_pause (f->engine, LIMBER_PAUSE_INDEFINITE, 0, NULL));
  /* The interval shrank below the sitting time during the pause. */
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, TRUE, MINS (10), SEC (30));
  assert_events (f, "");

  limber_break_engine_resume (f->engine);
  assert_events (f, "micro:warned");
  limber_fake_clock_advance (f->clock, SEC (29));
  assert_events (f, "");
  limber_fake_clock_advance (f->clock, SEC (1));
  assert_events (f, "micro:due");
}

static void
test_natural_break_during_pause (Fixture       *f,
                                 gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  g_assert_true (limber_break_engine_pause (f->engine, LIMBER_PAUSE_INDEFINITE, 0, NULL));
  break_fixture_idle (f, 0);
  limber_fake_clock_advance (f->clock, MINS (6));
  assert_events (f, "micro:natural stretch:natural");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, 0);
}

static void
test_dnd_defers_then_delivers (Fixture       *f,
                               gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (19));
  limber_break_engine_set_dnd (f->engine, TRUE);
  limber_fake_clock_advance (f->clock, MINS (1));
  /* No warning during do-not-disturb, and the break is queued. */
  assert_events (f, "micro:deferred");
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_DEFERRED);

  limber_fake_clock_advance (f->clock, MINS (5));
  assert_events (f, "");
  limber_break_engine_set_dnd (f->engine, FALSE);
  g_assert_true (last_event (f)->was_deferred);
  assert_events (f, "micro:due");
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_DUE);
}

static void
test_dnd_cap (Fixture       *f,
              gconstpointer  data)
{
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_STRETCH, FALSE, MINS (50), MINS (5));
  limber_break_engine_set_dnd (f->engine, TRUE);
  limber_fake_clock_advance (f->clock, MINS (20));
  assert_events (f, "micro:deferred");
  limber_fake_clock_advance (f->clock, MINS (30) - SEC (1));
  assert_events (f, "");
  limber_fake_clock_advance (f->clock, SEC (1));
  /* Never lost: delivered at the cap even though do-not-disturb is on. */
  g_assert_true (last_event (f)->was_deferred);
  assert_events (f, "micro:due");
}

static void
test_announced_suspend (Fixture       *f,
                        gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_SUSPEND, TRUE);
  limber_fake_clock_suspend (f->clock, MINS (60));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_SUSPEND, FALSE);

  /* The hour asleep was a break, not an hour of sitting. */
  assert_events (f, "micro:natural stretch:natural");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, 0);
  g_assert_cmpint (state (f, LIMBER_BREAK_STRETCH), ==, LIMBER_BREAK_STATE_COUNTING);
  limber_fake_clock_advance (f->clock, MINS (10));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (10));
}

static void
test_unannounced_suspend (Fixture       *f,
                          gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  /* Nobody said the machine slept; the late alarm finds out. */
  limber_fake_clock_suspend (f->clock, MINS (60));
  limber_fake_clock_advance (f->clock, SEC (1));
  limber_break_engine_update (f->engine);

  assert_events (f, "micro:natural stretch:natural");
  /* The late alarm fired on resume; the second since then is sitting. */
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, SEC (1));
  limber_fake_clock_advance (f->clock, MINS (5));
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (5) + SEC (1));
}

static void
test_no_reminder_while_asleep (Fixture       *f,
                               gconstpointer  data)
{
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, FALSE, MINS (20), SEC (30));
  limber_fake_clock_advance (f->clock, MINS (49));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_SUSPEND, TRUE);
  limber_fake_clock_suspend (f->clock, MINS (2));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_SUSPEND, FALSE);
  /* Two minutes asleep is shorter than the break: still sitting. The
   * warning that fell in the sleep is not replayed; the break is due. */
  assert_events (f, "stretch:due");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (51));
}

static void
test_short_suspend_keeps_sitting (Fixture       *f,
                                  gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_SUSPEND, TRUE);
  limber_fake_clock_suspend (f->clock, SEC (10));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_SUSPEND, FALSE);

  assert_events (f, "");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (15) + SEC (10));
}

static void
test_lock (Fixture       *f,
           gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_LOCK, TRUE);
  limber_fake_clock_advance (f->clock, MINS (2));
  limber_break_engine_set_blocked (f->engine, LIMBER_BLOCK_LOCK, FALSE);

  assert_events (f, "micro:natural");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (17));
}

static void
test_wall_clock_jump (Fixture       *f,
                      gconstpointer  data)
{
  gint64 deadline;

  limber_fake_clock_advance (f->clock, MINS (10));
  deadline = limber_fake_clock_get_deadline (f->clock);

  limber_fake_clock_jump_wall (f->clock, MINS (180));
  limber_break_engine_update (f->engine);
  limber_fake_clock_jump_wall (f->clock, -MINS (360));
  limber_break_engine_update (f->engine);

  assert_events (f, "");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, MINS (10));
  g_assert_cmpint (limber_fake_clock_get_deadline (f->clock), ==, deadline);
}

static void
test_guided_break (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  limber_fake_clock_advance (f->clock, MINS (15));
  g_assert_true (limber_break_engine_start_break (f->engine, LIMBER_BREAK_STRETCH, &error));
  g_assert_no_error (error);
  assert_events (f, "stretch:started");
  g_assert_cmpint (state (f, LIMBER_BREAK_STRETCH), ==, LIMBER_BREAK_STATE_ON_BREAK);

  limber_fake_clock_advance (f->clock, MINS (6));
  /* Stretching is not sitting, and the micro-break waits. */
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, MINS (15));
  assert_events (f, "");

  g_assert_true (limber_break_engine_finish_break (f->engine, LIMBER_BREAK_STRETCH, TRUE, &error));
  assert_events (f, "stretch:taken:guided");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_STRETCH), ==, 0);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);

  g_assert_false (limber_break_engine_finish_break (f->engine, LIMBER_BREAK_STRETCH, TRUE, &error));
  g_assert_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_WRONG_STATE);
}

static void
test_guided_break_timeout (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_true (limber_break_engine_start_break (f->engine, LIMBER_BREAK_STRETCH, NULL));
  assert_events (f, "stretch:started");
  /* Nobody finished it: twice its length plus ten minutes, then done. */
  limber_fake_clock_advance (f->clock, MINS (20) - SEC (1));
  assert_events (f, "");
  limber_fake_clock_advance (f->clock, SEC (1));
  g_assert_false (last_event (f)->completed);
  assert_events (f, "stretch:taken:guided");
}

static void
test_trigger (Fixture       *f,
              gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (5));
  limber_break_engine_set_dnd (f->engine, TRUE);
  g_assert_true (limber_break_engine_trigger (f->engine, LIMBER_BREAK_STRETCH, NULL));
  /* Asked for: no warning, no deferral. */
  assert_events (f, "stretch:due");
  g_assert_cmpint (state (f, LIMBER_BREAK_STRETCH), ==, LIMBER_BREAK_STATE_DUE);
}

static void
test_micro_held_by_stretch (Fixture       *f,
                            gconstpointer  data)
{
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, TRUE, MINS (48), SEC (30));
  /* The micro-break would be due 2 min before the stretch break. */
  g_assert_true (limber_break_engine_is_held (f->engine, LIMBER_BREAK_MICRO));

  limber_fake_clock_advance (f->clock, MINS (50));
  assert_events (f, "stretch:warned stretch:due");
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_COUNTING);

  g_assert_true (limber_break_engine_start_break (f->engine, LIMBER_BREAK_STRETCH, NULL));
  limber_fake_clock_advance (f->clock, MINS (5));
  g_assert_true (limber_break_engine_finish_break (f->engine, LIMBER_BREAK_STRETCH, TRUE, NULL));
  assert_events (f, "stretch:started stretch:taken:guided");
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
}

static void
test_micro_released_when_stretch_skipped (Fixture       *f,
                                          gconstpointer  data)
{
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, TRUE, MINS (48), SEC (30));
  limber_fake_clock_advance (f->clock, MINS (50));
  assert_events (f, "stretch:warned stretch:due");
  g_assert_true (limber_break_engine_skip (f->engine, LIMBER_BREAK_STRETCH, NULL));
  /* The micro-break was overdue behind it: it comes now. */
  assert_events (f, "stretch:skipped micro:due");
}

static void
test_disable_enable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  limber_fake_clock_advance (f->clock, MINS (10));
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, FALSE, MINS (20), SEC (30));
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_DISABLED);
  g_assert_false (limber_break_engine_trigger (f->engine, LIMBER_BREAK_MICRO, &error));
  g_assert_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_DISABLED);

  limber_fake_clock_advance (f->clock, MINS (30));
  assert_events (f, "");
  g_assert_cmpint (limber_break_engine_get_time_to_due (f->engine, LIMBER_BREAK_MICRO), ==, -1);

  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, TRUE, MINS (20), SEC (30));
  g_assert_cmpint (state (f, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_COUNTING);
  g_assert_cmpint (sitting (f, LIMBER_BREAK_MICRO), ==, 0);
}

static void
test_shorter_interval_applies_at_once (Fixture       *f,
                                       gconstpointer  data)
{
  limber_fake_clock_advance (f->clock, MINS (15));
  limber_break_engine_set_break (f->engine, LIMBER_BREAK_MICRO, TRUE, MINS (10), SEC (30));
  assert_events (f, "micro:due");
}

static void
test_save_restore_same_day (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autoptr(LimberFakeClock) clock = NULL;
  g_autoptr(LimberBreakEngine) engine = NULL;
  g_autoptr(GError) error = NULL;

  limber_fake_clock_advance (f->clock, MINS (20));
  g_assert_true (limber_break_engine_postpone (f->engine, LIMBER_BREAK_MICRO, NULL));
  limber_fake_clock_advance (f->clock, MINS (1));
  saved = limber_break_engine_save_state (f->engine);

  /* limberd restarts 20 s later: a new boot, the same day. */
  clock = limber_fake_clock_new (TEST_START_REALTIME + MINS (21) + SEC (20));
  engine = limber_break_engine_new (LIMBER_CLOCK (clock));
  limber_break_engine_set_break (engine, LIMBER_BREAK_MICRO, TRUE, MINS (20), SEC (30));
  limber_break_engine_set_break (engine, LIMBER_BREAK_STRETCH, TRUE, MINS (50), MINS (5));
  g_assert_true (limber_break_engine_restore_state (engine, saved, &error));
  g_assert_no_error (error);

  g_assert_cmpint (limber_break_engine_get_sitting (engine, LIMBER_BREAK_STRETCH), ==, MINS (21) + SEC (20));
  g_assert_cmpuint (limber_break_engine_get_postpones (engine, LIMBER_BREAK_MICRO), ==, 1);
  g_assert_cmpint (limber_break_engine_get_time_to_due (engine, LIMBER_BREAK_MICRO), ==, MINS (4));
}

static void
test_restore_after_long_gap (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autoptr(LimberFakeClock) clock = NULL;
  g_autoptr(LimberBreakEngine) engine = NULL;

  limber_fake_clock_advance (f->clock, MINS (40));
  saved = limber_break_engine_save_state (f->engine);

  clock = limber_fake_clock_new (TEST_START_REALTIME + MINS (50));
  engine = limber_break_engine_new (LIMBER_CLOCK (clock));
  limber_break_engine_set_break (engine, LIMBER_BREAK_MICRO, TRUE, MINS (20), SEC (30));
  limber_break_engine_set_break (engine, LIMBER_BREAK_STRETCH, TRUE, MINS (50), MINS (5));
  g_assert_true (limber_break_engine_restore_state (engine, saved, NULL));
  /* Ten minutes away is a break for both. */
  g_assert_cmpint (limber_break_engine_get_sitting (engine, LIMBER_BREAK_STRETCH), ==, 0);
  g_assert_cmpint (limber_break_engine_get_sitting (engine, LIMBER_BREAK_MICRO), ==, 0);
}

static void
test_restore_other_day_and_corrupt (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autoptr(LimberFakeClock) clock = NULL;
  g_autoptr(LimberBreakEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  const char *corrupt[] = {
    "",
    "not a key file at all",
    "[engine]\nversion=2\n",
    "[engine]\nversion=1\nsaved-realtime=1794992400000000\npause=sideways\npause-until-realtime=0\n",
    ("[engine]\nversion=1\nsaved-realtime=1794992400000000\npause=none\npause-until-realtime=0\n"
     "[micro]\nstate=due\nsitting=-5\npostpones=0\ndue-in=-1\n"),
  };

  limber_fake_clock_advance (f->clock, MINS (15));
  saved = limber_break_engine_save_state (f->engine);

  clock = limber_fake_clock_new (TEST_START_REALTIME + MINS (24 * 60));
  engine = limber_break_engine_new (LIMBER_CLOCK (clock));
  limber_break_engine_set_break (engine, LIMBER_BREAK_MICRO, TRUE, MINS (20), SEC (30));
  limber_break_engine_set_break (engine, LIMBER_BREAK_STRETCH, TRUE, MINS (50), MINS (5));
  g_assert_true (limber_break_engine_restore_state (engine, saved, &error));
  g_assert_no_error (error);
  /* Yesterday's sitting does not carry over. */
  g_assert_cmpint (limber_break_engine_get_sitting (engine, LIMBER_BREAK_STRETCH), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (corrupt); i++)
    {
      g_assert_false (limber_break_engine_restore_state (engine, corrupt[i], &error));
      g_assert_error (error, LIMBER_BREAK_ERROR, LIMBER_BREAK_ERROR_BAD_STATE);
      g_test_message ("corrupt state %zu: %s", i, error->message);
      g_clear_error (&error);
    }
  g_assert_cmpint (limber_break_engine_get_state (engine, LIMBER_BREAK_MICRO), ==, LIMBER_BREAK_STATE_COUNTING);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("warn-then-due", test_warn_then_due);
  ADD ("idle/short-gap-counts-as-sitting", test_short_gap_counts_as_sitting);
  ADD ("idle/natural-micro", test_natural_micro_break);
  ADD ("idle/natural-stretch-resets-both", test_natural_stretch_resets_both);
  ADD ("idle/due-taken", test_due_taken_by_idle);
  ADD ("idle/due-interrupted", test_due_interrupted);
  ADD ("postpone-and-escalate", test_postpone_and_escalate);
  ADD ("skip", test_skip);
  ADD ("pause/for-duration", test_pause_for_duration);
  ADD ("pause/until-tomorrow", test_pause_until_tomorrow);
  ADD ("pause/indefinite-and-resume", test_pause_indefinite_and_resume);
  ADD ("pause/resume-overdue-warns-first", test_resume_overdue_warns_first);
  ADD ("pause/natural-break", test_natural_break_during_pause);
  ADD ("dnd/defer-then-deliver", test_dnd_defers_then_delivers);
  ADD ("dnd/cap", test_dnd_cap);
  ADD ("suspend/announced", test_announced_suspend);
  ADD ("suspend/unannounced", test_unannounced_suspend);
  ADD ("suspend/short", test_short_suspend_keeps_sitting);
  ADD ("suspend/no-reminder-while-asleep", test_no_reminder_while_asleep);
  ADD ("lock", test_lock);
  ADD ("wall-clock-jump", test_wall_clock_jump);
  ADD ("guided/finish", test_guided_break);
  ADD ("guided/timeout", test_guided_break_timeout);
  ADD ("trigger", test_trigger);
  ADD ("hold/micro-waits-for-stretch", test_micro_held_by_stretch);
  ADD ("hold/released-on-skip", test_micro_released_when_stretch_skipped);
  ADD ("config/disable-enable", test_disable_enable);
  ADD ("config/shorter-interval", test_shorter_interval_applies_at_once);
  ADD ("state/same-day", test_save_restore_same_day);
  ADD ("state/long-gap", test_restore_after_long_gap);
  ADD ("state/other-day-and-corrupt", test_restore_other_day_and_corrupt);

  return g_test_run ();
}
