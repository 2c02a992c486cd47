/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-activity-chooser.h"
#include "limber-autostart.h"
#include "limber-break-driver.h"
#include "limber-break-service.h"
#include "limber-dnd-monitor.h"
#include "limber-history.h"
#include "limber-reminders.h"
#include "limber-tray-presenter.h"
#include "limber-session-monitor.h"

/* Saving waits this long after a change, so a burst of changes is one
 * write. */
#define SAVE_DELAY_SECONDS 5
/* Detection threshold bounds for the activity source (ms). */
#define THRESHOLD_MIN_MS 5000
#define THRESHOLD_MAX_MS 30000

struct _LimberBreakService
{
  GObject parent_instance;

  LimberClock *clock;
  GSettings *settings;
  char *state_path;
  char *history_path;
  LimberHistory *history;

  LimberBreakEngine *engine;
  LimberBreakDriver *driver;
  LimberActivitySource *source;
  guint threshold_ms;
  LimberSessionMonitor *session;
  LimberDndMonitor *dnd;
  LimberReminders *reminders;
  LimberTrayPresenter *tray;
  LimberAutostart *autostart;

  guint save_source;
  gulong changed_handler;
};

G_DEFINE_FINAL_TYPE (LimberBreakService, limber_break_service, G_TYPE_OBJECT)

enum {
  QUIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tray_quit_cb (LimberTrayPresenter *tray,
              LimberBreakService  *self)
{
  g_signal_emit (self, signals[QUIT_REQUESTED], 0);
}

static gint64
seconds_setting (LimberBreakService *self,
                 const char         *key)
{
  return (gint64) g_settings_get_uint (self->settings, key) * G_USEC_PER_SEC;
}

/* Pauses shorter than the shortest break count as sitting anyway, so the
 * source need not report them: fewer wake-ups. idle_since is back-dated,
 * so the threshold delays nothing the engine measures. */
static guint
wanted_threshold (LimberBreakService *self)
{
  guint micro = g_settings_get_uint (self->settings, "micro-break-length-seconds");
  guint stretch = g_settings_get_uint (self->settings, "stretch-break-length-seconds");
  guint shortest = MIN (micro, stretch) * 1000;

  return CLAMP (shortest, THRESHOLD_MIN_MS, THRESHOLD_MAX_MS);
}

static void
choose_source (LimberBreakService *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "activity-source");
  const char *override = g_getenv ("LIMBER_ACTIVITY_SOURCE");
  g_autoptr(LimberActivitySource) source = NULL;

  if (override == NULL || *override == '\0')
    override = setting;

  if (self->source != NULL)
    {
      limber_break_driver_set_source (self->driver, NULL);
      limber_activity_source_stop (self->source);
      g_clear_object (&self->source);
    }

  self->threshold_ms = wanted_threshold (self);
  /* The chooser logs its choice, and why it passed over the others. */
  source = limber_activity_source_choose (self->clock, override, self->threshold_ms, NULL);

  self->source = g_steal_pointer (&source);
  limber_break_driver_set_source (self->driver, self->source);
}

static void
apply_settings (LimberBreakService *self)
{
  LimberBreakEngine *engine = self->engine;

  /* Lead and postpone first: the break settings start the intervals. */
  limber_break_engine_set_warning_lead (engine, seconds_setting (self, "warning-lead-seconds"));
  limber_break_engine_set_postpone (engine, seconds_setting (self, "postpone-seconds"),
                                    g_settings_get_uint (self->settings, "postpone-limit"));
  limber_break_engine_set_dnd_cap (engine,
                                   g_settings_get_boolean (self->settings, "respect-do-not-disturb")
                                     ? seconds_setting (self, "do-not-disturb-cap-seconds")
                                     : 0);
  limber_break_engine_set_break (engine, LIMBER_BREAK_MICRO,
                                 g_settings_get_boolean (self->settings, "micro-break-enabled"),
                                 seconds_setting (self, "micro-break-interval-seconds"),
                                 seconds_setting (self, "micro-break-length-seconds"));
  limber_break_engine_set_break (engine, LIMBER_BREAK_STRETCH,
                                 g_settings_get_boolean (self->settings, "stretch-break-enabled"),
                                 seconds_setting (self, "stretch-break-interval-seconds"),
                                 seconds_setting (self, "stretch-break-length-seconds"));
}

static void
settings_changed_cb (GSettings          *settings,
                     const char         *key,
                     LimberBreakService *self)
{
  if (g_str_has_prefix (key, "window-"))
    return;

  g_debug ("Setting %s changed", key);
  apply_settings (self);

  if (g_str_equal (key, "activity-source") || wanted_threshold (self) != self->threshold_ms)
    choose_source (self);
}

