/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for LimberFigureView: the pose at a given time, mirroring,
 * frames only while mapped and playing, reduced motion, accessibility, and
 * screenshots in light and dark. */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "limber-application.h"
#include "limber-figure-view.h"
#include "limber-routine-library.h"

static LimberRoutineLibrary *library;

/* The time source the tests move by hand, in microseconds. */
static gint64 fake_time;

static gint64
fake_time_cb (gpointer data)
{
  return fake_time;
}

static LimberFigureAnimation *
animation (const char *name)
{
  LimberFigureAnimation *anim =
    limber_figure_set_lookup_animation (limber_routine_library_get_figures (library), name);

  g_assert_nonnull (anim);
  return anim;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_for_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits (at most a generous 20 s, so a broken view fails instead of
 * hanging) until the view has drawn @n more frames. */
static gboolean
wait_for_frames (LimberFigureView *view,
                 guint             n)
{
  guint target = limber_figure_view_get_frames_drawn (view) + n;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (limber_figure_view_get_frames_drawn (view) < target && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 320, 360);
  gtk_window_set_child (window, child);
  return window;
}

static void
destroy_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  iterate ();
  g_assert_null (window);
}

static void
assert_pose_equal (const LimberPose *a,
                   const LimberPose *b)
{
  g_assert_cmpint (a->view, ==, b->view);
  g_assert_cmpint (a->posture, ==, b->posture);
  for (guint j = 0; j < LIMBER_N_JOINTS; j++)
    g_assert_cmpfloat_with_epsilon (a->angle[j], b->angle[j], 1e-9);
}

static gboolean
pose_is_key (LimberFigureAnimation *anim,
             const LimberPose      *pose,
             gboolean               mirrored,
             guint                 *out_key)
{
  for (guint k = 0; k < limber_figure_animation_get_n_keys (anim); k++)
    {
      LimberPose key = *limber_figure_animation_get_key_pose (anim, k);
      gboolean same = TRUE;

      if (mirrored)
        limber_pose_mirror (&key);
      for (guint j = 0; j < LIMBER_N_JOINTS; j++)
        same = same && fabs (key.angle[j] - pose->angle[j]) < 1e-9;
      if (same)
        {
          *out_key = k;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_pose_at_time (void)
{
  LimberFigureView *view = LIMBER_FIGURE_VIEW (g_object_ref_sink (limber_figure_view_new ()));
  LimberFigureAnimation *anim = animation ("neck-side-bend");
  LimberPose pose, expected;

  /* Nothing to draw without an animation. */
  g_assert_false (limber_figure_view_get_pose_for_test (view, &pose));

  limber_figure_view_set_time_source (view, fake_time_cb, NULL, NULL);
  limber_figure_view_set_animation (view, anim, FALSE);
  g_assert_true (limber_figure_view_get_animation (view) == anim);

  /* At a key, exactly the key's pose. */
  fake_time = 0;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpint (pose.view, ==, LIMBER_FIGURE_VIEW_FRONT);
  g_assert_cmpfloat (pose.angle[LIMBER_JOINT_NECK], ==, 0.0);

  fake_time = 2500000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_NECK], 22.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_HEAD], 10.0, 1e-9);

  /* Halfway between keys, ease-in-out is halfway too. */
  fake_time = 1250000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_NECK], 11.0, 1e-9);

  /* A quarter of the way, eased: slower than linear. */
  fake_time = 625000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat (pose.angle[LIMBER_JOINT_NECK], <, 22.0 * 0.25);
  limber_figure_animation_sample (anim, 0.625, FALSE, &expected);
  assert_pose_equal (&pose, &expected);

  /* The animation loops within the step: 10 s later, the same pose. */
  fake_time = 12500000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_NECK], 22.0, 1e-9);

  /* NULL clears it. */
  limber_figure_view_set_animation (view, NULL, FALSE);
  g_assert_false (limber_figure_view_get_pose_for_test (view, &pose));

  g_assert_finalize_object (view);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_mirrored (void)
{
  LimberFigureView *view = LIMBER_FIGURE_VIEW (g_object_ref_sink (limber_figure_view_new ()));
  LimberPose pose;
  guint notified = 0;

  g_signal_connect (view, "notify::mirrored", G_CALLBACK (notify_count_cb), &notified);
  limber_figure_view_set_time_source (view, fake_time_cb, NULL, NULL);

  /* A front-view side bend bends the other way. */
  limber_figure_view_set_animation (view, animation ("neck-side-bend"), TRUE);
  g_assert_true (limber_figure_view_get_mirrored (view));
  g_assert_cmpuint (notified, ==, 1);
  fake_time = 2500000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_NECK], -22.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_HEAD], -10.0, 1e-9);

  /* The arms swap: the right one crosses the body now. */
  limber_figure_view_set_animation (view, animation ("cross-body-stretch"), FALSE);
  g_assert_false (limber_figure_view_get_mirrored (view));
  g_assert_cmpuint (notified, ==, 2);
  fake_time = 3000000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_LEFT_UPPER_ARM], -80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_RIGHT_UPPER_ARM], -35.0, 1e-9);

  g_object_set (view, "mirrored", TRUE, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_RIGHT_UPPER_ARM], -80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_LEFT_UPPER_ARM], -35.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_RIGHT_FOREARM], 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pose.angle[LIMBER_JOINT_LEFT_FOREARM], -100.0, 1e-9);

  /* Setting the same value again notifies nothing. */
  limber_figure_view_set_mirrored (view, TRUE);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_finalize_object (view);
}

