/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-notifier.h"
#include "limber-reminders.h"
#include "limber-routine-library.h"
#include "limber-routine.h"

struct _LimberReminders
{
  GObject parent_instance;

  LimberBreakEngine *engine;
  GSettings *settings;
  LimberNotifier *notifier;
  GCancellable *cancellable;

  /* Take turns through routines and micro-stretches. */
  guint routine_turn;
  guint micro_turn;
};

G_DEFINE_FINAL_TYPE (LimberReminders, limber_reminders, G_TYPE_OBJECT)

/* The routines are read when needed and dropped again: limberd runs all
 * day and should not keep a library it uses a few times an hour. */
static LimberRoutineLibrary *
load_library (void)
{
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  g_auto(GStrv) dirs = limber_routine_library_default_dirs ();

  limber_routine_library_load (library, (const char * const *) dirs);
  return g_steal_pointer (&library);
}

/* The @turn-th routine of @kind, wrapping around; NULL when there is none. */
static LimberRoutine *
nth_of_kind (LimberRoutineLibrary *library,
             LimberRoutineKind     kind,
             guint                 turn)
{
  GListModel *model = G_LIST_MODEL (library);
  guint n = g_list_model_get_n_items (model);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);
      if (limber_routine_get_kind (routine) == kind)
        count++;
    }
  if (count == 0)
    return NULL;

  turn %= count;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);
      if (limber_routine_get_kind (routine) != kind)
        continue;
      if (turn-- == 0)
        return g_steal_pointer (&routine);
    }
  g_assert_not_reached ();
}

/**
 * limber_reminders_pick_routine:
 *
 * Returns: (transfer full) (nullable): the routine a stretch break offers:
 *   the one chosen in the settings if it exists, else the next in turn
 */
char *
limber_reminders_pick_routine (LimberReminders *self)
{
  g_autoptr(LimberRoutineLibrary) library = load_library ();
  g_autofree char *chosen = g_settings_get_string (self->settings, "stretch-routine");
  g_autoptr(LimberRoutine) routine = NULL;

  if (*chosen != '\0')
    {
      LimberRoutine *found = limber_routine_library_lookup (library, chosen);

      if (found != NULL && limber_routine_get_kind (found) == LIMBER_ROUTINE_KIND_ROUTINE)
        return g_steal_pointer (&chosen);
      g_message ("The routine “%s” chosen for stretch breaks does not exist; taking turns", chosen);
    }

  routine = nth_of_kind (library, LIMBER_ROUTINE_KIND_ROUTINE, self->routine_turn++);
  return routine != NULL ? g_strdup (limber_routine_get_id (routine)) : NULL;
}

/* The object path of a GApplication, from its id. */
static char *
app_object_path (void)
{
  g_autofree char *path = g_strconcat ("/", APP_ID, NULL);

  g_strdelimit (path, ".", '/');
  g_strdelimit (path, "-", '_');
  return g_steal_pointer (&path);
}

static void
activate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Cannot open Limber: %s", error->message);
}

/**
 * limber_reminders_activate_app:
 * @action: (nullable): an action of the app ("start-routine",
 *   "micro-stretch", "preferences"), or %NULL to just open its window
 * @parameter: (nullable): its parameter
 *
 * Asks the Limber app to run @action, starting the app if needed.
 */
void
limber_reminders_activate_app (LimberReminders *self,
                               const char      *action,
                               GVariant        *parameter)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = app_object_path ();
  GVariantBuilder params;
  GVariantBuilder platform;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_message ("Cannot open Limber: %s", error->message);
      return;
    }

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&params, "v", parameter);
  else if (action == NULL)
    g_variant_builder_clear (&params);
  g_variant_builder_init (&platform, G_VARIANT_TYPE_VARDICT);

  g_debug ("Asking %s to run %s", APP_ID, action != NULL ? action : "activate");
  if (action == NULL)
    g_dbus_connection_call (bus, APP_ID, path, "org.freedesktop.Application", "Activate",
                            g_variant_new ("(a{sv})", &platform),
                            NULL, G_DBUS_CALL_FLAGS_NONE, 30000, self->cancellable,
                            activate_done_cb, NULL);
  else
    g_dbus_connection_call (bus, APP_ID, path, "org.freedesktop.Application", "ActivateAction",
                            g_variant_new ("(sava{sv})", action, &params, &platform),
                            NULL, G_DBUS_CALL_FLAGS_NONE, 30000, self->cancellable,
                            activate_done_cb, NULL);
}

