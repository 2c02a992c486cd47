/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <gio/gio.h>

#include "limber-break-service.h"
#include "limber-daemon.h"
#include "limber-history.h"
#include "limber-service-api.h"
#include "limber-system-clock.h"
#include "limber-version.h"

typedef struct
{
  GMainLoop *loop;
  int exit_status;
  gboolean name_acquired;
  LimberBreakService *breaks;
  LimberServiceApi *api;
} DaemonState;

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  DaemonState *state = user_data;

  g_debug ("Signal received, stopping");
  g_main_loop_quit (state->loop);
  return G_SOURCE_CONTINUE;
}

/* Export the API before the name is ours, so the first caller finds it. */
static void
bus_acquired_cb (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  DaemonState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->api = limber_service_api_new (state->breaks);
  if (!limber_service_api_export (state->api, connection, &error))
    {
      g_printerr ("limberd: cannot export the D-Bus API: %s\n", error->message);
      state->exit_status = LIMBER_DAEMON_EXIT_FAILURE;
      g_main_loop_quit (state->loop);
    }
}

static void
quit_requested_cb (LimberBreakService *breaks,
                   DaemonState        *state)
{
  g_debug ("Quit from the tray menu");
  g_main_loop_quit (state->loop);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  DaemonState *state = user_data;

  state->name_acquired = TRUE;
  g_debug ("Owning %s on the session bus", name);

  /* Only the one limberd that owns the name tracks breaks. */
  limber_break_service_start (state->breaks);
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  DaemonState *state = user_data;

  if (connection == NULL)
    {
      g_printerr (_("limberd: cannot connect to the session bus; is a desktop session running?\n"));
      state->exit_status = LIMBER_DAEMON_EXIT_FAILURE;
    }
  else if (!state->name_acquired)
    {
      /* Another limberd has the name: that is success, not an error, so
       * autostart and D-Bus activation racing each other stay quiet. */
      g_print (_("limberd is already running; use --replace to take over from it\n"));
      state->exit_status = LIMBER_DAEMON_EXIT_OK;
    }
  else
    {
      g_message ("Another limberd replaced this one");
      state->exit_status = LIMBER_DAEMON_EXIT_OK;
    }

  g_main_loop_quit (state->loop);
}

/**
 * limber_daemon_run:
 * @argc: the argument count from main()
 * @argv: (array length=argc): the arguments from main()
 *
 * Parses limberd's options and runs the service until it is told to stop.
 *
 * Returns: a #LimberDaemonExit status for exit()
 */
int
limber_daemon_run (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberClock) clock = NULL;
  g_autoptr(LimberBreakService) breaks = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *history_path = NULL;
  g_auto(GStrv) args = NULL;
  gboolean show_version = FALSE;
  gboolean replace = FALSE;
  gboolean verbose = FALSE;
  DaemonState state = { 0 };
  guint owner_id;
  guint sigint_id;
  guint sigterm_id;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
      N_("Show the version and exit"), NULL },
    { "replace", 'r', 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a limberd that is already running"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Log every break transition and activity change"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("The Limber service: tracks continuous sitting and reminds you to take breaks."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* g_option_context_parse_strv() frees what it removes; work on a copy. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("limberd: %s\n", error->message);
      g_printerr (_("Run “limberd --help” to see the options.\n"));
      return LIMBER_DAEMON_EXIT_USAGE;
    }

  if (g_strv_length (args) > 1)
    {
      g_printerr (_("limberd: unexpected argument “%s”\n"), args[1]);
      g_printerr (_("Run “limberd --help” to see the options.\n"));
      return LIMBER_DAEMON_EXIT_USAGE;
    }

  if (show_version)
    {
      g_print ("limberd %s\n", limber_version_string ());
      return LIMBER_DAEMON_EXIT_OK;
    }

  if (verbose)
    g_log_set_debug_enabled (TRUE);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("limberd: the settings schema %s is not installed; install Limber, or run it "
                    "from its build tree with build-aux/run\n"), SCHEMA_ID);
      return LIMBER_DAEMON_EXIT_FAILURE;
    }

  settings = g_settings_new (SCHEMA_ID);
  clock = limber_system_clock_new ();
  state_path = limber_break_service_default_state_path ();
  history_path = limber_history_default_path ();
  breaks = limber_break_service_new (clock, settings, state_path, history_path);

  loop = g_main_loop_new (NULL, FALSE);
  state.loop = loop;
  state.exit_status = LIMBER_DAEMON_EXIT_OK;
  state.breaks = breaks;
  g_signal_connect (breaks, "quit-requested", G_CALLBACK (quit_requested_cb), &state);

  sigint_id = g_unix_signal_add (SIGINT, quit_on_signal_cb, &state);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_on_signal_cb, &state);

  owner_id = g_bus_own_name (G_BUS_TYPE_SESSION,
                             SERVICE_NAME,
                             G_BUS_NAME_OWNER_FLAGS_ALLOW_REPLACEMENT
                             | (replace ? G_BUS_NAME_OWNER_FLAGS_REPLACE : 0),
                             bus_acquired_cb,
                             name_acquired_cb,
                             name_lost_cb,
                             &state,
                             NULL);

  g_debug ("limberd %s starting", limber_version_string ());
  g_main_loop_run (loop);

  if (state.name_acquired)
    limber_break_service_save_now (breaks);

  if (state.api != NULL)
    limber_service_api_unexport (state.api);
  g_clear_object (&state.api);
  g_bus_unown_name (owner_id);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  return state.exit_status;
}
