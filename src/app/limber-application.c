/* SPDX-License-Identifier: GPL-3.0-or-later */

#ifdef __SANITIZE_ADDRESS__
/* dl_iterate_phdr(), for ignore_quark_block() below */
#define _GNU_SOURCE 1
#endif

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#ifdef __SANITIZE_ADDRESS__
#include <link.h>
#include <string.h>
#include <sanitizer/lsan_interface.h>
#endif

#include "limber-application.h"
#include "limber-history-window.h"
#include "limber-preferences-window.h"
#include "limber-resources.h"
#include "limber-style.h"
#include "limber-version.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication parent_instance;

  LimberServiceClient *client;
  LimberRoutineLibrary *library;
  gboolean library_loaded;
  GCancellable *cancellable;

  /* At most one of each; weak pointers. */
  GtkWindow *preferences;
  GtkWindow *history;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

/* When the app was created, as early in main() as the app gets. */
static gint64 start_time;

#ifdef __SANITIZE_ADDRESS__
/* Sanitizer builds only. GLib's quark table starts as a block its library
 * constructor allocates; when a process makes more than 2048 quarks (GTK,
 * libadwaita and GStreamer together do), GLib copies the table and leaves
 * the old block behind on purpose, for readers that take no lock.
 * LeakSanitizer would report it at every exit. This finds the block while
 * GLib still points at it, from a global in GLib's data, and tells
 * LeakSanitizer to ignore it; nothing else is excused. */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

typedef struct
{
  GQuark quark;
  const char *string;
} QuarkProbe;

static int
ignore_quark_block_cb (struct dl_phdr_info *info,
                       size_t               size,
                       void                *data)
{
  const QuarkProbe *probe = data;

  if (strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      const char * const * const *slots;
      gsize n_slots;

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;

      slots = (gconstpointer) (info->dlpi_addr + segment->p_vaddr);
      n_slots = segment->p_memsz / sizeof *slots;
      for (gsize j = 0; j < n_slots; j++)
        {
          const char * const *block = slots[j];

          if (block != NULL && __sanitizer_get_ownership (block)
              && __sanitizer_get_allocated_size (block) > probe->quark * sizeof *block
              && block[probe->quark] == probe->string)
            {
              __lsan_ignore_object (block);
              return 1;
            }
        }
    }
  return 1;
}

__attribute__ ((constructor)) static void
ignore_quark_block (void)
{
  static const char probe_string[] = "limber-leak-sanitizer-probe";
  QuarkProbe probe = { g_quark_from_static_string (probe_string), probe_string };

  dl_iterate_phdr (ignore_quark_block_cb, &probe);
}
#endif

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

/**
 * limber_application_get_start_time:
 *
 * Returns: the monotonic time at which the app was created, for the
 *   startup benchmark
 */
gint64
limber_application_get_start_time (void)
{
  return start_time;
}

LimberApplication *
limber_application_new (void)
{
  start_time = g_get_monotonic_time ();

  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same resources for the .Devel app id. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * limber_application_get_library:
 *
 * Returns: (transfer none) (nullable): the routine library once loaded
 */
LimberRoutineLibrary *
limber_application_get_library (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  return self->library_loaded ? self->library : NULL;
}

/**
 * limber_application_get_service_client:
 *
 * Returns: (transfer none) (nullable): the connection to limberd, after
 *   startup
 */
LimberServiceClient *
limber_application_get_service_client (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  return self->client;
}

static LimberWindow *
get_or_create_window (LimberApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  LimberWindow *window;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (LIMBER_IS_WINDOW (l->data))
        return LIMBER_WINDOW (l->data);
    }

  window = limber_window_new (self);
  limber_window_set_service_client (window, self->client);
  limber_window_set_library (window, limber_application_get_library (self));
  return window;
}

/* The window dialogs belong to: the main window when it is open. A
 * dialog opened from the tray stands alone, so closing it ends the app. */
