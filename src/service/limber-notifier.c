/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <libnotify/notify.h>

#include "limber-duration.h"
#include "limber-notifier.h"
#include "limber-notifier-private.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define PORTAL_NAME "org.freedesktop.portal.Desktop"

/* One-off messages kept while no server is there; older ones are dropped. */
#define MAX_QUEUED_MESSAGES 4

typedef struct
{
  char *micro_title;
  char *micro_text;
  char *routine_id;
  gboolean escalated;
} DueRequest;

typedef struct
{
  char *title;
  char *body;
} MessageRequest;

typedef struct
{
  LimberNotifier *notifier;
  LimberBreakType type;

  /* The notification on the current server, or NULL. */
  NotifyNotification *notification;

  /* The due reminder nobody has answered yet, kept to show it again on a
   * new server; due_serial tells a new request from an old one. */
  DueRequest *due;
  guint due_serial;

  /* A warning that found no server: the monotonic time at which its break
   * is due, or 0. It is shown when a server appears before then. */
  gint64 queued_warning_due;
} Slot;

struct _LimberNotifier
{
  GObject parent_instance;

  GCancellable *cancellable;
  GDBusConnection *bus;
  const char *server_name;
  guint watch_id;
  gboolean watch_answered;
  /* The unique name of the server, NULL while there is none. */
  char *server_owner;
  LimberNotifierCaps caps;
  gboolean starting_server;
  gboolean trouble_reported;

  Slot slots[LIMBER_N_BREAK_TYPES];
  GQueue queued_messages;

  guint postpone_seconds;
  gboolean auto_start;
  gboolean initted_libnotify;
};

