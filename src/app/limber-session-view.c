/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-break-types.h"
#include "limber-countdown-ring.h"
#include "limber-cue-player.h"
#include "limber-figure-view.h"
#include "limber-session-view.h"
#include "limber-system-clock.h"

struct _LimberSessionView
{
  AdwBin parent_instance;

  /* Template children. */
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *progress_label;
  GtkLabel *side_label;
  LimberFigureView *figure_view;
  LimberCountdownRing *countdown_ring;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkLabel *instructions_label;
  GtkWidget *breathing_row;
  GtkLabel *breathing_label;
  GtkLabel *feel_label;
  GtkLabel *avoid_label;
  GtkWidget *caution_box;
  GtkLabel *caution_label;
  GtkLabel *next_label;
  GtkToggleButton *mute_button;
  GtkButton *restart_button;
  GtkButton *previous_button;
  GtkButton *pause_button;
  GtkButton *next_button;
  GtkButton *end_button;
  AdwStatusPage *done_page;
  GtkButton *done_button;

  LimberRoutine *routine;
  /* The clock given to play(), kept for "Again"; NULL: each session gets
   * a system clock of its own. */
  LimberClock *clock;
  LimberSession *session;
  LimberCuePlayer *cue_player;
  gboolean muted;

  AdwMessageDialog *confirm_dialog;
  gboolean resume_after_confirm;
};

G_DEFINE_FINAL_TYPE (LimberSessionView, limber_session_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ROUTINE,
  PROP_MUTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SESSION_STARTED,
  SESSION_FINISHED,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
load_css_once (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "limber-session-view-css"))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/limber-session-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "limber-session-view-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* "45 s" under a minute, else whole minutes, rounded: "5 min". */
static char *
format_duration (guint seconds)
{
  if (seconds < 60)
    /* Translators: a short duration in seconds, as in "1 stretch · 45 s" */
    return g_strdup_printf (_("%u s"), seconds);
  /* Translators: a duration in whole minutes, as in "6 stretches · 5 min" */
  return g_strdup_printf (_("%u min"), (seconds + 30) / 60);
}

static gint64
figure_time_cb (gpointer data)
{
  LimberSessionView *self = data;

  return self->session != NULL ? limber_session_get_elapsed (self->session) : 0;
}

static void
update_actions (LimberSessionView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean playing = self->session != NULL && !limber_session_is_over (self->session);
  guint segment = self->session != NULL ? limber_session_get_segment (self->session) : 0;

  gtk_widget_action_set_enabled (widget, "session.toggle-pause", playing);
  gtk_widget_action_set_enabled (widget, "session.next", playing);
  gtk_widget_action_set_enabled (widget, "session.previous", playing && segment > 0);
  gtk_widget_action_set_enabled (widget, "session.restart", playing);
  gtk_widget_action_set_enabled (widget, "session.end", playing);
  gtk_widget_action_set_enabled (widget, "session.again", self->routine != NULL);
}

static void
update_time (LimberSessionView *self)
{
  gint64 duration;

  if (self->session == NULL)
    return;

  duration = limber_session_get_segment_duration (self->session);
  limber_countdown_ring_set_seconds (self->countdown_ring,
                                     limber_session_get_seconds_left (self->session));
  limber_countdown_ring_set_fraction (self->countdown_ring,
                                      duration > 0
                                      ? (double) limber_session_get_remaining (self->session) / duration
                                      : 0.0);
}

static void
update_state (LimberSessionView *self)
{
  gboolean paused;
  gboolean running;

  if (self->session == NULL)
    return;

  paused = limber_session_get_state (self->session) == LIMBER_SESSION_STATE_PAUSED;
  running = limber_session_get_state (self->session) == LIMBER_SESSION_STATE_RUNNING;

  gtk_button_set_icon_name (self->pause_button,
                            paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"),
                                  -1);
  limber_countdown_ring_set_paused (self->countdown_ring, paused);
  limber_figure_view_set_playing (self->figure_view, running);
  update_actions (self);
  update_time (self);
}

