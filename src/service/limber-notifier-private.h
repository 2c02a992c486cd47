/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-notifier-private.h: what a notification says and offers, worked out
 * from the request and the server's capabilities without talking to any
 * server, so tests can check it for capabilities no real server lacks. */

#pragma once

#include <libnotify/notify.h>

#include "limber-notifier.h"

G_BEGIN_DECLS

/* The capabilities of a notification server that change what is sent. */
typedef enum
{
  LIMBER_NOTIFIER_CAP_ACTIONS = 1 << 0,
  LIMBER_NOTIFIER_CAP_BODY_MARKUP = 1 << 1,
  LIMBER_NOTIFIER_CAP_PERSISTENCE = 1 << 2,
} LimberNotifierCaps;

#define LIMBER_NOTICE_MAX_ACTIONS 4

typedef struct
{
  /* "default", "start", "postpone" or "skip". */
  const char *id;
  char *label;
} LimberNoticeAction;

typedef struct
{
  /* Plain text, as the specification wants for summaries. */
  char *summary;
  /* Markup with every piece of text escaped when the server has
   * body-markup, plain text otherwise. */
  char *body;
  NotifyUrgency urgency;
  /* NOTIFY_EXPIRES_DEFAULT or NOTIFY_EXPIRES_NEVER. */
  int timeout;
  /* Not worth keeping in the server's history once gone. */
  gboolean transient;
  guint n_actions;
  LimberNoticeAction actions[LIMBER_NOTICE_MAX_ACTIONS];
} LimberNotice;

LimberNotifierCaps  limber_notifier_caps_from_strv (const char * const *caps);
char               *limber_notifier_format_postpone (guint               seconds);
const char         *limber_notifier_action_name     (const char         *action_id);

LimberNotice       *limber_notice_new_warning       (LimberBreakType     type,
                                                     gint64              seconds_left,
                                                     guint               postpone_seconds,
                                                     LimberNotifierCaps  caps);
LimberNotice       *limber_notice_new_due           (LimberBreakType     type,
                                                     gboolean            escalated,
                                                     const char         *micro_title,
                                                     const char         *micro_text,
                                                     guint               postpone_seconds,
                                                     LimberNotifierCaps  caps);
LimberNotice       *limber_notice_new_message       (const char         *title,
                                                     const char         *body,
                                                     LimberNotifierCaps  caps);
const LimberNoticeAction *limber_notice_find_action (const LimberNotice *notice,
                                                     const char         *id);
void                limber_notice_free              (LimberNotice       *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberNotice, limber_notice_free)

G_END_DECLS
