/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stable names for the break vocabulary: they appear in logs, in the saved
 * state, on D-Bus and in limberctl's JSON, so they never change. */

#include "config.h"

#include "limber-break-types.h"

const char *
limber_break_type_to_string (LimberBreakType type)
{
  switch (type)
    {
    case LIMBER_BREAK_MICRO:
      return "micro";
    case LIMBER_BREAK_STRETCH:
      return "stretch";
    default:
      g_return_val_if_reached ("unknown");
    }
}

gboolean
limber_break_type_from_string (const char      *text,
                               LimberBreakType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (g_strcmp0 (text, "micro") == 0)
    *type = LIMBER_BREAK_MICRO;
  else if (g_strcmp0 (text, "stretch") == 0)
    *type = LIMBER_BREAK_STRETCH;
  else
    return FALSE;
  return TRUE;
}

const char *
limber_break_state_to_string (LimberBreakState state)
{
  switch (state)
    {
    case LIMBER_BREAK_STATE_DISABLED:
      return "disabled";
    case LIMBER_BREAK_STATE_COUNTING:
      return "counting";
    case LIMBER_BREAK_STATE_WARNED:
      return "warned";
    case LIMBER_BREAK_STATE_DUE:
      return "due";
    case LIMBER_BREAK_STATE_DEFERRED:
      return "deferred";
    case LIMBER_BREAK_STATE_ON_BREAK:
      return "on-break";
    default:
      g_return_val_if_reached ("unknown");
    }
}

const char *
limber_break_event_kind_to_string (LimberBreakEventKind kind)
{
  switch (kind)
    {
    case LIMBER_BREAK_EVENT_WARNED:
      return "warned";
    case LIMBER_BREAK_EVENT_DUE:
      return "due";
    case LIMBER_BREAK_EVENT_DEFERRED:
      return "deferred";
    case LIMBER_BREAK_EVENT_POSTPONED:
      return "postponed";
    case LIMBER_BREAK_EVENT_SKIPPED:
      return "skipped";
    case LIMBER_BREAK_EVENT_STARTED:
      return "started";
    case LIMBER_BREAK_EVENT_TAKEN:
      return "taken";
    case LIMBER_BREAK_EVENT_NATURAL:
      return "natural";
    default:
      g_return_val_if_reached ("unknown");
    }
}

const char *
limber_break_how_to_string (LimberBreakHow how)
{
  switch (how)
    {
    case LIMBER_BREAK_HOW_NONE:
      return "none";
    case LIMBER_BREAK_HOW_IDLE:
      return "idle";
    case LIMBER_BREAK_HOW_GUIDED:
      return "guided";
    default:
      g_return_val_if_reached ("unknown");
    }
}

const char *
limber_pause_kind_to_string (LimberPauseKind kind)
{
  switch (kind)
    {
    case LIMBER_PAUSE_NONE:
      return "none";
    case LIMBER_PAUSE_FOR_DURATION:
      return "for-duration";
    case LIMBER_PAUSE_UNTIL_TOMORROW:
      return "until-tomorrow";
    case LIMBER_PAUSE_INDEFINITE:
      return "indefinite";
    default:
      g_return_val_if_reached ("unknown");
    }
}
