/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-duration.h"

G_DEFINE_QUARK (limber-duration-error-quark, limber_duration_error)

static gint64
unit_seconds (char unit)
{
  switch (unit)
    {
    case 'h':
      return 60 * 60;
    case 'm':
      return 60;
    case 's':
      return 1;
    default:
      return 0;
    }
}

/**
 * limber_duration_parse:
 * @text: a duration such as "30m", "1h30m", "90s" or "2h 15m"
 * @out_seconds: (out): where to store the duration in seconds
 * @error: return location for a #LIMBER_DURATION_ERROR
 *
 * Parses a sequence of numbers, each followed by a unit (h, m or s), in
 * decreasing order of unit. A bare number is refused rather than guessed:
 * "30" could mean seconds or minutes.
 *
 * Returns: %TRUE and the duration in @out_seconds, or %FALSE with @error set
 */
gboolean
limber_duration_parse (const char  *text,
                       gint64      *out_seconds,
                       GError     **error)
{
  const char *p;
  gint64 total = 0;
  gint64 last_unit = G_MAXINT64;
  gboolean any = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  p = text;
  while (*p != '\0')
    {
      gint64 value = 0;
      gint64 unit;
      const char *digits;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      digits = p;
      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (*p - '0');
          if (value > LIMBER_DURATION_MAX_SECONDS)
            {
              g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_OUT_OF_RANGE,
                           _("“%s” is too long: the longest duration is 7 days"), text);
              return FALSE;
            }
          p++;
        }

      if (p == digits)
        {
          g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_INVALID,
                       _("“%s” is not a duration: expected a number at “%s” (for example 30m or 1h30m)"),
                       text, p);
          return FALSE;
        }

      unit = unit_seconds (g_ascii_tolower (*p));
      if (unit == 0)
        {
          if (*p == '\0')
            g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_INVALID,
                         _("“%s” has no unit: add h, m or s (for example 30m)"), text);
          else
            g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_INVALID,
                         _("“%s” is not a duration: unknown unit at “%s” (use h, m or s)"),
                         text, p);
          return FALSE;
        }

      if (unit >= last_unit)
        {
          g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_INVALID,
                       _("“%s” is not a duration: give hours, then minutes, then seconds, each once"),
                       text);
          return FALSE;
        }

      last_unit = unit;
      total += value * unit;
      any = TRUE;
      p++;

      if (total > LIMBER_DURATION_MAX_SECONDS)
        {
          g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_OUT_OF_RANGE,
                       _("“%s” is too long: the longest duration is 7 days"), text);
          return FALSE;
        }
    }

  if (!any)
    {
      g_set_error_literal (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_INVALID,
                           _("The duration is empty: expected for example 30m or 1h30m"));
      return FALSE;
    }

  if (total == 0)
    {
      g_set_error (error, LIMBER_DURATION_ERROR, LIMBER_DURATION_ERROR_OUT_OF_RANGE,
                   _("“%s” is zero: a duration must be at least one second"), text);
      return FALSE;
    }

  *out_seconds = total;
  return TRUE;
}

/**
 * limber_duration_format_minutes:
 * @seconds: a duration, rounded up to whole minutes
 *
 * Formats a duration for people: "1 min", "23 min", "1 h", "1 h 5 min".
 * A part of a minute counts as a whole one, so a break due in 20 seconds
 * reads "1 min" rather than "0 min".
 *
 * Returns: (transfer full): the text
 */
char *
limber_duration_format_minutes (gint64 seconds)
{
  gint64 minutes;
  gint64 hours;

  if (seconds < 0)
    seconds = 0;

  minutes = (seconds + 59) / 60;
  hours = minutes / 60;
  minutes %= 60;

  if (hours == 0)
    /* Translators: a duration in minutes, as in "Next stretch in 23 min" */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (minutes == 0)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (_("%d h"), (int) hours);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
}
