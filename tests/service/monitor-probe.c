/* SPDX-License-Identifier: GPL-3.0-or-later */
/* monitor-probe: runs the session monitor or the do-not-disturb monitor and
 * prints one line per change, for the shell tests of the service suite.
 *
 *   monitor-probe session   prints "session suspended=B locked=B ending=B"
 *   monitor-probe dnd       prints "dnd active=B reason=R"
 *
 * A first line gives the state at start. SIGINT or SIGTERM stops it. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib-unix.h>

#include "limber-dnd-monitor.h"
#include "limber-session-monitor.h"

static void
print_session (LimberSessionMonitor *monitor)
{
  g_print ("session suspended=%s locked=%s ending=%s\n",
           limber_session_monitor_get_suspended (monitor) ? "true" : "false",
           limber_session_monitor_get_locked (monitor) ? "true" : "false",
           limber_session_monitor_get_session_ending (monitor) ? "true" : "false");
  fflush (stdout);
}

static void
print_dnd (LimberDndMonitor *monitor)
{
  const char *reason = limber_dnd_monitor_get_reason (monitor);

  g_print ("dnd active=%s reason=%s\n",
           limber_dnd_monitor_get_active (monitor) ? "true" : "false",
           reason != NULL ? reason : "none");
  fflush (stdout);
}

static void
session_changed_cb (LimberSessionMonitor *monitor,
                    gpointer              user_data)
{
  print_session (monitor);
}

static void
dnd_notify_cb (LimberDndMonitor *monitor,
               GParamSpec       *pspec,
               gpointer          user_data)
{
  print_dnd (monitor);
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
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GObject) monitor = NULL;
  guint sigint_id;
  guint sigterm_id;

  setlocale (LC_ALL, "");
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc != 2)
    {
      g_printerr ("usage: monitor-probe session|dnd\n");
      return 2;
    }

  if (g_str_equal (argv[1], "session"))
    {
      monitor = G_OBJECT (limber_session_monitor_new ());
      print_session (LIMBER_SESSION_MONITOR (monitor));
      g_signal_connect (monitor, "changed", G_CALLBACK (session_changed_cb), NULL);
    }
  else if (g_str_equal (argv[1], "dnd"))
    {
      monitor = G_OBJECT (limber_dnd_monitor_new ());
      print_dnd (LIMBER_DND_MONITOR (monitor));
      g_signal_connect (monitor, "notify::reason", G_CALLBACK (dnd_notify_cb), NULL);
    }
  else
    {
      g_printerr ("monitor-probe: unknown monitor “%s”\n", argv[1]);
      return 2;
    }

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  g_assert_finalize_object (g_steal_pointer (&monitor));
  return 0;
}
