/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the routine loader: the bundled routines load with no
 * warning and are sane; user routines replace bundled ones; a broken file
 * never takes the others down; referenced files stay in their folder; the
 * catalogue holds the routines' text. */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "limber-routine-library.h"
#include "limber-routine-parser.h"

/* Log lines of the core at message level and below, caught so that tests
 * can say what was logged (and that nothing was). */
static GPtrArray *logged;

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "LimberCore") == 0
      && (level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG)))
    {
      g_ptr_array_add (logged, g_strdup (message));
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static char *
bundled_dir (void)
{
  const char *root = g_getenv ("LIMBER_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "routines", NULL);
}

static LimberRoutineLibrary *
load_bundled (void)
{
  g_autofree char *bundled = bundled_dir ();
  const char *dirs[] = { bundled, NULL };
  LimberRoutineLibrary *library = limber_routine_library_new ();

  limber_routine_library_load (library, dirs);
  return library;
}

static void
assert_no_errors (LimberRoutineLibrary *library)
{
  GPtrArray *errors = limber_routine_library_get_errors (library);

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (errors, i))->message);
  g_assert_cmpuint (errors->len, ==, 0);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR)
              && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* A small valid routine; %s is the id, %s the title, %s the animation. */
static char *
routine_text (const char *id,
              const char *title,
              const char *animation,
              const char *extra)
{
  return g_strdup_printf (
    "<routine format=\"1\" id=\"%s\" kind=\"micro-stretch\" areas=\"neck\">\n"
    "  <title>%s</title>\n"
    "  <description>A test routine.</description>\n"
    "  <safety>Stop on sharp pain.</safety>\n"
    "  <source url=\"https://www.nhs.uk/conditions/neck-pain-and-stiff-neck/\">NHS</source>\n"
    "%s"
    "  <step id=\"one\" duration=\"30\" animation=\"%s\">\n"
    "    <title>One</title>\n"
    "    <instructions>Do it.</instructions>\n"
    "    <feel>It.</feel>\n"
    "    <avoid>Not it.</avoid>\n"
    "  </step>\n"
    "</routine>\n",
    id, title, extra != NULL ? extra : "", animation);
}

/* The bundled routines */

static void
test_bundled_load (void)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  guint n_routines = 0, n_micro = 0;
  GListModel *model;

  g_ptr_array_set_size (logged, 0);
  library = load_bundled ();
  assert_no_errors (library);
  /* Not even a message: nothing replaced, nothing skipped. */
  for (guint i = 0; i < logged->len; i++)
    g_test_message ("logged: %s", (char *) g_ptr_array_index (logged, i));
  g_assert_cmpuint (logged->len, ==, 0);

  model = G_LIST_MODEL (library);
  g_assert_true (g_list_model_get_item_type (model) == LIMBER_TYPE_ROUTINE);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      g_assert_true (limber_routine_is_resolved (routine));
      if (limber_routine_get_kind (routine) == LIMBER_ROUTINE_KIND_ROUTINE)
        n_routines++;
      else
        n_micro++;
    }
  g_test_message ("%u routines, %u micro-stretches", n_routines, n_micro);
  g_assert_cmpuint (n_routines, >=, 8);
  g_assert_cmpuint (n_micro, >=, 12);

  /* The routines the issue names. */
  g_assert_nonnull (limber_routine_library_lookup (library, "mid-back-mobility"));
  g_assert_nonnull (limber_routine_library_lookup (library, "shoulder-reset"));
  g_assert_nonnull (limber_routine_library_lookup (library, "neck-relief"));
  g_assert_nonnull (limber_routine_library_lookup (library, "posture-reset"));
  g_assert_nonnull (limber_routine_library_lookup (library, "ball-release"));
  g_assert_nonnull (limber_routine_library_lookup (library, "standing-break"));
}

