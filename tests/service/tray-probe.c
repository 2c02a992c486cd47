/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tray-probe: exports a LimberTray on the session bus for the shell tests
 * of the service suite, and prints one line per event:
 *
 *   bus-name NAME|none      the item's unique bus name, once it is on the
 *                           bus (again), or none when it is hidden
 *   registered true|false   the watcher accepted (or lost) the item
 *   host-present true|false a tray host shows it, or no longer does
 *   activate ACTION         a menu entry (or the icon) was clicked
 *   done WORD               a command read from stdin was applied
 *
 * Options set the first state: --status=normal|due|paused, --title=TEXT,
 * --line=TEXT, --hidden, --sandboxed (talk to the Background portal as if
 * inside Flatpak). Commands on stdin, one a line, change it:
 *
 *   status normal|due|paused   title TEXT   line TEXT
 *   visible true|false         background TEXT
 *
 * SIGINT or SIGTERM stops it; it exits 0 when the tray is freed cleanly. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib-unix.h>
#include <gio/gunixinputstream.h>

#include "limber-tray.h"
#include "limber-tray-private.h"

typedef struct
{
  LimberTray *tray;
  GDataInputStream *input;
  GCancellable *cancellable;
  GMainLoop *loop;
} Probe;

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static gboolean
parse_status (const char       *text,
              LimberTrayStatus *status)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LIMBER_TYPE_TRAY_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (enum_class, text);

  if (value == NULL)
    return FALSE;
  *status = value->value;
  return TRUE;
}

static void
activate_cb (LimberTray *tray,
             const char *action,
             gpointer    user_data)
{
  say ("activate %s", action);
}

static void
notify_cb (LimberTray *tray,
           GParamSpec *pspec,
           gpointer    user_data)
{
  gboolean value;

  g_object_get (tray, pspec->name, &value, NULL);
  say ("%s %s", pspec->name, value ? "true" : "false");
}

static void
bus_name_cb (LimberTray *tray,
             GParamSpec *pspec,
             gpointer    user_data)
{
  const char *name = limber_tray_get_bus_name (tray);

  say ("bus-name %s", name != NULL ? name : "none");
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
run_command (Probe      *probe,
             const char *command)
{
  LimberTray *tray = probe->tray;
  g_autofree char *word = NULL;
  const char *space = strchr (command, ' ');
  const char *arg = space != NULL ? space + 1 : "";
  LimberTrayStatus status;

  word = space != NULL ? g_strndup (command, space - command) : g_strdup (command);
  if (g_str_equal (word, "status") && parse_status (arg, &status))
    limber_tray_set_status (tray, status, limber_tray_get_title (tray),
                            limber_tray_get_line (tray));
  else if (g_str_equal (word, "title"))
    limber_tray_set_status (tray, limber_tray_get_status (tray), empty_to_null (arg),
                            limber_tray_get_line (tray));
  else if (g_str_equal (word, "line"))
    limber_tray_set_status (tray, limber_tray_get_status (tray), limber_tray_get_title (tray),
                            empty_to_null (arg));
  else if (g_str_equal (word, "visible"))
    limber_tray_set_visible (tray, g_str_equal (arg, "true"));
  else if (g_str_equal (word, "background"))
    limber_tray_set_background_status (tray, arg);
  else
    {
      say ("error unknown command: %s", command);
      return;
    }
  say ("done %s", word);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Probe *probe = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result,
                                                    NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (line == NULL)
    return; /* End of input (or an error): keep running until a signal. */

  run_command (probe, line);
  g_data_input_stream_read_line_async (probe->input, G_PRIORITY_DEFAULT, probe->cancellable,
                                       read_line_cb, probe);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *line = NULL;
  gboolean hidden = FALSE;
  gboolean sandboxed = FALSE;
  LimberTrayStatus status = LIMBER_TRAY_STATUS_NORMAL;
  Probe probe = { 0 };
  guint sigint_id;
  guint sigterm_id;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, "normal, due or paused", "STATUS" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The tooltip title and menu line", "TEXT" },
    { "line", 0, 0, G_OPTION_ARG_STRING, &line, "The tooltip text", "TEXT" },
    { "hidden", 0, 0, G_OPTION_ARG_NONE, &hidden, "Start hidden", NULL },
    { "sandboxed", 0, 0, G_OPTION_ARG_NONE, &sandboxed, "Act as inside Flatpak", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new ("- export a tray icon for the tests");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tray-probe: %s\n", error->message);
      return 2;
    }
  if (status_text != NULL && !parse_status (status_text, &status))
    {
      g_printerr ("tray-probe: unknown status “%s”\n", status_text);
      return 2;
    }

  probe.tray = g_object_new (LIMBER_TYPE_TRAY, "visible", !hidden, NULL);
  limber_tray_set_sandboxed (probe.tray, sandboxed);
  limber_tray_set_status (probe.tray, status, title, line);
  g_signal_connect (probe.tray, "activate", G_CALLBACK (activate_cb), NULL);
  g_signal_connect (probe.tray, "notify::registered", G_CALLBACK (notify_cb), NULL);
  g_signal_connect (probe.tray, "notify::host-present", G_CALLBACK (notify_cb), NULL);
  g_signal_connect (probe.tray, "notify::bus-name", G_CALLBACK (bus_name_cb), NULL);

  probe.cancellable = g_cancellable_new ();
  stdin_stream = g_unix_input_stream_new (0, FALSE);
  probe.input = g_data_input_stream_new (stdin_stream);
  g_data_input_stream_read_line_async (probe.input, G_PRIORITY_DEFAULT, probe.cancellable,
                                       read_line_cb, &probe);

  probe.loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, probe.loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, probe.loop);
  g_main_loop_run (probe.loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  g_cancellable_cancel (probe.cancellable);
  /* Let the cancelled read finish before the stream goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&probe.input);
  g_clear_object (&probe.cancellable);
  g_clear_pointer (&probe.loop, g_main_loop_unref);
  g_assert_finalize_object (g_steal_pointer (&probe.tray));
  return 0;
}
