/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gst/gst.h>

#include "limber-cue.h"
#include "limber-cue-player.h"

/* Cues asked for while one plays wait their turn (two can fall on the same
 * moment: a step's start and its first rhythm cue), but never pile up. */
#define MAX_QUEUED 8

/* The cue the preferences' test button plays. */
#define TEST_CUE "step-start"

struct _LimberCuePlayer
{
  GObject parent_instance;

  GSettings *settings;          /* nullable: then sounds are on at 0.7 */
  gulong settings_handler;
  char *sound_dir;

  GstElement *pipeline;         /* one playbin, made at the first cue */
  GstElement *sink;
  GstBus *bus;
  gboolean auto_sink;           /* autoaudiosink, not LIMBER_AUDIO_SINK */
  gboolean broken;              /* said once why; silent from then on */

  GQueue queue;                 /* cue names (char *) waiting */
  char *playing;                /* the cue playing now */
  gboolean muted;
  guint32 missing_said;         /* bit n: said that cue n has no file */
};

G_DEFINE_FINAL_TYPE (LimberCuePlayer, limber_cue_player, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MUTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_PLAYED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
sounds_enabled (LimberCuePlayer *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "sounds-enabled");
}

static double
volume (LimberCuePlayer *self)
{
  double v = self->settings != NULL ? g_settings_get_double (self->settings, "sound-volume") : 0.7;

  /* The setting is a loudness, like a volume slider; playbin's volume is
   * an amplitude. This is GstStreamVolume's cubic scale. */
  v = CLAMP (v, 0.0, 1.0);
  return v * v * v;
}

static void
stop (LimberCuePlayer *self)
{
  g_queue_clear_full (&self->queue, g_free);
  g_clear_pointer (&self->playing, g_free);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_READY);
  /* An end of stream already posted for the cut sound must not end the
   * next one. */
  if (self->bus != NULL)
    {
      gst_bus_set_flushing (self->bus, TRUE);
      gst_bus_set_flushing (self->bus, FALSE);
    }
}

static void
give_up (LimberCuePlayer *self,
         const char      *why)
{
  g_message ("Sound cues are off: %s", why);
  self->broken = TRUE;
  stop (self);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
}

/* autoaudiosink quietly falls back to a fakesink when there is no audio
 * device: say so, once. */
static void
check_fallback_sink (LimberCuePlayer *self)
{
  GstIterator *it;
  GValue item = G_VALUE_INIT;
  gboolean fake = FALSE;

  if (!self->auto_sink || !GST_IS_BIN (self->sink) || self->broken)
    return;

  it = gst_bin_iterate_sinks (GST_BIN (self->sink));
  while (gst_iterator_next (it, &item) == GST_ITERATOR_OK)
    {
      GstElement *child = g_value_get_object (&item);
      GstElementFactory *factory = gst_element_get_factory (child);

      if (factory != NULL && g_str_equal (GST_OBJECT_NAME (factory), "fakesink"))
        fake = TRUE;
      g_value_reset (&item);
    }
  g_value_unset (&item);
  gst_iterator_free (it);

  if (fake)
    give_up (self, "no audio output device was found");
}

static void play_next (LimberCuePlayer *self);

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  LimberCuePlayer *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      if (self->playing != NULL)
        {
          g_autofree char *cue = g_steal_pointer (&self->playing);

          gst_element_set_state (self->pipeline, GST_STATE_READY);
          g_signal_emit (self, signals[SIGNAL_PLAYED], 0, cue);
          play_next (self);
        }
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;
        GstObject *source = GST_MESSAGE_SRC (message);

        gst_message_parse_error (message, &error, &debug);
        g_debug ("GStreamer error from %s: %s (%s)", GST_OBJECT_NAME (source), error->message,
                 debug != NULL ? debug : "");

        if (self->sink != NULL && (source == GST_OBJECT (self->sink) ||
                                   gst_object_has_as_ancestor (source, GST_OBJECT (self->sink))))
          {
            g_autofree char *why = g_strdup_printf ("the audio output failed: %s", error->message);

            give_up (self, why);
          }
        else
          {
            /* A sound file that does not play: skip it, keep the rest. */
            g_message ("The sound for the cue “%s” could not be played: %s",
                       self->playing != NULL ? self->playing : "?", error->message);
            g_clear_pointer (&self->playing, g_free);
            gst_element_set_state (self->pipeline, GST_STATE_READY);
            play_next (self);
          }
      }
      break;

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) error = NULL;

        gst_message_parse_warning (message, &error, NULL);
        g_debug ("GStreamer warning: %s", error->message);
      }
      break;

    case GST_MESSAGE_STATE_CHANGED:
      if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->sink))
        {
          GstState new_state;

          gst_message_parse_state_changed (message, NULL, &new_state, NULL);
          if (new_state == GST_STATE_READY)
            check_fallback_sink (self);
        }
      break;

    case GST_MESSAGE_UNKNOWN:
    case GST_MESSAGE_INFO:
    case GST_MESSAGE_TAG:
    case GST_MESSAGE_BUFFERING:
    case GST_MESSAGE_STATE_DIRTY:
    case GST_MESSAGE_STEP_DONE:
    case GST_MESSAGE_CLOCK_PROVIDE:
    case GST_MESSAGE_CLOCK_LOST:
    case GST_MESSAGE_NEW_CLOCK:
    case GST_MESSAGE_STRUCTURE_CHANGE:
    case GST_MESSAGE_STREAM_STATUS:
    case GST_MESSAGE_APPLICATION:
    case GST_MESSAGE_ELEMENT:
    case GST_MESSAGE_SEGMENT_START:
    case GST_MESSAGE_SEGMENT_DONE:
    case GST_MESSAGE_DURATION_CHANGED:
    case GST_MESSAGE_LATENCY:
    case GST_MESSAGE_ASYNC_START:
    case GST_MESSAGE_ASYNC_DONE:
    case GST_MESSAGE_REQUEST_STATE:
    case GST_MESSAGE_STEP_START:
    case GST_MESSAGE_QOS:
    case GST_MESSAGE_PROGRESS:
    case GST_MESSAGE_TOC:
    case GST_MESSAGE_RESET_TIME:
    case GST_MESSAGE_STREAM_START:
    case GST_MESSAGE_NEED_CONTEXT:
    case GST_MESSAGE_HAVE_CONTEXT:
    case GST_MESSAGE_EXTENDED:
    case GST_MESSAGE_DEVICE_ADDED:
    case GST_MESSAGE_DEVICE_REMOVED:
    case GST_MESSAGE_PROPERTY_NOTIFY:
    case GST_MESSAGE_STREAM_COLLECTION:
    case GST_MESSAGE_STREAMS_SELECTED:
    case GST_MESSAGE_REDIRECT:
    case GST_MESSAGE_DEVICE_CHANGED:
    case GST_MESSAGE_INSTANT_RATE_REQUEST:
    case GST_MESSAGE_ANY:
    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