/* Suspend, lock and session end are idle for their whole span. */
static void
session_changed_cb (LimberSessionMonitor *session,
                    GParamSpec           *pspec,
                    LimberBreakService   *self)
{
  LimberBreakEngine *engine = self->engine;

  limber_break_engine_set_blocked (engine, LIMBER_BLOCK_SUSPEND,
                                   limber_session_monitor_get_suspended (session));
  limber_break_engine_set_blocked (engine, LIMBER_BLOCK_LOCK,
                                   limber_session_monitor_get_locked (session));
  limber_break_engine_set_blocked (engine, LIMBER_BLOCK_SESSION_END,
                                   limber_session_monitor_get_session_ending (session));

  /* Going to sleep: save now, the process may not see the morning. */
  if (limber_session_monitor_get_suspended (session)
      || limber_session_monitor_get_session_ending (session))
    limber_break_service_save_now (self);
}

static void
dnd_changed_cb (LimberDndMonitor   *dnd,
                GParamSpec         *pspec,
                LimberBreakService *self)
{
  gboolean active = limber_dnd_monitor_get_active (dnd);

  if (active)
    g_debug ("Do-not-disturb: %s", limber_dnd_monitor_get_reason (dnd));
  limber_break_engine_set_dnd (self->engine, active);
}

/* Every break event goes to the history, committed before we go on. */
static void
break_event_cb (LimberBreakEngine      *engine,
                const LimberBreakEvent *event,
                LimberBreakService     *self)
{
  g_autoptr(GError) error = NULL;

  if (self->history != NULL && !limber_history_record_event (self->history, event, &error))
    g_message ("Cannot record a break in the history: %s", error->message);
}

static void
open_history (LimberBreakService *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->history_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_message ("Cannot create %s; breaks are not recorded: %s", dir, g_strerror (saved_errno));
      return;
    }

  self->history = limber_history_new (self->history_path, LIMBER_HISTORY_OPEN_RECOVER, &error);
  if (self->history == NULL)
    g_message ("Cannot open the history %s; breaks are not recorded: %s",
               self->history_path, error->message);
}

/* Saving */

char *
limber_break_service_default_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "limber", "state.ini", NULL);
}

/**
 * limber_break_service_save_now:
 *
 * Writes the engine's state atomically (a temporary file renamed over the
 * old one), so a crash mid-write leaves the previous state whole.
 */
void
limber_break_service_save_now (LimberBreakService *self)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIMBER_IS_BREAK_SERVICE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  data = limber_break_engine_save_state (self->engine);
  dir = g_path_get_dirname (self->state_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_warning ("Cannot create %s to save the break state: %s", dir, g_strerror (saved_errno));
      return;
    }

  if (!g_file_set_contents_full (self->state_path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_warning ("Cannot save the break state: %s", error->message);
  else
    g_debug ("Saved the break state to %s", self->state_path);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  LimberBreakService *self = user_data;

  self->save_source = 0;
  limber_break_service_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
engine_changed_cb (LimberBreakEngine  *engine,
                   LimberBreakService *self)
{
  if (self->save_source == 0)
    self->save_source = g_timeout_add_seconds (SAVE_DELAY_SECONDS, save_timeout_cb, self);
}

static void
restore_state (LimberBreakService *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (self->state_path, &data, NULL, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("No saved break state at %s; starting fresh", self->state_path);
      else
        g_message ("Cannot read the saved break state, starting fresh: %s", error->message);
      return;
    }

  if (!limber_break_engine_restore_state (self->engine, data, &error))
    g_message ("The saved break state in %s is damaged, starting fresh: %s",
               self->state_path, error->message);
}

/* Public API */

/**
 * limber_break_service_new:
 * @clock: the clock (the system clock in limberd)
 * @settings: Limber's settings
 * @state_path: where to save and restore the engine's state
 */
LimberBreakService *
limber_break_service_new (LimberClock *clock,
                          GSettings   *settings,
                          const char  *state_path,
                          const char  *history_path)
{
  LimberBreakService *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (state_path != NULL, NULL);
  g_return_val_if_fail (history_path != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_BREAK_SERVICE, NULL);
  self->clock = g_object_ref (clock);
  self->settings = g_object_ref (settings);
  self->state_path = g_strdup (state_path);
  self->history_path = g_strdup (history_path);
  self->engine = limber_break_engine_new (clock);

  return self;
}

/**
 * limber_break_service_start:
 *
 * Applies the settings, restores the saved state, chooses the activity
 * source and starts the engine.
 */
void
limber_break_service_start (LimberBreakService *self)
{
  g_return_if_fail (LIMBER_IS_BREAK_SERVICE (self));
  g_return_if_fail (self->driver == NULL);

  open_history (self);
  g_signal_connect (self->engine, "break-event", G_CALLBACK (break_event_cb), self);
  self->reminders = limber_reminders_new (self->engine, self->settings);

  apply_settings (self);
  restore_state (self);

  self->driver = limber_break_driver_new (self->engine);
  choose_source (self);

  self->session = limber_session_monitor_new ();
  g_signal_connect_object (self->session, "notify", G_CALLBACK (session_changed_cb), self, 0);
  session_changed_cb (self->session, NULL, self);

  if (limber_break_service_get_history_recovered_from (self) != NULL)
    {
      g_autofree char *body =
        g_strdup_printf (_("The history of your breaks could not be read, so Limber started a new "
                           "one. The old file was kept as %s."),
                         limber_break_service_get_history_recovered_from (self));
      limber_reminders_show_message (self->reminders, _("Break history started anew"), body);
    }

  self->tray = limber_tray_presenter_new (self->engine, self->reminders, self->settings);
  g_signal_connect_object (self->tray, "quit", G_CALLBACK (tray_quit_cb), self, 0);

  self->autostart = limber_autostart_new (self->settings);

  self->dnd = limber_dnd_monitor_new ();
  g_signal_connect_object (self->dnd, "notify::active", G_CALLBACK (dnd_changed_cb), self, 0);
  dnd_changed_cb (self->dnd, NULL, self);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
  self->changed_handler = g_signal_connect (self->engine, "changed", G_CALLBACK (engine_changed_cb), self);
}

LimberBreakEngine *
limber_break_service_get_engine (LimberBreakService *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (self), NULL);
  return self->engine;
}

/**
 * limber_break_service_get_source_name:
 *
 * Returns: the name of the activity source in use ("none" when none works)
 */
const char *
limber_break_service_get_source_name (LimberBreakService *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (self), NULL);
  return self->source != NULL ? limber_activity_source_get_name (self->source) : "none";
}

