/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-routine.c: feeds arbitrary bytes to the routine and figure parsers,
 * as a file of either kind, then to what comes after parsing: resolving a
 * routine against the bundled figures, resolving a figures file's base
 * poses and keyframes, and sampling every animation it defines. Warnings
 * and criticals abort, so libFuzzer reports them as crashes. */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "fuzz-routine.h"
#include "limber-routine-parser.h"
#include "limber-routine-private.h"

static LimberFigureSet *bundled;

/* A warning or a critical is a bug: abort, which libFuzzer catches and
 * saves the input for (GLib's own fatal logs raise SIGTRAP, which it
 * does not). */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  /* Routines from the input use the real figures, so that resolving them
   * gets somewhere. Held for the whole run: not a leak. */
  if (!limber_routine_parser_read_file (LIMBER_FUZZ_FIGURES, &data, &length, &error))
    g_error ("%s", error->message);
  bundled = limber_routine_parser_parse_figures (LIMBER_FUZZ_FIGURES, data, length, NULL, &error);
  if (bundled == NULL)
    g_error ("%s", error->message);
  return 0;
}

static void
check_error (const GError *error)
{
  g_autofree char *line = NULL;

  /* Every error says where it is, in words. */
  g_assert (error->domain == LIMBER_ROUTINE_ERROR);
  g_assert (limber_routine_error_get_detail (error) != NULL);
  g_assert (limber_routine_error_get_line (error) >= 0);
  line = limber_routine_error_format (error);
  g_assert (g_utf8_validate (line, -1, NULL));
}

static void
exercise_routine (LimberRoutine *routine)
{
  g_autoptr(GError) error = NULL;

  g_assert (limber_routine_get_id (routine) != NULL);
  g_assert (limber_routine_get_n_steps (routine) > 0);
  (void) limber_routine_get_duration (routine);

  if (!limber_routine_resolve (routine, bundled, &error))
    {
      check_error (error);
      return;
    }
  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    g_assert (limber_step_get_animation (limber_routine_get_step (routine, i)) != NULL);
}

static void
exercise_animation (LimberFigureAnimation *animation)
{
  double duration = limber_figure_animation_get_duration (animation);
  const double times[] = { -1.0, 0.0, 0.001, duration / 3.0, duration / 2.0, duration - 0.001,
                           duration, duration * 2.5, 1e9, NAN, INFINITY };
  LimberCue cues[4];

  for (gsize t = 0; t < G_N_ELEMENTS (times); t++)
    {
      for (int mirrored = 0; mirrored <= 1; mirrored++)
        {
          LimberPose pose;

          limber_figure_animation_sample (animation, times[t], mirrored, &pose);
          for (guint j = 0; j < LIMBER_N_JOINTS; j++)
            g_assert (isfinite (pose.angle[j]));
        }
      if (t > 0)
        g_assert (limber_figure_animation_cues_between (animation, times[t - 1], times[t], cues,
                                                        G_N_ELEMENTS (cues))
                  <= G_N_ELEMENTS (cues));
    }
}

static void
exercise_figures (LimberFigureFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberFigureSet) set = limber_figure_set_new_from_file (file, bundled, &error);
  g_auto(GStrv) names = NULL;

  if (set == NULL)
    {
      check_error (error);
      return;
    }

  names = limber_figure_set_list_animations (set);
  for (guint i = 0; names[i] != NULL; i++)
    exercise_animation (limber_figure_set_lookup_animation (set, names[i]));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  LimberParsedFile parsed;

  /* A name without .xml: the id need not match it, so more inputs get
   * past the root element. */
  if (!limber_routine_parser_parse ("fuzz-input", (const char *) data, size, &parsed, &error))
    {
      check_error (error);
      return 0;
    }

  g_assert ((parsed.routine != NULL) != (parsed.figures != NULL));
  if (parsed.routine != NULL)
    exercise_routine (parsed.routine);
  else
    exercise_figures (parsed.figures);

  limber_parsed_file_clear (&parsed);
  return 0;
}