G_DEFINE_FINAL_TYPE (LimberNotifier, limber_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_POSTPONE_SECONDS,
  PROP_AUTO_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTION,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What to send: pure functions of the request and the capabilities. */

/**
 * limber_notifier_caps_from_strv:
 * @caps: (nullable): the server's capabilities, as GetCapabilities lists them
 *
 * Returns: the capabilities that change what Limber sends
 */
LimberNotifierCaps
limber_notifier_caps_from_strv (const char * const *caps)
{
  LimberNotifierCaps result = 0;

  if (caps == NULL)
    return 0;

  if (g_strv_contains (caps, "actions"))
    result |= LIMBER_NOTIFIER_CAP_ACTIONS;
  if (g_strv_contains (caps, "body-markup"))
    result |= LIMBER_NOTIFIER_CAP_BODY_MARKUP;
  if (g_strv_contains (caps, "persistence"))
    result |= LIMBER_NOTIFIER_CAP_PERSISTENCE;
  return result;
}

/**
 * limber_notifier_format_postpone:
 * @seconds: the postpone length
 *
 * Returns: (transfer full): the label of the postpone button, such as
 *   "Postpone 5 min"
 */
char *
limber_notifier_format_postpone (guint seconds)
{
  g_autofree char *length = NULL;

  if (seconds < 60)
    /* Translators: a length in seconds, as in "Postpone 30 s" */
    length = g_strdup_printf (_("%u s"), seconds);
  else if (seconds % 60 == 0)
    length = limber_duration_format_minutes (seconds);
  else
    /* Translators: a length in minutes and seconds, as in "Postpone 1 min 30 s" */
    length = g_strdup_printf (_("%u min %u s"), seconds / 60, seconds % 60);

  /* Translators: a button on the break reminder; %s is a length such as "5 min" */
  return g_strdup_printf (_("Postpone %s"), length);
}

/**
 * limber_notifier_action_name:
 * @action_id: an action as the server reports it
 *
 * Returns: the name ::action is emitted with: a click on the bubble
 *   ("default") starts the break
 */
const char *
limber_notifier_action_name (const char *action_id)
{
  if (g_strcmp0 (action_id, "default") == 0)
    return "start";
  return action_id;
}

static LimberNotice *
notice_new (const char         *summary,
            NotifyUrgency       urgency,
            int                 timeout)
{
  LimberNotice *notice = g_new0 (LimberNotice, 1);

  notice->summary = g_strdup (summary);
  notice->urgency = urgency;
  notice->timeout = timeout;
  return notice;
}

static void
notice_add_action (LimberNotice       *notice,
                   LimberNotifierCaps  caps,
                   const char         *id,
                   char               *label)
{
  g_autofree char *owned_label = label;

  /* A server without actions would show the buttons as nothing, or
   * worse, as a default action the person cannot see. */
  if (!(caps & LIMBER_NOTIFIER_CAP_ACTIONS))
    return;

  g_assert (notice->n_actions < LIMBER_NOTICE_MAX_ACTIONS);
  notice->actions[notice->n_actions].id = id;
  notice->actions[notice->n_actions].label = g_steal_pointer (&owned_label);
  notice->n_actions++;
}

/* Appends TEXT to the body: escaped when the body is markup. Translated
 * strings go through here too, since a translation may hold an "&". */
static void
body_append (GString            *body,
             LimberNotifierCaps  caps,
             const char         *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  if (body->len > 0)
    g_string_append_c (body, '\n');
  if (caps & LIMBER_NOTIFIER_CAP_BODY_MARKUP)
    {
      escaped = g_markup_escape_text (text, -1);
      g_string_append (body, escaped);
    }
  else
    g_string_append (body, text);
}

/* Appends TEXT in bold where the server shows markup. */
static void
body_append_title (GString            *body,
                   LimberNotifierCaps  caps,
                   const char         *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  if (!(caps & LIMBER_NOTIFIER_CAP_BODY_MARKUP))
    {
      body_append (body, caps, text);
      return;
    }

  if (body->len > 0)
    g_string_append_c (body, '\n');
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (body, "<b>%s</b>", escaped);
}

static char *
warning_summary (LimberBreakType type,
                 gint64          seconds_left)
{
  g_autofree char *length = NULL;

  if (seconds_left < 1)
    seconds_left = 1;

  if (seconds_left < 60)
    {
      if (type == LIMBER_BREAK_MICRO)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Micro-break in %d second",
                                             "Micro-break in %d seconds",
                                             seconds_left),
                                (int) seconds_left);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Stretch break in %d second",
                                           "Stretch break in %d seconds",
                                           seconds_left),
                              (int) seconds_left);
    }

  length = limber_duration_format_minutes (seconds_left);
  if (type == LIMBER_BREAK_MICRO)
    /* Translators: %s is a length such as "2 min" */
    return g_strdup_printf (_("Micro-break in %s"), length);
  /* Translators: %s is a length such as "2 min" */
  return g_strdup_printf (_("Stretch break in %s"), length);
}

/**
 * limber_notice_new_warning:
 *
 * The heads-up before a break: low urgency and transient. A stretch break
 * can be postponed or skipped from it; a micro-break's warning asks
 * nothing.
 */
LimberNotice *
limber_notice_new_warning (LimberBreakType     type,
                           gint64              seconds_left,
                           guint               postpone_seconds,
                           LimberNotifierCaps  caps)
{
  g_autofree char *summary = warning_summary (type, seconds_left);
  g_autoptr(GString) body = g_string_new (NULL);
  LimberNotice *notice = notice_new (summary, NOTIFY_URGENCY_LOW, NOTIFY_EXPIRES_DEFAULT);

  notice->transient = TRUE;
  if (type == LIMBER_BREAK_MICRO)
    body_append (body, caps, _("Get ready to pause for a few seconds."));
  else
    {
      body_append (body, caps, _("Finish what you are doing: a few minutes of stretching come next."));
      notice_add_action (notice, caps, "postpone",
                         limber_notifier_format_postpone (postpone_seconds));
      notice_add_action (notice, caps, "skip", g_strdup (_("Skip")));
    }
  notice->body = g_string_free (g_steal_pointer (&body), FALSE);
  return notice;
}

