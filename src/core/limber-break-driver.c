/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-break-driver.h"

struct _LimberBreakDriver
{
  GObject parent_instance;

  LimberBreakEngine *engine;
  LimberClock *clock;
  LimberActivitySource *source;

  gulong deadline_handler;
  gulong alarm_handler;
  gulong source_handler;
};

G_DEFINE_FINAL_TYPE (LimberBreakDriver, limber_break_driver, G_TYPE_OBJECT)

static void
deadline_changed_cb (LimberBreakEngine *engine,
                     GParamSpec        *pspec,
                     LimberBreakDriver *self)
{
  limber_clock_set_alarm (self->clock, limber_break_engine_get_next_deadline (engine));
}

static void
alarm_cb (LimberClock       *clock,
          LimberBreakDriver *self)
{
  limber_break_engine_update (self->engine);
  /* The deadline may be unchanged (nothing happened yet, for example when
   * woken early); re-arm in every case, since an alarm fires only once. */
  limber_clock_set_alarm (self->clock, limber_break_engine_get_next_deadline (self->engine));
}

static void
source_changed_cb (LimberActivitySource *source,
                   gboolean              idle,
                   gint64                idle_since,
                   LimberBreakDriver    *self)
{
  limber_break_engine_set_idle (self->engine, idle, idle_since);
}

/**
 * limber_break_driver_new:
 * @engine: the engine to drive; its clock carries the alarm
 *
 * Returns: (transfer full): a driver; the engine runs while it lives
 */
LimberBreakDriver *
limber_break_driver_new (LimberBreakEngine *engine)
{
  LimberBreakDriver *self;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (engine), NULL);

  self = g_object_new (LIMBER_TYPE_BREAK_DRIVER, NULL);
  self->engine = g_object_ref (engine);
  self->clock = g_object_ref (limber_break_engine_get_clock (engine));

  self->deadline_handler = g_signal_connect (engine, "notify::next-deadline",
                                             G_CALLBACK (deadline_changed_cb), self);
  self->alarm_handler = g_signal_connect (self->clock, "alarm", G_CALLBACK (alarm_cb), self);
  limber_clock_set_alarm (self->clock, limber_break_engine_get_next_deadline (engine));

  return self;
}

LimberBreakEngine *
limber_break_driver_get_engine (LimberBreakDriver *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_DRIVER (self), NULL);
  return self->engine;
}

/**
 * limber_break_driver_set_source:
 * @source: (nullable): a started activity source, or %NULL
 *
 * Feeds the engine from @source, starting with its current state.
 */
void
limber_break_driver_set_source (LimberBreakDriver    *self,
                                LimberActivitySource *source)
{
  gint64 idle_since = -1;
  gboolean idle;

  g_return_if_fail (LIMBER_IS_BREAK_DRIVER (self));
  g_return_if_fail (source == NULL || LIMBER_IS_ACTIVITY_SOURCE (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_clear_signal_handler (&self->source_handler, self->source);
  g_set_object (&self->source, source);

  if (source == NULL)
    {
      limber_break_engine_set_idle (self->engine, FALSE, -1);
      return;
    }

  self->source_handler = g_signal_connect (source, "changed", G_CALLBACK (source_changed_cb), self);
  idle = limber_activity_source_get_idle (source, &idle_since);
  limber_break_engine_set_idle (self->engine, idle, idle_since);
}

LimberActivitySource *
limber_break_driver_get_source (LimberBreakDriver *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_DRIVER (self), NULL);
  return self->source;
}

static void
limber_break_driver_dispose (GObject *object)
{
  LimberBreakDriver *self = LIMBER_BREAK_DRIVER (object);

  if (self->source != NULL)
    g_clear_signal_handler (&self->source_handler, self->source);
  if (self->engine != NULL)
    g_clear_signal_handler (&self->deadline_handler, self->engine);
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->alarm_handler, self->clock);
      limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);
    }

  g_clear_object (&self->source);
  g_clear_object (&self->engine);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_break_driver_parent_class)->dispose (object);
}

static void
limber_break_driver_class_init (LimberBreakDriverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_break_driver_dispose;
}

static void
limber_break_driver_init (LimberBreakDriver *self)
{
}