/* Makes the one pipeline: a playbin for audio only, into the sink that
 * LIMBER_AUDIO_SINK describes or autoaudiosink. */
static gboolean
ensure_pipeline (LimberCuePlayer *self)
{
  const char *description = g_getenv ("LIMBER_AUDIO_SINK");
  g_autoptr(GError) error = NULL;
  GstElement *sink;

  if (self->pipeline != NULL)
    return TRUE;
  if (self->broken)
    return FALSE;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  if (description != NULL && *description != '\0')
    {
      sink = gst_parse_bin_from_description_full (description, TRUE, NULL,
                                                  GST_PARSE_FLAG_FATAL_ERRORS, &error);
      if (sink == NULL)
        {
          g_autofree char *why = g_strdup_printf ("the audio sink “%s” (LIMBER_AUDIO_SINK) "
                                                  "could not be made: %s",
                                                  description, error->message);

          give_up (self, why);
          return FALSE;
        }
    }
  else
    {
      sink = gst_element_factory_make ("autoaudiosink", NULL);
      if (sink == NULL)
        {
          give_up (self, "GStreamer has no autoaudiosink (gstreamer1.0-plugins-good)");
          return FALSE;
        }
      self->auto_sink = TRUE;
    }

  self->pipeline = gst_element_factory_make ("playbin", "limber-cues");
  if (self->pipeline == NULL)
    {
      gst_object_unref (gst_object_ref_sink (sink));
      give_up (self, "GStreamer has no playbin (gstreamer1.0-plugins-base)");
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);

  self->sink = gst_object_ref (sink);
  g_object_set (self->pipeline, "audio-sink", sink, NULL);
  gst_util_set_object_arg (G_OBJECT (self->pipeline), "flags", "audio");

  self->bus = gst_element_get_bus (self->pipeline);
  gst_bus_add_watch (self->bus, bus_cb, self);

  return TRUE;
}

static void
play_next (LimberCuePlayer *self)
{
  while (self->playing == NULL && !g_queue_is_empty (&self->queue) && !self->broken)
    {
      g_autofree char *cue = g_queue_pop_head (&self->queue);
      g_autofree char *basename = g_strconcat (cue, ".oga", NULL);
      g_autofree char *path = g_build_filename (self->sound_dir, basename, NULL);
      g_autofree char *uri = NULL;
      LimberCue id;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          if (limber_cue_from_name (cue, &id) && !(self->missing_said & (1u << id)))
            {
              self->missing_said |= 1u << id;
              g_message ("No sound for the cue “%s”: %s is missing", cue, path);
            }
          continue;
        }

      if (!ensure_pipeline (self))
        return;

      uri = g_filename_to_uri (path, NULL, NULL);
      gst_element_set_state (self->pipeline, GST_STATE_READY);
      g_object_set (self->pipeline, "uri", uri, "volume", volume (self), NULL);
      self->playing = g_steal_pointer (&cue);
      if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE
          && !self->broken)
        {
          /* The bus says why, unless the failure was the sink's to begin
           * with and it is already said. */
          g_debug ("The pipeline for the cue “%s” did not start", self->playing);
        }
    }
}

