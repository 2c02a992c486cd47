/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for LimberSession on the fake clock: segments advance on time,
 * sides switch with mirroring, cues come at the right moments, pause stops
 * time, navigation, and what ::finished reports. */

#include "config.h"

#include <glib/gstdio.h>

#include "limber-fake-clock.h"
#include "limber-routine-library.h"
#include "limber-session.h"

#define SEC G_GINT64_CONSTANT (1000000)

/* Three steps: 5 s once, 4 s on each side, 3 s once: 16 s in all. */
static const char test_routine[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"session-test\" kind=\"micro-stretch\" areas=\"neck\">\n"
  "  <title>Session test</title>\n"
  "  <description>Three short steps.</description>\n"
  "  <safety>Stop if it hurts.</safety>\n"
  "  <source url=\"https://example.org/\">Example</source>\n"
  "  <step id=\"tuck\" duration=\"5\" repetitions=\"2\" animation=\"chin-tucks\">\n"
  "    <title>Tuck</title><instructions>Tuck.</instructions>\n"
  "    <feel>Something.</feel><avoid>Nothing.</avoid>\n"
  "  </step>\n"
  "  <step id=\"bend\" duration=\"4\" sides=\"left-right\" animation=\"neck-side-bend\">\n"
  "    <title>Bend</title><instructions>Bend.</instructions>\n"
  "    <feel>Something.</feel><avoid>Nothing.</avoid>\n"
  "  </step>\n"
  "  <step id=\"drop\" duration=\"3\" animation=\"shrug-and-drop\">\n"
  "    <title>Drop</title><instructions>Drop.</instructions>\n"
  "    <feel>Something.</feel><avoid>Nothing.</avoid>\n"
  "  </step>\n"
  "</routine>\n";

typedef struct
{
  gint64 time;     /* µs since the session was made */
  char *name;
} CueRecord;

typedef struct
{
  char *dir;
  LimberRoutineLibrary *library;
  LimberRoutine *routine;
  LimberFakeClock *clock;
  LimberSession *session;
  gint64 origin;

  GArray *cues;    /* of CueRecord */
  guint seconds;
  guint finished;
  gboolean completed;
  guint steps_done;
  guint steps_total;
  guint duration;
} Fixture;

static void
cue_record_clear (gpointer data)
{
  g_free (((CueRecord *) data)->name);
}

static void
cue_cb (LimberSession *session,
        const char    *name,
        Fixture       *fx)
{
  CueRecord record = {
    .time = limber_clock_get_boottime (LIMBER_CLOCK (fx->clock)) - fx->origin,
    .name = g_strdup (name),
  };

  g_array_append_val (fx->cues, record);
}

static void
second_cb (LimberSession *session,
           Fixture       *fx)
{
  fx->seconds++;
}

static void
finished_cb (LimberSession *session,
             gboolean       completed,
             guint          steps_done,
             guint          steps_total,
             guint          duration,
             Fixture       *fx)
{
  fx->finished++;
  fx->completed = completed;
  fx->steps_done = steps_done;
  fx->steps_total = steps_total;
  fx->duration = duration;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled = g_build_filename (g_getenv ("LIMBER_SOURCE_ROOT"),
                                               "data", "routines", NULL);
  g_autofree char *path = NULL;
  const char *dirs[3] = { bundled, NULL, NULL };

  fx->dir = g_dir_make_tmp ("limber-session-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "session-test.xml", NULL);
  g_file_set_contents (path, test_routine, -1, &error);
  g_assert_no_error (error);
  dirs[1] = fx->dir;

  fx->library = limber_routine_library_new ();
  limber_routine_library_load (fx->library, dirs);
  fx->routine = limber_routine_library_lookup (fx->library, "session-test");
  g_assert_nonnull (fx->routine);
  g_object_ref (fx->routine);

  fx->clock = limber_fake_clock_new (1700000000 * SEC);
  fx->origin = limber_clock_get_boottime (LIMBER_CLOCK (fx->clock));
  fx->session = limber_session_new (fx->routine, LIMBER_CLOCK (fx->clock));

  fx->cues = g_array_new (FALSE, TRUE, sizeof (CueRecord));
  g_array_set_clear_func (fx->cues, cue_record_clear);
  g_signal_connect (fx->session, "cue", G_CALLBACK (cue_cb), fx);
  g_signal_connect (fx->session, "second", G_CALLBACK (second_cb), fx);
  g_signal_connect (fx->session, "finished", G_CALLBACK (finished_cb), fx);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "session-test.xml", NULL);

  g_assert_finalize_object (fx->session);
  g_clear_object (&fx->routine);
  g_clear_object (&fx->library);
  g_assert_finalize_object (fx->clock);
  g_clear_pointer (&fx->cues, g_array_unref);
  g_unlink (path);
  g_rmdir (fx->dir);
  g_free (fx->dir);
}

static void
advance (Fixture *fx,
         gint64   span)
{
  limber_fake_clock_advance (fx->clock, span);
}

/* The cues since the last call, as "name@seconds name@seconds". */
static char *
take_cues (Fixture *fx)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < fx->cues->len; i++)
    {
      CueRecord *record = &g_array_index (fx->cues, CueRecord, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (record->time % SEC == 0)
        g_string_append_printf (text, "%s@%" G_GINT64_FORMAT, record->name, record->time / SEC);
      else
        g_string_append_printf (text, "%s@%.3f", record->name, (double) record->time / SEC);
    }
  g_array_set_size (fx->cues, 0);
  return g_string_free (text, FALSE);
}

