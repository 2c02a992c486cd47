/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-dbus-generated.h"
#include "limber-dbus-names.h"
#include "limber-service-api.h"
#include "limber-version.h"

/* Longest routine id and history range a client may ask about. */
#define MAX_ROUTINE_ID 200
#define MAX_STEPS 1000
#define MAX_SESSION_SECONDS (24 * 3600)
#define MAX_PAUSE_SECONDS ((gint64) 7 * 24 * 3600)

struct _LimberServiceApi
{
  GObject parent_instance;

  LimberBreakService *breaks;
  LimberBreakEngine *engine;
  LimberDBusService *skeleton;
  gulong changed_handler;
};

G_DEFINE_FINAL_TYPE (LimberServiceApi, limber_service_api, G_TYPE_OBJECT)

static void
return_error (GDBusMethodInvocation *invocation,
              LimberDBusError        code,
              const char            *message)
{
  g_dbus_method_invocation_return_error_literal (invocation, LIMBER_DBUS_ERROR, code, message);
}

/* Engine errors become the API's errors, message unchanged. */
static void
return_engine_error (GDBusMethodInvocation *invocation,
                     const GError          *error)
{
  LimberDBusError code = LIMBER_DBUS_ERROR_FAILED;

  if (error->domain == LIMBER_BREAK_ERROR)
    {
      switch ((LimberBreakError) error->code)
        {
        case LIMBER_BREAK_ERROR_WRONG_STATE:
          code = LIMBER_DBUS_ERROR_WRONG_STATE;
          break;
        case LIMBER_BREAK_ERROR_POSTPONE_LIMIT:
          code = LIMBER_DBUS_ERROR_POSTPONE_LIMIT;
          break;
        case LIMBER_BREAK_ERROR_DISABLED:
          code = LIMBER_DBUS_ERROR_DISABLED;
          break;
        case LIMBER_BREAK_ERROR_INVALID:
          code = LIMBER_DBUS_ERROR_INVALID_ARGS;
          break;
        case LIMBER_BREAK_ERROR_BAD_STATE:
        default:
          code = LIMBER_DBUS_ERROR_FAILED;
          break;
        }
    }

  return_error (invocation, code, error->message);
}

static gboolean
parse_type (GDBusMethodInvocation *invocation,
            const char            *text,
            LimberBreakType       *type)
{
  g_autofree char *message = NULL;

  if (limber_break_type_from_string (text, type))
    return TRUE;

  message = g_strdup_printf (_("Unknown break type “%s”: expected “micro” or “stretch”"), text);
  return_error (invocation, LIMBER_DBUS_ERROR_INVALID_ARGS, message);
  return FALSE;
}