static void
test_bundled_durations (void)
{
  g_autoptr(LimberRoutineLibrary) library = load_bundled ();
  GListModel *model = G_LIST_MODEL (library);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);
      guint duration = limber_routine_get_duration (routine);

      g_test_message ("%s: %u s", limber_routine_get_id (routine), duration);
      if (limber_routine_get_kind (routine) == LIMBER_ROUTINE_KIND_MICRO_STRETCH)
        {
          g_assert_true (g_str_has_prefix (limber_routine_get_id (routine), "micro-"));
          g_assert_cmpuint (duration, >=, 20);
          g_assert_cmpuint (duration, <=, 40);
        }
      else
        {
          g_assert_cmpuint (duration, >=, 3 * 60);
          g_assert_cmpuint (duration, <=, 8 * 60);
        }

      for (guint s = 0; s < limber_routine_get_n_steps (routine); s++)
        {
          LimberStep *step = limber_routine_get_step (routine, s);
          LimberFigureAnimation *animation = limber_step_get_animation (step);
          guint reps = limber_step_get_repetitions (step);
          double period = limber_figure_animation_get_duration (animation);

          g_test_message ("  %s", limber_step_get_id (step));
          /* Held stretches last 15 to 30 s (a side); counted moves are slow. */
          g_assert_cmpuint (limber_step_get_duration (step), >=, 15);
          g_assert_cmpuint (limber_step_get_duration (step), <=, 60);
          if (reps > 0)
            {
              /* The figure keeps the rhythm the step counts. */
              g_assert_true (limber_figure_animation_get_loops (animation));
              g_assert_cmpfloat (reps * period, >=, 0.8 * limber_step_get_duration (step));
              g_assert_cmpfloat (reps * period, <=, 1.25 * limber_step_get_duration (step));
            }
          if (!limber_figure_animation_get_loops (animation))
            {
              /* Into the stretch in a few seconds, then a real hold. */
              g_assert_cmpfloat (period, <=, limber_step_get_duration (step) / 2.0);
              g_assert_cmpuint (reps, ==, 0);
            }
        }
    }
}

static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0'))
        n++;
    }
  return n;
}

static void
assert_plain_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), >, 0);
  /* xgettext versions disagree on how these appear in the msgid. */
  g_assert_null (strpbrk (text, "&<>"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_bundled_content (void)
{
  g_autoptr(LimberRoutineLibrary) library = load_bundled ();
  GListModel *model = G_LIST_MODEL (library);
  const char *safety_words[] = { "sharp", "shooting", "persists", "spreads", "injury",
                                 "numbness", "weakness" };

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);
      const char *safety = limber_routine_get_safety (routine);

      g_test_message ("%s", limber_routine_get_id (routine));
      assert_plain_text (limber_routine_get_title (routine));
      assert_plain_text (limber_routine_get_description (routine));
      assert_plain_text (safety);
      for (gsize w = 0; w < G_N_ELEMENTS (safety_words); w++)
        g_assert_nonnull (strstr (safety, safety_words[w]));
      g_assert_cmpint (limber_routine_get_areas (routine), !=, LIMBER_AREA_NONE);

      /* Sources, named and linked. */
      g_assert_cmpuint (limber_routine_get_n_sources (routine), >=, 1);
      for (guint s = 0; s < limber_routine_get_n_sources (routine); s++)
        {
          g_assert_cmpuint (strlen (limber_routine_get_source_title (routine, s)), >, 2);
          g_assert_true (g_str_has_prefix (limber_routine_get_source_url (routine, s), "http"));
        }

      for (guint s = 0; s < limber_routine_get_n_steps (routine); s++)
        {
          LimberStep *step = limber_routine_get_step (routine, s);
          const char *instructions = limber_step_get_instructions (step);
          const char * const *cautions = limber_step_get_cautions (step);

          g_test_message ("  %s", limber_step_get_id (step));
          assert_plain_text (limber_step_get_title (step));
          assert_plain_text (instructions);
          assert_plain_text (limber_step_get_breathing (step));
          assert_plain_text (limber_step_get_feel (step));
          assert_plain_text (limber_step_get_avoid (step));
          for (guint c = 0; cautions[c] != NULL; c++)
            assert_plain_text (cautions[c]);

          /* One to three plain sentences. */
          g_assert_cmpuint (count_sentences (instructions), >=, 1);
          g_assert_cmpuint (count_sentences (instructions), <=, 3);

          /* Said to the person doing it. */
          g_assert_true (strstr (instructions, "your") != NULL
                         || strstr (instructions, "you") != NULL);

          /* Left-right steps play twice, mirrored: their text fits both. */
          if (limber_step_get_sides (step) == LIMBER_STEP_SIDES_LEFT_RIGHT)
            {
              g_assert_null (strstr (instructions, "left"));
              g_assert_null (strstr (instructions, "right"));
            }
        }
    }
}