static void
assert_cues (Fixture    *fx,
             const char *expected)
{
  g_autofree char *cues = take_cues (fx);

  g_assert_cmpstr (cues, ==, expected);
}

static void
assert_position (Fixture           *fx,
                 guint              segment,
                 guint              step_number,
                 LimberSessionSide  side,
                 gint64             elapsed)
{
  g_assert_cmpuint (limber_session_get_segment (fx->session), ==, segment);
  g_assert_cmpuint (limber_session_get_step_number (fx->session), ==, step_number);
  g_assert_cmpint (limber_session_get_side (fx->session), ==, side);
  g_assert_cmpint (limber_session_get_mirrored (fx->session), ==, side == LIMBER_SESSION_SIDE_RIGHT);
  g_assert_cmpint (limber_session_get_elapsed (fx->session), ==, elapsed);
  g_assert_true (limber_session_get_step (fx->session)
                 == limber_routine_get_step (fx->routine, step_number - 1));
}

static void
test_segments (Fixture       *fx,
               gconstpointer  data)
{
  LimberSession *session = fx->session;

  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_NOT_STARTED);
  g_assert_cmpuint (limber_session_get_n_segments (session), ==, 4);
  g_assert_cmpuint (limber_session_get_n_steps (session), ==, 3);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 0);
  g_assert_cmpint (limber_session_get_segment_duration (session), ==, 5 * SEC);
  g_assert_cmpuint (limber_session_get_seconds_left (session), ==, 5);
  g_assert_true (limber_session_get_next_step (session) == limber_routine_get_step (fx->routine, 1));
  g_assert_cmpuint (limber_session_get_steps_done (session), ==, 0);
  g_assert_cmpint (limber_session_get_total_duration (session), ==, 16 * SEC);
  g_assert_cmpint (limber_session_get_time_left (session), ==, 16 * SEC);

  /* Nothing happens before the start: no alarm, no time. */
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);
  advance (fx, 30 * SEC);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 0);
  g_assert_cmpint (limber_session_get_total_elapsed (session), ==, 0);
  assert_cues (fx, "");
}

