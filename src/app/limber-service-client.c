/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-dbus-generated.h"
#include "limber-dbus-names.h"
#include "limber-service-client.h"

struct _LimberServiceClient
{
  GObject parent_instance;

  GDBusConnection *connection;
  LimberDBusService *proxy;
  GCancellable *cancellable;

  /* GetHistory calls made before the proxy was ready. */
  GPtrArray *waiting;
  /* Other calls made before then: a QueuedCall each, in order. */
  GQueue queued;
  gboolean failed;
};

G_DEFINE_FINAL_TYPE (LimberServiceClient, limber_service_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_READY,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64 from;
  gint64 to;
} HistoryRange;

typedef struct
{
  GVariant *days;
  guint streak;
} HistoryReply;

typedef struct
{
  char *method;
  GVariant *parameters;
} QueuedCall;

static void
queued_call_free (gpointer data)
{
  QueuedCall *call = data;

  g_free (call->method);
  g_variant_unref (call->parameters);
  g_free (call);
}

static void
history_reply_free (gpointer data)
{
  HistoryReply *reply = data;

  g_clear_pointer (&reply->days, g_variant_unref);
  g_free (reply);
}

/* Calls waiting for their answer, or for the proxy, keep the app running:
 * a session recorded as the window closes is not lost when the app would
 * exit right after. */
static void
hold_application (void)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL)
    g_application_hold (application);
}

static void
release_application (void)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL)
    g_application_release (application);
}

static void
drop_queued (LimberServiceClient *self)
{
  QueuedCall *call;

  while ((call = g_queue_pop_head (&self->queued)) != NULL)
    {
      g_message ("Not connected to the break service; %s is not sent", call->method);
      queued_call_free (call);
      release_application ();
    }
}

static void
emit_changed (LimberServiceClient *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
proxy_properties_changed_cb (GDBusProxy          *proxy,
                             GVariant            *changed,
                             GStrv                invalidated,
                             LimberServiceClient *self)
{
  emit_changed (self);
}

static void
proxy_owner_changed_cb (GObject             *proxy,
                        GParamSpec          *pspec,
                        LimberServiceClient *self)
{
  g_debug ("limberd %s", limber_service_client_get_available (self) ? "appeared" : "went away");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  emit_changed (self);
}

static void get_history_done_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void send_call           (LimberServiceClient *self,
                                 const char          *method,
                                 GVariant            *parameters);

static void
call_get_history (LimberServiceClient *self,
                  GTask               *task)
{
  HistoryRange *range = g_task_get_task_data (task);

  limber_dbus_service_call_get_history (self->proxy, range->from, range->to,
                                        g_task_get_cancellable (task),
                                        get_history_done_cb, task);
}

static void
fail_waiting (LimberServiceClient *self,
              const GError        *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    g_task_return_error (g_ptr_array_index (waiting, i), g_error_copy (error));
}

static void
proxy_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LimberServiceClient *self;
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  proxy = limber_dbus_service_proxy_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIMBER_SERVICE_CLIENT (user_data);
  if (proxy == NULL)
    {
      g_message ("Cannot reach the break service: %s", error->message);
      self->failed = TRUE;
      drop_queued (self);
      fail_waiting (self, error);
      return;
    }

  self->proxy = g_steal_pointer (&proxy);
  g_signal_connect_object (self->proxy, "g-properties-changed",
                           G_CALLBACK (proxy_properties_changed_cb), self, 0);
  g_signal_connect_object (self->proxy, "notify::g-name-owner",
                           G_CALLBACK (proxy_owner_changed_cb), self, 0);

  g_debug ("Break service proxy ready; limberd is %s",
           limber_service_client_get_available (self) ? "running" : "not running");

  /* What was asked for meanwhile (a session that started while the
   * proxy was being made), in order. */
  while (!g_queue_is_empty (&self->queued))
    {
      QueuedCall *call = g_queue_pop_head (&self->queued);

      send_call (self, call->method, call->parameters);
      queued_call_free (call);
      release_application ();
    }

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    call_get_history (self, g_object_ref (g_ptr_array_index (waiting, i)));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  emit_changed (self);
}