static void
test_bundled_references (void)
{
  g_autoptr(LimberRoutineLibrary) library = load_bundled ();
  LimberFigureSet *figures = limber_routine_library_get_figures (library);
  g_auto(GStrv) animations = limber_figure_set_list_animations (figures);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model = G_LIST_MODEL (library);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      for (guint s = 0; s < limber_routine_get_n_steps (routine); s++)
        {
          LimberStep *step = limber_routine_get_step (routine, s);
          const char *name = limber_step_get_animation_name (step);
          LimberFigureAnimation *animation = limber_step_get_animation (step);

          g_assert_nonnull (animation);
          g_assert_true (animation == limber_figure_set_lookup_animation (figures, name));
          g_hash_table_add (used, (gpointer) name);

          /* Every keyframe cue names a cue that exists. */
          for (guint k = 0; k < limber_figure_animation_get_n_keys (animation); k++)
            {
              LimberCue cue;

              if (limber_figure_animation_get_key_cue (animation, k, &cue))
                g_assert_nonnull (limber_cue_get_name (cue));
            }
        }
    }

  /* And every bundled animation is used by some routine. */
  for (guint i = 0; animations[i] != NULL; i++)
    {
      if (!g_hash_table_contains (used, animations[i]))
        g_error ("the animation %s is not used by any routine", animations[i]);
    }
}

static void
test_bundled_listed (void)
{
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *potfiles_path = g_build_filename (g_getenv ("LIMBER_SOURCE_ROOT"), "po",
                                                     "POTFILES.in", NULL);
  g_autofree char *meson_path = g_build_filename (bundled, "meson.build", NULL);
  g_autofree char *potfiles = NULL;
  g_autofree char *meson = NULL;
  g_autoptr(GDir) dir = g_dir_open (bundled, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_true (g_file_get_contents (potfiles_path, &potfiles, NULL, NULL));
  g_assert_true (g_file_get_contents (meson_path, &meson, NULL, NULL));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *line = g_strdup_printf ("\ndata/routines/%s\n", name);
      g_autofree char *quoted = g_strdup_printf ("'%s'", name);

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      /* Installed, and (routines only) in the translation catalogue. */
      g_assert_nonnull (strstr (meson, quoted));
      if (g_str_equal (name, "figures.xml"))
        g_assert_null (strstr (potfiles, line));
      else
        g_assert_nonnull (strstr (potfiles, line));
      n++;
    }
  g_assert_cmpuint (n, >=, 21);
}

/* Reads the msgids of a .pot file. */
static GHashTable *
read_msgids (const char *pot)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (pot, "\n", -1);
  g_autoptr(GString) current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          if (current != NULL)
            g_hash_table_add (ids, g_string_free (g_steal_pointer (&current), FALSE));
          current = g_string_new (NULL);
          quoted = line + strlen ("msgid ");
        }
      else if (current != NULL && line[0] == '"')
        {
          quoted = line;
        }
      else if (current != NULL)
        {
          g_hash_table_add (ids, g_string_free (g_steal_pointer (&current), FALSE));
        }

      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *unescaped = g_strcompress (inner);

          g_string_append (current, unescaped);
        }
    }
  if (current != NULL)
    g_hash_table_add (ids, g_string_free (g_steal_pointer (&current), FALSE));
  return g_steal_pointer (&ids);
}

static void
assert_in_catalogue (GHashTable *ids,
                     const char *text)
{
  if (!g_hash_table_contains (ids, text))
    g_error ("not in the catalogue: “%s”", text);
}

/* xgettext, with the ITS rules the build gives it, extracts exactly the
 * text the loader looks up. */