static void
test_plays_through (Fixture       *fx,
                    gconstpointer  data)
{
  LimberSession *session = fx->session;
  guint alarms;

  fx->origin += 30 * SEC;
  advance (fx, 30 * SEC);
  limber_session_start (session);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_RUNNING);
  assert_cues (fx, "step-start@0");
  /* One alarm, for the next whole second. */
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, fx->origin + 1 * SEC);
  alarms = limber_fake_clock_get_alarms (fx->clock);

  advance (fx, 2500 * 1000);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 2500 * 1000);
  g_assert_cmpint (limber_session_get_remaining (session), ==, 2500 * 1000);
  g_assert_cmpuint (limber_session_get_seconds_left (session), ==, 3);

  /* The first step ends at 5 s: the second starts on its left side. */
  advance (fx, 2500 * 1000);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  g_assert_cmpuint (limber_session_get_steps_done (session), ==, 1);
  g_assert_cmpint (limber_session_get_segment_duration (session), ==, 4 * SEC);
  g_assert_cmpuint (limber_session_get_seconds_left (session), ==, 4);

  g_assert_cmpint (limber_session_get_time_left (session), ==, 11 * SEC);

  /* After 4 s, the right side: mirrored, with the switch-sides cue. */
  advance (fx, 4 * SEC);
  assert_position (fx, 2, 2, LIMBER_SESSION_SIDE_RIGHT, 0);
  g_assert_true (limber_session_get_mirrored (session));
  g_assert_cmpuint (limber_session_get_steps_done (session), ==, 1);

  advance (fx, 4 * SEC);
  assert_position (fx, 3, 3, LIMBER_SESSION_SIDE_NONE, 0);
  g_assert_cmpuint (limber_session_get_steps_done (session), ==, 2);
  g_assert_null (limber_session_get_next_step (session));
  g_assert_cmpuint (fx->finished, ==, 0);

  advance (fx, 3 * SEC);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_FINISHED);
  g_assert_true (limber_session_is_over (session));
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_true (fx->completed);
  g_assert_cmpuint (fx->steps_done, ==, 3);
  g_assert_cmpuint (fx->steps_total, ==, 3);
  g_assert_cmpuint (fx->duration, ==, 16);
  g_assert_cmpint (limber_session_get_total_elapsed (session), ==, 16 * SEC);
  g_assert_cmpint (limber_session_get_time_left (session), ==, 0);

  assert_cues (fx,
               "countdown@2 countdown@3 countdown@4 step-start@5 "
               "countdown@6 countdown@7 countdown@8 switch-sides@9 "
               "countdown@10 countdown@11 countdown@12 step-start@13 "
               "countdown@14 countdown@15 session-complete@16");
  /* One wake-up a second, none more; ::second for every one but the last. */
  g_assert_cmpuint (limber_fake_clock_get_alarms (fx->clock) - alarms, ==, 16);
  g_assert_cmpuint (fx->seconds, ==, 15);

  /* Over: no alarm, and nothing moves it any more. */
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);
  limber_session_next (session);
  limber_session_end (session);
  limber_session_toggle_pause (session);
  advance (fx, 60 * SEC);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_FINISHED);
  assert_cues (fx, "");
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notifies (Fixture       *fx,
               gconstpointer  data)
{
  guint segment = 0, step = 0, side = 0, mirrored = 0, seconds_left = 0, state = 0, done = 0;

  g_signal_connect (fx->session, "notify::segment", G_CALLBACK (notify_count_cb), &segment);
  g_signal_connect (fx->session, "notify::step", G_CALLBACK (notify_count_cb), &step);
  g_signal_connect (fx->session, "notify::side", G_CALLBACK (notify_count_cb), &side);
  g_signal_connect (fx->session, "notify::mirrored", G_CALLBACK (notify_count_cb), &mirrored);
  g_signal_connect (fx->session, "notify::seconds-left", G_CALLBACK (notify_count_cb), &seconds_left);
  g_signal_connect (fx->session, "notify::state", G_CALLBACK (notify_count_cb), &state);
  g_signal_connect (fx->session, "notify::steps-done", G_CALLBACK (notify_count_cb), &done);

  limber_session_start (fx->session);
  g_assert_cmpuint (state, ==, 1);
  advance (fx, 5 * SEC);
  g_assert_cmpuint (segment, ==, 1);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (side, ==, 1);
  g_assert_cmpuint (mirrored, ==, 1);
  g_assert_cmpuint (done, ==, 1);
  /* 4, 3, 2, 1 then the new segment's 4. */
  g_assert_cmpuint (seconds_left, ==, 5);

  /* Left to right: same step, other side. */
  advance (fx, 4 * SEC);
  g_assert_cmpuint (segment, ==, 2);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (side, ==, 2);
  g_assert_cmpuint (mirrored, ==, 2);

  /* Restarting stays on the segment: no segment notification. */
  limber_session_restart_step (fx->session);
  g_assert_cmpuint (segment, ==, 2);
  limber_session_pause (fx->session);
  g_assert_cmpuint (state, ==, 2);
}