/**
 * limber_notice_new_due:
 *
 * The reminder of a due break. It never expires on a server without
 * persistence, where an expired notification would be lost; a micro-break's
 * never expires at all, since its owner closes it once the break is taken.
 */
LimberNotice *
limber_notice_new_due (LimberBreakType     type,
                       gboolean            escalated,
                       const char         *micro_title,
                       const char         *micro_text,
                       guint               postpone_seconds,
                       LimberNotifierCaps  caps)
{
  g_autoptr(GString) body = g_string_new (NULL);
  LimberNotice *notice;
  const char *summary;
  int timeout;

  if (type == LIMBER_BREAK_MICRO)
    {
      summary = escalated ? _("Micro-break: last reminder") : _("Micro-break");
      timeout = NOTIFY_EXPIRES_NEVER;
    }
  else
    {
      summary = escalated ? _("Stretch break: last reminder") : _("Time for a stretch break");
      timeout = (caps & LIMBER_NOTIFIER_CAP_PERSISTENCE) ? NOTIFY_EXPIRES_DEFAULT
                                                         : NOTIFY_EXPIRES_NEVER;
    }

  notice = notice_new (summary,
                       escalated ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL,
                       timeout);

  if (escalated)
    body_append (body, caps, _("This break has been postponed as many times as allowed."));

  if (type == LIMBER_BREAK_MICRO)
    {
      if ((micro_title == NULL || *micro_title == '\0')
          && (micro_text == NULL || *micro_text == '\0'))
        body_append (body, caps,
                     _("Look away from the screen, drop your shoulders and breathe out slowly."));
      body_append_title (body, caps, micro_title);
      body_append (body, caps, micro_text);

      notice_add_action (notice, caps, "default", g_strdup (_("Show the stretch")));
      notice_add_action (notice, caps, "skip", g_strdup (_("Skip")));
    }
  else
    {
      if (escalated)
        body_append (body, caps, _("Stand up and stretch now."));
      else
        body_append (body, caps,
                     _("Stand up and loosen your back, shoulders and neck for a few minutes."));

      notice_add_action (notice, caps, "default", g_strdup (_("Start stretches")));
      notice_add_action (notice, caps, "start", g_strdup (_("Start stretches")));
      /* After the last allowed postpone there is nothing left to postpone. */
      if (!escalated)
        notice_add_action (notice, caps, "postpone",
                           limber_notifier_format_postpone (postpone_seconds));
      notice_add_action (notice, caps, "skip", g_strdup (_("Skip")));

      if (!(caps & LIMBER_NOTIFIER_CAP_ACTIONS))
        body_append (body, caps,
                     _("Start, postpone or skip it from Limber’s tray icon or with limberctl."));
    }

  notice->body = g_string_free (g_steal_pointer (&body), FALSE);
  return notice;
}

/**
 * limber_notice_new_message:
 *
 * A one-off notice. On a server without persistence it stays until
 * dismissed: it is rare and says something the person should read.
 */
LimberNotice *
limber_notice_new_message (const char         *title,
                           const char         *body,
                           LimberNotifierCaps  caps)
{
  g_autoptr(GString) text = g_string_new (NULL);
  LimberNotice *notice;

  notice = notice_new (title, NOTIFY_URGENCY_NORMAL,
                       (caps & LIMBER_NOTIFIER_CAP_PERSISTENCE) ? NOTIFY_EXPIRES_DEFAULT
                                                                : NOTIFY_EXPIRES_NEVER);
  body_append (text, caps, body);
  notice->body = g_string_free (g_steal_pointer (&text), FALSE);
  return notice;
}

const LimberNoticeAction *
limber_notice_find_action (const LimberNotice *notice,
                           const char         *id)
{
  for (guint i = 0; i < notice->n_actions; i++)
    {
      if (g_str_equal (notice->actions[i].id, id))
        return &notice->actions[i];
    }
  return NULL;
}

void
limber_notice_free (LimberNotice *notice)
{
  if (notice == NULL)
    return;

  for (guint i = 0; i < notice->n_actions; i++)
    g_free (notice->actions[i].label);
  g_free (notice->summary);
  g_free (notice->body);
  g_free (notice);
}

