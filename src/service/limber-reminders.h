/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-reminders.h: turns the break engine's events into notifications
 * and the person's answers back into engine calls: "Start stretches" opens
 * the Limber window on the chosen routine (org.freedesktop.Application
 * ActivateAction, which D-Bus-activates the app), "Postpone" and "Skip" go
 * to the engine. Picks the routine for a stretch break and the short
 * stretch a micro-break shows. */

#pragma once

#include <gio/gio.h>

#include "limber-break-engine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_REMINDERS (limber_reminders_get_type ())

G_DECLARE_FINAL_TYPE (LimberReminders, limber_reminders, LIMBER, REMINDERS, GObject)

LimberReminders *limber_reminders_new            (LimberBreakEngine *engine,
                                                  GSettings         *settings);
void             limber_reminders_show_message   (LimberReminders   *self,
                                                  const char        *title,
                                                  const char        *body);
void             limber_reminders_activate_app   (LimberReminders   *self,
                                                  const char        *action,
                                                  GVariant          *parameter);
char            *limber_reminders_pick_routine   (LimberReminders   *self);

G_END_DECLS
