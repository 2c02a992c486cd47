/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drive it with limber_activity_source_set_idle(). */

#include "config.h"

#include "limber-fake-activity.h"

struct _LimberFakeActivity
{
  GObject parent_instance;
};

static void limber_fake_activity_iface_init (LimberActivitySourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberFakeActivity, limber_fake_activity, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_ACTIVITY_SOURCE,
                                                      limber_fake_activity_iface_init))

static const char *
fake_get_name (LimberActivitySource *source)
{
  return "fake";
}

static gboolean
fake_start (LimberActivitySource  *source,
            guint                  threshold_ms,
            GError               **error)
{
  return TRUE;
}

static void
fake_stop (LimberActivitySource *source)
{
}

static void
limber_fake_activity_iface_init (LimberActivitySourceInterface *iface)
{
  iface->get_name = fake_get_name;
  iface->start = fake_start;
  iface->stop = fake_stop;
}

static void
limber_fake_activity_class_init (LimberFakeActivityClass *klass)
{
}

static void
limber_fake_activity_init (LimberFakeActivity *self)
{
}

LimberFakeActivity *
limber_fake_activity_new (void)
{
  return g_object_new (LIMBER_TYPE_FAKE_ACTIVITY, NULL);
}