/* Requests kept while no server is there. */

static void
due_request_free (DueRequest *request)
{
  g_free (request->micro_title);
  g_free (request->micro_text);
  g_free (request->routine_id);
  g_free (request);
}

static void
message_request_free (MessageRequest *request)
{
  g_free (request->title);
  g_free (request->body);
  g_free (request);
}

/* The server, and talking to it. */

static const char *
server_bus_name (void)
{
  /* libnotify sends through the notification portal in a sandbox (and
   * honours these variables), so that is the name to follow there. */
  if (g_getenv ("NOTIFY_IGNORE_PORTAL") != NULL)
    return NOTIFICATIONS_NAME;
  if (g_getenv ("NOTIFY_FORCE_PORTAL") != NULL
      || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
      || g_getenv ("SNAP_NAME") != NULL)
    return PORTAL_NAME;
  return NOTIFICATIONS_NAME;
}

/* Logs MESSAGE once until a server appears. */
static void
report_trouble (LimberNotifier *self,
                const char     *message)
{
  if (self->trouble_reported)
    return;

  self->trouble_reported = TRUE;
  g_message ("%s", message);
}

static void
drop_notification (Slot *slot)
{
  if (slot->notification == NULL)
    return;

  g_signal_handlers_disconnect_by_data (slot->notification, slot);
  g_clear_object (&slot->notification);
}

static void
clear_due (Slot *slot)
{
  g_clear_pointer (&slot->due, due_request_free);
  slot->due_serial++;
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  Slot *slot = user_data;
  LimberNotifier *self = slot->notifier;
  guint serial = slot->due_serial;

  g_debug ("Notification of the %s break: action “%s”",
           limber_break_type_to_string (slot->type), action);

  /* Servers should remove a notification once an action is invoked, but
   * not all do (dunst keeps it after an action chosen from its menu), and
   * a bubble whose buttons nobody answers any more must not stay. Forget
   * it before telling anyone, so a reminder shown from a handler starts
   * afresh. */
  if (self->server_owner != NULL)
    notify_notification_close (notification, NULL);
  drop_notification (slot);
  slot->queued_warning_due = 0;

  g_signal_emit (self, signals[ACTION], 0, (int) slot->type, limber_notifier_action_name (action));

  /* Answered, unless a handler has shown a new reminder. */
  if (slot->due_serial == serial)
    clear_due (slot);
}

static void
closed_cb (NotifyNotification *notification,
           gpointer            user_data)
{
  Slot *slot = user_data;
  LimberNotifier *self = slot->notifier;
  int reason = notify_notification_get_closed_reason (notification);

  g_debug ("Notification of the %s break closed by the server (reason %d)",
           limber_break_type_to_string (slot->type), reason);

  drop_notification (slot);
  /* The person saw it and put it away: no need to show it again on
   * another server. */
  if (reason == NOTIFY_CLOSED_REASON_DISMISSED)
    clear_due (slot);

  g_signal_emit (self, signals[CLOSED], 0, (int) slot->type);
}

static void
apply_notice (NotifyNotification *notification,
              const LimberNotice *notice,
              Slot               *slot)
{
  notify_notification_update (notification, notice->summary, notice->body, APP_ID);
  notify_notification_clear_hints (notification);
  notify_notification_clear_actions (notification);
  notify_notification_set_urgency (notification, notice->urgency);
  notify_notification_set_timeout (notification, notice->timeout);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  if (notice->transient)
    notify_notification_set_hint (notification, "transient", g_variant_new_boolean (TRUE));

  for (guint i = 0; i < notice->n_actions; i++)
    notify_notification_add_action (notification,
                                    notice->actions[i].id,
                                    notice->actions[i].label,
                                    action_cb, slot, NULL);
}

static gboolean
send_notification (LimberNotifier     *self,
                   NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (notify_notification_show (notification, &error))
    return TRUE;

  message = g_strdup_printf ("The notification server did not take a notification: %s",
                             error->message);
  report_trouble (self, message);
  return FALSE;
}

