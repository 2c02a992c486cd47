/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for LimberCuePlayer with a real GStreamer pipeline: every cue plays
 * to its end (EOS) in order, mute and the settings silence it, and a broken
 * or missing audio sink costs one log message and no crash. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "limber-cue.h"
#include "limber-cue-player.h"
#include "limber-fake-clock.h"
#include "limber-routine-library.h"
#include "limber-session.h"

/* Messages logged by Limber's code, counted by the log writer. */
static guint n_messages;
static char *last_message;

static GLogWriterOutput
count_messages_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if ((log_level & G_LOG_LEVEL_MESSAGE) && g_strcmp0 (domain, "Limber") == 0)
    {
      n_messages++;
      g_free (last_message);
      last_message = g_strdup (message);
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
played_cb (LimberCuePlayer *player,
           const char      *cue,
           GPtrArray       *played)
{
  g_ptr_array_add (played, g_strdup (cue));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @played holds @n cues; fails after a generous
 * 20 s instead of hanging. */
static void
wait_for_played (GPtrArray *played,
                 guint      n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (played->len < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (SCHEMA_ID);

  g_settings_reset (settings, "sounds-enabled");
  g_settings_reset (settings, "sound-volume");
  return settings;
}

static void
test_defaults (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();

  g_assert_true (g_settings_get_boolean (settings, "sounds-enabled"));
  g_assert_cmpfloat (g_settings_get_double (settings, "sound-volume"), ==, 0.7);
}

static void
test_every_cue_in_order (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  LimberCuePlayer *player;

  g_setenv ("LIMBER_AUDIO_SINK", "fakesink", TRUE);
  player = limber_cue_player_new (settings);
  g_assert_cmpstr (limber_cue_player_get_sound_dir (player), ==, g_getenv ("LIMBER_SOUND_DIR"));
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);

  /* Every cue a routine can name has its sound, and they play one after
   * the other through the same pipeline, in the order asked. */
  for (guint cue = 0; cue < LIMBER_N_CUES; cue++)
    {
      g_autofree char *basename = g_strconcat (limber_cue_get_name (cue), ".oga", NULL);
      g_autofree char *path = g_build_filename (g_getenv ("LIMBER_SOUND_DIR"), basename, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      limber_cue_player_play (player, limber_cue_get_name (cue));
    }
  wait_for_played (played, LIMBER_N_CUES);
  for (guint cue = 0; cue < LIMBER_N_CUES; cue++)
    g_assert_cmpstr (g_ptr_array_index (played, cue), ==, limber_cue_get_name (cue));

  /* Again, one at a time: the pipeline is reused. */
  limber_cue_player_play (player, "switch-sides");
  wait_for_played (played, LIMBER_N_CUES + 1);
  limber_cue_player_play (player, "countdown");
  wait_for_played (played, LIMBER_N_CUES + 2);
  g_assert_cmpstr (g_ptr_array_index (played, LIMBER_N_CUES), ==, "switch-sides");
  g_assert_cmpstr (g_ptr_array_index (played, LIMBER_N_CUES + 1), ==, "countdown");

  g_assert_cmpuint (n_messages, ==, 0);
  g_assert_finalize_object (player);
}

static void
test_real_time_sink (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  LimberCuePlayer *player;
  gint64 start;

  /* A sink that keeps time like a sound card: the sound takes as long as
   * it lasts (0.15 s), so EOS cannot come at once. */
  g_setenv ("LIMBER_AUDIO_SINK", "fakesink sync=true", TRUE);
  player = limber_cue_player_new (settings);
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);

  start = g_get_monotonic_time ();
  limber_cue_player_play (player, "countdown");
  wait_for_played (played, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 100000);
  g_assert_cmpstr (g_ptr_array_index (played, 0), ==, "countdown");

  g_assert_cmpuint (n_messages, ==, 0);
  g_assert_finalize_object (player);
}

static void
test_mute (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  LimberCuePlayer *player;
  guint notified = 0;
  gboolean muted;

  g_setenv ("LIMBER_AUDIO_SINK", "fakesink sync=true", TRUE);
  player = limber_cue_player_new (settings);
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);
  g_signal_connect (player, "notify::muted", G_CALLBACK (notify_count_cb), &notified);

  /* Muted, nothing is played or queued. */
  limber_cue_player_set_muted (player, TRUE);
  g_assert_true (limber_cue_player_get_muted (player));
  g_assert_cmpuint (notified, ==, 1);
  limber_cue_player_play (player, "step-start");
  limber_cue_player_play (player, "session-complete");
  run_for (300);
  g_assert_cmpuint (played->len, ==, 0);

  /* Unmuted, the next cue is the first one heard. */
  g_object_set (player, "muted", FALSE, NULL);
  g_object_get (player, "muted", &muted, NULL);
  g_assert_false (muted);
  g_assert_cmpuint (notified, ==, 2);
  limber_cue_player_play (player, "countdown");
  wait_for_played (played, 1);
  g_assert_cmpstr (g_ptr_array_index (played, 0), ==, "countdown");

  /* Muting cuts the sound playing now and drops the queue. */
  limber_cue_player_play (player, "session-complete");
  limber_cue_player_play (player, "step-end");
  limber_cue_player_set_muted (player, TRUE);
  limber_cue_player_set_muted (player, FALSE);
  limber_cue_player_play (player, "repetition");
  wait_for_played (played, 2);
  run_for (300);
  g_assert_cmpuint (played->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (played, 1), ==, "repetition");

  g_assert_cmpuint (n_messages, ==, 0);
  g_assert_finalize_object (player);
}

static void
test_sounds_disabled (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  LimberCuePlayer *player;

  g_setenv ("LIMBER_AUDIO_SINK", "fakesink", TRUE);
  player = limber_cue_player_new (settings);
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);

  g_settings_set_boolean (settings, "sounds-enabled", FALSE);
  limber_cue_player_play (player, "step-start");
  run_for (300);
  g_assert_cmpuint (played->len, ==, 0);

  /* The preferences' test button plays even so, to try the volume. */
  g_settings_set_double (settings, "sound-volume", 0.3);
  limber_cue_player_test_sound (player);
  wait_for_played (played, 1);
  g_assert_cmpstr (g_ptr_array_index (played, 0), ==, "step-start");

  /* Muted too. */
  limber_cue_player_set_muted (player, TRUE);
  limber_cue_player_test_sound (player);
  wait_for_played (played, 2);

  g_settings_set_boolean (settings, "sounds-enabled", TRUE);
  limber_cue_player_set_muted (player, FALSE);
  limber_cue_player_play (player, "breathe-in");
  wait_for_played (played, 3);
  g_assert_cmpstr (g_ptr_array_index (played, 2), ==, "breathe-in");

  g_assert_cmpuint (n_messages, ==, 0);
  g_assert_finalize_object (player);
}