static void
test_ticks_only_while_mapped_and_playing (void)
{
  LimberFigureView *view = LIMBER_FIGURE_VIEW (limber_figure_view_new ());
  GtkWindow *window = window_with (GTK_WIDGET (view));
  guint notified = 0, frames;

  /* The view's own clock, so the figure keeps moving (shoulder rolls never
   * hold still) and every tick draws a frame. */
  g_signal_connect (view, "notify::playing", G_CALLBACK (notify_count_cb), &notified);
  limber_figure_view_set_animation (view, animation ("shoulder-rolls"), FALSE);

  /* Playing, but not on screen yet. */
  limber_figure_view_set_playing (view, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (limber_figure_view_is_ticking (view));

  gtk_window_present (window);
  wait_for_mapped (GTK_WIDGET (view));
  g_assert_true (limber_figure_view_is_ticking (view));
  g_assert_false (limber_figure_view_is_reduced_motion (view));

  /* It draws frame after frame while the figure moves. */
  g_assert_true (wait_for_frames (view, 3));

  /* A pose that holds still costs no drawing, though the view ticks on;
   * it draws again as soon as the time moves. */
  fake_time = 0;
  limber_figure_view_set_time_source (view, fake_time_cb, NULL, NULL);
  run_for (300);
  frames = limber_figure_view_get_frames_drawn (view);
  run_for (500);
  g_assert_true (limber_figure_view_is_ticking (view));
  g_assert_cmpuint (limber_figure_view_get_frames_drawn (view), ==, frames);
  fake_time = 500000;
  g_assert_true (wait_for_frames (view, 1));
  limber_figure_view_set_time_source (view, NULL, NULL, NULL);

  /* Paused: no tick, and no more frames once the last one is drawn. */
  g_object_set (view, "playing", FALSE, NULL);
  g_assert_false (limber_figure_view_get_playing (view));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (limber_figure_view_is_ticking (view));
  run_for (300);
  frames = limber_figure_view_get_frames_drawn (view);
  run_for (500);
  g_assert_cmpuint (limber_figure_view_get_frames_drawn (view), ==, frames);

  limber_figure_view_set_playing (view, TRUE);
  g_assert_true (limber_figure_view_is_ticking (view));

  /* Unmapped (the window hidden): no tick; mapped again: ticking again. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (limber_figure_view_is_ticking (view));
  gtk_window_present (window);
  wait_for_mapped (GTK_WIDGET (view));
  g_assert_true (limber_figure_view_is_ticking (view));

  /* Nothing to animate: no tick. */
  limber_figure_view_set_animation (view, NULL, FALSE);
  g_assert_false (limber_figure_view_is_ticking (view));
  limber_figure_view_set_animation (view, animation ("shoulder-rolls"), TRUE);
  g_assert_true (limber_figure_view_is_ticking (view));

  destroy_window (window);
}

static void
test_own_clock (void)
{
  LimberFigureView *view = LIMBER_FIGURE_VIEW (limber_figure_view_new ());
  GtkWindow *window = window_with (GTK_WIDGET (view));
  LimberPose start, later, paused, still;

  /* No time source: the view counts from set_animation(), while playing. */
  limber_figure_view_set_animation (view, animation ("neck-side-bend"), FALSE);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &start));
  g_assert_cmpfloat (start.angle[LIMBER_JOINT_NECK], ==, 0.0);
  run_for (150);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &later));
  assert_pose_equal (&start, &later);

  gtk_window_present (window);
  wait_for_mapped (GTK_WIDGET (view));
  limber_figure_view_set_playing (view, TRUE);
  g_assert_true (wait_for_frames (view, 2));
  run_for (200);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &later));
  g_assert_cmpfloat (later.angle[LIMBER_JOINT_NECK], >, 0.0);

  /* Paused, it holds still. */
  limber_figure_view_set_playing (view, FALSE);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &paused));
  run_for (200);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &still));
  assert_pose_equal (&paused, &still);

  /* A new animation starts from its beginning. */
  limber_figure_view_set_animation (view, animation ("neck-side-bend"), FALSE);
  g_assert_true (limber_figure_view_get_pose_for_test (view, &still));
  assert_pose_equal (&start, &still);

  destroy_window (window);
}