/* Shows NOTICE in the slot's notification, replacing what it showed. */
static gboolean
show_in_slot (LimberNotifier     *self,
              Slot               *slot,
              const LimberNotice *notice)
{
  if (slot->notification == NULL)
    {
      slot->notification = notify_notification_new (notice->summary, notice->body, APP_ID);
      g_signal_connect (slot->notification, "closed", G_CALLBACK (closed_cb), slot);
    }

  apply_notice (slot->notification, notice, slot);
  if (send_notification (self, slot->notification))
    return TRUE;

  drop_notification (slot);
  return FALSE;
}

static gboolean
show_due_now (LimberNotifier *self,
              Slot           *slot)
{
  g_autoptr(LimberNotice) notice = NULL;

  notice = limber_notice_new_due (slot->type, slot->due->escalated,
                                  slot->due->micro_title, slot->due->micro_text,
                                  self->postpone_seconds, self->caps);
  return show_in_slot (self, slot, notice);
}

static gboolean
show_warning_now (LimberNotifier *self,
                  Slot           *slot,
                  gint64          seconds_left)
{
  g_autoptr(LimberNotice) notice = NULL;

  notice = limber_notice_new_warning (slot->type, seconds_left, self->postpone_seconds,
                                      self->caps);
  return show_in_slot (self, slot, notice);
}

static gboolean
show_message_now (LimberNotifier       *self,
                  const MessageRequest *request)
{
  g_autoptr(LimberNotice) notice = NULL;
  /* No g_autoptr: libnotify 0.8.1 defines no cleanup function for it. */
  NotifyNotification *notification;
  gboolean shown;

  notice = limber_notice_new_message (request->title, request->body, self->caps);
  notification = notify_notification_new (notice->summary, notice->body, APP_ID);
  apply_notice (notification, notice, NULL);
  shown = send_notification (self, notification);
  g_object_unref (notification);
  return shown;
}

/* Shows what waited for a server. */
static void
show_waiting (LimberNotifier *self)
{
  MessageRequest *message;
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];
      gint64 due = slot->queued_warning_due;

      slot->queued_warning_due = 0;
      if (slot->notification != NULL || self->server_owner == NULL)
        continue;

      if (slot->due != NULL)
        {
          g_debug ("Showing the waiting %s reminder", limber_break_type_to_string (slot->type));
          show_due_now (self, slot);
        }
      else if (due > now)
        show_warning_now (self, slot, (due - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
    }

  while (self->server_owner != NULL
         && (message = g_queue_pop_head (&self->queued_messages)) != NULL)
    {
      show_message_now (self, message);
      message_request_free (message);
    }
}

static gboolean
has_waiting (LimberNotifier *self)
{
  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      if (self->slots[i].due != NULL || self->slots[i].queued_warning_due != 0)
        return TRUE;
    }
  return !g_queue_is_empty (&self->queued_messages);
}

static void
read_caps (LimberNotifier *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) caps = NULL;
  GList *list;

  list = notify_get_server_caps ();
  for (GList *l = list; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  g_list_free_full (list, g_free);

  caps = g_strv_builder_end (builder);
  self->caps = limber_notifier_caps_from_strv ((const char * const *) caps);

  if (g_log_get_debug_enabled ())
    {
      g_autofree char *joined = g_strjoinv (" ", caps);
      g_debug ("Notification server capabilities: %s", joined);
    }
}

static void
start_server_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LimberNotifier *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIMBER_NOTIFIER (user_data);
  self->starting_server = FALSE;
  if (reply != NULL)
    {
      /* The watch reports the new server, and what waits is shown then. */
      g_debug ("The session bus started a notification server");
      return;
    }

  message = g_strdup_printf ("No notification server is running and the session bus cannot "
                             "start one (%s); reminders wait until one appears",
                             error->message);
  report_trouble (self, message);
}