static void
test_bundled_catalogue (void)
{
  g_autoptr(LimberRoutineLibrary) library = load_bundled ();
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *out_dir = g_dir_make_tmp ("limber-pot-XXXXXX", NULL);
  g_autofree char *pot_path = g_build_filename (out_dir, "routines.pot", NULL);
  g_autofree char *pot = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (library);
  int status = -1;

  g_assert_nonnull (xgettext);
  g_strv_builder_add_many (argv_builder, xgettext, "--from-code=UTF-8", "-o", pot_path, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      g_strv_builder_add (argv_builder, limber_routine_get_path (routine));
    }
  argv = g_strv_builder_end (argv_builder);
  envp = g_environ_setenv (g_get_environ (), "GETTEXTDATADIRS", bundled, TRUE);

  g_assert_true (g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (pot_path, &pot, NULL, NULL));
  ids = read_msgids (pot);
  g_test_message ("%u msgids", g_hash_table_size (ids));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      assert_in_catalogue (ids, limber_routine_get_title (routine));
      assert_in_catalogue (ids, limber_routine_get_description (routine));
      assert_in_catalogue (ids, limber_routine_get_safety (routine));
      /* Sources keep the names they were published under. */
      for (guint s = 0; s < limber_routine_get_n_sources (routine); s++)
        g_assert_false (g_hash_table_contains (ids, limber_routine_get_source_title (routine, s)));

      for (guint s = 0; s < limber_routine_get_n_steps (routine); s++)
        {
          LimberStep *step = limber_routine_get_step (routine, s);
          const char * const *cautions = limber_step_get_cautions (step);

          assert_in_catalogue (ids, limber_step_get_title (step));
          assert_in_catalogue (ids, limber_step_get_instructions (step));
          assert_in_catalogue (ids, limber_step_get_breathing (step));
          assert_in_catalogue (ids, limber_step_get_feel (step));
          assert_in_catalogue (ids, limber_step_get_avoid (step));
          for (guint c = 0; cautions[c] != NULL; c++)
            assert_in_catalogue (ids, cautions[c]);
          /* Ids and animation names are not for translators. */
          g_assert_false (g_hash_table_contains (ids, limber_step_get_animation_name (step)));
        }
    }

  g_unlink (pot_path);
  g_rmdir (out_dir);
}

/* Loading user folders */

typedef struct
{
  char *root;
  char *bundled;
  char *user;
} Dirs;