static GtkWindow *
get_parent (LimberApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LIMBER_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

static void
library_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LimberApplication *self;
  g_autoptr(GError) error = NULL;
  GPtrArray *errors;

  if (!limber_routine_library_load_finish (LIMBER_ROUTINE_LIBRARY (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIMBER_APPLICATION (user_data);
  if (error != NULL)
    g_message ("Cannot load the routines: %s", error->message);

  /* A broken file takes only itself down; say which. */
  errors = limber_routine_library_get_errors (self->library);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    g_message ("%s", ((GError *) g_ptr_array_index (errors, i))->message);

  self->library_loaded = TRUE;
  g_debug ("Loaded %u routines", g_list_model_get_n_items (G_LIST_MODEL (self->library)));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LIMBER_IS_WINDOW (l->data))
        limber_window_set_library (l->data, self->library);
    }
  g_application_release (G_APPLICATION (self));
}

static void
limber_application_activate (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);

  g_debug ("Activated: showing the window");
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
start_routine_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  LimberApplication *self = user_data;
  LimberWindow *window = get_or_create_window (self);

  limber_window_play_routine (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

/* The desktop file's "Start Stretches" action: the routine chosen in the
 * settings, or the first. Desktop actions carry no parameter. */
static void
start_stretches_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  LimberApplication *self = user_data;
  LimberWindow *window = get_or_create_window (self);

  limber_window_play_routine (window, "");
  gtk_window_present (GTK_WINDOW (window));
}

static void
micro_stretch_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  LimberApplication *self = user_data;
  LimberWindow *window = get_or_create_window (self);

  limber_window_play_micro_stretch (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
present_single (GtkWindow  **slot,
                GtkWindow   *window,
                GtkWindow   *parent)
{
  *slot = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) slot);
  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LimberApplication *self = user_data;
  GtkWindow *parent = get_parent (self);
  LimberPreferencesWindow *window;

  if (self->preferences != NULL)
    {
      gtk_window_present (self->preferences);
      return;
    }

  window = limber_preferences_window_new (G_LIST_MODEL (self->library));
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  present_single (&self->preferences, GTK_WINDOW (window), parent);
}

static void
history_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LimberApplication *self = user_data;
  GtkWindow *parent = get_parent (self);
  LimberHistoryWindow *window;

  if (self->history != NULL)
    {
      gtk_window_present (self->history);
      return;
    }

  window = limber_history_window_new (self->client);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  present_single (&self->history, GTK_WINDOW (window), parent);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LimberApplication *self = user_data;

  g_debug ("Quitting");
  /* Close the windows first, so a session playing is recorded. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (LIMBER_IS_WINDOW (window))
        gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

/* The distinct sources the routines name, as "Title https://url". */
static GStrv
exercise_sources (LimberApplication *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *model = G_LIST_MODEL (self->library);
  guint n = self->library_loaded ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      for (guint s = 0; s < limber_routine_get_n_sources (routine); s++)
        {
          const char *title = limber_routine_get_source_title (routine, s);
          const char *url = limber_routine_get_source_url (routine, s);
          char *entry;

          if (title == NULL || *title == '\0')
            title = url;
          if (title == NULL)
            continue;
          entry = url != NULL && *url != '\0' && g_strcmp0 (title, url) != 0
                  ? g_strdup_printf ("%s %s", title, url)
                  : g_strdup (title);
          if (!g_hash_table_add (seen, entry))
            continue;
          g_strv_builder_add (builder, entry);
        }
    }
  return g_strv_builder_end (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LimberApplication *self = user_data;
  const char *developers[] = { _("The Limber contributors"), NULL };
  g_auto(GStrv) sources = exercise_sources (self);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_parent (self),
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

  limber_style_ensure (about);
  if (sources[0] != NULL)
    {
      qsort (sources, g_strv_length (sources), sizeof (char *), compare_strings);
      adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                    _("Exercise sources"),
                                                    (const char **) sources);
    }
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "start-routine", start_routine_action_cb, "s" },
  { "start-stretches", start_stretches_action_cb },
  { "micro-stretch", micro_stretch_action_cb },
  { "preferences", preferences_action_cb },
  { "history", history_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
limber_application_startup (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *history_accels[] = { "<Control>h", NULL };
  g_auto(GStrv) dirs = NULL;

  limber_application_register_resources ();
  gst_init (NULL, NULL);

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.history", history_accels);

  /* Creating the proxy starts limberd through D-Bus activation. */
  self->client = limber_service_client_new (NULL);

  /* Held until loaded, so an activation that comes with no window yet
   * does not end before its routine can be found. */
  g_application_hold (application);
  dirs = limber_routine_library_default_dirs ();
  limber_routine_library_load_async (self->library, (const char * const *) dirs,
                                     self->cancellable, library_loaded_cb, self);
}

static void
limber_application_shutdown (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (limber_application_parent_class)->shutdown (application);
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = LIMBER_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (limber_application_parent_class)->dispose (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = limber_application_dispose;
  app_class->activate = limber_application_activate;
  app_class->startup = limber_application_startup;
  app_class->shutdown = limber_application_shutdown;
  app_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  self->library = limber_routine_library_new ();
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided stretch sessions and break settings."));
}