/* Asks the session bus to start a notification server (D-Bus activation)
 * when there is none; otherwise logs that reminders wait. */
static void
want_server (LimberNotifier *self)
{
  /* Before the watch first answers, its answer decides. */
  if (self->server_owner != NULL || self->starting_server || !self->watch_answered)
    return;

  if (!self->auto_start || self->bus == NULL)
    {
      report_trouble (self, "No notification server is running; reminders wait until one appears");
      return;
    }

  g_debug ("Asking the session bus to start %s", self->server_name);
  self->starting_server = TRUE;
  g_dbus_connection_call (self->bus,
                          "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "StartServiceByName",
                          g_variant_new ("(su)", self->server_name, 0),
                          G_VARIANT_TYPE ("(u)"),
                          G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, start_server_cb, self);
}

static void
set_server_owner (LimberNotifier *self,
                  const char     *owner)
{
  gboolean was_available = self->server_owner != NULL;

  if (g_strcmp0 (self->server_owner, owner) == 0)
    return;

  g_free (self->server_owner);
  self->server_owner = g_strdup (owner);

  /* Notifications belong to the server that showed them. */
  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    drop_notification (&self->slots[i]);

  if (was_available != (owner != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
server_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  LimberNotifier *self = user_data;

  g_set_object (&self->bus, connection);
  self->watch_answered = TRUE;
  if (g_strcmp0 (self->server_owner, name_owner) == 0)
    return;

  g_debug ("Notification server %s is %s", name, name_owner);
  self->trouble_reported = FALSE;
  /* Before anyone hears of the server, so what they show fits it. */
  read_caps (self);
  set_server_owner (self, name_owner);
  show_waiting (self);
}

static void
server_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  LimberNotifier *self = user_data;
  gboolean first_answer = !self->watch_answered;

  if (connection != NULL)
    g_set_object (&self->bus, connection);
  self->watch_answered = TRUE;

  if (self->server_owner != NULL)
    {
      set_server_owner (self, NULL);
      report_trouble (self, "The notification server left the session bus; "
                            "reminders wait until one appears");
      return;
    }

  if (connection == NULL)
    report_trouble (self, "There is no session bus: notifications cannot be shown");
  else if (first_answer && has_waiting (self))
    /* Something was asked for before the bus answered. */
    want_server (self);
}

/* Public API */

/**
 * limber_notifier_new:
 *
 * Returns: (transfer full): a notifier following the session's
 *   notification server
 */
LimberNotifier *
limber_notifier_new (void)
{
  return g_object_new (LIMBER_TYPE_NOTIFIER, NULL);
}

/**
 * limber_notifier_get_available:
 *
 * Returns: whether a notification server is there now
 */
gboolean
limber_notifier_get_available (LimberNotifier *self)
{
  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), FALSE);

  return self->server_owner != NULL;
}

guint
limber_notifier_get_postpone_seconds (LimberNotifier *self)
{
  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), 0);

  return self->postpone_seconds;
}

/**
 * limber_notifier_set_postpone_seconds:
 * @seconds: the postpone length, for the label of the postpone button
 */
void
limber_notifier_set_postpone_seconds (LimberNotifier *self,
                                      guint           seconds)
{
  g_return_if_fail (LIMBER_IS_NOTIFIER (self));
  g_return_if_fail (seconds > 0);

  if (self->postpone_seconds == seconds)
    return;

  self->postpone_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTPONE_SECONDS]);
}

gboolean
limber_notifier_get_auto_start (LimberNotifier *self)
{
  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), FALSE);

  return self->auto_start;
}

/**
 * limber_notifier_set_auto_start:
 * @auto_start: whether to ask the session bus to start a notification
 *   server (D-Bus activation) when a notification finds none
 */
void
limber_notifier_set_auto_start (LimberNotifier *self,
                                gboolean        auto_start)
{
  g_return_if_fail (LIMBER_IS_NOTIFIER (self));

  auto_start = !!auto_start;
  if (self->auto_start == auto_start)
    return;

  self->auto_start = auto_start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_START]);
}