static void
test_bad_sink (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  LimberCuePlayer *player;

  g_setenv ("LIMBER_AUDIO_SINK", "limber-no-such-sink", TRUE);
  player = limber_cue_player_new (settings);
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);

  n_messages = 0;
  limber_cue_player_play (player, "step-start");
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_nonnull (strstr (last_message, "limber-no-such-sink"));

  /* Said once: later cues are silent without another word. */
  limber_cue_player_play (player, "countdown");
  limber_cue_player_test_sound (player);
  run_for (300);
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_cmpuint (played->len, ==, 0);

  g_assert_finalize_object (player);
  n_messages = 0;
}

static void
test_sink_fails_to_open (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  LimberCuePlayer *player;
  gboolean timed_out = FALSE;
  guint id;

  /* A sink that exists but cannot open its device posts an error. */
  g_setenv ("LIMBER_AUDIO_SINK", "filesink location=/nonexistent-limber-dir/out.raw", TRUE);
  player = limber_cue_player_new (settings);
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);

  n_messages = 0;
  limber_cue_player_play (player, "step-start");
  id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  while (n_messages == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_nonnull (strstr (last_message, "audio output failed"));

  limber_cue_player_play (player, "countdown");
  run_for (300);
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_cmpuint (played->len, ==, 0);

  g_assert_finalize_object (player);
  n_messages = 0;
}

