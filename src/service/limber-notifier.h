/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-notifier.h: limberd's desktop notifications (libnotify).
 *
 * One notification per break type: the warning before a break turns into
 * the due reminder in place, and a new reminder replaces the old one rather
 * than stacking. What each one says and offers:
 *
 *   warning  low urgency, expires, marked transient. A stretch break offers
 *            "Postpone …" and "Skip" (the engine accepts both before the
 *            break is due), a micro-break none: it is a heads-up, not a
 *            question.
 *   due      stretch break: normal urgency; clicking the bubble (action
 *            "default") or "Start stretches" starts the guided session;
 *            "Postpone …" (the length is the "postpone-seconds" property)
 *            and "Skip". Micro-break: one short stretch (the caller's title
 *            and text), a click starts it, "Skip"; the owner closes it once
 *            the break has been taken. An escalated reminder (the last
 *            allowed postpone was used) is critical and offers no postpone.
 *            Due reminders never expire on servers without "persistence".
 *   message  a one-off notice (normal urgency, no actions).
 *
 * ::action reports the person's choice ("default", a click on the bubble,
 * is reported as "start") and the notification is closed, since not every
 * server removes it by itself; ::closed reports a notification the server
 * closed without an action (dismissed, or expired). Neither is emitted for
 * limber_notifier_close().
 *
 * The server's capabilities are read when it appears: without "actions" no
 * buttons are sent (the body says to use the tray or limberctl instead);
 * with "body-markup" every piece of text is escaped and a title is set in
 * bold, without it the body is plain text.
 *
 * Without a notification server the calls return FALSE and the reason is
 * logged once; if the bus can start one (D-Bus activation, "auto-start")
 * that is asked for. The last due reminder of each type (and a warning
 * still in time, and one-off messages) wait, and are shown as soon as a
 * server appears, including a new one after the old one went away.
 *
 * Inside a Flatpak or Snap, libnotify talks to the notification portal, and
 * so does this watch. libnotify's calls are synchronous: each show or close
 * is one round trip to the server. */

#pragma once

#include <glib-object.h>

#include "limber-break-types.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_NOTIFIER (limber_notifier_get_type ())

G_DECLARE_FINAL_TYPE (LimberNotifier, limber_notifier, LIMBER, NOTIFIER, GObject)

LimberNotifier *limber_notifier_new                  (void);
gboolean        limber_notifier_get_available        (LimberNotifier  *self);
guint           limber_notifier_get_postpone_seconds (LimberNotifier  *self);
void            limber_notifier_set_postpone_seconds (LimberNotifier  *self,
                                                      guint            seconds);
gboolean        limber_notifier_get_auto_start       (LimberNotifier  *self);
void            limber_notifier_set_auto_start       (LimberNotifier  *self,
                                                      gboolean         auto_start);
gboolean        limber_notifier_show_warning         (LimberNotifier  *self,
                                                      LimberBreakType  type,
                                                      gint64           seconds_left);
gboolean        limber_notifier_show_due             (LimberNotifier  *self,
                                                      LimberBreakType  type,
                                                      gboolean         escalated,
                                                      const char      *micro_title,
                                                      const char      *micro_text,
                                                      const char      *routine_id);
const char     *limber_notifier_get_routine_id       (LimberNotifier  *self,
                                                      LimberBreakType  type);
gboolean        limber_notifier_close                (LimberNotifier  *self,
                                                      LimberBreakType  type);
gboolean        limber_notifier_show_message         (LimberNotifier  *self,
                                                      const char      *title,
                                                      const char      *body);

G_END_DECLS
