/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-regress.c: replays files through the fuzz target's entry point
 * without libFuzzer, one TAP line each: the regression corpus and the
 * bundled routines run in every build this way.
 *
 * Usage: fuzz-routine-regress FILE-OR-FOLDER... */

#include "config.h"

#include <stdio.h>
#include <glib.h>

#include "fuzz-routine.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("cannot open %s", path);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (file));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean failed = FALSE;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  LLVMFuzzerInitialize (&argc, &argv);

  printf ("1..%u\n", files->len + 1);
  printf ("%s %u - at least one file to replay\n", files->len > 0 ? "ok" : "not ok", 1u);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (file, &data, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 2, file, error->message);
          failed = TRUE;
          continue;
        }
      /* A crash ends the run (and fails the test) right here. */
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
      printf ("ok %u - %s\n", i + 2, file);
    }
  return failed || files->len == 0 ? 1 : 0;
}