static void
show_micro (LimberReminders        *self,
            const LimberBreakEvent *event)
{
  g_autoptr(LimberRoutineLibrary) library = load_library ();
  g_autoptr(LimberRoutine) micro = nth_of_kind (library, LIMBER_ROUTINE_KIND_MICRO_STRETCH,
                                                self->micro_turn++);
  const char *title = NULL;
  const char *text = NULL;
  LimberStep *step = NULL;

  if (micro != NULL && limber_routine_get_n_steps (micro) > 0)
    {
      step = limber_routine_get_step (micro, 0);
      title = limber_routine_get_title (micro);
      text = limber_step_get_instructions (step);
    }

  limber_notifier_show_due (self->notifier, LIMBER_BREAK_MICRO, event->escalated, title, text,
                            micro != NULL ? limber_routine_get_id (micro) : NULL);
}

static void
break_event_cb (LimberBreakEngine      *engine,
                const LimberBreakEvent *event,
                LimberReminders        *self)
{
  switch (event->kind)
    {
    case LIMBER_BREAK_EVENT_WARNED:
      limber_notifier_show_warning (self->notifier, event->type,
                                    limber_break_engine_get_time_to_due (engine, event->type)
                                      / G_USEC_PER_SEC);
      break;

    case LIMBER_BREAK_EVENT_DUE:
      if (event->type == LIMBER_BREAK_MICRO)
        show_micro (self, event);
      else
        {
          g_autofree char *routine = limber_reminders_pick_routine (self);
          limber_notifier_show_due (self->notifier, LIMBER_BREAK_STRETCH, event->escalated,
                                    NULL, NULL, routine);
        }
      break;

    case LIMBER_BREAK_EVENT_TAKEN:
    case LIMBER_BREAK_EVENT_NATURAL:
    case LIMBER_BREAK_EVENT_POSTPONED:
    case LIMBER_BREAK_EVENT_SKIPPED:
    case LIMBER_BREAK_EVENT_STARTED:
      limber_notifier_close (self->notifier, event->type);
      break;

    case LIMBER_BREAK_EVENT_DEFERRED:
    default:
      break;
    }
}

static void
notifier_action_cb (LimberNotifier  *notifier,
                    int              type,
                    const char      *action,
                    LimberReminders *self)
{
  g_autoptr(GError) error = NULL;

  g_debug ("Notification action %s for the %s break", action,
           limber_break_type_to_string (type));

  if (g_str_equal (action, "postpone"))
    limber_break_engine_postpone (self->engine, type, &error);
  else if (g_str_equal (action, "skip"))
    limber_break_engine_skip (self->engine, type, &error);
  else if (g_str_equal (action, "start") && type == LIMBER_BREAK_STRETCH)
    {
      const char *routine = limber_notifier_get_routine_id (notifier, type);
      g_autofree char *picked = routine == NULL ? limber_reminders_pick_routine (self) : NULL;

      limber_reminders_activate_app (self, "start-routine",
                                     g_variant_new_string (routine != NULL ? routine
                                                           : picked != NULL ? picked : ""));
    }
  else if (g_str_equal (action, "start"))
    limber_reminders_activate_app (self, "micro-stretch", NULL);

  if (error != NULL)
    g_message ("Cannot %s the %s break: %s", action, limber_break_type_to_string (type),
               error->message);
}

LimberReminders *
limber_reminders_new (LimberBreakEngine *engine,
                      GSettings         *settings)
{
  LimberReminders *self;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (engine), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_REMINDERS, NULL);
  self->engine = g_object_ref (engine);
  self->settings = g_object_ref (settings);
  self->notifier = limber_notifier_new ();

  g_settings_bind (settings, "postpone-seconds", self->notifier, "postpone-seconds",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (engine, "break-event", G_CALLBACK (break_event_cb), self, 0);
  g_signal_connect_object (self->notifier, "action", G_CALLBACK (notifier_action_cb), self, 0);

  return self;
}

void
limber_reminders_show_message (LimberReminders *self,
                               const char      *title,
                               const char      *body)
{
  g_return_if_fail (LIMBER_IS_REMINDERS (self));
  limber_notifier_show_message (self->notifier, title, body);
}

static void
limber_reminders_dispose (GObject *object)
{
  LimberReminders *self = LIMBER_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (limber_reminders_parent_class)->dispose (object);
}

static void
limber_reminders_class_init (LimberRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_reminders_dispose;
}

static void
limber_reminders_init (LimberReminders *self)
{
  self->cancellable = g_cancellable_new ();
}
