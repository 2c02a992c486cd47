/* SPDX-License-Identifier: GPL-3.0-or-later */
/* figure-bench [--seconds N] [--animation NAME] [--size PIXELS]: shows one
 * LimberFigureView playing a bundled animation and prints what it cost:
 * CPU milliseconds per second of animation (user + system, the whole
 * process), frames drawn, and the renderer GTK chose (GSK_RENDERER picks
 * it). Driven by tests/bench/bench-figure-cpu.sh; figures only, no limits. */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "limber-application.h"
#include "limber-figure-view.h"
#include "limber-routine-library.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static gboolean
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (double seconds)
{
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int seconds = 30;
  int size = 360;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "How long to measure", "N" },
    { "animation", 0, 0, G_OPTION_ARG_STRING, &name, "The animation to play", "NAME" },
    { "size", 0, 0, G_OPTION_ARG_INT, &size, "The figure's width and height", "PIXELS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the figure view's CPU cost");
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutineLibrary) library = NULL;
  const char *dir = g_getenv ("LIMBER_ROUTINE_DIR");
  LimberFigureAnimation *animation;
  GtkWindow *window;
  GtkWidget *view;
  GdkFrameClock *frame_clock;
  gint64 t0, t1, clock0, clock1;
  guint frames0, frames1;
  double cpu0, cpu1, wall;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("figure-bench: %s\n", error->message);
      return 2;
    }
  if (name == NULL)
    name = g_strdup ("seated-rotation");
  if (dir == NULL)
    {
      g_printerr ("figure-bench: set LIMBER_ROUTINE_DIR to the routines folder\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  limber_application_register_resources ();

  library = limber_routine_library_new ();
  limber_routine_library_load (library, (const char *[]) { dir, NULL });
  animation = limber_figure_set_lookup_animation (limber_routine_library_get_figures (library), name);
  if (animation == NULL)
    {
      g_printerr ("figure-bench: no animation named “%s”\n", name);
      return 2;
    }

  window = GTK_WINDOW (gtk_window_new ());
  view = limber_figure_view_new ();
  gtk_widget_set_size_request (view, size, size);
  gtk_window_set_child (window, view);
  limber_figure_view_set_animation (LIMBER_FIGURE_VIEW (view), animation, FALSE);
  limber_figure_view_set_playing (LIMBER_FIGURE_VIEW (view), TRUE);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);

  /* Let start-up work (fonts, shaders, the first frames) settle. */
  run_for (2.0);

  frame_clock = gtk_widget_get_frame_clock (view);
  t0 = g_get_monotonic_time ();
  cpu0 = cpu_seconds ();
  frames0 = limber_figure_view_get_frames_drawn (LIMBER_FIGURE_VIEW (view));
  clock0 = gdk_frame_clock_get_frame_counter (frame_clock);

  run_for (seconds);

  t1 = g_get_monotonic_time ();
  cpu1 = cpu_seconds ();
  frames1 = limber_figure_view_get_frames_drawn (LIMBER_FIGURE_VIEW (view));
  clock1 = gdk_frame_clock_get_frame_counter (frame_clock);
  wall = (t1 - t0) / 1e6;

  g_print ("figure \"%s\" %d×%d px, renderer %s: over %.1f s: CPU %.1f ms/s, "
           "%u frames drawn (%.1f/s), %" G_GINT64_FORMAT " frame clock cycles\n",
           name, size, size,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           wall, (cpu1 - cpu0) * 1000.0 / wall,
           frames1 - frames0, (frames1 - frames0) / wall, clock1 - clock0);

  gtk_window_destroy (window);
  return 0;
}
