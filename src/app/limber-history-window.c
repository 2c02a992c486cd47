/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-history-window.h"
#include "limber-home-view.h"
#include "limber-style.h"

struct _LimberHistoryWindow
{
  AdwWindow parent_instance;

  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  LimberHistoryChart *chart;
  GtkLabel *streak_label;
  GtkLabel *sitting_label;
  GtkLabel *taken_label;
  GtkLabel *natural_label;
  GtkLabel *postponed_label;
  GtkLabel *skipped_label;
  GtkLabel *guided_label;

  GCancellable *cancellable;
  gboolean has_history;
  guint streak;
};

G_DEFINE_FINAL_TYPE (LimberHistoryWindow, limber_history_window, ADW_TYPE_WINDOW)

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
}

static void
update_totals (LimberHistoryWindow *self)
{
  LimberHistoryDay totals;
  g_autofree char *sitting = NULL;
  g_autofree char *streak = NULL;

  limber_history_chart_get_totals (self->chart, &totals);
  sitting = limber_format_minutes (totals.sitting_seconds);
  streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", self->streak),
                            self->streak);

  gtk_label_set_text (self->streak_label, streak);
  gtk_label_set_text (self->sitting_label, sitting);
  set_count (self->taken_label, totals.taken);
  set_count (self->natural_label, totals.natural);
  set_count (self->postponed_label, totals.postponed);
  set_count (self->skipped_label, totals.skipped);
  set_count (self->guided_label, totals.guided);
}

static void
range_toggled_cb (GtkToggleButton     *button,
                  GParamSpec          *pspec,
                  LimberHistoryWindow *self)
{
  limber_history_chart_set_n_days (self->chart,
                                   gtk_toggle_button_get_active (self->month_button)
                                   ? LIMBER_HISTORY_WINDOW_MAX_DAYS : 7);
  update_totals (self);
}

static void
show_page (LimberHistoryWindow *self,
           const char          *name)
{
  gboolean chart = g_str_equal (name, "chart");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
  /* Nothing to switch between on the other pages. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->week_button), chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_button), chart);
}

static void
history_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LimberHistoryWindow *self;
  g_autoptr(GVariant) days = NULL;
  g_autoptr(GError) error = NULL;
  guint streak = 0;

  if (!limber_service_client_get_history_finish (LIMBER_SERVICE_CLIENT (source), result, &days,
                                                 &streak, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self = LIMBER_HISTORY_WINDOW (user_data);
      g_message ("Cannot read the history: %s", error->message);
      adw_status_page_set_description (self->error_page,
                                       _("The break service keeps the history, and it does not answer. Start Limber’s break service and open History again."));
      show_page (self, "error");
      return;
    }

  self = LIMBER_HISTORY_WINDOW (user_data);
  limber_history_window_set_history (self, days, streak);
}

/**
 * limber_history_window_new:
 * @client: (nullable): where to read the history from; %NULL shows the
 *   loading page until limber_history_window_set_history()
 *
 * Returns: (transfer full): a new history window
 */
LimberHistoryWindow *
limber_history_window_new (LimberServiceClient *client)
{
  LimberHistoryWindow *self = g_object_new (LIMBER_TYPE_HISTORY_WINDOW, NULL);

  if (client != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) midnight = NULL;
      g_autoptr(GDateTime) first = NULL;

      midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                        g_date_time_get_day_of_month (now), 0, 0, 0);
      first = g_date_time_add_days (midnight, -(LIMBER_HISTORY_WINDOW_MAX_DAYS - 1));
      limber_service_client_get_history_async (client, g_date_time_to_unix (first) * G_USEC_PER_SEC,
                                               g_date_time_to_unix (now) * G_USEC_PER_SEC
                                               + g_date_time_get_microsecond (now) + 1,
                                               self->cancellable, history_ready_cb, self);
    }
  return self;
}

/**
 * limber_history_window_set_history:
 * @days: days as limberd's GetHistory gives them, a(sxuuuuu)
 * @streak: the current streak, in days
 *
 * Shows @days, or the empty page when nothing was counted yet.
 */
void
limber_history_window_set_history (LimberHistoryWindow *self,
                                   GVariant            *days,
                                   guint                streak)
{
  gboolean empty = TRUE;
  GVariantIter iter;
  gint64 sitting;
  guint taken, natural, postponed, skipped, guided;

  g_return_if_fail (LIMBER_IS_HISTORY_WINDOW (self));
  g_return_if_fail (days != NULL && g_variant_is_of_type (days, G_VARIANT_TYPE ("a(sxuuuuu)")));

  g_variant_iter_init (&iter, days);
  while (g_variant_iter_next (&iter, "(&sxuuuuu)", NULL, &sitting, &taken, &natural, &postponed,
                              &skipped, &guided))
    {
      if (sitting > 0 || taken + natural + postponed + skipped + guided > 0)
        empty = FALSE;
    }

  self->has_history = TRUE;
  self->streak = streak;
  limber_history_chart_set_days (self->chart, days);
  update_totals (self);
  show_page (self, empty ? "empty" : "chart");
}

/**
 * limber_history_window_set_n_days:
 * @n_days: 7 or 30
 */
void
limber_history_window_set_n_days (LimberHistoryWindow *self,
                                  guint                n_days)
{
  g_return_if_fail (LIMBER_IS_HISTORY_WINDOW (self));

  gtk_toggle_button_set_active (n_days > 7 ? self->month_button : self->week_button, TRUE);
}

/**
 * limber_history_window_get_page:
 *
 * Returns: what the window shows: "loading", "empty", "error" or "chart"
 */
const char *
limber_history_window_get_page (LimberHistoryWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * limber_history_window_get_chart:
 *
 * Returns: (transfer none): the chart
 */
LimberHistoryChart *
limber_history_window_get_chart (LimberHistoryWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_WINDOW (self), NULL);

  return self->chart;
}

static void
limber_history_window_dispose (GObject *object)
{
  LimberHistoryWindow *self = LIMBER_HISTORY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (limber_history_window_parent_class)->dispose (object);
}

static void
limber_history_window_class_init (LimberHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_history_window_dispose;

  g_type_ensure (LIMBER_TYPE_HISTORY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/limber-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, week_button);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, month_button);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, streak_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, sitting_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, taken_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, natural_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, postponed_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryWindow, guided_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_history_window_init (LimberHistoryWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  limber_style_ensure (GTK_WIDGET (self));

  g_signal_connect (self->month_button, "notify::active", G_CALLBACK (range_toggled_cb), self);
  show_page (self, "loading");
  update_totals (self);
}
