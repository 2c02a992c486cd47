/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-cue.h"

G_DEFINE_ENUM_TYPE (LimberCue, limber_cue,
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_STEP_START, "step-start"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_STEP_END, "step-end"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_SWITCH_SIDES, "switch-sides"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_COUNTDOWN, "countdown"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_SESSION_COMPLETE, "session-complete"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_REPETITION, "repetition"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_BREATHE_IN, "breathe-in"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_BREATHE_OUT, "breathe-out"))

/* The same names as the enum nicks, without a trip through GEnumClass, so
 * the lookups work from any thread and never allocate. */
static const char * const cue_names[LIMBER_N_CUES] = {
  [LIMBER_CUE_STEP_START] = "step-start",
  [LIMBER_CUE_STEP_END] = "step-end",
  [LIMBER_CUE_SWITCH_SIDES] = "switch-sides",
  [LIMBER_CUE_COUNTDOWN] = "countdown",
  [LIMBER_CUE_SESSION_COMPLETE] = "session-complete",
  [LIMBER_CUE_REPETITION] = "repetition",
  [LIMBER_CUE_BREATHE_IN] = "breathe-in",
  [LIMBER_CUE_BREATHE_OUT] = "breathe-out",
};

/**
 * limber_cue_get_name:
 * @cue: a #LimberCue
 *
 * Returns: the name files use for @cue, as in "switch-sides"; the sound
 *   theme maps it to a sound
 */
const char *
limber_cue_get_name (LimberCue cue)
{
  g_return_val_if_fail ((guint) cue < LIMBER_N_CUES, NULL);

  return cue_names[cue];
}

/**
 * limber_cue_from_name:
 * @name: a cue name such as "step-start"
 * @out_cue: (out) (optional): where to store the cue
 *
 * Returns: %TRUE if @name is the name of a cue
 */
gboolean
limber_cue_from_name (const char *name,
                      LimberCue  *out_cue)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < LIMBER_N_CUES; i++)
    {
      if (g_str_equal (name, cue_names[i]))
        {
          if (out_cue != NULL)
            *out_cue = (LimberCue) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * limber_cue_list_names:
 *
 * Returns: (transfer full): every cue name, separated by ", ", for messages
 *   that say what was expected
 */
char *
limber_cue_list_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < LIMBER_N_CUES; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, cue_names[i]);
    }
  return g_string_free (names, FALSE);
}
