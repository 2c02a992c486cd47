/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-dbus-names.h: the bus names, object paths and error names of the
 * D-Bus API between limberd, limber and limberctl. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_DBUS_SERVICE_PATH "/io/github/limberapp/Limber/Service"

#define LIMBER_DBUS_ERROR (limber_dbus_error_quark ())

/* Mapped to io.github.limberapp.Limber.Error.* on the bus. */
typedef enum
{
  LIMBER_DBUS_ERROR_INVALID_ARGS,
  LIMBER_DBUS_ERROR_WRONG_STATE,
  LIMBER_DBUS_ERROR_POSTPONE_LIMIT,
  LIMBER_DBUS_ERROR_DISABLED,
  LIMBER_DBUS_ERROR_FAILED,
} LimberDBusError;

GQuark limber_dbus_error_quark (void);

G_END_DECLS