static void
connect_proxy (LimberServiceClient *self)
{
  /* No G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START: creating the proxy asks the
   * bus to start limberd when nobody owns its name yet. */
  limber_dbus_service_proxy_new (self->connection, G_DBUS_PROXY_FLAGS_NONE, SERVICE_NAME,
                                 LIMBER_DBUS_SERVICE_PATH, self->cancellable,
                                 proxy_ready_cb, self);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LimberServiceClient *self;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIMBER_SERVICE_CLIENT (user_data);
  if (connection == NULL)
    {
      g_message ("Cannot reach the session bus: %s", error->message);
      self->failed = TRUE;
      drop_queued (self);
      fail_waiting (self, error);
      return;
    }

  self->connection = g_steal_pointer (&connection);
  connect_proxy (self);
}

/* Calls whose answer nobody waits for. */
static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree char *method = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, &error);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (error);
      g_message ("The break service did not take %s: %s", method, error->message);
    }

  release_application ();
}

static void
send_call (LimberServiceClient *self,
           const char          *method,
           GVariant            *parameters)
{
  g_debug ("Calling %s on the break service", method);
  hold_application ();
  /* Not cancelled in dispose: the call should reach limberd even if the
   * client goes away first. */
  g_dbus_proxy_call (G_DBUS_PROXY (self->proxy), method, parameters, G_DBUS_CALL_FLAGS_NONE,
                     -1, NULL, call_done_cb, g_strdup (method));
}

/* Sends @method now, or once the proxy is ready. */
static void
call_and_forget (LimberServiceClient *self,
                 const char          *method,
                 GVariant            *parameters)
{
  g_variant_ref_sink (parameters);

  if (self->proxy != NULL)
    {
      send_call (self, method, parameters);
      g_variant_unref (parameters);
    }
  else if (!self->failed)
    {
      QueuedCall *call = g_new0 (QueuedCall, 1);

      g_debug ("Queueing %s until the break service is reached", method);
      hold_application ();
      call->method = g_strdup (method);
      call->parameters = parameters;
      g_queue_push_tail (&self->queued, call);
    }
  else
    {
      g_message ("Not connected to the break service; %s is not sent", method);
      g_variant_unref (parameters);
    }
}

static void
get_history_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) events = NULL;
  g_autoptr(GVariant) days = NULL;
  g_autoptr(GError) error = NULL;
  HistoryReply *reply;
  guint streak = 0;

  if (!limber_dbus_service_call_get_history_finish (LIMBER_DBUS_SERVICE (source), &events,
                                                    &days, &streak, result, &error))
    {
      g_dbus_error_strip_remote_error (error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reply = g_new0 (HistoryReply, 1);
  reply->days = g_steal_pointer (&days);
  reply->streak = streak;
  g_task_return_pointer (task, reply, history_reply_free);
}

/**
 * limber_service_client_new:
 * @connection: (nullable): the bus to use, or %NULL for the session bus
 *
 * Connects to limberd; creating its proxy starts limberd by D-Bus
 * activation when it is not running.
 *
 * Returns: (transfer full): a new client
 */
LimberServiceClient *
limber_service_client_new (GDBusConnection *connection)
{
  LimberServiceClient *self = g_object_new (LIMBER_TYPE_SERVICE_CLIENT, NULL);

  if (connection != NULL)
    {
      self->connection = g_object_ref (connection);
      connect_proxy (self);
    }
  else
    g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_ready_cb, self);

  return self;
}

/**
 * limber_service_client_get_ready:
 *
 * Returns: whether the proxy exists (limberd may still not run)
 */