/**
 * limber_notifier_show_warning:
 * @type: the break coming
 * @seconds_left: how long until it is due
 *
 * Shows the warning before a break, replacing the break type's current
 * notification.
 *
 * Returns: %TRUE when a server took it; %FALSE when there is none (the
 *   warning is shown when one appears in time)
 */
gboolean
limber_notifier_show_warning (LimberNotifier  *self,
                              LimberBreakType  type,
                              gint64           seconds_left)
{
  Slot *slot;

  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, FALSE);

  slot = &self->slots[type];
  clear_due (slot);
  slot->queued_warning_due = 0;

  if (self->server_owner != NULL && show_warning_now (self, slot, seconds_left))
    return TRUE;

  slot->queued_warning_due = g_get_monotonic_time () + MAX (seconds_left, 0) * G_USEC_PER_SEC;
  want_server (self);
  return FALSE;
}

/**
 * limber_notifier_show_due:
 * @type: the break that is due
 * @escalated: whether the last allowed postpone was used
 * @micro_title: (nullable): for a micro-break, the name of the stretch to do
 * @micro_text: (nullable): for a micro-break, one or two sentences on how
 * @routine_id: (nullable): the routine "start" would begin, kept for
 *   limber_notifier_get_routine_id()
 *
 * Shows the reminder of a due break, replacing the break type's current
 * notification (its warning, or an earlier reminder). The request is kept
 * until it is answered, dismissed, closed or replaced, and shown again on a
 * new notification server.
 *
 * Returns: %TRUE when a server took it; %FALSE when there is none (it is
 *   shown when one appears)
 */
gboolean
limber_notifier_show_due (LimberNotifier  *self,
                          LimberBreakType  type,
                          gboolean         escalated,
                          const char      *micro_title,
                          const char      *micro_text,
                          const char      *routine_id)
{
  DueRequest *request;
  Slot *slot;

  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, FALSE);

  request = g_new0 (DueRequest, 1);
  request->escalated = !!escalated;
  request->micro_title = g_strdup (micro_title);
  request->micro_text = g_strdup (micro_text);
  request->routine_id = g_strdup (routine_id);

  slot = &self->slots[type];
  clear_due (slot);
  slot->due = request;
  slot->queued_warning_due = 0;

  if (self->server_owner != NULL && show_due_now (self, slot))
    return TRUE;

  want_server (self);
  return FALSE;
}

/**
 * limber_notifier_get_routine_id:
 * @type: a break type
 *
 * Returns: (nullable): the routine given with the reminder of @type that
 *   is waiting for an answer; it stays valid while ::action is emitted for
 *   that reminder
 */
const char *
limber_notifier_get_routine_id (LimberNotifier  *self,
                                LimberBreakType  type)
{
  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, NULL);

  if (self->slots[type].due == NULL)
    return NULL;
  return self->slots[type].due->routine_id;
}

/**
 * limber_notifier_close:
 * @type: a break type
 *
 * Closes the break type's notification (a micro-break once it has been
 * taken, a reminder the person answered elsewhere) and forgets its request.
 * ::closed is not emitted for it.
 *
 * Returns: %TRUE when a notification was on the server and was closed
 */
gboolean
limber_notifier_close (LimberNotifier  *self,
                       LimberBreakType  type)
{
  g_autoptr(GError) error = NULL;
  gboolean closed = FALSE;
  Slot *slot;

  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (type < LIMBER_N_BREAK_TYPES, FALSE);

  slot = &self->slots[type];
  clear_due (slot);
  slot->queued_warning_due = 0;

  if (slot->notification != NULL && self->server_owner != NULL)
    {
      closed = notify_notification_close (slot->notification, &error);
      if (!closed)
        g_debug ("Could not close the %s notification: %s",
                 limber_break_type_to_string (type), error->message);
    }
  drop_notification (slot);
  return closed;
}