static char *
step_details (LimberStep        *step,
              LimberSessionSide  side)
{
  guint repetitions = limber_step_get_repetitions (step);
  guint duration = limber_step_get_duration (step);
  g_autofree char *how = NULL;
  g_autofree char *length = format_duration (duration);

  if (repetitions > 0)
    /* Translators: how many times to do a movement in a step */
    how = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", repetitions),
                           repetitions);
  else
    /* Translators: a step where a stretch is held rather than repeated */
    how = g_strdup (C_("step", "Hold"));

  if (side != LIMBER_SESSION_SIDE_NONE)
    /* Translators: "6 times · 20 s each side" or "Hold · 20 s each side" */
    return g_strdup_printf (_("%s · %s each side"), how, length);
  /* Translators: "6 times · 36 s" or "Hold · 20 s" */
  return g_strdup_printf (_("%s · %s"), how, length);
}

static void
update_next (LimberSessionView *self)
{
  LimberStep *next = limber_session_get_next_step (self->session);
  g_autofree char *text = NULL;

  if (limber_session_get_side (self->session) == LIMBER_SESSION_SIDE_LEFT)
    text = g_strdup (_("Next: the right side"));
  else if (next != NULL)
    /* Translators: a preview of the step after this one */
    text = g_strdup_printf (_("Next: %s"), limber_step_get_title (next));
  else
    text = g_strdup (_("Last stretch"));

  gtk_label_set_label (self->next_label, text);
}

static void
update_segment (LimberSessionView *self)
{
  LimberStep *step;
  LimberSessionSide side;
  const char *breathing;
  const char * const *cautions;
  g_autofree char *progress = NULL;
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;
  const char *side_text = NULL;

  if (self->session == NULL)
    return;

  step = limber_session_get_step (self->session);
  side = limber_session_get_side (self->session);

  /* Translators: where the session is, as in "Step 2 of 8" */
  progress = g_strdup_printf (_("Step %u of %u"),
                              limber_session_get_step_number (self->session),
                              limber_session_get_n_steps (self->session));
  gtk_label_set_label (self->progress_label, progress);

  switch (side)
    {
    case LIMBER_SESSION_SIDE_LEFT:
      side_text = _("Left side");
      break;
    case LIMBER_SESSION_SIDE_RIGHT:
      side_text = _("Right side");
      break;
    case LIMBER_SESSION_SIDE_NONE:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->side_label), side_text != NULL);
  if (side_text != NULL)
    gtk_label_set_label (self->side_label, side_text);

  gtk_label_set_label (self->title_label, limber_step_get_title (step));
  details = step_details (step, side);
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->instructions_label, limber_step_get_instructions (step));

  breathing = limber_step_get_breathing (step);
  gtk_widget_set_visible (self->breathing_row, breathing != NULL && *breathing != '\0');
  gtk_label_set_label (self->breathing_label, breathing != NULL ? breathing : "");
  gtk_label_set_label (self->feel_label, limber_step_get_feel (step));
  gtk_label_set_label (self->avoid_label, limber_step_get_avoid (step));

  cautions = limber_step_get_cautions (step);
  if (cautions != NULL && cautions[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) cautions);

      gtk_label_set_label (self->caution_label, text);
      gtk_widget_set_visible (self->caution_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->caution_box, FALSE);
    }

  limber_figure_view_set_animation (self->figure_view,
                                    limber_step_get_animation (step),
                                    limber_session_get_mirrored (self->session));
  if (side_text != NULL)
    /* Translators: the figure's description for screen readers: the
     * step's title, the side, then its instructions */
    description = g_strdup_printf (_("%s, %s. %s"), limber_step_get_title (step),
                                   side_text, limber_step_get_instructions (step));
  else
    /* Translators: the figure's description for screen readers: the
     * step's title, then its instructions */
    description = g_strdup_printf (_("%s. %s"), limber_step_get_title (step),
                                   limber_step_get_instructions (step));
  limber_figure_view_set_description (self->figure_view, description);

  update_next (self);
  update_time (self);
  update_actions (self);

  /* A new step starts at the top of the page. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
}

static void
show_end_screen (LimberSessionView *self,
                 gboolean           completed,
                 guint              steps_done,
                 guint              steps_total,
                 guint              duration)
{
  g_autofree char *length = format_duration (duration);
  g_autofree char *stretches = NULL;
  g_autofree char *summary = NULL;

  if (steps_done == steps_total)
    /* Translators: how many stretches a finished session held */
    stretches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stretch", "%u stretches",
                                              steps_done),
                                 steps_done);
  else
    /* Translators: how many of the routine's stretches were done, as in "3 of 8 stretches" */
    stretches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u stretch",
                                              "%u of %u stretches", steps_total),
                                 steps_done, steps_total);
  /* Translators: what a session did, as in "6 stretches · 5 min" */
  summary = g_strdup_printf (_("%s · %s"), stretches, length);

  adw_status_page_set_title (self->done_page, completed ? _("Well Done") : _("Session Ended"));
  adw_status_page_set_icon_name (self->done_page,
                                 completed ? "emblem-ok-symbolic" : "media-playback-stop-symbolic");
  adw_status_page_set_description (self->done_page, summary);
  if (completed)
    gtk_widget_add_css_class (GTK_WIDGET (self->done_page), "limber-session-success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->done_page), "limber-session-success");

  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
session_finished_cb (LimberSession     *session,
                     gboolean           completed,
                     guint              steps_done,
                     guint              steps_total,
                     guint              duration,
                     LimberSessionView *self)
{
  if (self->confirm_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));

  update_state (self);
  show_end_screen (self, completed, steps_done, steps_total, duration);

  g_signal_emit (self, signals[SESSION_FINISHED], 0,
                 limber_routine_get_id (self->routine),
                 limber_session_view_get_break_type (self),
                 steps_done, steps_total, duration, completed);
}

