/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-duration.h"
#include "limber-home-view.h"
#include "limber-style.h"
#include "limber-system-clock.h"

struct _LimberHomeView
{
  GtkWidget parent_instance;

  GtkRevealer *banner_revealer;
  AdwPreferencesGroup *now_group;
  GtkWidget *pause_button;
  AdwActionRow *paused_row;
  AdwActionRow *sitting_row;
  AdwActionRow *next_row;
  GtkBox *routine_groups;

  LimberClock *clock;
  GListModel *routines;

  /* limberd's state as last given; strings owned. */
  gboolean running;
  gboolean has_state;
  gint64 sitting_seconds;
  gboolean counting;
  gint64 state_time;
  char *next_break_type;
  gint64 next_break_in_seconds;
  char *pause_kind;
  gint64 paused_until;

  char *sitting_text;
  char *next_break_text;
  char *pause_text;
};

G_DEFINE_FINAL_TYPE (LimberHomeView, limber_home_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SERVICE_RUNNING,
  PROP_SITTING_TEXT,
  PROP_NEXT_BREAK_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PLAY_ROUTINE,
  MICRO_STRETCH,
  PAUSE,
  RESUME,
  START_SERVICE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MINUTE_US (60 * G_USEC_PER_SEC)

/* The order of the area groups: the enum's, which goes from the back up to
 * the neck, then the rest of the body. */
static const LimberArea area_order[] = {
  LIMBER_AREA_MID_BACK,
  LIMBER_AREA_UPPER_BACK,
  LIMBER_AREA_SHOULDERS,
  LIMBER_AREA_NECK,
  LIMBER_AREA_CHEST,
  LIMBER_AREA_ARMS,
  LIMBER_AREA_POSTURE,
  LIMBER_AREA_WHOLE_BODY,
};

/**
 * limber_format_minutes:
 * @seconds: a duration
 *
 * Returns: (transfer full): @seconds in whole minutes for people, as in
 *   "25 min" or "1 h 5 min"
 */
char *
limber_format_minutes (gint64 seconds)
{
  /* Whole minutes done: core's formatter rounds a part minute up, so
   * hand it the whole minutes only. */
  seconds = MAX (seconds, 0);
  return limber_duration_format_minutes (seconds - seconds % 60);
}

/**
 * limber_home_view_format_summary:
 * @routine: a routine
 *
 * Returns: (transfer full): its length and number of steps, as in
 *   "5 min · 6 stretches"
 */
char *
limber_home_view_format_summary (LimberRoutine *routine)
{
  guint duration = limber_routine_get_duration (routine);
  guint n_steps = limber_routine_get_n_steps (routine);
  g_autofree char *length = NULL;
  g_autofree char *steps = NULL;

  /* Rounded to the nearest minute, and never "0 min". */
  length = limber_format_minutes (MAX (60, (duration + 30) / 60 * 60));
  steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stretch", "%u stretches", n_steps),
                           n_steps);
  /* Translators: a routine's length and number of steps, as in "5 min · 6 stretches" */
  return g_strdup_printf (_("%s · %s"), length, steps);
}

static gint64
now_realtime (LimberHomeView *self)
{
  return limber_clock_get_realtime (self->clock);
}

/* The µs of counting since the state was read. */
static gint64
elapsed_us (LimberHomeView *self)
{
  if (!self->counting)
    return 0;
  return MAX (0, now_realtime (self) - self->state_time);
}

static gboolean
is_paused (LimberHomeView *self)
{
  return self->pause_kind != NULL && !g_str_equal (self->pause_kind, "none");
}

static char *
format_pause (LimberHomeView *self)
{
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *time = NULL;

  if (g_str_equal (self->pause_kind, "until-tomorrow"))
    return g_strdup (_("Until tomorrow"));
  if (!g_str_equal (self->pause_kind, "for-duration") || self->paused_until <= 0)
    return g_strdup (_("Until you resume them"));

  until = g_date_time_new_from_unix_local (self->paused_until / G_USEC_PER_SEC);
  if (until == NULL)
    return g_strdup (_("Until you resume them"));
  time = g_date_time_format (until, "%R");
  /* Translators: %s is a time of day, as in "14:30" */
  return g_strdup_printf (_("Until %s"), time);
}

static char *
format_sitting (gint64 sitting_us)
{
  g_autofree char *minutes = NULL;

  if (sitting_us < MINUTE_US)
    return g_strdup (_("Sitting for less than a minute"));
  minutes = limber_format_minutes (sitting_us / G_USEC_PER_SEC);
  /* Translators: %s is a duration, as in "25 min" */
  return g_strdup_printf (_("Sitting for %s"), minutes);
}

