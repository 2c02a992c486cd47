/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-autostart.h: keeps "start at login" in step with the autostart
 * setting. Outside Flatpak: an XDG autostart entry for limberd, written or
 * removed. Inside Flatpak: the Background portal's RequestBackground with
 * autostart. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_AUTOSTART (limber_autostart_get_type ())

G_DECLARE_FINAL_TYPE (LimberAutostart, limber_autostart, LIMBER, AUTOSTART, GObject)

LimberAutostart *limber_autostart_new        (GSettings        *settings);
char            *limber_autostart_entry_path (void);
gboolean         limber_autostart_apply      (LimberAutostart  *self,
                                              gboolean          enabled,
                                              GError          **error);

G_END_DECLS