static void
session_cue_cb (LimberSession     *session,
                const char        *cue,
                LimberSessionView *self)
{
  if (self->cue_player != NULL)
    limber_cue_player_play (self->cue_player, cue);
}

static void
session_second_cb (LimberSession     *session,
                   LimberSessionView *self)
{
  update_time (self);
}

static void
session_notify_cb (LimberSession     *session,
                   GParamSpec        *pspec,
                   LimberSessionView *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "state"))
    update_state (self);
  else if (g_str_equal (name, "seconds-left"))
    update_time (self);
  else
    update_segment (self);
}

static void
teardown_session (LimberSessionView *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
}

static void
ensure_cue_player (LimberSessionView *self)
{
  g_autoptr(GSettings) settings = NULL;

  if (self->cue_player != NULL)
    return;

  settings = g_settings_new (SCHEMA_ID);
  self->cue_player = limber_cue_player_new (settings);
  limber_cue_player_set_muted (self->cue_player, self->muted);
}

/**
 * limber_session_view_play:
 * @routine: the routine to play; resolved, so its figures can be drawn
 * @clock: (nullable): the clock to play on (the session owns its alarm),
 *   or %NULL for a system clock of its own
 *
 * Starts a session of @routine at its first step and emits
 * ::session-started. A session still playing is ended first (and reported
 * with ::session-finished, as ended early).
 */