static void
test_pause_resume (Fixture       *fx,
                   gconstpointer  data)
{
  LimberSession *session = fx->session;
  guint alarms;

  limber_session_start (session);
  advance (fx, 2 * SEC);
  g_assert_cmpuint (fx->seconds, ==, 2);

  advance (fx, 300 * 1000);
  limber_session_pause (session);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);
  alarms = limber_fake_clock_get_alarms (fx->clock);

  /* A minute of pause: no time passes, nothing wakes up. */
  advance (fx, 60 * SEC);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 2300 * 1000);
  g_assert_cmpint (limber_session_get_total_elapsed (session), ==, 2300 * 1000);
  g_assert_cmpuint (limber_fake_clock_get_alarms (fx->clock), ==, alarms);
  g_assert_cmpuint (fx->seconds, ==, 2);
  assert_cues (fx, "step-start@0 countdown@2");

  /* Pausing twice is harmless; toggling resumes. */
  limber_session_pause (session);
  limber_session_toggle_pause (session);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_RUNNING);
  /* The next alarm is at the segment's next whole second: 0.7 s away. */
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==,
                   limber_clock_get_boottime (LIMBER_CLOCK (fx->clock)) + 700 * 1000);

  advance (fx, 700 * 1000);
  assert_cues (fx, "countdown@63");
  g_assert_cmpuint (fx->seconds, ==, 3);

  /* The segment ends 2 s later, 5 s of playing time in all. */
  advance (fx, 2 * SEC - 1);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 5 * SEC - 1);
  advance (fx, 1);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  g_assert_cmpint (limber_session_get_total_elapsed (session), ==, 5 * SEC);
  assert_cues (fx, "countdown@64 step-start@65");

  /* toggle_pause pauses as well. */
  limber_session_toggle_pause (session);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_PAUSED);
}

static void
test_pause_keeps_navigation_silent (Fixture       *fx,
                                    gconstpointer  data)
{
  LimberSession *session = fx->session;

  limber_session_start (session);
  advance (fx, 1 * SEC);
  limber_session_pause (session);
  assert_cues (fx, "step-start@0");

  /* Moving while paused moves, stays paused, and plays nothing. */
  limber_session_next (session);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);
  advance (fx, 10 * SEC);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  assert_cues (fx, "");

  limber_session_resume (session);
  advance (fx, 4 * SEC);
  assert_position (fx, 2, 2, LIMBER_SESSION_SIDE_RIGHT, 0);
}