static void
test_missing_sound (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sound_dir = g_strdup (g_getenv ("LIMBER_SOUND_DIR"));
  g_autofree char *empty = g_dir_make_tmp ("limber-sounds-XXXXXX", NULL);
  LimberCuePlayer *player;

  g_assert_nonnull (empty);
  g_setenv ("LIMBER_AUDIO_SINK", "fakesink", TRUE);
  g_setenv ("LIMBER_SOUND_DIR", empty, TRUE);
  player = limber_cue_player_new (settings);
  g_setenv ("LIMBER_SOUND_DIR", sound_dir, TRUE);
  g_signal_connect (player, "played", G_CALLBACK (played_cb), played);
  g_assert_cmpstr (limber_cue_player_get_sound_dir (player), ==, empty);

  /* One message per missing sound, however often it is asked for. */
  n_messages = 0;
  limber_cue_player_play (player, "step-start");
  limber_cue_player_play (player, "step-start");
  g_assert_cmpuint (n_messages, ==, 1);
  limber_cue_player_play (player, "countdown");
  g_assert_cmpuint (n_messages, ==, 2);
  run_for (200);
  g_assert_cmpuint (played->len, ==, 0);

  g_assert_finalize_object (player);
  g_rmdir (empty);
  n_messages = 0;
}

/* autoaudiosink falls back to a fakesink when no audio sink works. Ranking
 * every audio sink out of autoplugging (GST_PLUGIN_FEATURE_RANK, read by
 * gst_init() in a child process) makes that happen on any machine. */
static void
test_no_audio_device (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = fresh_settings ();
      g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
      LimberCuePlayer *player;
      gboolean timed_out = FALSE;
      guint id;

      g_unsetenv ("LIMBER_AUDIO_SINK");
      player = limber_cue_player_new (settings);
      g_signal_connect (player, "played", G_CALLBACK (played_cb), played);

      n_messages = 0;
      limber_cue_player_play (player, "step-start");
      id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
      while (n_messages == 0 && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (timed_out);
      g_source_remove (id);
      g_assert_nonnull (strstr (last_message, "no audio output device"));

      limber_cue_player_play (player, "countdown");
      run_for (300);
      g_assert_cmpuint (n_messages, ==, 1);
      g_assert_cmpuint (played->len, ==, 0);

      g_assert_finalize_object (player);
      return;
    }
  else
    {
      g_autoptr(GString) ranks = g_string_new (NULL);
      GList *sinks = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_MEDIA_AUDIO
                                                            | GST_ELEMENT_FACTORY_TYPE_SINK,
                                                            GST_RANK_NONE);

      for (GList *l = sinks; l != NULL; l = l->next)
        g_string_append_printf (ranks, "%s%s:NONE", ranks->len > 0 ? "," : "",
                                GST_OBJECT_NAME (l->data));
      gst_plugin_feature_list_free (sinks);
      g_test_message ("GST_PLUGIN_FEATURE_RANK=%s", ranks->str);

      g_setenv ("GST_PLUGIN_FEATURE_RANK", ranks->str, TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("GST_PLUGIN_FEATURE_RANK");
      g_test_trap_assert_passed ();
    }
}


typedef struct
{
  LimberCuePlayer *player;
  LimberFakeClock *clock;
  gint64 start;
  GString *asked;
} SessionCues;