static void
dirs_setup (Dirs          *dirs,
            gconstpointer  data)
{
  g_autofree char *figures_src = NULL;
  g_autofree char *text = NULL;

  dirs->root = g_dir_make_tmp ("limber-library-XXXXXX", NULL);
  dirs->bundled = g_build_filename (dirs->root, "bundled", NULL);
  dirs->user = g_build_filename (dirs->root, "user", NULL);
  g_assert_cmpint (g_mkdir (dirs->bundled, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (dirs->user, 0700), ==, 0);

  /* A bundled folder: the real figures and two small routines. */
  figures_src = g_build_filename (g_getenv ("LIMBER_SOURCE_ROOT"), "data", "routines",
                                  "figures.xml", NULL);
  g_assert_true (g_file_get_contents (figures_src, &text, NULL, NULL));
  g_free (write_file (dirs->bundled, "figures.xml", text));
  g_free (text);
  text = routine_text ("alpha", "Bundled alpha", "chin-tucks", NULL);
  g_free (write_file (dirs->bundled, "alpha.xml", text));
  g_free (text);
  text = routine_text ("beta", "Bundled beta", "neck-rotation", NULL);
  g_free (write_file (dirs->bundled, "beta.xml", text));

  g_ptr_array_set_size (logged, 0);
}

static void
dirs_teardown (Dirs          *dirs,
               gconstpointer  data)
{
  remove_tree (dirs->root);
  g_free (dirs->root);
  g_free (dirs->bundled);
  g_free (dirs->user);
}

static LimberRoutineLibrary *
load_dirs (Dirs *dirs)
{
  const char *list[] = { dirs->bundled, dirs->user, NULL };
  LimberRoutineLibrary *library = limber_routine_library_new ();

  limber_routine_library_load (library, list);
  g_assert_cmpstrv (limber_routine_library_get_dirs (library), list);
  return library;
}

static const GError *
only_error (LimberRoutineLibrary *library)
{
  GPtrArray *errors = limber_routine_library_get_errors (library);

  g_assert_cmpuint (errors->len, ==, 1);
  return g_ptr_array_index (errors, 0);
}

static void
test_user_replaces_bundled (Dirs          *dirs,
                            gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *text = routine_text ("alpha", "My alpha", "shoulder-rolls", NULL);
  g_autofree char *path = write_file (dirs->user, "alpha.xml", text);
  LimberRoutine *alpha;
  gboolean said = FALSE;

  library = load_dirs (dirs);
  assert_no_errors (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);

  alpha = limber_routine_library_lookup (library, "alpha");
  g_assert_cmpstr (limber_routine_get_title (alpha), ==, "My alpha");
  g_assert_cmpstr (limber_routine_get_path (alpha), ==, path);
  g_assert_cmpstr (limber_step_get_animation_name (limber_routine_get_step (alpha, 0)), ==,
                   "shoulder-rolls");
  g_assert_cmpstr (limber_routine_get_title (limber_routine_library_lookup (library, "beta")),
                   ==, "Bundled beta");

  /* The replacement is logged, naming both files. */
  for (guint i = 0; i < logged->len; i++)
    {
      const char *line = g_ptr_array_index (logged, i);

      g_test_message ("logged: %s", line);
      if (strstr (line, "“alpha”") != NULL && strstr (line, path) != NULL
          && strstr (line, dirs->bundled) != NULL)
        said = TRUE;
    }
  g_assert_true (said);
}

static void
test_broken_user_file (Dirs          *dirs,
                       gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *text = routine_text ("alpha", "My alpha", "no-such-animation", NULL);
  g_autofree char *path = write_file (dirs->user, "alpha.xml", text);
  g_autofree char *broken = write_file (dirs->user, "gamma.xml", "<routine format=\"1\"");
  GPtrArray *errors;

  library = load_dirs (dirs);
  errors = limber_routine_library_get_errors (library);
  g_assert_cmpuint (errors->len, ==, 2);

  /* A user's broken copy leaves the bundled routine in place, and no
   * broken file stops the others. */
  g_assert_cmpstr (limber_routine_get_title (limber_routine_library_lookup (library, "alpha")),
                   ==, "Bundled alpha");
  g_assert_nonnull (limber_routine_library_lookup (library, "beta"));
  g_assert_null (limber_routine_library_lookup (library, "gamma"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      const char *file = limber_routine_error_get_file (error);

      g_assert_true (g_str_equal (file, path) || g_str_equal (file, broken));
      g_assert_cmpint (limber_routine_error_get_line (error), >, 0);
    }
}

static void
test_user_figures (Dirs          *dirs,
                   gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *text = routine_text ("delta", "Delta", "my-nod", NULL);
  const char *figures =
    "<figures format=\"1\">\n"
    "  <pose name=\"seated-side\" view=\"side\" posture=\"seated\" neck=\"33\"/>\n"
    "  <pose name=\"my-nod\" base=\"seated-side\" head=\"10\"/>\n"
    "  <animation name=\"my-nod\" duration=\"4\">\n"
    "    <key time=\"0\" pose=\"seated-side\"/>\n"
    "    <key time=\"2\" pose=\"my-nod\"/>\n"
    "  </animation>\n"
    "</figures>\n";
  LimberFigureAnimation *animation;

  g_free (write_file (dirs->user, "delta.xml", text));
  g_free (write_file (dirs->user, "my-figures.xml", figures));
  library = load_dirs (dirs);
  assert_no_errors (library);

  animation = limber_step_get_animation (
    limber_routine_get_step (limber_routine_library_lookup (library, "delta"), 0));
  g_assert_cmpstr (limber_figure_animation_get_name (animation), ==, "my-nod");
  g_assert_cmpfloat (limber_figure_animation_get_key_pose (animation, 1)->angle[LIMBER_JOINT_NECK],
                     ==, 33.0);

  /* Redefining a shared pose does not change animations built before it. */
  animation = limber_step_get_animation (
    limber_routine_get_step (limber_routine_library_lookup (library, "alpha"), 0));
  g_assert_cmpfloat (limber_figure_animation_get_key_pose (animation, 1)->angle[LIMBER_JOINT_NECK],
                     ==, -4.0);
}

static void
test_include (Dirs          *dirs,
              gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *with = routine_text ("epsilon", "Epsilon", "private-move",
                                        "  <figures src=\"moves/private.xml\"/>\n");
  g_autofree char *without = routine_text ("zeta", "Zeta", "private-move", NULL);
  g_autofree char *zeta = NULL;
  const char *figures =
    "<figures format=\"1\">\n"
    "  <animation name=\"private-move\" duration=\"4\">\n"
    "    <key time=\"0\" pose=\"seated-side\"/>\n"
    "    <key time=\"2\" pose=\"seated-chin-tuck\"/>\n"
    "  </animation>\n"
    "</figures>\n";
  const GError *error;

  g_free (write_file (dirs->user, "epsilon.xml", with));
  g_free (write_file (dirs->user, "moves/private.xml", figures));
  zeta = write_file (dirs->user, "zeta.xml", without);
  library = load_dirs (dirs);

  /* The file a routine names is its own: another routine cannot see it. */
  g_assert_nonnull (limber_routine_library_lookup (library, "epsilon"));
  g_assert_null (limber_routine_library_lookup (library, "zeta"));
  g_assert_null (limber_figure_set_lookup_animation (limber_routine_library_get_figures (library),
                                                     "private-move"));
  error = only_error (library);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpstr (limber_routine_error_get_file (error), ==, zeta);
}

static void
test_include_symlink_outside (Dirs          *dirs,
                              gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *text = routine_text ("eta", "Eta", "chin-tucks",
                                        "  <figures src=\"moves/link.xml\"/>\n");
  g_autofree char *path = write_file (dirs->user, "eta.xml", text);
  g_autofree char *outside = g_build_filename (dirs->bundled, "figures.xml", NULL);
  g_autofree char *moves = g_build_filename (dirs->user, "moves", NULL);
  g_autofree char *link = g_build_filename (moves, "link.xml", NULL);
  const GError *error;

  /* The name stays inside the folder; the link leads out of it. */
  g_assert_cmpint (g_mkdir (moves, 0700), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  library = load_dirs (dirs);

  error = only_error (library);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER);
  g_assert_cmpstr (limber_routine_error_get_file (error), ==, path);
  g_assert_cmpint (limber_routine_error_get_line (error), ==, 6);
  g_assert_cmpint (limber_routine_error_get_column (error), ==, 12);
  g_assert_null (limber_routine_library_lookup (library, "eta"));
}

static void
test_include_errors (Dirs          *dirs,
                     gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *a = routine_text ("theta", "Theta", "chin-tucks",
                                     "  <figures src=\"beta-copy.xml\"/>\n");
  g_autofree char *b = routine_text ("iota", "Iota", "chin-tucks",
                                     "  <figures src=\"moves/broken.xml\"/>\n");
  g_autofree char *beta = routine_text ("beta-copy", "Beta", "chin-tucks", NULL);
  g_autofree char *broken = NULL;
  GPtrArray *errors;
  gboolean saw_routine = FALSE, saw_broken = FALSE;

  g_free (write_file (dirs->user, "theta.xml", a));
  g_free (write_file (dirs->user, "iota.xml", b));
  g_free (write_file (dirs->user, "beta-copy.xml", beta));
  broken = write_file (dirs->user, "moves/broken.xml",
                       "<figures format=\"1\">\n"
                       "  <pose name=\"x\" view=\"up\" posture=\"seated\"/>\n"
                       "</figures>\n");
  library = load_dirs (dirs);

  errors = limber_routine_library_get_errors (library);
  g_assert_cmpuint (errors->len, ==, 2);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      /* A routine named as a figures file; an error inside a named file. */
      if (g_error_matches (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_INVALID_VALUE)
          && g_str_has_suffix (limber_routine_error_get_file (error), "theta.xml"))
        saw_routine = TRUE;
      if (g_error_matches (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_INVALID_VALUE)
          && g_str_equal (limber_routine_error_get_file (error), broken))
        saw_broken = TRUE;
    }
  g_assert_true (saw_routine);
  g_assert_true (saw_broken);
  g_assert_nonnull (limber_routine_library_lookup (library, "beta-copy"));
}

static void
test_odd_files (Dirs          *dirs,
                gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  g_autofree char *fifo = g_build_filename (dirs->user, "fifo.xml", NULL);
  g_autofree char *big = g_build_filename (dirs->user, "big.xml", NULL);
  g_autofree char *folder = g_build_filename (dirs->user, "folder.xml", NULL);
  GPtrArray *errors;
  FILE *file;

  /* Ignored: hidden files and anything not *.xml. */
  g_free (write_file (dirs->user, ".#alpha.xml", "garbage"));
  g_free (write_file (dirs->user, "notes.txt", "garbage"));
  g_free (write_file (dirs->user, "alpha.xml~", "garbage"));
  /* Refused, each with its own error: a FIFO (without hanging), a huge
   * file (without reading it), a folder. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  file = g_fopen (big, "w");
  g_assert_cmpint (fseek (file, 10 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('x', file);
  fclose (file);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  library = load_dirs (dirs);
  errors = limber_routine_library_get_errors (library);
  g_assert_cmpuint (errors->len, ==, 3);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      g_test_message ("%s", error->message);
      g_assert_cmpint (limber_routine_error_get_line (error), ==, 0);
      if (g_str_equal (limber_routine_error_get_file (error), big))
        g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_LIMIT);
      else
        g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_IO);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
}

static void
test_missing_dirs (void)
{
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  const char *dirs[] = { "/nonexistent/limber/a", "/nonexistent/limber/b", NULL };

  /* The user's folder usually does not exist: that is not an error. */
  limber_routine_library_load (library, dirs);
  assert_no_errors (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
}

static void
test_default_dirs (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LIMBER_ROUTINE_DIR"));
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_auto(GStrv) with_override = NULL;
  g_auto(GStrv) installed = NULL;

  g_setenv ("LIMBER_ROUTINE_DIR", "/somewhere/routines", TRUE);
  with_override = limber_routine_library_default_dirs ();
  g_assert_cmpstrv (with_override, ((const char * const[]) { "/somewhere/routines", user, NULL }));

  g_unsetenv ("LIMBER_ROUTINE_DIR");
  installed = limber_routine_library_default_dirs ();
  g_assert_cmpstrv (installed, ((const char * const[]) { PKGDATADIR "/routines", user, NULL }));

  if (saved != NULL)
    g_setenv ("LIMBER_ROUTINE_DIR", saved, TRUE);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *counts = user_data;

  counts[0]++;
  counts[1] = position;
  counts[2] = removed;
  counts[3] = added;
}

static void
test_list_model (Dirs          *dirs,
                 gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  const char *list[] = { dirs->bundled, dirs->user, NULL };
  g_autofree char *text = routine_text ("aardvark", "First", "chin-tucks", NULL);
  g_autoptr(LimberRoutine) first = NULL;
  guint counts[4] = { 0 };

  g_signal_connect (library, "items-changed", G_CALLBACK (items_changed_cb), counts);
  limber_routine_library_load (library, list);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_cmpuint (counts[3], ==, 2);

  g_free (write_file (dirs->user, "aardvark.xml", text));
  limber_routine_library_load (library, list);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 2);
  g_assert_cmpuint (counts[3], ==, 3);

  /* Sorted by id. */
  first = g_list_model_get_item (G_LIST_MODEL (library), 0);
  g_assert_cmpstr (limber_routine_get_id (first), ==, "aardvark");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), 3));
}