gboolean
limber_service_client_get_ready (LimberServiceClient *self)
{
  g_return_val_if_fail (LIMBER_IS_SERVICE_CLIENT (self), FALSE);

  return self->proxy != NULL;
}

/**
 * limber_service_client_get_available:
 *
 * Returns: whether limberd runs and answers
 */
gboolean
limber_service_client_get_available (LimberServiceClient *self)
{
  g_autofree char *owner = NULL;

  g_return_val_if_fail (LIMBER_IS_SERVICE_CLIENT (self), FALSE);

  if (self->proxy == NULL)
    return FALSE;
  owner = g_dbus_proxy_get_name_owner (G_DBUS_PROXY (self->proxy));
  return owner != NULL;
}

/**
 * limber_service_client_get_state:
 * @state: (out caller-allocates): limberd's state
 *
 * Returns: %TRUE when limberd runs and @state was filled
 */
gboolean
limber_service_client_get_state (LimberServiceClient *self,
                                 LimberServiceState  *state)
{
  const char *next_type;
  const char *pause_kind;

  g_return_val_if_fail (LIMBER_IS_SERVICE_CLIENT (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!limber_service_client_get_available (self))
    return FALSE;

  next_type = limber_dbus_service_get_next_break_type (self->proxy);
  pause_kind = limber_dbus_service_get_pause_kind (self->proxy);

  state->sitting_seconds = limber_dbus_service_get_sitting_seconds (self->proxy);
  state->counting = limber_dbus_service_get_counting (self->proxy);
  state->state_time = limber_dbus_service_get_state_time (self->proxy);
  state->next_break_type = next_type != NULL ? next_type : "";
  state->next_break_in_seconds = next_type != NULL
                                 ? limber_dbus_service_get_next_break_in_seconds (self->proxy)
                                 : -1;
  state->pause_kind = pause_kind != NULL ? pause_kind : "none";
  state->paused_until = limber_dbus_service_get_paused_until (self->proxy);

  /* An old reading (no StateTime): count from now. */
  if (state->state_time <= 0)
    state->state_time = g_get_real_time ();

  return TRUE;
}

/**
 * limber_service_client_pause:
 * @seconds: how long, 1 s to 7 days
 *
 * Asks limberd to hold all breaks for @seconds.
 */
void
limber_service_client_pause (LimberServiceClient *self,
                             gint64               seconds)
{
  g_return_if_fail (LIMBER_IS_SERVICE_CLIENT (self));

  call_and_forget (self, "Pause", g_variant_new ("(x)", seconds));
}

/**
 * limber_service_client_resume:
 *
 * Asks limberd to end a pause.
 */
void
limber_service_client_resume (LimberServiceClient *self)
{
  g_return_if_fail (LIMBER_IS_SERVICE_CLIENT (self));

  call_and_forget (self, "Resume", g_variant_new ("()"));
}

/**
 * limber_service_client_begin_session:
 * @break_type: "stretch" or "micro"
 *
 * Tells limberd a guided session started: sitting stops counting.
 */
void
limber_service_client_begin_session (LimberServiceClient *self,
                                     const char          *break_type)
{
  g_return_if_fail (LIMBER_IS_SERVICE_CLIENT (self));
  g_return_if_fail (break_type != NULL);

  call_and_forget (self, "BeginSession", g_variant_new ("(s)", break_type));
}

/**
 * limber_service_client_record_session:
 *
 * Tells limberd a guided session ended, for its history.
 */
void
limber_service_client_record_session (LimberServiceClient *self,
                                      const char          *routine_id,
                                      const char          *break_type,
                                      guint                steps_done,
                                      guint                steps_total,
                                      guint                duration_seconds,
                                      gboolean             finished)
{
  g_return_if_fail (LIMBER_IS_SERVICE_CLIENT (self));
  g_return_if_fail (routine_id != NULL);
  g_return_if_fail (break_type != NULL);

  call_and_forget (self, "RecordSession",
                   g_variant_new ("(ssuuub)", routine_id, break_type, steps_done, steps_total,
                                  duration_seconds, finished));
}

/**
 * limber_service_client_get_history_async:
 * @from: the start, in µs since the epoch
 * @to: the end (excluded)
 *
 * Reads limberd's history of [@from, @to). Waits for the proxy when it is
 * not ready yet.
 */
void
limber_service_client_get_history_async (LimberServiceClient *self,
                                         gint64               from,
                                         gint64               to,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HistoryRange *range;

  g_return_if_fail (LIMBER_IS_SERVICE_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_service_client_get_history_async);
  range = g_new0 (HistoryRange, 1);
  range->from = from;
  range->to = to;
  g_task_set_task_data (task, range, g_free);

  if (self->proxy == NULL)
    g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  else
    call_get_history (self, g_steal_pointer (&task));
}

/**
 * limber_service_client_get_history_finish:
 * @out_days: (out) (transfer full): the days, a(sxuuuuu)
 * @out_streak: (out): consecutive days up to today with a break taken
 *
 * Returns: %TRUE on success
 */
gboolean
limber_service_client_get_history_finish (LimberServiceClient  *self,
                                          GAsyncResult         *result,
                                          GVariant            **out_days,
                                          guint                *out_streak,
                                          GError              **error)
{
  HistoryReply *reply;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  reply = g_task_propagate_pointer (G_TASK (result), error);
  if (reply == NULL)
    return FALSE;

  if (out_days != NULL)
    *out_days = g_steal_pointer (&reply->days);
  if (out_streak != NULL)
    *out_streak = reply->streak;
  history_reply_free (reply);
  return TRUE;
}

/**
 * limber_service_client_find_limberd:
 *
 * Returns: (transfer full) (nullable): the limberd beside this program's
 *   executable (a build tree, a prefix), else the one on the PATH
 */
char *
limber_service_client_find_limberd (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      g_autofree char *beside = g_build_filename (dir, "limberd", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_find_program_in_path ("limberd");
}

/**
 * limber_service_client_start_service:
 *
 * Starts limberd by hand, for when D-Bus activation cannot (a build tree,
 * no service file). It keeps running after the app exits.
 *
 * Returns: %TRUE when limberd was started
 */
gboolean
limber_service_client_start_service (LimberServiceClient  *self,
                                     GError              **error)
{
  g_autofree char *limberd = limber_service_client_find_limberd ();
  const char *argv[] = { NULL, NULL };

  g_return_val_if_fail (LIMBER_IS_SERVICE_CLIENT (self), FALSE);

  if (limberd == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The break service (limberd) is not installed"));
      return FALSE;
    }

  g_debug ("Starting %s", limberd);
  argv[0] = limberd;
  /* Without G_SPAWN_DO_NOT_REAP_CHILD GLib detaches the child, so it
   * outlives the app and leaves no zombie behind. */
  return g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, error);
}

static void
limber_service_client_dispose (GObject *object)
{
  LimberServiceClient *self = LIMBER_SERVICE_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  if (self->waiting != NULL && self->waiting->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "The client went away");
      fail_waiting (self, error);
    }
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  drop_queued (self);
  g_clear_object (&self->proxy);
  g_clear_object (&self->connection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (limber_service_client_parent_class)->dispose (object);
}

static void
limber_service_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberServiceClient *self = LIMBER_SERVICE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, limber_service_client_get_ready (self));
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, limber_service_client_get_available (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_service_client_class_init (LimberServiceClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_service_client_dispose;
  object_class->get_property = limber_service_client_get_property;

  /**
   * LimberServiceClient:ready:
   *
   * Whether the connection to limberd's bus name is set up.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberServiceClient:available:
   *
   * Whether limberd runs.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberServiceClient::changed:
   *
   * limberd's state changed, or limberd came or went.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_service_client_init (LimberServiceClient *self)
{
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}