static char *
format_next_break (const char *type,
                   gint64      next_us)
{
  gboolean micro = g_strcmp0 (type, "micro") == 0;
  g_autofree char *minutes = NULL;

  if (type == NULL || *type == '\0' || next_us < 0)
    return g_strdup (_("No breaks coming"));
  if (next_us == 0)
    return g_strdup (micro ? _("A micro-break is due") : _("A stretch break is due"));

  /* Rounded up: "in 1 min" until it is due. */
  minutes = limber_format_minutes ((next_us + MINUTE_US - 1) / MINUTE_US * 60);
  /* Translators: %s is a duration, as in "25 min" */
  return g_strdup_printf (micro ? _("Next micro-break in %s") : _("Next stretch break in %s"),
                          minutes);
}

static void
set_text (char       **field,
          char        *text,
          GObject     *object,
          GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (*field);
  *field = text;
  if (pspec != NULL)
    g_object_notify_by_pspec (object, pspec);
}

/* The next moment a shown number of minutes changes, from now, or -1. */
static gint64
next_change_us (LimberHomeView *self,
                gint64          sitting_us,
                gint64          next_us)
{
  gint64 wait = -1;

  if (!self->counting || is_paused (self))
    return -1;

  /* Sitting is shown rounded down: it changes at the next whole minute. */
  wait = MINUTE_US - sitting_us % MINUTE_US;
  /* The next break is shown rounded up: it changes just past a whole minute. */
  if (next_us > 0)
    wait = MIN (wait, (next_us - 1) % MINUTE_US + 1);
  return wait;
}

static void
update (LimberHomeView *self)
{
  gint64 elapsed = elapsed_us (self);
  gint64 sitting_us = self->sitting_seconds * G_USEC_PER_SEC + elapsed;
  gint64 next_us = -1;
  gboolean paused = is_paused (self);
  gint64 wait;

  if (self->next_break_in_seconds >= 0)
    next_us = MAX (0, self->next_break_in_seconds * G_USEC_PER_SEC - elapsed);

  gtk_revealer_set_reveal_child (self->banner_revealer, !self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->now_group), self->running && self->has_state);

  set_text (&self->sitting_text, format_sitting (sitting_us), G_OBJECT (self),
            properties[PROP_SITTING_TEXT]);
  set_text (&self->next_break_text,
            paused ? g_strdup (_("No breaks while paused"))
                   : format_next_break (self->next_break_type, next_us),
            G_OBJECT (self), properties[PROP_NEXT_BREAK_TEXT]);
  set_text (&self->pause_text, paused ? format_pause (self) : NULL, NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sitting_row), self->sitting_text);
  adw_action_row_set_subtitle (self->sitting_row,
                               self->counting ? _("Counting while you use the computer")
                                              : _("Not counting: you are away or on a break"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_row), self->next_break_text);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_row), paused);
  adw_action_row_set_subtitle (self->paused_row, self->pause_text != NULL ? self->pause_text : "");
  gtk_widget_set_visible (self->pause_button, !paused);

  /* One wake-up at the next minute boundary, only while on screen. */
  wait = next_change_us (self, sitting_us, next_us);
  if (wait >= 0 && self->running && gtk_widget_get_mapped (GTK_WIDGET (self)))
    limber_clock_set_alarm (self->clock, limber_clock_get_boottime (self->clock) + wait);
  else
    limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);
}

static void
clock_alarm_cb (LimberClock    *clock,
                LimberHomeView *self)
{
  update (self);
}

static GtkWidget *
routine_row_new (LimberRoutine *routine)
{
  g_autofree char *summary = limber_home_view_format_summary (routine);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("media-playback-start-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_routine_get_title (routine));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_widget_set_tooltip_text (row, limber_routine_get_description (routine));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "home.play");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", limber_routine_get_id (routine));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  limber_routine_get_description (routine), -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Play"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
rebuild_groups (LimberHomeView *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->routine_groups))) != NULL)
    gtk_box_remove (self->routine_groups, child);

  if (self->routines == NULL)
    return;

  n = g_list_model_get_n_items (self->routines);
  /* A routine is for several areas; it is listed under each, so the
   * routines for the neck are all in the Neck group. */
  for (gsize a = 0; a < G_N_ELEMENTS (area_order); a++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LimberRoutine) routine = g_list_model_get_item (self->routines, i);

          if (limber_routine_get_kind (routine) != LIMBER_ROUTINE_KIND_ROUTINE
              || (limber_routine_get_areas (routine) & area_order[a]) == 0)
            continue;

          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               limber_area_get_label (area_order[a]));
              gtk_box_append (self->routine_groups, group);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), routine_row_new (routine));
        }
    }
}

static void
routines_changed_cb (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     LimberHomeView *self)
{
  rebuild_groups (self);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[PLAY_ROUTINE], 0, g_variant_get_string (parameter, NULL));
}

