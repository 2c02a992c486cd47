/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-dbus-names.h"

static const GDBusErrorEntry error_entries[] = {
  { LIMBER_DBUS_ERROR_INVALID_ARGS, "io.github.limberapp.Limber.Error.InvalidArgs" },
  { LIMBER_DBUS_ERROR_WRONG_STATE, "io.github.limberapp.Limber.Error.WrongState" },
  { LIMBER_DBUS_ERROR_POSTPONE_LIMIT, "io.github.limberapp.Limber.Error.PostponeLimit" },
  { LIMBER_DBUS_ERROR_DISABLED, "io.github.limberapp.Limber.Error.Disabled" },
  { LIMBER_DBUS_ERROR_FAILED, "io.github.limberapp.Limber.Error.Failed" },
};

GQuark
limber_dbus_error_quark (void)
{
  static gsize quark = 0;

  g_dbus_error_register_error_domain ("limber-dbus-error-quark", &quark,
                                      error_entries, G_N_ELEMENTS (error_entries));
  return (GQuark) quark;
}
