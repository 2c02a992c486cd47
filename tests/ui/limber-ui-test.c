/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "limber-application.h"
#include "limber-ui-test.h"

/**
 * limber_ui_test_init:
 *
 * gtk_test_init(), libadwaita and the app's resources, without animations;
 * cue sounds go to a fakesink.
 */
void
limber_ui_test_init (int    *argc,
                     char ***argv)
{
  g_setenv ("LIMBER_AUDIO_SINK", "fakesink", TRUE);
  if (g_getenv ("LIMBER_SOURCE_ROOT") != NULL)
    {
      g_autofree char *sounds = g_build_filename (g_getenv ("LIMBER_SOURCE_ROOT"),
                                                  "data", "sounds", NULL);

      g_setenv ("LIMBER_SOUND_DIR", sounds, TRUE);
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  limber_application_register_resources ();

  /* Pages switch at once, so screenshots never catch a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Runs what is ready in the main loop, without blocking. */
void
limber_ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
limber_ui_test_wait_for_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

/* A click, as the pointer or the keyboard gives it (gtk_widget_activate()
 * would wait for the pressed look's timeout). */
void
limber_ui_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  limber_ui_test_iterate ();
}

/* Two painted frames: the layout settled. */
void
limber_ui_test_wait_for_frames (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gint64 start;

  g_assert_nonnull (frame_clock);
  start = gdk_frame_clock_get_frame_counter (frame_clock);
  while (gdk_frame_clock_get_frame_counter (frame_clock) < start + 2)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
}

/**
 * limber_ui_test_set_width:
 *
 * Sizes a presented window so that its content is @width wide: the
 * default size counts the frame the window system adds around it.
 */
void
limber_ui_test_set_width (GtkWindow *window,
                          int        width,
                          int        height)
{
  int frame, unused;

  limber_ui_test_wait_for_mapped (GTK_WIDGET (window));
  limber_ui_test_wait_for_frames (GTK_WIDGET (window));
  gtk_window_get_default_size (window, &frame, &unused);
  frame -= gtk_widget_get_width (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width + frame, height);
  limber_ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * limber_ui_test_wait_until:
 * @done: tells when to stop
 * @timeout_seconds: a generous bound, for a test that would hang instead
 *
 * Returns: %TRUE once @done says so, %FALSE when the bound passed first
 */
gboolean
limber_ui_test_wait_until (gboolean (*done) (gpointer data),
                           gpointer   data,
                           guint      timeout_seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_seconds, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return done (data);
}

/**
 * limber_ui_test_load_library:
 *
 * Returns: (transfer full): the bundled routines ($LIMBER_ROUTINE_DIR)
 */
LimberRoutineLibrary *
limber_ui_test_load_library (void)
{
  const char *dir = g_getenv ("LIMBER_ROUTINE_DIR");
  LimberRoutineLibrary *library = limber_routine_library_new ();

  g_assert_nonnull (dir);
  limber_routine_library_load (library, (const char *[]) { dir, NULL });
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), >, 0);
  return library;
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * limber_ui_test_save_png:
 * @widget: a mapped widget
 * @name: the file name, as in "home.png"
 *
 * Renders @widget and saves it in $LIMBER_SCREENSHOT_DIR.
 *
 * Returns: (transfer full): the path
 */
char *
limber_ui_test_save_png (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("LIMBER_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = render (widget);
  char *path;

  g_assert_nonnull (dir);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d×%d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
  return path;
}

/**
 * limber_ui_test_count_colours:
 *
 * Returns: how many distinct colours @widget paints (up to 4096): one or
 *   two for a blank widget
 */
guint
limber_ui_test_count_colours (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = render (widget);
  g_autoptr(GHashTable) colours = g_hash_table_new (g_direct_hash, g_direct_equal);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height && g_hash_table_size (colours) < 4096; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  return g_hash_table_size (colours);
}

/**
 * limber_ui_test_count_pixels:
 * @named_colour: a colour of the style, as in "accent_color"
 *
 * Returns: how many pixels @widget paints exactly in that colour
 */
guint
limber_ui_test_count_pixels (GtkWidget  *widget,
                             const char *named_colour)
{
  g_autoptr(GdkTexture) texture = render (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  GdkRGBA rgba;
  guint32 wanted;
  guint count = 0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                                 named_colour, &rgba));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpfloat (rgba.alpha, ==, 1.0);
  /* The texture's default memory format: premultiplied BGRA, so 0xAARRGGBB. */
  wanted = 0xff000000u
           | (guint32) (rgba.red * 255 + 0.5) << 16
           | (guint32) (rgba.green * 255 + 0.5) << 8
           | (guint32) (rgba.blue * 255 + 0.5);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    count += pixels[i] == wanted;
  return count;
}

static const char *
text_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  return NULL;
}

/**
 * limber_ui_test_find:
 * @type: the type wanted
 * @text: (nullable): its title, label or group title, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the first such widget under @root,
 *   depth first
 */
GtkWidget *
limber_ui_test_find (GtkWidget  *root,
                     GType       type,
                     const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (text == NULL || g_strcmp0 (text_of (root), text) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = limber_ui_test_find (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}
