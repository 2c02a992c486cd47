/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-duration.h"
#include "limber-tray.h"
#include "limber-tray-presenter.h"

#define REFRESH_SECONDS 60

struct _LimberTrayPresenter
{
  GObject parent_instance;

  LimberBreakEngine *engine;
  LimberReminders *reminders;
  LimberTray *tray;
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (LimberTrayPresenter, limber_tray_presenter, G_TYPE_OBJECT)

enum {
  QUIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_pending (LimberBreakState state)
{
  return state == LIMBER_BREAK_STATE_DUE || state == LIMBER_BREAK_STATE_DEFERRED
         || state == LIMBER_BREAK_STATE_ON_BREAK;
}

/* The sitting time people care about: the stretch break's count, or the
 * micro-break's when stretch breaks are off. */
static gint64
sitting_seconds (LimberBreakEngine *engine)
{
  LimberBreakType type = LIMBER_BREAK_STRETCH;

  if (limber_break_engine_get_state (engine, type) == LIMBER_BREAK_STATE_DISABLED)
    type = LIMBER_BREAK_MICRO;
  return limber_break_engine_get_sitting (engine, type) / G_USEC_PER_SEC;
}

/**
 * limber_tray_presenter_describe:
 *
 * Returns: (transfer full): one line on what comes next, as in "Next
 *   stretch in 23 min · sitting for 27 min"
 */
char *
limber_tray_presenter_describe (LimberBreakEngine *engine)
{
  g_autofree char *sitting = NULL;
  gint64 until = 0;
  gint64 seconds = sitting_seconds (engine);
  gint64 micro_in, stretch_in;

  /* Minutes sat are whole minutes done, not begun. */
  sitting = limber_duration_format_minutes (seconds - seconds % 60);

  if (limber_break_engine_get_pause (engine, &until) != LIMBER_PAUSE_NONE)
    {
      if (until > 0)
        {
          g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (until / G_USEC_PER_SEC);
          g_autofree char *time = g_date_time_format (end, "%H:%M");
          /* Translators: the tray's status; %s is a time of day */
          return g_strdup_printf (_("Paused until %s"), time);
        }
      /* Translators: the tray's status while reminders are paused indefinitely */
      return g_strdup (C_("tray status", "Paused"));
    }

  if (is_pending (limber_break_engine_get_state (engine, LIMBER_BREAK_STRETCH)))
    return g_strdup (_("Time for a stretch break"));
  if (is_pending (limber_break_engine_get_state (engine, LIMBER_BREAK_MICRO)))
    return g_strdup (_("Time for a micro-break"));

  micro_in = limber_break_engine_is_held (engine, LIMBER_BREAK_MICRO)
               ? -1 : limber_break_engine_get_time_to_due (engine, LIMBER_BREAK_MICRO);
  stretch_in = limber_break_engine_get_time_to_due (engine, LIMBER_BREAK_STRETCH);

  if (stretch_in >= 0 && (micro_in < 0 || stretch_in <= micro_in))
    {
      g_autofree char *in = limber_duration_format_minutes (stretch_in / G_USEC_PER_SEC);
      /* Translators: the tray's status, as in "Next stretch in 23 min · sitting for 27 min" */
      return g_strdup_printf (_("Next stretch in %s · sitting for %s"), in, sitting);
    }
  if (micro_in >= 0)
    {
      g_autofree char *in = limber_duration_format_minutes (micro_in / G_USEC_PER_SEC);
      /* Translators: the tray's status, as in "Next micro-break in 3 min · sitting for 27 min" */
      return g_strdup_printf (_("Next micro-break in %s · sitting for %s"), in, sitting);
    }
  return g_strdup (_("Breaks are off"));
}

static void refresh (LimberTrayPresenter *self);

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  LimberTrayPresenter *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
refresh (LimberTrayPresenter *self)
{
  LimberBreakEngine *engine = self->engine;
  g_autofree char *line = limber_tray_presenter_describe (engine);
  LimberTrayStatus status = LIMBER_TRAY_STATUS_NORMAL;
  gboolean shown;

  if (limber_break_engine_get_pause (engine, NULL) != LIMBER_PAUSE_NONE)
    status = LIMBER_TRAY_STATUS_PAUSED;
  else if (is_pending (limber_break_engine_get_state (engine, LIMBER_BREAK_STRETCH))
           || is_pending (limber_break_engine_get_state (engine, LIMBER_BREAK_MICRO)))
    status = LIMBER_TRAY_STATUS_DUE;

  limber_tray_set_status (self->tray, status, line, NULL);
  limber_tray_set_background_status (self->tray, line);

  /* The minutes in the text move on only while someone can see them. */
  shown = limber_tray_get_visible (self->tray) && limber_tray_get_host_present (self->tray);
  if (shown && self->refresh_source == 0 && status == LIMBER_TRAY_STATUS_NORMAL
      && !limber_break_engine_get_idle (engine))
    self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, refresh_timeout_cb, self);
  else if (!shown)
    g_clear_handle_id (&self->refresh_source, g_source_remove);
}

static void
engine_changed_cb (LimberBreakEngine   *engine,
                   LimberTrayPresenter *self)
{
  refresh (self);
}

static void
tray_notify_cb (LimberTray          *tray,
                GParamSpec          *pspec,
                LimberTrayPresenter *self)
{
  refresh (self);
}

static void
tray_activate_cb (LimberTray          *tray,
                  const char          *action,
                  LimberTrayPresenter *self)
{
  g_autoptr(GError) error = NULL;

  g_debug ("Tray menu: %s", action);

  if (g_str_equal (action, "start-stretch"))
    {
      g_autofree char *routine = limber_reminders_pick_routine (self->reminders);
      limber_reminders_activate_app (self->reminders, "start-routine",
                                     g_variant_new_string (routine != NULL ? routine : ""));
    }
  else if (g_str_equal (action, "micro-break"))
    limber_break_engine_trigger (self->engine, LIMBER_BREAK_MICRO, &error);
  else if (g_str_equal (action, "pause-30m"))
    limber_break_engine_pause (self->engine, LIMBER_PAUSE_FOR_DURATION, 30 * 60 * G_USEC_PER_SEC, &error);
  else if (g_str_equal (action, "pause-1h"))
    limber_break_engine_pause (self->engine, LIMBER_PAUSE_FOR_DURATION,
                               (gint64) 60 * 60 * G_USEC_PER_SEC, &error);
  else if (g_str_equal (action, "pause-tomorrow"))
    limber_break_engine_pause (self->engine, LIMBER_PAUSE_UNTIL_TOMORROW, 0, &error);
  else if (g_str_equal (action, "resume"))
    limber_break_engine_resume (self->engine);
  else if (g_str_equal (action, "open"))
    limber_reminders_activate_app (self->reminders, NULL, NULL);
  else if (g_str_equal (action, "preferences"))
    limber_reminders_activate_app (self->reminders, "preferences", NULL);
  else if (g_str_equal (action, "quit"))
    g_signal_emit (self, signals[QUIT], 0);

  if (error != NULL)
    g_message ("Tray menu “%s”: %s", action, error->message);
}

LimberTrayPresenter *
limber_tray_presenter_new (LimberBreakEngine *engine,
                           LimberReminders   *reminders,
                           GSettings         *settings)
{
  LimberTrayPresenter *self;

  g_return_val_if_fail (LIMBER_IS_BREAK_ENGINE (engine), NULL);
  g_return_val_if_fail (LIMBER_IS_REMINDERS (reminders), NULL);

  self = g_object_new (LIMBER_TYPE_TRAY_PRESENTER, NULL);
  self->engine = g_object_ref (engine);
  self->reminders = g_object_ref (reminders);
  self->tray = limber_tray_new ();

  g_settings_bind (settings, "show-tray-icon", self->tray, "visible", G_SETTINGS_BIND_GET);
  g_signal_connect_object (engine, "changed", G_CALLBACK (engine_changed_cb), self, 0);
  g_signal_connect_object (self->tray, "notify::host-present", G_CALLBACK (tray_notify_cb), self, 0);
  g_signal_connect_object (self->tray, "notify::visible", G_CALLBACK (tray_notify_cb), self, 0);
  g_signal_connect_object (self->tray, "activate", G_CALLBACK (tray_activate_cb), self, 0);
  refresh (self);

  return self;
}

static void
limber_tray_presenter_dispose (GObject *object)
{
  LimberTrayPresenter *self = LIMBER_TRAY_PRESENTER (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->tray);
  g_clear_object (&self->reminders);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (limber_tray_presenter_parent_class)->dispose (object);
}

static void
limber_tray_presenter_class_init (LimberTrayPresenterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_tray_presenter_dispose;

  /**
   * LimberTrayPresenter::quit:
   *
   * The person chose Quit in the tray menu.
   */
  signals[QUIT] = g_signal_new ("quit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_tray_presenter_init (LimberTrayPresenter *self)
{
}
