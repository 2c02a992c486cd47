/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-tray-presenter.h: keeps the tray icon (and, in Flatpak, the
 * Background portal's status line) in step with the break engine, and
 * turns the tray menu's choices into engine calls and app actions. The
 * text ("Next stretch in 23 min · sitting for 27 min") is refreshed at
 * most once a minute, and only while a tray host shows it. */

#pragma once

#include <gio/gio.h>

#include "limber-break-engine.h"
#include "limber-reminders.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_TRAY_PRESENTER (limber_tray_presenter_get_type ())

G_DECLARE_FINAL_TYPE (LimberTrayPresenter, limber_tray_presenter, LIMBER, TRAY_PRESENTER, GObject)

LimberTrayPresenter *limber_tray_presenter_new      (LimberBreakEngine   *engine,
                                                     LimberReminders     *reminders,
                                                     GSettings           *settings);
char                *limber_tray_presenter_describe (LimberBreakEngine   *engine);

G_END_DECLS
