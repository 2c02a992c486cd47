/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-tray-private.h: what only the tests may change in a LimberTray. */

#pragma once

#include "limber-tray.h"

G_BEGIN_DECLS

/* Whether limber_tray_set_background_status() talks to the Background
 * portal. A tray finds out by itself (/.flatpak-info); the tests set it to
 * drive the portal call outside a sandbox. */
void limber_tray_set_sandboxed (LimberTray *self,
                                gboolean    sandboxed);

G_END_DECLS
