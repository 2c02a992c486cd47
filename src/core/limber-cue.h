/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-cue.h: the named cue sounds of a guided session. A routine names
 * cues; it never links sound files, so a sound theme can change them all. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_CUE (limber_cue_get_type ())

/**
 * LimberCue:
 * @LIMBER_CUE_STEP_START: a step begins
 * @LIMBER_CUE_STEP_END: a step ends
 * @LIMBER_CUE_SWITCH_SIDES: the first side of a left-right step is done
 * @LIMBER_CUE_COUNTDOWN: one of the last seconds of a step
 * @LIMBER_CUE_SESSION_COMPLETE: the last step of a session is done
 * @LIMBER_CUE_REPETITION: a movement reaches its turning point (rhythm)
 * @LIMBER_CUE_BREATHE_IN: time to breathe in
 * @LIMBER_CUE_BREATHE_OUT: time to breathe out
 *
 * The cues a session can play. Their names (the enum nicks: "step-start",
 * "switch-sides", …) are what routine and figure files write.
 */
typedef enum
{
  LIMBER_CUE_STEP_START,
  LIMBER_CUE_STEP_END,
  LIMBER_CUE_SWITCH_SIDES,
  LIMBER_CUE_COUNTDOWN,
  LIMBER_CUE_SESSION_COMPLETE,
  LIMBER_CUE_REPETITION,
  LIMBER_CUE_BREATHE_IN,
  LIMBER_CUE_BREATHE_OUT,
} LimberCue;

#define LIMBER_N_CUES (LIMBER_CUE_BREATHE_OUT + 1)

GType       limber_cue_get_type  (void) G_GNUC_CONST;
const char *limber_cue_get_name  (LimberCue   cue);
gboolean    limber_cue_from_name (const char *name,
                                  LimberCue  *out_cue);
char       *limber_cue_list_names (void);

G_END_DECLS