static void
test_properties (void)
{
  g_autoptr(LimberRoutineLibrary) library = load_bundled ();
  LimberRoutine *routine = limber_routine_library_lookup (library, "neck-relief");
  LimberStep *step = limber_routine_get_step (routine, 3);
  g_autofree char *title = NULL;
  g_autofree char *animation_name = NULL;
  g_auto(GStrv) cautions = NULL;
  LimberFigureAnimation *animation = NULL;
  LimberRoutineKind kind;
  LimberStepSides sides;
  LimberArea areas;
  guint duration, total, n_steps;

  g_object_get (routine, "title", &title, "kind", &kind, "areas", &areas,
                "duration", &duration, "n-steps", &n_steps, NULL);
  g_assert_cmpstr (title, ==, "Neck relief");
  g_assert_cmpint (kind, ==, LIMBER_ROUTINE_KIND_ROUTINE);
  g_assert_true (areas & LIMBER_AREA_NECK);
  g_assert_cmpuint (duration, ==, limber_routine_get_duration (routine));
  g_assert_cmpuint (n_steps, ==, limber_routine_get_n_steps (routine));

  g_object_get (step, "sides", &sides, "total-duration", &total, "cautions", &cautions,
                "animation-name", &animation_name, "animation", &animation, NULL);
  g_assert_cmpint (sides, ==, LIMBER_STEP_SIDES_LEFT_RIGHT);
  g_assert_cmpuint (total, ==, 2 * limber_step_get_duration (step));
  g_assert_cmpstrv (cautions, limber_step_get_cautions (step));
  g_assert_cmpstr (animation_name, ==, "neck-side-bend");
  g_assert_true (animation == limber_step_get_animation (step));
  limber_figure_animation_unref (animation);

  g_assert_cmpstr (limber_area_get_label (LIMBER_AREA_MID_BACK), ==, "Mid-back");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  g_autoptr(LimberRoutineLibrary) reference = load_bundled ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled = bundled_dir ();
  const char *dirs[] = { bundled, NULL };

  limber_routine_library_load_async (library, dirs, NULL, load_done_cb, &result);
  /* Nothing changes before finish. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (limber_routine_library_load_finish (library, result, &error));
  g_assert_no_error (error);
  assert_no_errors (library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (reference)));
  g_clear_object (&result);

  /* Cancelled: an error, and the library keeps what it had. */
  g_cancellable_cancel (cancellable);
  limber_routine_library_load_async (library, (const char * const[]) { "/nonexistent", NULL },
                                     cancellable, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (limber_routine_library_load_finish (library, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (reference)));
}

static void
test_check_file (Dirs          *dirs,
                 gconstpointer  data)
{
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  const char *list[] = { dirs->bundled, NULL };
  g_autofree char *elsewhere = g_build_filename (dirs->root, "drafts", NULL);
  g_autofree char *good_text = routine_text ("draft", "Draft", "draft-move", NULL);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *bundled_routine = g_build_filename (dirs->bundled, "alpha.xml", NULL);
  g_autofree char *bundled_figures = g_build_filename (dirs->bundled, "figures.xml", NULL);
  g_autofree char *missing = g_build_filename (elsewhere, "missing.xml", NULL);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberFigureSet) figures = NULL;
  const char *draft_figures =
    "<figures format=\"1\">\n"
    "  <animation name=\"draft-move\" duration=\"4\">\n"
    "    <key time=\"0\" pose=\"seated-side\"/>\n"
    "  </animation>\n"
    "</figures>\n";

  limber_routine_library_load (library, list);

  /* A draft elsewhere can use its folder's figures and the bundled poses;
   * the broken file beside it is not its problem. */
  good = write_file (elsewhere, "draft.xml", good_text);
  g_free (write_file (elsewhere, "draft-figures.xml", draft_figures));
  bad = write_file (elsewhere, "other.xml", "<routine format=\"1\" id=\"other\">\n<oops/>\n");
  errors = limber_routine_library_check_file (library, good, &routine, &figures);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_nonnull (routine);
  g_assert_null (figures);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "draft");
  g_assert_true (limber_routine_is_resolved (routine));
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_object (&routine);

  errors = limber_routine_library_check_file (library, bad, &routine, &figures);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_null (routine);
  g_assert_cmpstr (limber_routine_error_get_file (g_ptr_array_index (errors, 0)), ==, bad);
  g_clear_pointer (&errors, g_ptr_array_unref);

  /* Files of the library's own folders check too. */
  errors = limber_routine_library_check_file (library, bundled_routine, &routine, &figures);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "alpha");
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_object (&routine);

  errors = limber_routine_library_check_file (library, bundled_figures, &routine, &figures);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_null (routine);
  g_assert_nonnull (figures);
  g_assert_cmpuint (limber_figure_set_get_n_animations (figures), >=, 20);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&figures, limber_figure_set_unref);

  errors = limber_routine_library_check_file (library, missing, &routine, &figures);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (errors, 0), LIMBER_ROUTINE_ERROR,
                  LIMBER_ROUTINE_ERROR_IO);

  /* Checking changes nothing in the library. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  g_assert_null (limber_routine_library_lookup (library, "draft"));
}

int
main (int   argc,
      char *argv[])
{
  logged = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine-library/bundled/load", test_bundled_load);
  g_test_add_func ("/routine-library/bundled/durations", test_bundled_durations);
  g_test_add_func ("/routine-library/bundled/content", test_bundled_content);
  g_test_add_func ("/routine-library/bundled/references", test_bundled_references);
  g_test_add_func ("/routine-library/bundled/installed-and-translated", test_bundled_listed);
  g_test_add_func ("/routine-library/bundled/catalogue", test_bundled_catalogue);
  g_test_add ("/routine-library/user/replaces-bundled", Dirs, NULL,
              dirs_setup, test_user_replaces_bundled, dirs_teardown);
  g_test_add ("/routine-library/user/broken-file", Dirs, NULL,
              dirs_setup, test_broken_user_file, dirs_teardown);
  g_test_add ("/routine-library/user/figures", Dirs, NULL,
              dirs_setup, test_user_figures, dirs_teardown);
  g_test_add ("/routine-library/include/private", Dirs, NULL,
              dirs_setup, test_include, dirs_teardown);
  g_test_add ("/routine-library/include/symlink-outside", Dirs, NULL,
              dirs_setup, test_include_symlink_outside, dirs_teardown);
  g_test_add ("/routine-library/include/errors", Dirs, NULL,
              dirs_setup, test_include_errors, dirs_teardown);
  g_test_add ("/routine-library/odd-files", Dirs, NULL,
              dirs_setup, test_odd_files, dirs_teardown);
  g_test_add_func ("/routine-library/missing-dirs", test_missing_dirs);
  g_test_add_func ("/routine-library/default-dirs", test_default_dirs);
  g_test_add ("/routine-library/list-model", Dirs, NULL,
              dirs_setup, test_list_model, dirs_teardown);
  g_test_add_func ("/routine-library/properties", test_properties);
  g_test_add_func ("/routine-library/async", test_async);
  g_test_add ("/routine-library/check-file", Dirs, NULL,
              dirs_setup, test_check_file, dirs_teardown);

  return g_test_run ();
}