static void
micro_stretch_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[MICRO_STRETCH], 0);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[PAUSE], 0, (gint64) LIMBER_HOME_VIEW_PAUSE_SECONDS);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[RESUME], 0);
}

static void
start_service_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[START_SERVICE], 0);
}

GtkWidget *
limber_home_view_new (void)
{
  return g_object_new (LIMBER_TYPE_HOME_VIEW, NULL);
}

/**
 * limber_home_view_set_clock:
 * @clock: where the time comes from (tests give a fake clock)
 *
 * The view advances the shown minutes on @clock's alarm.
 */
void
limber_home_view_set_clock (LimberHomeView *self,
                            LimberClock    *clock)
{
  g_return_if_fail (LIMBER_IS_HOME_VIEW (self));
  g_return_if_fail (LIMBER_IS_CLOCK (clock));

  if (self->clock == clock)
    return;

  if (self->clock != NULL)
    {
      limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);
      g_signal_handlers_disconnect_by_func (self->clock, clock_alarm_cb, self);
    }
  g_set_object (&self->clock, clock);
  g_signal_connect (self->clock, "alarm", G_CALLBACK (clock_alarm_cb), self);
  update (self);
}

/**
 * limber_home_view_set_state:
 * @state: limberd's state
 *
 * Shows @state; the minutes then advance by themselves while counting.
 */
void
limber_home_view_set_state (LimberHomeView           *self,
                            const LimberServiceState *state)
{
  g_return_if_fail (LIMBER_IS_HOME_VIEW (self));
  g_return_if_fail (state != NULL);

  self->has_state = TRUE;
  self->sitting_seconds = state->sitting_seconds;
  self->counting = state->counting;
  self->state_time = state->state_time;
  g_free (self->next_break_type);
  self->next_break_type = g_strdup (state->next_break_type != NULL ? state->next_break_type : "");
  self->next_break_in_seconds = state->next_break_in_seconds;
  g_free (self->pause_kind);
  self->pause_kind = g_strdup (state->pause_kind != NULL ? state->pause_kind : "none");
  self->paused_until = state->paused_until;

  update (self);
}

/**
 * limber_home_view_set_service_running:
 * @running: whether limberd runs
 *
 * When it does not, the view shows a banner with a button to start it
 * (the ::start-service signal) instead of the live state. A new view
 * assumes it does, until told otherwise.
 */
void
limber_home_view_set_service_running (LimberHomeView *self,
                                      gboolean        running)
{
  g_return_if_fail (LIMBER_IS_HOME_VIEW (self));

  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  if (!running)
    self->has_state = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_RUNNING]);
}

gboolean
limber_home_view_get_service_running (LimberHomeView *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_VIEW (self), FALSE);

  return self->running;
}

/**
 * limber_home_view_set_routines:
 * @routines: (nullable): a list model of #LimberRoutine
 *
 * Lists the routines of @routines (not the micro-stretches) grouped by the
 * areas they are for; follows the model's changes.
 */
void
limber_home_view_set_routines (LimberHomeView *self,
                               GListModel     *routines)
{
  g_return_if_fail (LIMBER_IS_HOME_VIEW (self));
  g_return_if_fail (routines == NULL || G_IS_LIST_MODEL (routines));

  if (self->routines == routines)
    return;

  if (self->routines != NULL)
    g_signal_handlers_disconnect_by_func (self->routines, routines_changed_cb, self);
  g_set_object (&self->routines, routines);
  if (self->routines != NULL)
    g_signal_connect (self->routines, "items-changed", G_CALLBACK (routines_changed_cb), self);
  rebuild_groups (self);
}

/**
 * limber_home_view_get_sitting_text:
 *
 * Returns: what the view says about sitting, as in "Sitting for 25 min"
 */
const char *
limber_home_view_get_sitting_text (LimberHomeView *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_VIEW (self), NULL);

  return self->sitting_text;
}

/**
 * limber_home_view_get_next_break_text:
 *
 * Returns: what the view says about the next break, as in
 *   "Next stretch break in 24 min"
 */
const char *
limber_home_view_get_next_break_text (LimberHomeView *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_VIEW (self), NULL);

  return self->next_break_text;
}

/**
 * limber_home_view_get_pause_text:
 *
 * Returns: (nullable): how long breaks are paused, as in "Until 14:30", or
 *   %NULL when they are not
 */
const char *
limber_home_view_get_pause_text (LimberHomeView *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_VIEW (self), NULL);

  return self->pause_text;
}

gboolean
limber_home_view_get_paused (LimberHomeView *self)
{
  g_return_val_if_fail (LIMBER_IS_HOME_VIEW (self), FALSE);

  return is_paused (self);
}

/**
 * limber_home_view_get_n_groups:
 *
 * Returns: how many area groups list routines
 */