guint
limber_break_service_get_postpone_limit (LimberBreakService *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (self), 0);
  return g_settings_get_uint (self->settings, "postpone-limit");
}

/**
 * limber_break_service_get_history_recovered_from:
 *
 * Returns: (nullable): where a damaged history file was moved at start,
 *   to tell the person once
 */
const char *
limber_break_service_get_history_recovered_from (LimberBreakService *self)
{
  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (self), NULL);
  return self->history != NULL ? limber_history_get_recovered_from (self->history) : NULL;
}

static gboolean
check_history (LimberBreakService  *self,
               GError             **error)
{
  if (self->history != NULL)
    return TRUE;
  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
               "The history file %s could not be opened; see limberd's log", self->history_path);
  return FALSE;
}

gboolean
limber_break_service_record_session (LimberBreakService  *self,
                                     const char          *routine_id,
                                     LimberBreakType      type,
                                     guint                steps_done,
                                     guint                steps_total,
                                     guint                duration,
                                     gboolean             finished,
                                     GError             **error)
{
  gint64 start;

  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (self), FALSE);

  if (!check_history (self, error))
    return FALSE;

  start = limber_clock_get_realtime (self->clock) - (gint64) duration * G_USEC_PER_SEC;
  return limber_history_record_session (self->history, routine_id, start, duration,
                                        steps_done, steps_total, finished, error);
}

/**
 * limber_break_service_query_history:
 * @from, @to: a half-open range of wall-clock time (µs since the epoch)
 * @events: (out): the break events in the range
 * @days: (out): one summary per local day the range touches
 * @streak: (out): consecutive days up to today with a break taken
 */
gboolean
limber_break_service_query_history (LimberBreakService  *self,
                                    gint64               from,
                                    gint64               to,
                                    GVariant           **events,
                                    GVariant           **days,
                                    guint               *streak,
                                    GError             **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GVariant) ev = NULL;
  g_autoptr(GVariant) dv = NULL;

  g_return_val_if_fail (LIMBER_IS_BREAK_SERVICE (self), FALSE);

  if (!check_history (self, error))
    return FALSE;

  first = limber_history_day_for_time (from);
  last = limber_history_day_for_time (to - 1);
  today = limber_history_day_for_time (limber_clock_get_realtime (self->clock));

  if ((ev = limber_history_query_events (self->history, from, to, error)) == NULL
      || (dv = limber_history_query_days (self->history, first, last, error)) == NULL
      || !limber_history_get_streak (self->history, today, streak, error))
    return FALSE;

  *events = g_steal_pointer (&ev);
  *days = g_steal_pointer (&dv);
  return TRUE;
}

static void
limber_break_service_dispose (GObject *object)
{
  LimberBreakService *self = LIMBER_BREAK_SERVICE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->engine != NULL)
    g_clear_signal_handler (&self->changed_handler, self->engine);
  if (self->source != NULL)
    limber_activity_source_stop (self->source);

  g_clear_object (&self->autostart);
  g_clear_object (&self->tray);
  g_clear_object (&self->reminders);
  g_clear_object (&self->session);
  g_clear_object (&self->dnd);
  g_clear_object (&self->history);
  g_clear_object (&self->driver);
  g_clear_object (&self->source);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_break_service_parent_class)->dispose (object);
}

static void
limber_break_service_finalize (GObject *object)
{
  LimberBreakService *self = LIMBER_BREAK_SERVICE (object);

  g_free (self->state_path);
  g_free (self->history_path);

  G_OBJECT_CLASS (limber_break_service_parent_class)->finalize (object);
}

static void
limber_break_service_class_init (LimberBreakServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_break_service_dispose;
  object_class->finalize = limber_break_service_finalize;

  /**
   * LimberBreakService::quit-requested:
   *
   * The person asked limberd to quit (the tray menu).
   */
  signals[QUIT_REQUESTED] = g_signal_new ("quit-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_break_service_init (LimberBreakService *self)
{
}