static void
update_properties (LimberServiceApi *self)
{
  LimberBreakEngine *engine = self->engine;
  LimberDBusService *skeleton = self->skeleton;
  LimberBreakType sitting_type = LIMBER_BREAK_STRETCH;
  LimberBreakType next_type = LIMBER_BREAK_MICRO;
  gint64 next_in = -1;
  gint64 paused_until = 0;
  LimberPauseKind pause;
  gboolean counting;

  if (limber_break_engine_get_state (engine, LIMBER_BREAK_STRETCH) == LIMBER_BREAK_STATE_DISABLED)
    sitting_type = LIMBER_BREAK_MICRO;

  for (guint i = 0; i < LIMBER_N_BREAK_TYPES; i++)
    {
      gint64 in = limber_break_engine_get_time_to_due (engine, i);

      if (in < 0 || limber_break_engine_is_held (engine, i))
        continue;
      if (next_in < 0 || in < next_in)
        {
          next_in = in;
          next_type = i;
        }
    }

  pause = limber_break_engine_get_pause (engine, &paused_until);
  counting = pause == LIMBER_PAUSE_NONE && !limber_break_engine_get_idle (engine)
             && limber_break_engine_get_state (engine, sitting_type) != LIMBER_BREAK_STATE_ON_BREAK
             && limber_break_engine_get_state (engine, sitting_type) != LIMBER_BREAK_STATE_DISABLED;

  limber_dbus_service_set_micro_break_state (skeleton,
    limber_break_state_to_string (limber_break_engine_get_state (engine, LIMBER_BREAK_MICRO)));
  limber_dbus_service_set_stretch_break_state (skeleton,
    limber_break_state_to_string (limber_break_engine_get_state (engine, LIMBER_BREAK_STRETCH)));
  limber_dbus_service_set_sitting_seconds (skeleton,
    limber_break_engine_get_sitting (engine, sitting_type) / G_USEC_PER_SEC);
  limber_dbus_service_set_counting (skeleton, counting);
  limber_dbus_service_set_state_time (skeleton,
    limber_clock_get_realtime (limber_break_engine_get_clock (engine)));
  limber_dbus_service_set_next_break_type (skeleton,
    next_in >= 0 ? limber_break_type_to_string (next_type) : "");
  limber_dbus_service_set_next_break_in_seconds (skeleton,
    next_in >= 0 ? (next_in + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC : -1);
  limber_dbus_service_set_micro_postpones (skeleton,
    limber_break_engine_get_postpones (engine, LIMBER_BREAK_MICRO));
  limber_dbus_service_set_stretch_postpones (skeleton,
    limber_break_engine_get_postpones (engine, LIMBER_BREAK_STRETCH));
  limber_dbus_service_set_pause_kind (skeleton, limber_pause_kind_to_string (pause));
  limber_dbus_service_set_paused_until (skeleton, paused_until);
  limber_dbus_service_set_activity_source (skeleton,
    limber_break_service_get_source_name (self->breaks));
  limber_dbus_service_set_idle (skeleton, limber_break_engine_get_idle (engine));
  limber_dbus_service_set_do_not_disturb (skeleton, limber_break_engine_get_dnd (engine));
  limber_dbus_service_set_postpone_limit (skeleton,
    limber_break_service_get_postpone_limit (self->breaks));
}

static void
engine_changed_cb (LimberBreakEngine *engine,
                   LimberServiceApi  *self)
{
  update_properties (self);
}

static gboolean
handle_pause_cb (LimberDBusService     *skeleton,
                 GDBusMethodInvocation *invocation,
                 gint64                 seconds,
                 LimberServiceApi      *self)
{
  g_autoptr(GError) error = NULL;

  if (seconds < 1 || seconds > MAX_PAUSE_SECONDS)
    {
      /* The number goes in as text: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);
      g_autofree char *message =
        g_strdup_printf (_("A pause of %s seconds is out of range: "
                           "give 1 second to 7 days (604800 seconds)"), number);
      return_error (invocation, LIMBER_DBUS_ERROR_INVALID_ARGS, message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (!limber_break_engine_pause (self->engine, LIMBER_PAUSE_FOR_DURATION,
                                  seconds * G_USEC_PER_SEC, &error))
    return_engine_error (invocation, error);
  else
    limber_dbus_service_complete_pause (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_pause_until_tomorrow_cb (LimberDBusService     *skeleton,
                                GDBusMethodInvocation *invocation,
                                LimberServiceApi      *self)
{
  g_autoptr(GError) error = NULL;

  if (!limber_break_engine_pause (self->engine, LIMBER_PAUSE_UNTIL_TOMORROW, 0, &error))
    return_engine_error (invocation, error);
  else
    limber_dbus_service_complete_pause_until_tomorrow (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_resume_cb (LimberDBusService     *skeleton,
                  GDBusMethodInvocation *invocation,
                  LimberServiceApi      *self)
{
  limber_break_engine_resume (self->engine);
  limber_dbus_service_complete_resume (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

typedef gboolean (*TypeAction) (LimberBreakEngine  *engine,
                                LimberBreakType     type,
                                GError            **error);

static void
run_type_action (LimberServiceApi      *self,
                 GDBusMethodInvocation *invocation,
                 const char            *type_name,
                 TypeAction             action)
{
  g_autoptr(GError) error = NULL;
  LimberBreakType type;

  if (!parse_type (invocation, type_name, &type))
    return;

  if (!action (self->engine, type, &error))
    return_engine_error (invocation, error);
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
handle_start_break_cb (LimberDBusService     *skeleton,
                       GDBusMethodInvocation *invocation,
                       const char            *type,
                       LimberServiceApi      *self)
{
  run_type_action (self, invocation, type, limber_break_engine_trigger);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_postpone_cb (LimberDBusService     *skeleton,
                    GDBusMethodInvocation *invocation,
                    const char            *type,
                    LimberServiceApi      *self)
{
  run_type_action (self, invocation, type, limber_break_engine_postpone);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_skip_cb (LimberDBusService     *skeleton,
                GDBusMethodInvocation *invocation,
                const char            *type,
                LimberServiceApi      *self)
{
  run_type_action (self, invocation, type, limber_break_engine_skip);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_begin_session_cb (LimberDBusService     *skeleton,
                         GDBusMethodInvocation *invocation,
                         const char            *type,
                         LimberServiceApi      *self)
{
  run_type_action (self, invocation, type, limber_break_engine_start_break);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_record_session_cb (LimberDBusService     *skeleton,
                          GDBusMethodInvocation *invocation,
                          const char            *routine_id,
                          const char            *type_name,
                          guint                  steps_done,
                          guint                  steps_total,
                          guint                  duration,
                          gboolean               finished,
                          LimberServiceApi      *self)
{
  g_autoptr(GError) error = NULL;
  LimberBreakType type;

  if (!parse_type (invocation, type_name, &type))
    return G_DBUS_METHOD_INVOCATION_HANDLED;

  if (*routine_id == '\0' || strlen (routine_id) > MAX_ROUTINE_ID)
    {
      return_error (invocation, LIMBER_DBUS_ERROR_INVALID_ARGS,
                    _("The routine id must be 1 to 200 bytes long"));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }
  if (steps_total == 0 || steps_total > MAX_STEPS || steps_done > steps_total)
    {
      return_error (invocation, LIMBER_DBUS_ERROR_INVALID_ARGS,
                    _("Steps done must be at most the steps in total, which must be 1 to 1000"));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }
  if (duration > MAX_SESSION_SECONDS)
    {
      return_error (invocation, LIMBER_DBUS_ERROR_INVALID_ARGS,
                    _("A session cannot last longer than a day"));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  /* A session the app did not announce still counts as the break taken. */
  if (limber_break_engine_get_state (self->engine, type) != LIMBER_BREAK_STATE_ON_BREAK)
    limber_break_engine_start_break (self->engine, type, NULL);

  if (!limber_break_engine_finish_break (self->engine, type, finished, &error))
    {
      return_engine_error (invocation, error);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (!limber_break_service_record_session (self->breaks, routine_id, type, steps_done,
                                            steps_total, duration, finished, &error))
    {
      return_error (invocation, LIMBER_DBUS_ERROR_FAILED, error->message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  limber_dbus_service_complete_record_session (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_get_history_cb (LimberDBusService     *skeleton,
                       GDBusMethodInvocation *invocation,
                       gint64                 from,
                       gint64                 to,
                       LimberServiceApi      *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) events = NULL;
  g_autoptr(GVariant) days = NULL;
  guint streak = 0;

  if (from < 0 || to <= from)
    {
      return_error (invocation, LIMBER_DBUS_ERROR_INVALID_ARGS,
                    _("The history range is empty: “from” must be before “to”, both in "
                      "microseconds since 1970"));
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  if (!limber_break_service_query_history (self->breaks, from, to, &events, &days, &streak, &error))
    {
      return_error (invocation, LIMBER_DBUS_ERROR_FAILED, error->message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  limber_dbus_service_complete_get_history (skeleton, invocation, events, days, streak);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

LimberServiceApi *
limber_service_api_new (LimberBreakService *breaks)
{
  LimberServiceApi *self;

  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (breaks), NULL);

  self = g_object_new (LIMBER_TYPE_SERVICE_API, NULL);
  self->breaks = g_object_ref (breaks);
  self->engine = g_object_ref (limber_break_service_get_engine (breaks));
  self->skeleton = limber_dbus_service_skeleton_new ();

  limber_dbus_service_set_version (self->skeleton, limber_version_string ());

  g_signal_connect (self->skeleton, "handle-pause", G_CALLBACK (handle_pause_cb), self);
  g_signal_connect (self->skeleton, "handle-pause-until-tomorrow",
                    G_CALLBACK (handle_pause_until_tomorrow_cb), self);
  g_signal_connect (self->skeleton, "handle-resume", G_CALLBACK (handle_resume_cb), self);
  g_signal_connect (self->skeleton, "handle-start-break", G_CALLBACK (handle_start_break_cb), self);
  g_signal_connect (self->skeleton, "handle-postpone", G_CALLBACK (handle_postpone_cb), self);
  g_signal_connect (self->skeleton, "handle-skip", G_CALLBACK (handle_skip_cb), self);
  g_signal_connect (self->skeleton, "handle-begin-session", G_CALLBACK (handle_begin_session_cb), self);
  g_signal_connect (self->skeleton, "handle-record-session", G_CALLBACK (handle_record_session_cb), self);
  g_signal_connect (self->skeleton, "handle-get-history", G_CALLBACK (handle_get_history_cb), self);

  self->changed_handler = g_signal_connect (self->engine, "changed", G_CALLBACK (engine_changed_cb), self);
  update_properties (self);

  return self;
}

gboolean
limber_service_api_export (LimberServiceApi  *self,
                           GDBusConnection   *connection,
                           GError           **error)
{
  g_return_val_if_fail (LIMBER_IS_SERVICE_API (self), FALSE);

  update_properties (self);
  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, LIMBER_DBUS_SERVICE_PATH, error);
}

void
limber_service_api_unexport (LimberServiceApi *self)
{
  g_return_if_fail (LIMBER_IS_SERVICE_API (self));

  if (g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}

static void
limber_service_api_dispose (GObject *object)
{
  LimberServiceApi *self = LIMBER_SERVICE_API (object);

  if (self->engine != NULL)
    g_clear_signal_handler (&self->changed_handler, self->engine);
  if (self->skeleton != NULL)
    limber_service_api_unexport (self);

  g_clear_object (&self->skeleton);
  g_clear_object (&self->engine);
  g_clear_object (&self->breaks);

  G_OBJECT_CLASS (limber_service_api_parent_class)->dispose (object);
}

static void
limber_service_api_class_init (LimberServiceApiClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_service_api_dispose;
}

static void
limber_service_api_init (LimberServiceApi *self)
{
}
