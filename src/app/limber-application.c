/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-application.h"
#include "limber-resources.h"
#include "limber-version.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

/**
 * limber_application_register_resources:
 *
 * Registers the app's compiled resources (UI templates, styles). Safe to
 * call more than once; widget tests call it before building widgets.
 */
void
limber_application_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      limber_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same resources for the .Devel app id. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

static LimberWindow *
get_or_create_window (LimberApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (limber_window_new (self));

  return LIMBER_WINDOW (window);
}

static void
limber_application_activate (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);

  gtk_window_present (GTK_WINDOW (get_or_create_window (self)));
}

static int
limber_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("limber %s\n", limber_version_string ());
      return EXIT_SUCCESS;
    }

  /* Go on with the default processing (register, activate). */
  return -1;
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LimberApplication *self = user_data;
  const char *developers[] = { _("The Limber contributors"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Limber"),
                         "application-icon", APP_ID,
                         "version", limber_version_string (),
                         "developer-name", _("The Limber contributors"),
                         "developers", developers,
                         "website", "https://github.com/limberapp/limber",
                         "issue-url", "https://github.com/limberapp/limber/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Break reminders and guided stretches for your back, shoulders and neck."),
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
};

static void
limber_application_startup (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  limber_application_register_resources ();

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = limber_application_activate;
  app_class->startup = limber_application_startup;
  app_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided stretch sessions and break settings."));
}
