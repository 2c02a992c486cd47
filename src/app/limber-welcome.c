/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-style.h"
#include "limber-welcome.h"

struct _LimberWelcome
{
  GtkWidget parent_instance;

  AdwStatusPage *status_page;
  GtkSwitch *autostart_switch;
  GtkWidget *start_button;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (LimberWelcome, limber_welcome, GTK_TYPE_WIDGET)

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberWelcome *self = LIMBER_WELCOME (widget);

  g_settings_set_boolean (self->settings, "first-run-done", TRUE);
  g_signal_emit (self, signals[DONE], 0);
}

GtkWidget *
limber_welcome_new (void)
{
  return g_object_new (LIMBER_TYPE_WELCOME, NULL);
}

static gboolean
limber_welcome_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (LIMBER_WELCOME (widget)->start_button);
}

static void
limber_welcome_dispose (GObject *object)
{
  LimberWelcome *self = LIMBER_WELCOME (object);
  GtkWidget *child;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WELCOME);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_welcome_parent_class)->dispose (object);
}

static void
limber_welcome_class_init (LimberWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_welcome_dispose;
  widget_class->grab_focus = limber_welcome_grab_focus;

  /**
   * LimberWelcome::done:
   *
   * The person pressed "Get Started"; the first-run-done setting is set.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/limber-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWelcome, status_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcome, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcome, start_button);

  gtk_widget_class_install_action (widget_class, "welcome.done", NULL, done_action);
  gtk_widget_class_set_css_name (widget_class, "limberwelcome");
}

static void
limber_welcome_init (LimberWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_style_ensure (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APP_ID);

  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind (self->settings, "autostart", self->autostart_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
