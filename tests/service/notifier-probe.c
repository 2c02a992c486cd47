/* SPDX-License-Identifier: GPL-3.0-or-later */
/* notifier-probe: drives limberd's notifier for the shell tests of the
 * service suite.
 *
 *   notifier-probe [--no-auto-start]
 *     reads commands on stdin, one a line, fields separated by tabs:
 *       warning TYPE SECONDS
 *       due TYPE ESCALATED(0|1) ROUTINE [MICRO_TITLE [MICRO_TEXT]]
 *       close TYPE
 *       message TITLE [BODY]
 *       postpone-seconds SECONDS
 *     answers each with "warning TYPE shown|waiting", "due TYPE shown|waiting",
 *     "close TYPE closed|nothing", "message shown|waiting", "postpone-seconds N",
 *     and prints "available true|false", "action TYPE ACTION" (then
 *     "action-routine TYPE ID|none") and "closed TYPE" as they happen.
 *     It stops at the end of its input, or on SIGINT or SIGTERM.
 *
 *   notifier-probe --history
 *     prints dunst's history, one notification a line:
 *     "history id=N summary=S shown=T", where T is the text dunst draws (its
 *     Pango markup rendered to text), with "\n" for a new line. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib-unix.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "limber-notifier.h"

typedef struct
{
  LimberNotifier *notifier;
  GDataInputStream *input;
  GCancellable *cancellable;
  gboolean reading;
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
parse_type (const char      *text,
            LimberBreakType *type)
{
  if (text == NULL || !limber_break_type_from_string (text, type))
    {
      g_printerr ("notifier-probe: “%s” is not a break type\n", text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

static const char *
field (char  **fields,
       guint   n_fields,
       guint   i)
{
  return i < n_fields && *fields[i] != '\0' ? fields[i] : NULL;
}

static void
run_command (Probe      *probe,
             const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (fields);
  LimberBreakType type;
  const char *command = field (fields, n, 0);
  gboolean ok;

  if (command == NULL)
    return;

  if (g_str_equal (command, "warning") && n == 3 && parse_type (fields[1], &type))
    {
      ok = limber_notifier_show_warning (probe->notifier, type, g_ascii_strtoll (fields[2], NULL, 10));
      say ("warning %s %s", fields[1], ok ? "shown" : "waiting");
    }
  else if (g_str_equal (command, "due") && n >= 4 && parse_type (fields[1], &type))
    {
      ok = limber_notifier_show_due (probe->notifier, type, g_str_equal (fields[2], "1"),
                                     field (fields, n, 4), field (fields, n, 5),
                                     field (fields, n, 3));
      say ("due %s %s", fields[1], ok ? "shown" : "waiting");
    }
  else if (g_str_equal (command, "close") && n == 2 && parse_type (fields[1], &type))
    {
      ok = limber_notifier_close (probe->notifier, type);
      say ("close %s %s", fields[1], ok ? "closed" : "nothing");
    }
  else if (g_str_equal (command, "message") && n >= 2)
    {
      ok = limber_notifier_show_message (probe->notifier, fields[1], field (fields, n, 2));
      say ("message %s", ok ? "shown" : "waiting");
    }
  else if (g_str_equal (command, "postpone-seconds") && n == 2)
    {
      limber_notifier_set_postpone_seconds (probe->notifier,
                                            (guint) g_ascii_strtoull (fields[1], NULL, 10));
      say ("postpone-seconds %u", limber_notifier_get_postpone_seconds (probe->notifier));
    }
  else
    g_printerr ("notifier-probe: cannot run “%s”\n", line);
}

static void read_line_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
read_next_line (Probe *probe)
{
  probe->reading = TRUE;
  g_data_input_stream_read_line_async (probe->input, G_PRIORITY_DEFAULT, probe->cancellable,
                                       read_line_cb, probe);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Probe *probe = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  probe->reading = FALSE;
  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL,
                                                    &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (line == NULL)
    {
      if (error != NULL)
        g_printerr ("notifier-probe: cannot read the input: %s\n", error->message);
      g_main_loop_quit (probe->loop);
      return;
    }

  run_command (probe, line);
  read_next_line (probe);
}

static void
action_cb (LimberNotifier *notifier,
           int             type,
           const char     *action,
           gpointer        user_data)
{
  const char *routine = limber_notifier_get_routine_id (notifier, type);

  say ("action %s %s", limber_break_type_to_string (type), action);
  say ("action-routine %s %s", limber_break_type_to_string (type),
       routine != NULL ? routine : "none");
}

static void
closed_cb (LimberNotifier *notifier,
           int             type,
           gpointer        user_data)
{
  say ("closed %s", limber_break_type_to_string (type));
}

static void
available_cb (LimberNotifier *notifier,
              GParamSpec     *pspec,
              gpointer        user_data)
{
  say ("available %s", limber_notifier_get_available (notifier) ? "true" : "false");
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* --history */