void
limber_session_view_play (LimberSessionView *self,
                          LimberRoutine     *routine,
                          LimberClock       *clock)
{
  g_autoptr(LimberClock) session_clock = NULL;
  g_autoptr(LimberRoutine) keep = NULL;

  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));
  g_return_if_fail (clock == NULL || LIMBER_IS_CLOCK (clock));

  keep = g_object_ref (routine);
  limber_session_view_stop (self);
  teardown_session (self);

  if (g_set_object (&self->routine, routine))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
  g_set_object (&self->clock, clock);
  session_clock = clock != NULL ? g_object_ref (clock) : limber_system_clock_new ();

  self->session = limber_session_new (routine, session_clock);
  g_signal_connect (self->session, "cue", G_CALLBACK (session_cue_cb), self);
  g_signal_connect (self->session, "second", G_CALLBACK (session_second_cb), self);
  g_signal_connect (self->session, "finished", G_CALLBACK (session_finished_cb), self);
  g_signal_connect (self->session, "notify::state", G_CALLBACK (session_notify_cb), self);
  g_signal_connect (self->session, "notify::segment", G_CALLBACK (session_notify_cb), self);
  g_signal_connect (self->session, "notify::seconds-left", G_CALLBACK (session_notify_cb), self);

  ensure_cue_player (self);
  update_segment (self);
  update_state (self);
  gtk_stack_set_visible_child_name (self->stack, "player");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  g_signal_emit (self, signals[SESSION_STARTED], 0, limber_session_view_get_break_type (self));
  limber_session_start (self->session);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

/**
 * limber_session_view_stop:
 *
 * Ends the session now, without asking (as when the window closes):
 * ::session-finished reports it as ended early. Nothing happens when no
 * session is playing.
 */
void
limber_session_view_stop (LimberSessionView *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  if (self->session != NULL)
    limber_session_end (self->session);
}

/* Returns: (transfer none) (nullable): the session playing or last played */
LimberSession *
limber_session_view_get_session (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);
  return self->session;
}

/* Returns: (transfer none) (nullable): the routine playing or last played */
LimberRoutine *
limber_session_view_get_routine (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);
  return self->routine;
}

/* Returns: the break the routine is for, as limberd names it: "stretch"
 * for a routine, "micro" for a micro-stretch; %NULL before play() */
const char *
limber_session_view_get_break_type (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);

  if (self->routine == NULL)
    return NULL;
  return limber_break_type_to_string (limber_routine_get_kind (self->routine)
                                      == LIMBER_ROUTINE_KIND_MICRO_STRETCH
                                      ? LIMBER_BREAK_MICRO : LIMBER_BREAK_STRETCH);
}

gboolean
limber_session_view_get_muted (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), FALSE);
  return self->muted;
}

/**
 * limber_session_view_set_muted:
 * @muted: whether the cue sounds are silent in this view
 */
void
limber_session_view_set_muted (LimberSessionView *self,
                               gboolean           muted)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  self->muted = muted;
  if (self->cue_player != NULL)
    limber_cue_player_set_muted (self->cue_player, muted);
  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            muted ? "audio-volume-muted-symbolic" : "audio-volume-high-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mute_button),
                               muted ? _("Unmute Sounds (M)") : _("Mute Sounds (M)"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

GtkWidget *
limber_session_view_new (void)
{
  return g_object_new (LIMBER_TYPE_SESSION_VIEW, NULL);
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);

  if (self->session != NULL)
    limber_session_toggle_pause (self->session);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);

  if (self->session != NULL)
    limber_session_next (self->session);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);

  if (self->session != NULL)
    limber_session_previous (self->session);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);

  if (self->session != NULL)
    limber_session_restart_step (self->session);
}

static void
confirm_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     LimberSessionView *self)
{
  gboolean resume = self->resume_after_confirm;

  self->resume_after_confirm = FALSE;
  if (self->session == NULL)
    return;

  if (g_str_equal (response, "end"))
    limber_session_end (self->session);
  else if (resume)
    limber_session_resume (self->session);
}

/* More than half the routine is still to come: ask before throwing it
 * away; with less left, end at once. */