static void
test_navigation (Fixture       *fx,
                 gconstpointer  data)
{
  LimberSession *session = fx->session;

  /* Before the start, navigation does nothing. */
  limber_session_next (session);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 0);

  limber_session_start (session);
  advance (fx, 1 * SEC);
  limber_session_next (session);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  /* A skipped step is not done. */
  g_assert_cmpuint (limber_session_get_steps_done (session), ==, 0);

  advance (fx, 1 * SEC);
  limber_session_next (session);
  assert_position (fx, 2, 2, LIMBER_SESSION_SIDE_RIGHT, 0);

  advance (fx, 1 * SEC);
  limber_session_previous (session);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);

  advance (fx, 2500 * 1000);
  /* 1.5 s of this side, 4 s of the other, 3 s of the last step. */
  g_assert_cmpint (limber_session_get_time_left (session), ==, 8500 * 1000);
  limber_session_restart_step (session);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  g_assert_cmpuint (limber_session_get_seconds_left (session), ==, 4);

  limber_session_previous (session);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 0);
  /* On the first segment, previous starts it again. */
  advance (fx, 1 * SEC);
  limber_session_previous (session);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 0);

  /* The 4 s sides are at 3 s left one second in: a countdown each time. */
  assert_cues (fx, "step-start@0 step-start@1 countdown@2 switch-sides@2 countdown@3 step-start@3 "
                   "countdown@4 countdown@5 step-start@5.500 step-start@5.500 step-start@6.500");

  /* The alarm follows the jumps: the next whole second of the new segment. */
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==,
                   limber_clock_get_boottime (LIMBER_CLOCK (fx->clock)) + 1 * SEC);

  /* Played time counts every second, whichever segment it was in. */
  g_assert_cmpint (limber_session_get_total_elapsed (session), ==, 6500 * 1000);

  /* Play the first step to its end, then skip to the end: next on the last
   * segment finishes the routine, with only the played step done. */
  advance (fx, 5 * SEC);
  limber_session_next (session);
  limber_session_next (session);
  assert_position (fx, 3, 3, LIMBER_SESSION_SIDE_NONE, 0);
  limber_session_next (session);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_FINISHED);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_true (fx->completed);
  g_assert_cmpuint (fx->steps_done, ==, 1);
  g_assert_cmpuint (fx->steps_total, ==, 3);
  g_assert_cmpuint (fx->duration, ==, 12);
}

static void
test_end_early (Fixture       *fx,
                gconstpointer  data)
{
  LimberSession *session = fx->session;

  limber_session_start (session);
  advance (fx, 5 * SEC);
  advance (fx, 4 * SEC);
  /* Half-way through the right side of the second step. */
  advance (fx, 2 * SEC);
  limber_session_pause (session);
  advance (fx, 30 * SEC);
  limber_session_end (session);

  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_ENDED);
  g_assert_true (limber_session_is_over (session));
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_false (fx->completed);
  g_assert_cmpuint (fx->steps_done, ==, 1);
  g_assert_cmpuint (fx->steps_total, ==, 3);
  g_assert_cmpuint (fx->duration, ==, 11);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);

  /* No session-complete cue for a session ended early, and only one end. */
  limber_session_end (session);
  limber_session_resume (session);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_ENDED);
  assert_cues (fx,
               "step-start@0 countdown@2 countdown@3 countdown@4 step-start@5 "
               "countdown@6 countdown@7 countdown@8 switch-sides@9 countdown@10 countdown@11");
}

static void
test_end_before_start (Fixture       *fx,
                       gconstpointer  data)
{
  limber_session_end (fx->session);
  g_assert_cmpint (limber_session_get_state (fx->session), ==, LIMBER_SESSION_STATE_ENDED);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_false (fx->completed);
  g_assert_cmpuint (fx->steps_done, ==, 0);
  g_assert_cmpuint (fx->duration, ==, 0);

  /* An ended session cannot start. */
  limber_session_start (fx->session);
  g_assert_cmpint (limber_session_get_state (fx->session), ==, LIMBER_SESSION_STATE_ENDED);
  assert_cues (fx, "");
}