/**
 * limber_notifier_show_message:
 * @title: a short summary
 * @body: (nullable): a sentence or two
 *
 * Shows a one-off message, such as "the history file was damaged, a new one
 * was started". Without a server it waits for one.
 *
 * Returns: %TRUE when a server took it
 */
gboolean
limber_notifier_show_message (LimberNotifier *self,
                              const char     *title,
                              const char     *body)
{
  MessageRequest *request;

  g_return_val_if_fail (LIMBER_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  request = g_new0 (MessageRequest, 1);
  request->title = g_strdup (title);
  request->body = g_strdup (body);

  if (self->server_owner != NULL && show_message_now (self, request))
    {
      message_request_free (request);
      return TRUE;
    }

  g_queue_push_tail (&self->queued_messages, request);
  while (g_queue_get_length (&self->queued_messages) > MAX_QUEUED_MESSAGES)
    message_request_free (g_queue_pop_head (&self->queued_messages));
  want_server (self);
  return FALSE;
}

/* GObject */

static void
limber_notifier_dispose (GObject *object)
{
  LimberNotifier *self = LIMBER_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      Slot *slot = &self->slots[i];

      /* Nobody would answer its buttons any more. */
      if (slot->notification != NULL && self->server_owner != NULL)
        notify_notification_close (slot->notification, NULL);
      drop_notification (slot);
      g_clear_pointer (&slot->due, due_request_free);
    }
  g_queue_clear_full (&self->queued_messages, (GDestroyNotify) message_request_free);

  g_clear_object (&self->bus);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (limber_notifier_parent_class)->dispose (object);
}

static void
limber_notifier_finalize (GObject *object)
{
  LimberNotifier *self = LIMBER_NOTIFIER (object);

  g_free (self->server_owner);
  if (self->initted_libnotify)
    notify_uninit ();

  G_OBJECT_CLASS (limber_notifier_parent_class)->finalize (object);
}

static void
limber_notifier_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberNotifier *self = LIMBER_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, limber_notifier_get_available (self));
      break;
    case PROP_POSTPONE_SECONDS:
      g_value_set_uint (value, self->postpone_seconds);
      break;
    case PROP_AUTO_START:
      g_value_set_boolean (value, self->auto_start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_notifier_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberNotifier *self = LIMBER_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_POSTPONE_SECONDS:
      limber_notifier_set_postpone_seconds (self, g_value_get_uint (value));
      break;
    case PROP_AUTO_START:
      limber_notifier_set_auto_start (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_notifier_class_init (LimberNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_notifier_dispose;
  object_class->finalize = limber_notifier_finalize;
  object_class->get_property = limber_notifier_get_property;
  object_class->set_property = limber_notifier_set_property;

  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POSTPONE_SECONDS] =
    g_param_spec_uint ("postpone-seconds", NULL, NULL,
                       1, 24 * 60 * 60, 300,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTO_START] =
    g_param_spec_boolean ("auto-start", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberNotifier::action:
   * @type: the break type (a #LimberBreakType)
   * @action: "start", "postpone" or "skip"
   *
   * The person chose an action on a notification; a click on the bubble
   * itself is "start".
   */
  signals[ACTION] = g_signal_new ("action",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  /**
   * LimberNotifier::closed:
   * @type: the break type (a #LimberBreakType)
   *
   * The server closed a break's notification without an action: the
   * person dismissed it, or it expired.
   */
  signals[CLOSED] = g_signal_new ("closed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
limber_notifier_init (LimberNotifier *self)
{
  self->postpone_seconds = 300;
  self->auto_start = TRUE;
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->queued_messages);

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      self->slots[i].notifier = self;
      self->slots[i].type = i;
    }

  if (!notify_is_initted ())
    self->initted_libnotify = notify_init ("Limber");

  self->server_name = server_bus_name ();
  self->watch_id = g_bus_watch_name (G_BUS_TYPE_SESSION, self->server_name,
                                     G_BUS_NAME_WATCHER_FLAGS_NONE,
                                     server_appeared_cb, server_vanished_cb,
                                     self, NULL);
}
