/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-source.h: tells whether the person is at the keyboard.
 *
 * A source reports "idle" once nobody has touched the keyboard or pointer
 * for its threshold, with the boottime at which that idle span began, and
 * "active" again at the first input. Shorter pauses are not reported: they
 * count as sitting anyway. Implementations live in src/service (Mutter,
 * ext-idle-notify, X11, ScreenSaver, none); tests use a fake. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_ACTIVITY_SOURCE (limber_activity_source_get_type ())

G_DECLARE_INTERFACE (LimberActivitySource, limber_activity_source, LIMBER, ACTIVITY_SOURCE, GObject)

#define LIMBER_ACTIVITY_SOURCE_ERROR (limber_activity_source_error_quark ())

typedef enum
{
  /* The backend does not exist in this session (no compositor support,
   * no X server, nobody owns the D-Bus name). */
  LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE,
  /* The backend exists but failed while starting. */
  LIMBER_ACTIVITY_SOURCE_ERROR_FAILED,
} LimberActivitySourceError;

struct _LimberActivitySourceInterface
{
  GTypeInterface parent_iface;

  /* Short stable name for logs, settings and the status: "mutter", "x11". */
  const char *(*get_name) (LimberActivitySource  *self);
  gboolean    (*start)    (LimberActivitySource  *self,
                           guint                  threshold_ms,
                           GError               **error);
  void        (*stop)     (LimberActivitySource  *self);
};

GQuark      limber_activity_source_error_quark (void);
const char *limber_activity_source_get_name    (LimberActivitySource  *self);
gboolean    limber_activity_source_start       (LimberActivitySource  *self,
                                                guint                  threshold_ms,
                                                GError               **error);
void        limber_activity_source_stop        (LimberActivitySource  *self);
gboolean    limber_activity_source_get_idle    (LimberActivitySource  *self,
                                                gint64                *idle_since);

/* For implementations. */
void        limber_activity_source_set_idle    (LimberActivitySource  *self,
                                                gboolean               idle,
                                                gint64                 idle_since);

G_END_DECLS