static void
test_reduced_motion (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LimberFigureView *view = LIMBER_FIGURE_VIEW (limber_figure_view_new ());
  GtkWindow *window = window_with (GTK_WIDGET (view));
  LimberFigureAnimation *march = animation ("seated-march");
  LimberFigureAnimation *tucks = animation ("chin-tucks");
  LimberPose pose;
  guint key = G_MAXUINT;

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);

  limber_figure_view_set_time_source (view, fake_time_cb, NULL, NULL);
  limber_figure_view_set_animation (view, tucks, FALSE);
  limber_figure_view_set_playing (view, TRUE);
  gtk_window_present (window);
  wait_for_mapped (GTK_WIDGET (view));

  /* No frame clock ticks: still poses only. */
  g_assert_true (limber_figure_view_is_reduced_motion (view));
  g_assert_false (limber_figure_view_is_ticking (view));

  /* The key at or before the time, never a pose in between. */
  fake_time = 750000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_true (pose_is_key (tucks, &pose, FALSE, &key));
  g_assert_cmpuint (key, ==, 0);
  fake_time = 1600000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_true (pose_is_key (tucks, &pose, FALSE, &key));
  g_assert_cmpuint (key, ==, 1);
  for (fake_time = 0; fake_time < 12000000; fake_time += 100000)
    {
      g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
      g_assert_true (pose_is_key (tucks, &pose, FALSE, &key));
    }

  /* A fast loop (keys 0.5 s apart) holds each key pose for a second
   * instead of flickering, and still shows all of them in turn. */
  limber_figure_view_set_animation (view, march, TRUE);
  for (guint second = 0; second < 8; second++)
    {
      LimberPose expected = *limber_figure_animation_get_key_pose (march, second % 4);

      fake_time = second * G_USEC_PER_SEC + 500000;
      limber_pose_mirror (&expected);
      g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
      assert_pose_equal (&pose, &expected);
    }

  /* The view redraws when the next key pose is due, without ticks. */
  fake_time = 0;
  run_for (100);
  {
    guint frames = limber_figure_view_get_frames_drawn (view);

    fake_time = 1000000;
    g_assert_true (wait_for_frames (view, 1));
    g_assert_cmpuint (limber_figure_view_get_frames_drawn (view), >, frames);
    g_assert_false (limber_figure_view_is_ticking (view));
  }

  /* Animations back on: smooth again. */
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_false (limber_figure_view_is_reduced_motion (view));
  g_assert_true (limber_figure_view_is_ticking (view));
  fake_time = 250000;
  g_assert_true (limber_figure_view_get_pose_for_test (view, &pose));
  g_assert_false (pose_is_key (march, &pose, TRUE, &key));

  destroy_window (window);
}