static void
markup_text_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 text_len,
                gpointer              user_data,
                GError              **error)
{
  g_string_append_len (user_data, text, text_len);
}

/* The text of Pango markup, as drawn: Pango parses it with GMarkup too. */
static char *
markup_to_text (const char *markup)
{
  static const GMarkupParser parser = { .text = markup_text_cb };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

  context = g_markup_parse_context_new (&parser, 0, text, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    return g_strdup_printf ("(not markup: %s)", error->message);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
one_line (const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p == '\\')
        g_string_append (line, "\\\\");
      else
        g_string_append_c (line, *p);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static int
print_history (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) entries = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *entry;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                         "/org/freedesktop/Notifications",
                                         "org.dunstproject.cmd0", "NotificationListHistory",
                                         NULL, G_VARIANT_TYPE ("(aa{sv})"),
                                         G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, &error);
  if (reply == NULL)
    {
      g_printerr ("notifier-probe: cannot read dunst’s history: %s\n", error->message);
      return 1;
    }

  g_variant_get (reply, "(aa{sv})", &entries);
  while ((entry = g_variant_iter_next_value (entries)) != NULL)
    {
      g_autoptr(GVariantDict) dict = g_variant_dict_new (entry);
      const char *summary = "";
      const char *message = "";
      gint64 id = 0;
      g_autofree char *shown = NULL;
      g_autofree char *shown_line = NULL;
      g_autofree char *summary_line = NULL;

      g_variant_dict_lookup (dict, "summary", "&s", &summary);
      g_variant_dict_lookup (dict, "message", "&s", &message);
      if (!g_variant_dict_lookup (dict, "id", "x", &id))
        {
          gint32 id32 = 0;

          g_variant_dict_lookup (dict, "id", "i", &id32);
          id = id32;
        }
      shown = markup_to_text (message);
      shown_line = one_line (shown);
      summary_line = one_line (summary);
      say ("history id=%" G_GINT64_FORMAT " summary=%s shown=%s", id, summary_line, shown_line);
      g_variant_unref (entry);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GInputStream) stdin_stream = NULL;
  Probe probe = { 0 };
  gboolean auto_start = TRUE;
  guint sigint_id;
  guint sigterm_id;

  setlocale (LC_ALL, "");
  g_log_writer_default_set_use_stderr (TRUE);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--history"))
        return print_history ();
      if (g_str_equal (argv[i], "--no-auto-start"))
        auto_start = FALSE;
      else
        {
          g_printerr ("usage: notifier-probe [--no-auto-start] | --history\n");
          return 2;
        }
    }

  probe.loop = g_main_loop_new (NULL, FALSE);
  probe.notifier = limber_notifier_new ();
  limber_notifier_set_auto_start (probe.notifier, auto_start);
  g_signal_connect (probe.notifier, "action", G_CALLBACK (action_cb), NULL);
  g_signal_connect (probe.notifier, "closed", G_CALLBACK (closed_cb), NULL);
  g_signal_connect (probe.notifier, "notify::available", G_CALLBACK (available_cb), NULL);

  stdin_stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  probe.input = g_data_input_stream_new (stdin_stream);
  probe.cancellable = g_cancellable_new ();
  read_next_line (&probe);

  sigint_id = g_unix_signal_add (SIGINT, quit_cb, probe.loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, probe.loop);
  g_main_loop_run (probe.loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  g_cancellable_cancel (probe.cancellable);
  while (probe.reading)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&probe.cancellable);
  g_clear_object (&probe.input);
  g_assert_finalize_object (g_steal_pointer (&probe.notifier));
  g_main_loop_unref (probe.loop);
  say ("bye");
  return 0;
}
