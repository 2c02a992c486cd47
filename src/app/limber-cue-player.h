/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-cue-player.h: plays a guided session's cue sounds ("step-start",
 * "switch-sides", …) through one reused GStreamer pipeline, at the volume
 * the settings give. With no audio device it says so once and stays
 * silent. LIMBER_AUDIO_SINK names another sink ("fakesink sync=true") for
 * tests; LIMBER_SOUND_DIR another folder of sounds. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_CUE_PLAYER (limber_cue_player_get_type ())

G_DECLARE_FINAL_TYPE (LimberCuePlayer, limber_cue_player, LIMBER, CUE_PLAYER, GObject)

LimberCuePlayer *limber_cue_player_new           (GSettings       *settings);
void             limber_cue_player_play          (LimberCuePlayer *self,
                                                  const char      *cue);
void             limber_cue_player_test_sound    (LimberCuePlayer *self);
void             limber_cue_player_set_muted     (LimberCuePlayer *self,
                                                  gboolean         muted);
gboolean         limber_cue_player_get_muted     (LimberCuePlayer *self);
const char      *limber_cue_player_get_sound_dir (LimberCuePlayer *self);

G_END_DECLS
