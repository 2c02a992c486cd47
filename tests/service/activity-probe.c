/* SPDX-License-Identifier: GPL-3.0-or-later */
/* activity-probe: starts one activity source (or the chooser) and prints
 * one line per change, for the shell tests of the service suite.
 *
 *   activity-probe [--choose] [--once] NAME THRESHOLD_MS
 *
 * NAME is a source name (mutter, wayland, x11, screensaver, none); with
 * --choose it is the override given to the chooser ("auto" for none).
 * Prints "source NAME" once started, then "idle since-ms-ago=N" and
 * "active" as the person goes and comes back. A source that cannot start
 * prints "unavailable: MESSAGE" (or "failed: MESSAGE") and exits 3.
 * --once exits right after starting. SIGINT or SIGTERM stops it cleanly. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib-unix.h>

#include "limber-activity-chooser.h"
#include "limber-activity-mutter.h"
#include "limber-activity-none.h"
#include "limber-activity-screensaver.h"
#include "limber-activity-wayland.h"
#include "limber-activity-x11.h"
#include "limber-system-clock.h"

static LimberClock *probe_clock;

static void
print_state (gboolean idle,
             gint64   idle_since)
{
  if (idle)
    g_print ("idle since-ms-ago=%" G_GINT64_FORMAT "\n",
             (limber_clock_get_boottime (probe_clock) - idle_since) / 1000);
  else
    g_print ("active\n");
  fflush (stdout);
}

static void
changed_cb (LimberActivitySource *source,
            gboolean              idle,
            gint64                idle_since,
            gpointer              user_data)
{
  print_state (idle, idle_since);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static LimberActivitySource *
new_source (const char *name)
{
  if (g_str_equal (name, "mutter"))
    return limber_activity_mutter_new (probe_clock);
  if (g_str_equal (name, "wayland"))
    return limber_activity_wayland_new (probe_clock);
  if (g_str_equal (name, "x11"))
    return limber_activity_x11_new (probe_clock);
  if (g_str_equal (name, "screensaver"))
    return limber_activity_screensaver_new (probe_clock);
  if (g_str_equal (name, "none"))
    return limber_activity_none_new (probe_clock);
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberActivitySource) source = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  gboolean choose = FALSE;
  gboolean once = FALSE;
  gint64 idle_since;
  guint64 threshold_ms;
  guint sigint_id;
  guint sigterm_id;
  int arg = 1;

  for (; arg < argc && g_str_has_prefix (argv[arg], "--"); arg++)
    {
      if (g_str_equal (argv[arg], "--choose"))
        choose = TRUE;
      else if (g_str_equal (argv[arg], "--once"))
        once = TRUE;
      else
        break;
    }
  if (argc - arg != 2
      || !g_ascii_string_to_unsigned (argv[arg + 1], 10, 1, G_MAXUINT, &threshold_ms, NULL))
    {
      g_printerr ("usage: activity-probe [--choose] [--once] NAME THRESHOLD_MS\n");
      return 2;
    }

  setlocale (LC_ALL, "");
  /* Logs on stderr, the probe's own lines alone on stdout. */
  g_log_writer_default_set_use_stderr (TRUE);
  probe_clock = limber_system_clock_new ();

  if (choose)
    {
      g_autofree char *line = NULL;

      source = limber_activity_source_choose (probe_clock, argv[arg], threshold_ms, &line);
      g_print ("log %s\n", line);
    }
  else
    {
      source = new_source (argv[arg]);
      if (source == NULL)
        {
          g_printerr ("activity-probe: unknown source “%s”\n", argv[arg]);
          g_clear_object (&probe_clock);
          return 2;
        }
      if (!limber_activity_source_start (source, threshold_ms, &error))
        {
          g_print ("%s: %s\n",
                   g_error_matches (error, LIMBER_ACTIVITY_SOURCE_ERROR,
                                    LIMBER_ACTIVITY_SOURCE_ERROR_UNAVAILABLE)
                   ? "unavailable" : "failed",
                   error->message);
          g_clear_object (&source);
          g_clear_object (&probe_clock);
          return 3;
        }
    }

  g_print ("source %s\n", limber_activity_source_get_name (source));
  fflush (stdout);

  if (!once)
    {
      /* A source may be idle from the start (idle longer than the
       * threshold already). */
      if (limber_activity_source_get_idle (source, &idle_since))
        print_state (TRUE, idle_since);
      g_signal_connect (source, "changed", G_CALLBACK (changed_cb), NULL);

      loop = g_main_loop_new (NULL, FALSE);
      sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
      sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
      g_main_loop_run (loop);
      g_source_remove (sigint_id);
      g_source_remove (sigterm_id);
      /* Stopping resets the state: not a change of the person's. */
      g_signal_handlers_disconnect_by_func (source, changed_cb, NULL);
    }

  limber_activity_source_stop (source);
  g_assert_finalize_object (g_steal_pointer (&source));
  g_assert_finalize_object (g_steal_pointer (&probe_clock));
  return 0;
}
