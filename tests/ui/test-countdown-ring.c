/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for LimberCountdownRing: the text in the middle, the
 * progress bar's accessible values, pause, and screenshots. */

#include "config.h"

#include <adwaita.h>

#include "limber-application.h"
#include "limber-countdown-ring.h"

static void
wait_for_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first label under @widget whose visibility is @visible. */
static GtkLabel *
find_label (GtkWidget *widget,
            gboolean   visible)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) == visible)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, visible);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_text (void)
{
  LimberCountdownRing *ring = LIMBER_COUNTDOWN_RING (g_object_ref_sink (limber_countdown_ring_new ()));
  GtkLabel *label = find_label (GTK_WIDGET (ring), TRUE);
  guint notified = 0;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "numeric"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "title-1"));

  g_signal_connect (ring, "notify::seconds", G_CALLBACK (notify_count_cb), &notified);
  limber_countdown_ring_set_seconds (ring, 45);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "45");
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 45);
  g_assert_cmpstr (limber_countdown_ring_get_text (ring), ==, "45 seconds left");
  g_assert_cmpuint (notified, ==, 1);
  limber_countdown_ring_set_seconds (ring, 45);
  g_assert_cmpuint (notified, ==, 1);

  limber_countdown_ring_set_seconds (ring, 1);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "1");
  g_assert_cmpstr (limber_countdown_ring_get_text (ring), ==, "1 second left");

  /* From a minute up, like a clock. */
  g_object_set (ring, "seconds", 65, NULL);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "1:05");
  g_assert_cmpstr (limber_countdown_ring_get_text (ring), ==, "1 minute 5 seconds left");
  limber_countdown_ring_set_seconds (ring, 120);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "2:00");
  g_assert_cmpstr (limber_countdown_ring_get_text (ring), ==, "2 minutes left");

  g_assert_finalize_object (ring);
}

static void
test_accessible (void)
{
  LimberCountdownRing *ring = LIMBER_COUNTDOWN_RING (g_object_ref_sink (limber_countdown_ring_new ()));
  double fraction;

  gtk_test_accessible_assert_role (ring, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 100.0);

  limber_countdown_ring_set_seconds (ring, 12);
  limber_countdown_ring_set_fraction (ring, 0.4);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 40.0);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "12 seconds left");

  /* Out of range is clamped. */
  g_object_set (ring, "fraction", 0.0, NULL);
  limber_countdown_ring_set_fraction (ring, -3.0);
  g_assert_cmpfloat (limber_countdown_ring_get_fraction (ring), ==, 0.0);
  limber_countdown_ring_set_fraction (ring, 7.0);
  g_object_get (ring, "fraction", &fraction, NULL);
  g_assert_cmpfloat (fraction, ==, 1.0);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 100.0);

  limber_countdown_ring_set_paused (ring, TRUE);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Paused, 12 seconds left");

  g_assert_finalize_object (ring);
}

static void
test_paused (void)
{
  LimberCountdownRing *ring = LIMBER_COUNTDOWN_RING (g_object_ref_sink (limber_countdown_ring_new ()));
  GtkLabel *seconds = find_label (GTK_WIDGET (ring), TRUE);
  GtkLabel *paused = find_label (GTK_WIDGET (ring), FALSE);
  guint notified = 0;

  g_assert_nonnull (paused);
  g_assert_cmpstr (gtk_label_get_label (paused), ==, "Paused");
  g_assert_false (limber_countdown_ring_get_paused (ring));

  g_signal_connect (ring, "notify::paused", G_CALLBACK (notify_count_cb), &notified);
  g_object_set (ring, "paused", TRUE, NULL);
  g_assert_true (limber_countdown_ring_get_paused (ring));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (paused)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (seconds), "dim-label"));
  g_assert_cmpuint (notified, ==, 1);

  limber_countdown_ring_set_paused (ring, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (paused)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (seconds), "dim-label"));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (ring);
}

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

/* Three rings: running, nearly done, paused. */
static void
take_screenshot (AdwColorScheme  scheme,
                 const char     *name)
{
  static const struct
  {
    double fraction;
    guint seconds;
    gboolean paused;
  } shown[] = {
    { 0.7, 21, FALSE },
    { 0.1, 3, FALSE },
    { 0.45, 95, TRUE },
  };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *first = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_widget_add_css_class (box, "background");
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      GtkWidget *ring = limber_countdown_ring_new ();

      gtk_widget_set_margin_top (ring, 18);
      gtk_widget_set_margin_bottom (ring, 18);
      gtk_widget_set_margin_start (ring, i == 0 ? 18 : 0);
      gtk_widget_set_margin_end (ring, i + 1 == G_N_ELEMENTS (shown) ? 18 : 0);
      gtk_widget_set_size_request (ring, 160, 160);
      limber_countdown_ring_set_fraction (LIMBER_COUNTDOWN_RING (ring), shown[i].fraction);
      limber_countdown_ring_set_seconds (LIMBER_COUNTDOWN_RING (ring), shown[i].seconds);
      limber_countdown_ring_set_paused (LIMBER_COUNTDOWN_RING (ring), shown[i].paused);
      gtk_box_append (GTK_BOX (box), ring);
      first = first != NULL ? first : ring;
    }
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  wait_for_mapped (first);
  iterate ();

  g_assert_cmpuint (save_png (box, name), >, 16);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  iterate ();
  g_assert_null (window);
}

static void
test_screenshots (void)
{
  take_screenshot (ADW_COLOR_SCHEME_FORCE_LIGHT, "countdown-ring-light.png");
  take_screenshot (ADW_COLOR_SCHEME_FORCE_DARK, "countdown-ring-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps accessible properties where the tests can
   * read them, without an accessibility bus (GTK_A11Y=none has none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  limber_application_register_resources ();

  g_test_add_func ("/countdown-ring/text", test_text);
  g_test_add_func ("/countdown-ring/accessible", test_accessible);
  g_test_add_func ("/countdown-ring/paused", test_paused);
  g_test_add_func ("/countdown-ring/screenshots", test_screenshots);

  return g_test_run ();
}