guint
limber_home_view_get_n_groups (LimberHomeView *self)
{
  guint n = 0;

  g_return_val_if_fail (LIMBER_IS_HOME_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->routine_groups));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
limber_home_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_home_view_parent_class)->map (widget);

  /* Catch up on the minutes that passed while hidden, and arm the timer. */
  update (LIMBER_HOME_VIEW (widget));
}

static void
limber_home_view_unmap (GtkWidget *widget)
{
  LimberHomeView *self = LIMBER_HOME_VIEW (widget);

  limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);

  GTK_WIDGET_CLASS (limber_home_view_parent_class)->unmap (widget);
}

static void
limber_home_view_dispose (GObject *object)
{
  LimberHomeView *self = LIMBER_HOME_VIEW (object);
  GtkWidget *child;

  if (self->clock != NULL)
    {
      limber_clock_set_alarm (self->clock, LIMBER_CLOCK_NEVER);
      g_signal_handlers_disconnect_by_func (self->clock, clock_alarm_cb, self);
      g_clear_object (&self->clock);
    }
  if (self->routines != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->routines, routines_changed_cb, self);
      g_clear_object (&self->routines);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HOME_VIEW);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_home_view_parent_class)->dispose (object);
}

static void
limber_home_view_finalize (GObject *object)
{
  LimberHomeView *self = LIMBER_HOME_VIEW (object);

  g_free (self->next_break_type);
  g_free (self->pause_kind);
  g_free (self->sitting_text);
  g_free (self->next_break_text);
  g_free (self->pause_text);

  G_OBJECT_CLASS (limber_home_view_parent_class)->finalize (object);
}

static void
limber_home_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberHomeView *self = LIMBER_HOME_VIEW (object);

  switch (prop_id)
    {
    case PROP_SERVICE_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_SITTING_TEXT:
      g_value_set_string (value, self->sitting_text);
      break;

    case PROP_NEXT_BREAK_TEXT:
      g_value_set_string (value, self->next_break_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_home_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LimberHomeView *self = LIMBER_HOME_VIEW (object);

  switch (prop_id)
    {
    case PROP_SERVICE_RUNNING:
      limber_home_view_set_service_running (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_home_view_class_init (LimberHomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_home_view_dispose;
  object_class->finalize = limber_home_view_finalize;
  object_class->get_property = limber_home_view_get_property;
  object_class->set_property = limber_home_view_set_property;
  widget_class->map = limber_home_view_map;
  widget_class->unmap = limber_home_view_unmap;

  /**
   * LimberHomeView:service-running:
   *
   * Whether limberd runs; when not, a banner offers to start it.
   */
  properties[PROP_SERVICE_RUNNING] =
    g_param_spec_boolean ("service-running", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberHomeView:sitting-text:
   *
   * What the view says about sitting.
   */
  properties[PROP_SITTING_TEXT] =
    g_param_spec_string ("sitting-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberHomeView:next-break-text:
   *
   * What the view says about the next break.
   */
  properties[PROP_NEXT_BREAK_TEXT] =
    g_param_spec_string ("next-break-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberHomeView::play-routine:
   * @routine_id: the routine's id
   *
   * The person chose a routine.
   */
  signals[PLAY_ROUTINE] = g_signal_new ("play-routine", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * LimberHomeView::micro-stretch:
   *
   * The person asked for a quick micro-stretch.
   */
  signals[MICRO_STRETCH] = g_signal_new ("micro-stretch", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  /**
   * LimberHomeView::pause:
   * @seconds: how long
   *
   * The person asked for no breaks for a while.
   */
  signals[PAUSE] = g_signal_new ("pause", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * LimberHomeView::resume:
   *
   * The person asked to end the pause.
   */
  signals[RESUME] = g_signal_new ("resume", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  /**
   * LimberHomeView::start-service:
   *
   * The person asked to start limberd.
   */
  signals[START_SERVICE] = g_signal_new ("start-service", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/limber-home-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, now_group);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, paused_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, sitting_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, next_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHomeView, routine_groups);

  gtk_widget_class_install_action (widget_class, "home.play", "s", play_action);
  gtk_widget_class_install_action (widget_class, "home.micro-stretch", NULL, micro_stretch_action);
  gtk_widget_class_install_action (widget_class, "home.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "home.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "home.start-service", NULL,
                                   start_service_action);

  gtk_widget_class_set_css_name (widget_class, "limberhomeview");
}

static void
limber_home_view_init (LimberHomeView *self)
{
  g_autoptr(LimberClock) clock = limber_system_clock_new ();

  self->running = TRUE;
  self->next_break_in_seconds = -1;
  self->next_break_type = g_strdup ("");
  self->pause_kind = g_strdup ("none");

  gtk_widget_init_template (GTK_WIDGET (self));
  limber_style_ensure (GTK_WIDGET (self));

  limber_home_view_set_clock (self, clock);
}