static void
enqueue (LimberCuePlayer *self,
         const char      *cue)
{
  if (g_queue_get_length (&self->queue) >= MAX_QUEUED)
    g_free (g_queue_pop_head (&self->queue));
  g_queue_push_tail (&self->queue, g_strdup (cue));
  play_next (self);
}

static void
settings_changed_cb (GSettings       *settings,
                     const char      *key,
                     LimberCuePlayer *self)
{
  if (g_str_equal (key, "sounds-enabled"))
    {
      if (!sounds_enabled (self))
        stop (self);
    }
  else if (g_str_equal (key, "sound-volume"))
    {
      if (self->pipeline != NULL)
        g_object_set (self->pipeline, "volume", volume (self), NULL);
    }
}

/**
 * limber_cue_player_new:
 * @settings: (nullable): Limber's settings, for "sounds-enabled" and
 *   "sound-volume"; %NULL plays every cue at the default volume
 *
 * Makes a player. The GStreamer pipeline is made at the first cue, so an
 * app that never plays one pays nothing for it.
 *
 * Returns: (transfer full): a new cue player
 */
LimberCuePlayer *
limber_cue_player_new (GSettings *settings)
{
  LimberCuePlayer *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_CUE_PLAYER, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      self->settings_handler = g_signal_connect (settings, "changed",
                                                 G_CALLBACK (settings_changed_cb), self);
    }
  return self;
}

/**
 * limber_cue_player_play:
 * @self: a cue player
 * @cue: a cue name, such as "step-start" (see #LimberCue)
 *
 * Plays the sound of @cue, after the one playing now if any. Nothing
 * happens while the player is muted or sounds are off in the settings.
 * #LimberCuePlayer::played is emitted when the sound has played to its end.
 */
void
limber_cue_player_play (LimberCuePlayer *self,
                        const char      *cue)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));
  g_return_if_fail (cue != NULL && limber_cue_from_name (cue, NULL));

  if (self->muted || self->broken || !sounds_enabled (self))
    return;

  enqueue (self, cue);
}

/**
 * limber_cue_player_test_sound:
 * @self: a cue player
 *
 * Plays a cue at the volume in the settings, even if the player is muted
 * or sounds are off: the preferences' "Test" button, for trying a volume.
 */
void
limber_cue_player_test_sound (LimberCuePlayer *self)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  if (self->broken)
    return;

  stop (self);
  enqueue (self, TEST_CUE);
}

/**
 * limber_cue_player_set_muted:
 * @self: a cue player
 * @muted: %TRUE to stop the sound playing now and play no more
 */
void
limber_cue_player_set_muted (LimberCuePlayer *self,
                             gboolean         muted)
{
  g_return_if_fail (LIMBER_IS_CUE_PLAYER (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  self->muted = muted;
  if (muted)
    stop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

gboolean
limber_cue_player_get_muted (LimberCuePlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_CUE_PLAYER (self), FALSE);

  return self->muted;
}

/**
 * limber_cue_player_get_sound_dir:
 * @self: a cue player
 *
 * Returns: the folder the sounds are read from: $LIMBER_SOUND_DIR, or the
 *   installed sounds
 */
const char *
limber_cue_player_get_sound_dir (LimberCuePlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_CUE_PLAYER (self), NULL);

  return self->sound_dir;
}

static void
limber_cue_player_dispose (GObject *object)
{
  LimberCuePlayer *self = LIMBER_CUE_PLAYER (object);

  g_queue_clear_full (&self->queue, g_free);
  g_clear_pointer (&self->playing, g_free);
  if (self->bus != NULL)
    gst_bus_remove_watch (self->bus);
  g_clear_pointer (&self->bus, gst_object_unref);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_pointer (&self->pipeline, gst_object_unref);
  g_clear_pointer (&self->sink, gst_object_unref);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_handler, self->settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_cue_player_parent_class)->dispose (object);
}

static void
limber_cue_player_finalize (GObject *object)
{
  LimberCuePlayer *self = LIMBER_CUE_PLAYER (object);

  g_free (self->sound_dir);

  G_OBJECT_CLASS (limber_cue_player_parent_class)->finalize (object);
}

static void
limber_cue_player_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberCuePlayer *self = LIMBER_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_cue_player_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LimberCuePlayer *self = LIMBER_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      limber_cue_player_set_muted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_cue_player_class_init (LimberCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_cue_player_dispose;
  object_class->finalize = limber_cue_player_finalize;
  object_class->get_property = limber_cue_player_get_property;
  object_class->set_property = limber_cue_player_set_property;

  /**
   * LimberCuePlayer:muted:
   *
   * Whether the player is silent (the session's mute button).
   */
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberCuePlayer::played:
   * @self: the player
   * @cue: the cue name
   *
   * A cue's sound has played to its end (the pipeline reached end of
   * stream).
   */
  signals[SIGNAL_PLAYED] =
    g_signal_new ("played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_cue_player_init (LimberCuePlayer *self)
{
  const char *dir = g_getenv ("LIMBER_SOUND_DIR");

  g_queue_init (&self->queue);
  self->sound_dir = g_strdup (dir != NULL && *dir != '\0' ? dir : PKGDATADIR "/sounds");
}
