/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-activity-none.h"

struct _LimberActivityNone
{
  GObject parent_instance;
};

static void limber_activity_none_iface_init (LimberActivitySourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberActivityNone, limber_activity_none, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_ACTIVITY_SOURCE,
                                                      limber_activity_none_iface_init))

static const char *
limber_activity_none_get_name (LimberActivitySource *source)
{
  return "none";
}

static gboolean
limber_activity_none_start (LimberActivitySource  *source,
                            guint                  threshold_ms,
                            GError               **error)
{
  return TRUE;
}

static void
limber_activity_none_stop (LimberActivitySource *source)
{
}

/**
 * limber_activity_none_new:
 * @clock: unused; taken so every source is built the same way
 *
 * Returns: (transfer full): a source that is always active
 */
LimberActivitySource *
limber_activity_none_new (LimberClock *clock)
{
  g_return_val_if_fail (clock == NULL || LIMBER_IS_CLOCK (clock), NULL);

  return g_object_new (LIMBER_TYPE_ACTIVITY_NONE, NULL);
}

static void
limber_activity_none_iface_init (LimberActivitySourceInterface *iface)
{
  iface->get_name = limber_activity_none_get_name;
  iface->start = limber_activity_none_start;
  iface->stop = limber_activity_none_stop;
}

static void
limber_activity_none_class_init (LimberActivityNoneClass *klass)
{
}

static void
limber_activity_none_init (LimberActivityNone *self)
{
}
