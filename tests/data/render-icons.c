/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders the app icon at 128, 64 and 32 px and the symbolic and tray
 * icons at 16 and 32 px, on a light and a dark background, into
 * $LIMBER_SCREENSHOT_DIR/icons.png, and checks each rendering has the
 * asked size and visible pixels. TAP through g_test. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

static const char *icons_dir;

/* Share of pixels with some opacity, so an empty drawing fails. */
static double
coverage (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int covered = 0;

  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixels[y * stride + x * 4 + 3] > 32)
        covered++;
  return (double) covered / (width * height);
}

static GdkPixbuf *
load (const char *relative,
      int         size)
{
  g_autofree char *path = g_build_filename (icons_dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  return pixbuf;
}

/* Symbolic icons are drawn in a grey the theme recolours; white on dark. */
static void
recolour_white (GdkPixbuf *pixbuf)
{
  int n = gdk_pixbuf_get_height (pixbuf) * gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int i = 0; i + 3 < n; i += 4)
    pixels[i] = pixels[i + 1] = pixels[i + 2] = 255;
}

static void
test_render (void)
{
  const int app_sizes[] = { 128, 64, 32 };
  const char *symbolic[] = {
    "hicolor/symbolic/apps/io.github.limberapp.Limber-symbolic.svg",
    "hicolor/symbolic/apps/io.github.limberapp.Limber-tray-symbolic.svg",
    "hicolor/symbolic/apps/io.github.limberapp.Limber-tray-due-symbolic.svg",
    "hicolor/symbolic/apps/io.github.limberapp.Limber-tray-paused-symbolic.svg",
  };
  const guint32 backgrounds[] = { 0xfafafaff, 0x242424ff };
  g_autoptr(GdkPixbuf) sheet = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 560, 2 * 150);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *dir = g_getenv ("LIMBER_SCREENSHOT_DIR");

  for (int row = 0; row < 2; row++)
    {
      g_autoptr(GdkPixbuf) band = gdk_pixbuf_new_subpixbuf (sheet, 0, row * 150, 560, 150);
      int x = 10;

      gdk_pixbuf_fill (band, backgrounds[row]);
      for (gsize i = 0; i < G_N_ELEMENTS (app_sizes); i++)
        {
          g_autoptr(GdkPixbuf) icon = load ("hicolor/scalable/apps/io.github.limberapp.Limber.svg",
                                            app_sizes[i]);
          g_assert_cmpfloat (coverage (icon), >, 0.4);
          gdk_pixbuf_composite (icon, band, x, 10, app_sizes[i], app_sizes[i],
                                x, 10, 1, 1, GDK_INTERP_NEAREST, 255);
          x += app_sizes[i] + 20;
        }
      for (gsize i = 0; i < G_N_ELEMENTS (symbolic); i++)
        {
          for (int size = 16; size <= 32; size += 16)
            {
              g_autoptr(GdkPixbuf) icon = load (symbolic[i], size);
              int y = size == 16 ? 10 : 40;

              g_assert_cmpfloat (coverage (icon), >, 0.1);
              if (row == 1)
                recolour_white (icon);
              gdk_pixbuf_composite (icon, band, x, y, size, size, x, y, 1, 1, GDK_INTERP_NEAREST, 255);
            }
          x += 44;
        }
    }

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  out = g_build_filename (dir, "icons.png", NULL);
  g_assert_true (gdk_pixbuf_save (sheet, out, "png", &error, NULL));
  g_assert_no_error (error);
  g_test_message ("icons rendered to %s", out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  icons_dir = argc > 1 ? argv[1] : "data/icons";
  g_test_add_func ("/icons/render", test_render);
  return g_test_run ();
}
