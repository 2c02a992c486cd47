/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-activity-source.h"

G_DEFINE_QUARK (limber-activity-source-error-quark, limber_activity_source_error)

G_DEFINE_INTERFACE (LimberActivitySource, limber_activity_source, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The state every implementation shares, kept on the instance so the
 * interface stays small. */
typedef struct
{
  gboolean idle;
  gint64 idle_since;
} ActivityState;

static GQuark state_quark;

static ActivityState *
get_state (LimberActivitySource *self)
{
  ActivityState *state = g_object_get_qdata (G_OBJECT (self), state_quark);

  if (state == NULL)
    {
      state = g_new0 (ActivityState, 1);
      g_object_set_qdata_full (G_OBJECT (self), state_quark, state, g_free);
    }
  return state;
}

static void
limber_activity_source_default_init (LimberActivitySourceInterface *iface)
{
  state_quark = g_quark_from_static_string ("limber-activity-source-state");

  /**
   * LimberActivitySource::changed:
   * @idle: whether the person is now idle
   * @idle_since: when idle, the boottime (µs) at which the idle span began
   *
   * The person went idle (past the threshold) or came back.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_INTERFACE (iface),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_INT64);
}

const char *
limber_activity_source_get_name (LimberActivitySource *self)
{
  g_return_val_if_fail (LIMBER_IS_ACTIVITY_SOURCE (self), NULL);
  return LIMBER_ACTIVITY_SOURCE_GET_IFACE (self)->get_name (self);
}

/**
 * limber_activity_source_start:
 * @threshold_ms: how long without input counts as idle
 * @error: a #LIMBER_ACTIVITY_SOURCE_ERROR when the backend cannot work here
 *
 * Starts watching. The source begins in the active state.
 */
gboolean
limber_activity_source_start (LimberActivitySource  *self,
                              guint                  threshold_ms,
                              GError               **error)
{
  g_return_val_if_fail (LIMBER_IS_ACTIVITY_SOURCE (self), FALSE);
  g_return_val_if_fail (threshold_ms > 0, FALSE);
  return LIMBER_ACTIVITY_SOURCE_GET_IFACE (self)->start (self, threshold_ms, error);
}

void
limber_activity_source_stop (LimberActivitySource *self)
{
  g_return_if_fail (LIMBER_IS_ACTIVITY_SOURCE (self));
  LIMBER_ACTIVITY_SOURCE_GET_IFACE (self)->stop (self);
}

/**
 * limber_activity_source_get_idle:
 * @idle_since: (out) (optional): when idle, the boottime the idle span began
 *
 * Returns: whether the person is idle now
 */
gboolean
limber_activity_source_get_idle (LimberActivitySource *self,
                                 gint64               *idle_since)
{
  ActivityState *state;

  g_return_val_if_fail (LIMBER_IS_ACTIVITY_SOURCE (self), FALSE);

  state = get_state (self);
  if (idle_since != NULL)
    *idle_since = state->idle ? state->idle_since : -1;
  return state->idle;
}

/**
 * limber_activity_source_set_idle:
 * @idle: whether the person is idle now
 * @idle_since: when @idle, the boottime (µs) the idle span began
 *
 * For implementations: records the new state and emits ::changed when it
 * differs from the old one.
 */
void
limber_activity_source_set_idle (LimberActivitySource *self,
                                 gboolean              idle,
                                 gint64                idle_since)
{
  ActivityState *state;

  g_return_if_fail (LIMBER_IS_ACTIVITY_SOURCE (self));

  state = get_state (self);
  idle = !!idle;
  if (state->idle == idle)
    return;

  state->idle = idle;
  state->idle_since = idle ? idle_since : -1;
  g_signal_emit (self, signals[CHANGED], 0, idle, state->idle_since);
}