static void
test_accessible (void)
{
  LimberFigureView *view = LIMBER_FIGURE_VIEW (g_object_ref_sink (limber_figure_view_new ()));
  const char *text = "Neck side bend. Tip your head so one ear moves toward the shoulder.";
  guint notified = 0;

  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Exercise figure");

  g_signal_connect (view, "notify::description", G_CALLBACK (notify_count_cb), &notified);
  limber_figure_view_set_description (view, text);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_assert_cmpstr (limber_figure_view_get_description (view), ==, text);
  g_assert_cmpuint (notified, ==, 1);

  limber_figure_view_set_description (view, text);
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (view, "description", "Chin tucks", NULL);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Chin tucks");
  g_assert_cmpuint (notified, ==, 2);

  limber_figure_view_set_description (view, NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_cmpuint (notified, ==, 3);

  g_assert_finalize_object (view);
}

/* Renders @widget, which must be mapped, and saves it in
 * $LIMBER_SCREENSHOT_DIR. Returns how many colours it holds. */
static guint
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("LIMBER_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint32 *pixels = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_nonnull (dir);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);

  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  return g_hash_table_size (colours);
}

static gint64
constant_time_cb (gpointer data)
{
  return *(gint64 *) data;
}

/* The figure mid-step, plain and mirrored, front and side, seated and
 * standing, in the style's colours. */
static void
take_screenshot (AdwColorScheme  scheme,
                 const char     *name)
{
  static const struct
  {
    const char *animation;
    double seconds;
    gboolean mirrored;
  } shown[] = {
    { "side-bend", 3.0, FALSE },
    { "side-bend", 3.0, TRUE },
    { "seated-march", 0.5, FALSE },
    { "chin-tucks", 2.0, FALSE },
    { "wall-angels", 2.5, FALSE },
    { "overhead-reach", 2.5, FALSE },
  };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *figures[G_N_ELEMENTS (shown)];

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  gtk_widget_add_css_class (grid, "background");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      figures[i] = limber_figure_view_new ();
      gtk_widget_set_size_request (figures[i], 220, 240);
      limber_figure_view_set_animation (LIMBER_FIGURE_VIEW (figures[i]),
                                        animation (shown[i].animation), shown[i].mirrored);
      gtk_grid_attach (GTK_GRID (grid), figures[i], i % 3, i / 3, 1, 1);
    }
  gtk_window_set_child (window, grid);
  gtk_window_present (window);
  wait_for_mapped (figures[0]);

  /* Each figure stands still at its own moment of the step. */
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      gint64 *at = g_new (gint64, 1);

      *at = (gint64) (shown[i].seconds * G_USEC_PER_SEC);
      limber_figure_view_set_time_source (LIMBER_FIGURE_VIEW (figures[i]), constant_time_cb,
                                          at, g_free);
    }
  g_assert_true (wait_for_frames (LIMBER_FIGURE_VIEW (figures[G_N_ELEMENTS (shown) - 1]), 1));

  /* A drawn figure has antialiased edges in many shades; an empty view
   * would be one flat colour. */
  g_assert_cmpuint (save_png (grid, name), >, 16);

  destroy_window (window);
}

static void
test_screenshots (void)
{
  take_screenshot (ADW_COLOR_SCHEME_FORCE_LIGHT, "figure-light.png");
  take_screenshot (ADW_COLOR_SCHEME_FORCE_DARK, "figure-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir;
  int status;

  /* The test AT context keeps accessible properties where the tests can
   * read them, without an accessibility bus (GTK_A11Y=none has none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  limber_application_register_resources ();

  dir = g_getenv ("LIMBER_ROUTINE_DIR");
  g_assert_nonnull (dir);
  library = limber_routine_library_new ();
  limber_routine_library_load (library, (const char *[]) { dir, NULL });

  g_test_add_func ("/figure-view/pose-at-time", test_pose_at_time);
  g_test_add_func ("/figure-view/mirrored", test_mirrored);
  g_test_add_func ("/figure-view/ticks-only-while-mapped-and-playing",
                   test_ticks_only_while_mapped_and_playing);
  g_test_add_func ("/figure-view/own-clock", test_own_clock);
  g_test_add_func ("/figure-view/reduced-motion", test_reduced_motion);
  g_test_add_func ("/figure-view/accessible", test_accessible);
  g_test_add_func ("/figure-view/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