static void
session_cue_cb (LimberSession *session,
                const char    *cue,
                SessionCues   *sc)
{
  gint64 at = (limber_clock_get_boottime (LIMBER_CLOCK (sc->clock)) - sc->start) / G_USEC_PER_SEC;

  g_string_append_printf (sc->asked, "%s%s@%" G_GINT64_FORMAT, sc->asked->len ? " " : "", cue, at);
  limber_cue_player_play (sc->player, cue);
}

/* A real session drives the player: each cue the session asks for at a
 * step boundary (and the last three seconds) reaches the end of the real
 * pipeline (EOS on its bus), in order, at the time the step says. */
static void
test_session_boundaries (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  g_autoptr(LimberSession) session = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  const char *dirs[] = { g_getenv ("LIMBER_ROUTINE_DIR"), NULL };
  SessionCues sc = { 0 };
  LimberRoutine *routine;

  g_setenv ("LIMBER_AUDIO_SINK", "fakesink", TRUE);
  limber_routine_library_load (library, dirs);
  /* One step of 15 s, left then right. */
  routine = limber_routine_library_lookup (library, "micro-side-bend");
  g_assert_nonnull (routine);

  sc.player = limber_cue_player_new (settings);
  sc.clock = limber_fake_clock_new ((gint64) 1700000000 * G_USEC_PER_SEC);
  sc.start = limber_clock_get_boottime (LIMBER_CLOCK (sc.clock));
  sc.asked = g_string_new (NULL);
  g_signal_connect (sc.player, "played", G_CALLBACK (played_cb), played);

  session = limber_session_new (routine, LIMBER_CLOCK (sc.clock));
  g_signal_connect (session, "cue", G_CALLBACK (session_cue_cb), &sc);
  limber_session_start (session);

  for (int second = 0; second <= 30; second++)
    {
      guint asked_before;

      if (second > 0)
        limber_fake_clock_advance (sc.clock, G_USEC_PER_SEC);
      /* Each cue asked for this second plays to its end before time moves. */
      asked_before = 0;
      for (const char *p = sc.asked->str; *p != '\0'; p++)
        if (*p == '@')
          asked_before++;
      wait_for_played (played, asked_before);
    }

  g_assert_cmpstr (sc.asked->str, ==,
                   "step-start@0 countdown@12 countdown@13 countdown@14 switch-sides@15 "
                   "countdown@27 countdown@28 countdown@29 session-complete@30");
  for (guint i = 0; i < played->len; i++)
    g_string_append_printf (got, "%s%s", i ? " " : "", (char *) g_ptr_array_index (played, i));
  g_assert_cmpstr (got->str, ==,
                   "step-start countdown countdown countdown switch-sides "
                   "countdown countdown countdown session-complete");

  g_clear_object (&session);
  g_assert_finalize_object (sc.player);
  g_assert_finalize_object (sc.clock);
  g_string_free (sc.asked, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (count_messages_writer, NULL, NULL);
  g_setenv ("LIMBER_AUDIO_SINK", "fakesink", TRUE);
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_assert_nonnull (g_getenv ("LIMBER_SOUND_DIR"));

  g_test_add_func ("/cue-player/defaults", test_defaults);
  g_test_add_func ("/cue-player/every-cue-in-order", test_every_cue_in_order);
  g_test_add_func ("/cue-player/session-boundaries", test_session_boundaries);
  g_test_add_func ("/cue-player/real-time-sink", test_real_time_sink);
  g_test_add_func ("/cue-player/mute", test_mute);
  g_test_add_func ("/cue-player/sounds-disabled", test_sounds_disabled);
  g_test_add_func ("/cue-player/bad-sink", test_bad_sink);
  g_test_add_func ("/cue-player/sink-fails-to-open", test_sink_fails_to_open);
  g_test_add_func ("/cue-player/missing-sound", test_missing_sound);
  g_test_add_func ("/cue-player/no-audio-device", test_no_audio_device);

  return g_test_run ();
}