static void
test_suspend (Fixture       *fx,
              gconstpointer  data)
{
  limber_session_start (fx->session);
  advance (fx, 1 * SEC);

  /* The machine sleeps for ten minutes: the session stands still, and the
   * alarm that comes (late, on boottime) finds nothing to do yet. */
  limber_fake_clock_suspend (fx->clock, 600 * SEC);
  advance (fx, 0);
  assert_position (fx, 0, 1, LIMBER_SESSION_SIDE_NONE, 1 * SEC);
  g_assert_cmpuint (fx->seconds, ==, 1);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), !=, LIMBER_CLOCK_NEVER);

  advance (fx, 4 * SEC);
  assert_position (fx, 1, 2, LIMBER_SESSION_SIDE_LEFT, 0);
  g_assert_cmpint (limber_session_get_total_elapsed (fx->session), ==, 5 * SEC);
}

/* A handler that ends the session from inside a cue must be safe. */
static void
end_on_switch_cb (LimberSession *session,
                  const char    *name,
                  gpointer       user_data)
{
  if (g_str_equal (name, "switch-sides"))
    limber_session_end (session);
}

static void
test_reentrant_end (Fixture       *fx,
                    gconstpointer  data)
{
  g_signal_connect (fx->session, "cue", G_CALLBACK (end_on_switch_cb), NULL);

  limber_session_start (fx->session);
  advance (fx, 20 * SEC);
  g_assert_cmpint (limber_session_get_state (fx->session), ==, LIMBER_SESSION_STATE_ENDED);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpuint (fx->steps_done, ==, 1);
  g_assert_cmpuint (fx->duration, ==, 9);
  g_assert_cmpint (limber_fake_clock_get_deadline (fx->clock), ==, LIMBER_CLOCK_NEVER);
}

static void
test_bundled_routine (void)
{
  g_autofree char *bundled = g_build_filename (g_getenv ("LIMBER_SOURCE_ROOT"),
                                               "data", "routines", NULL);
  const char *dirs[] = { bundled, NULL };
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  g_autoptr(LimberFakeClock) clock = limber_fake_clock_new (0);
  g_autoptr(LimberSession) session = NULL;
  LimberRoutine *routine;
  guint n_segments = 0;

  limber_routine_library_load (library, dirs);
  routine = limber_routine_library_lookup (library, "neck-relief");
  g_assert_nonnull (routine);

  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    n_segments += limber_step_get_sides (limber_routine_get_step (routine, i))
                  == LIMBER_STEP_SIDES_LEFT_RIGHT ? 2 : 1;

  session = limber_session_new (routine, LIMBER_CLOCK (clock));
  g_assert_cmpuint (limber_session_get_n_segments (session), ==, n_segments);
  limber_session_start (session);

  /* The whole routine plays in exactly its duration. */
  limber_fake_clock_advance (clock, (gint64) limber_routine_get_duration (routine) * SEC - 1);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_RUNNING);
  g_assert_cmpuint (limber_session_get_segment (session), ==, n_segments - 1);
  limber_fake_clock_advance (clock, 1);
  g_assert_cmpint (limber_session_get_state (session), ==, LIMBER_SESSION_STATE_FINISHED);
  g_assert_cmpuint (limber_session_get_steps_done (session), ==, limber_routine_get_n_steps (routine));
  g_assert_cmpuint (limber_session_get_duration_seconds (session), ==,
                    limber_routine_get_duration (routine));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("segments", test_segments);
  ADD ("plays-through", test_plays_through);
  ADD ("notifies", test_notifies);
  ADD ("pause-resume", test_pause_resume);
  ADD ("pause-keeps-navigation-silent", test_pause_keeps_navigation_silent);
  ADD ("navigation", test_navigation);
  ADD ("end-early", test_end_early);
  ADD ("end-before-start", test_end_before_start);
  ADD ("suspend", test_suspend);
  ADD ("reentrant-end", test_reentrant_end);
#undef ADD
  g_test_add_func ("/session/bundled-routine", test_bundled_routine);

  return g_test_run ();
}
