/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-service-api.h: limberd's D-Bus API (data/dbus/): the engine's
 * state as properties, the person's choices as methods, every argument
 * checked and every failure a D-Bus error with a clear message. */

#pragma once

#include <gio/gio.h>

#include "limber-break-service.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SERVICE_API (limber_service_api_get_type ())

G_DECLARE_FINAL_TYPE (LimberServiceApi, limber_service_api, LIMBER, SERVICE_API, GObject)

LimberServiceApi *limber_service_api_new      (LimberBreakService  *breaks);
gboolean          limber_service_api_export   (LimberServiceApi    *self,
                                               GDBusConnection     *connection,
                                               GError             **error);
void              limber_service_api_unexport (LimberServiceApi    *self);

G_END_DECLS