static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);
  GtkRoot *root;
  g_autofree char *left = NULL;
  g_autofree char *body = NULL;
  gint64 time_left;

  if (self->session == NULL || limber_session_is_over (self->session))
    return;

  if (self->confirm_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->confirm_dialog));
      return;
    }

  time_left = limber_session_get_time_left (self->session);
  if (time_left * 2 <= limber_session_get_total_duration (self->session))
    {
      limber_session_end (self->session);
      return;
    }

  root = gtk_widget_get_root (widget);
  left = format_duration ((guint) ((time_left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
  /* Translators: the body of the dialog that asks before ending a session early */
  body = g_strdup_printf (_("%s of this routine is still to come. What you have done so far is kept."),
                          left);
  self->confirm_dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                _("End the Session?"), body));
  adw_message_dialog_add_responses (self->confirm_dialog,
                                    "cancel", _("_Keep Going"),
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->confirm_dialog, "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->confirm_dialog, "cancel");
  adw_message_dialog_set_close_response (self->confirm_dialog, "cancel");
  g_object_add_weak_pointer (G_OBJECT (self->confirm_dialog), (gpointer *) &self->confirm_dialog);
  g_signal_connect_object (self->confirm_dialog, "response",
                           G_CALLBACK (confirm_response_cb), self, 0);

  /* Time stands still while the question is open. */
  self->resume_after_confirm =
    limber_session_get_state (self->session) == LIMBER_SESSION_STATE_RUNNING;
  limber_session_pause (self->session);

  gtk_window_present (GTK_WINDOW (self->confirm_dialog));
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[DONE], 0);
}

static void
again_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberClock) clock = NULL;

  if (self->routine == NULL)
    return;

  routine = g_object_ref (self->routine);
  clock = self->clock != NULL ? g_object_ref (self->clock) : NULL;
  limber_session_view_play (self, routine, clock);
}

static void
limber_session_view_dispose (GObject *object)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (object);

  if (self->confirm_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->confirm_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
      if (self->confirm_dialog != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->confirm_dialog),
                                      (gpointer *) &self->confirm_dialog);
      self->confirm_dialog = NULL;
    }

  teardown_session (self);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->clock);
  g_clear_object (&self->routine);

  /* AdwBin drops the template's tree with its child. */
  G_OBJECT_CLASS (limber_session_view_parent_class)->dispose (object);
}

static void
limber_session_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      limber_session_view_set_muted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_view_class_init (LimberSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_session_view_dispose;
  object_class->get_property = limber_session_view_get_property;
  object_class->set_property = limber_session_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LIMBER_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, LIMBER_TYPE_ROUTINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberSessionView::session-started:
   * @break_type: "stretch" or "micro"
   *
   * A session started: limberd's BeginSession.
   */
  signals[SESSION_STARTED] =
    g_signal_new ("session-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * LimberSessionView::session-finished:
   * @routine_id: the routine played
   * @break_type: "stretch" or "micro"
   * @steps_done: the steps played to their end
   * @steps_total: the routine's steps
   * @duration: seconds played, pauses left out
   * @finished: %TRUE when the routine played to its end, %FALSE when the
   *   session was ended early
   *
   * A session is over: the arguments of limberd's RecordSession.
   */
  signals[SESSION_FINISHED] =
    g_signal_new ("session-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 6,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * LimberSessionView::done:
   *
   * The person pressed "Done" on the end screen: time to leave the player.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LIMBER_TYPE_FIGURE_VIEW);
  g_type_ensure (LIMBER_TYPE_COUNTDOWN_RING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/limber-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, side_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, figure_view);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, countdown_ring);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, details_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, breathing_row);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, breathing_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, feel_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, avoid_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, caution_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, caution_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, mute_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, restart_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, next_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, end_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, done_page);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, done_button);

  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "session.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "session.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "session.again", NULL, again_action);
  gtk_widget_class_install_property_action (widget_class, "session.mute", "muted");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "session.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "session.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "session.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "session.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "session.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "session.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "session.mute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "session.restart", NULL);
}

static void
limber_session_view_init (LimberSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css_once (GTK_WIDGET (self));

  limber_figure_view_set_time_source (self->figure_view, figure_time_cb, self, NULL);
  update_actions (self);
}
