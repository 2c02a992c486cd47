/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the routine and figure parser: what a good file becomes,
 * and the exact error (domain, code, line, column) of every file in the
 * malformed corpus, tests/unit/routines-bad/. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-routine-library.h"
#include "limber-routine-parser.h"

#define GOOD_ROUTINE \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<!-- SPDX-License-Identifier: GPL-3.0-or-later -->\n" \
  "<routine format=\"1\" id=\"test-routine\" kind=\"routine\" areas=\"neck  shoulders\">\n" \
  "  <title>Neck\n     relief</title>\n" \
  "  <description>Slow moves &amp; gentle stretches.</description>\n" \
  "  <safety><![CDATA[Stop on sharp pain.]]></safety>\n" \
  "  <source url=\"https://www.nhs.uk/conditions/neck-pain-and-stiff-neck/\">" \
  "NHS: Neck pain</source>\n" \
  "  <source url=\"http://example.org/a\">Another</source>\n" \
  "  <figures src=\"moves/extra.xml\"/>\n" \
  "  <step id=\"tucks\" duration=\"30\" repetitions=\"5\" animation=\"tucks\">\n" \
  "    <title>Chin tucks</title>\n" \
  "    <instructions>Glide your head back.</instructions>\n" \
  "    <breathing>Breathe normally.</breathing>\n" \
  "    <feel>A stretch.</feel>\n" \
  "    <avoid>Tipping your head.</avoid>\n" \
  "    <caution>Stop if dizzy.</caution>\n" \
  "    <caution>Stop if it hurts.</caution>\n" \
  "  </step>\n" \
  "  <!-- a comment between steps -->\n" \
  "  <step id=\"tilt\" duration=\"20\" sides=\"left-right\" animation=\"tilt\">\n" \
  "    <avoid>Lifting the shoulder.</avoid>\n" \
  "    <feel>A stretch down the side.</feel>\n" \
  "    <instructions>Tip your head.</instructions>\n" \
  "    <title>Side bend</title>\n" \
  "  </step>\n" \
  "</routine>\n"

#define GOOD_FIGURES \
  "<figures format=\"1\">\n" \
  "  <pose name=\"tuck\" base=\"sit\" neck=\"-4\" head=\"8\"/>\n" \
  "  <pose name=\"sit\" view=\"side\" posture=\"seated\" left-hip=\"90\" right-hip=\"90.5\"\n" \
  "        left-knee=\"90\" right-knee=\"+90\" left-upper-arm=\"-15\"/>\n" \
  "  <pose name=\"tuck-more\" base=\"tuck\" head=\"12\"/>\n" \
  "  <animation name=\"tucks\" duration=\"6\">\n" \
  "    <key time=\"0\" pose=\"sit\"/>\n" \
  "    <key time=\"1.5\" pose=\"tuck\" ease=\"linear\" cue=\"repetition\"/>\n" \
  "    <key time=\"4.5\" pose=\"tuck-more\" ease=\"step\"/>\n" \
  "  </animation>\n" \
  "  <animation name=\"tilt\" duration=\"3\" loop=\"false\">\n" \
  "    <key time=\"0\" pose=\"sit\"/>\n" \
  "  </animation>\n" \
  "</figures>\n"

static const char *
source_root (void)
{
  const char *root = g_getenv ("LIMBER_SOURCE_ROOT");

  g_assert_nonnull (root);
  return root;
}

static char *
bundled_dir (void)
{
  return g_build_filename (source_root (), "data", "routines", NULL);
}

static void
test_parse_routine (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberFigureSet) figures = NULL;
  LimberStep *step;
  const char * const *cautions;

  routine = limber_routine_parser_parse_routine ("some/dir/test-routine.xml", GOOD_ROUTINE, -1,
                                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);

  g_assert_cmpstr (limber_routine_get_id (routine), ==, "test-routine");
  g_assert_cmpstr (limber_routine_get_path (routine), ==, "some/dir/test-routine.xml");
  g_assert_cmpint (limber_routine_get_kind (routine), ==, LIMBER_ROUTINE_KIND_ROUTINE);
  g_assert_cmpint (limber_routine_get_areas (routine), ==,
                   LIMBER_AREA_NECK | LIMBER_AREA_SHOULDERS);
  /* Blanks collapse, as xgettext collapses them in the msgid. */
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Neck relief");
  g_assert_cmpstr (limber_routine_get_description (routine), ==,
                   "Slow moves & gentle stretches.");
  g_assert_cmpstr (limber_routine_get_safety (routine), ==, "Stop on sharp pain.");
  g_assert_cmpuint (limber_routine_get_n_sources (routine), ==, 2);
  g_assert_cmpstr (limber_routine_get_source_title (routine, 0), ==, "NHS: Neck pain");
  g_assert_cmpstr (limber_routine_get_source_url (routine, 1), ==, "http://example.org/a");

  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 2);
  g_assert_cmpuint (limber_routine_get_duration (routine), ==, 30 + 2 * 20);
  g_assert_false (limber_routine_is_resolved (routine));

  step = limber_routine_get_step (routine, 0);
  g_assert_cmpstr (limber_step_get_id (step), ==, "tucks");
  g_assert_cmpstr (limber_step_get_title (step), ==, "Chin tucks");
  g_assert_cmpstr (limber_step_get_instructions (step), ==, "Glide your head back.");
  g_assert_cmpstr (limber_step_get_breathing (step), ==, "Breathe normally.");
  g_assert_cmpstr (limber_step_get_feel (step), ==, "A stretch.");
  g_assert_cmpstr (limber_step_get_avoid (step), ==, "Tipping your head.");
  cautions = limber_step_get_cautions (step);
  g_assert_cmpuint (g_strv_length ((char **) cautions), ==, 2);
  g_assert_cmpstr (cautions[1], ==, "Stop if it hurts.");
  g_assert_cmpuint (limber_step_get_duration (step), ==, 30);
  g_assert_cmpuint (limber_step_get_total_duration (step), ==, 30);
  g_assert_cmpint (limber_step_get_sides (step), ==, LIMBER_STEP_SIDES_ONCE);
  g_assert_cmpuint (limber_step_get_repetitions (step), ==, 5);
  g_assert_cmpstr (limber_step_get_animation_name (step), ==, "tucks");
  g_assert_null (limber_step_get_animation (step));

  /* Children may come in any order; breathing and cautions are optional. */
  step = limber_routine_get_step (routine, 1);
  g_assert_cmpstr (limber_step_get_title (step), ==, "Side bend");
  g_assert_null (limber_step_get_breathing (step));
  g_assert_cmpuint (g_strv_length ((char **) limber_step_get_cautions (step)), ==, 0);
  g_assert_cmpint (limber_step_get_sides (step), ==, LIMBER_STEP_SIDES_LEFT_RIGHT);
  g_assert_cmpuint (limber_step_get_total_duration (step), ==, 40);
  g_assert_cmpuint (limber_step_get_repetitions (step), ==, 0);

  figures = limber_routine_parser_parse_figures ("figures.xml", GOOD_FIGURES, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (limber_routine_resolve (routine, figures, &error));
  g_assert_no_error (error);
  g_assert_true (limber_routine_is_resolved (routine));
  g_assert_true (limber_step_get_animation (limber_routine_get_step (routine, 0))
                 == limber_figure_set_lookup_animation (figures, "tucks"));
}

static void
test_resolve_unknown_animation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberFigureSet) figures = limber_figure_set_new (NULL);

  routine = limber_routine_parser_parse_routine ("test-routine.xml", GOOD_ROUTINE, -1, &error);
  g_assert_no_error (error);

  g_assert_false (limber_routine_resolve (routine, figures, &error));
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE);
  /* Points at animation="tucks" on the first step. */
  g_assert_cmpint (limber_routine_error_get_line (error), ==, 11);
  g_assert_cmpint (limber_routine_error_get_column (error), ==, 50);
  g_assert_false (limber_routine_is_resolved (routine));
  g_assert_null (limber_step_get_animation (limber_routine_get_step (routine, 0)));
}

static void
test_parse_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberFigureSet) figures = NULL;
  g_auto(GStrv) poses = NULL;
  g_auto(GStrv) animations = NULL;
  const LimberPose *sit, *tuck, *more;
  LimberFigureAnimation *tucks;
  LimberCue cue;

  figures = limber_routine_parser_parse_figures ("figures.xml", GOOD_FIGURES, -1, NULL, &error);
  g_assert_no_error (error);

  poses = limber_figure_set_list_poses (figures);
  animations = limber_figure_set_list_animations (figures);
  g_assert_cmpstrv (poses, ((const char * const[]) { "sit", "tuck", "tuck-more", NULL }));
  g_assert_cmpstrv (animations, ((const char * const[]) { "tilt", "tucks", NULL }));
  g_assert_cmpuint (limber_figure_set_get_n_poses (figures), ==, 3);
  g_assert_cmpuint (limber_figure_set_get_n_animations (figures), ==, 2);

  sit = limber_figure_set_lookup_pose (figures, "sit");
  g_assert_cmpint (sit->view, ==, LIMBER_FIGURE_VIEW_SIDE);
  g_assert_cmpint (sit->posture, ==, LIMBER_FIGURE_POSTURE_SEATED);
  g_assert_cmpfloat (sit->angle[LIMBER_JOINT_RIGHT_HIP], ==, 90.5);
  g_assert_cmpfloat (sit->angle[LIMBER_JOINT_RIGHT_KNEE], ==, 90.0);
  g_assert_cmpfloat (sit->angle[LIMBER_JOINT_LEFT_UPPER_ARM], ==, -15.0);
  g_assert_cmpfloat (sit->angle[LIMBER_JOINT_NECK], ==, 0.0);

  /* A derived pose takes everything from its base (defined later in the
   * file here) and changes only what it names. */
  tuck = limber_figure_set_lookup_pose (figures, "tuck");
  g_assert_cmpint (tuck->view, ==, LIMBER_FIGURE_VIEW_SIDE);
  g_assert_cmpfloat (tuck->angle[LIMBER_JOINT_RIGHT_HIP], ==, 90.5);
  g_assert_cmpfloat (tuck->angle[LIMBER_JOINT_NECK], ==, -4.0);
  g_assert_cmpfloat (tuck->angle[LIMBER_JOINT_HEAD], ==, 8.0);
  more = limber_figure_set_lookup_pose (figures, "tuck-more");
  g_assert_cmpfloat (more->angle[LIMBER_JOINT_NECK], ==, -4.0);
  g_assert_cmpfloat (more->angle[LIMBER_JOINT_HEAD], ==, 12.0);

  tucks = limber_figure_set_lookup_animation (figures, "tucks");
  g_assert_cmpstr (limber_figure_animation_get_name (tucks), ==, "tucks");
  g_assert_cmpfloat (limber_figure_animation_get_duration (tucks), ==, 6.0);
  g_assert_true (limber_figure_animation_get_loops (tucks));
  g_assert_cmpuint (limber_figure_animation_get_n_keys (tucks), ==, 3);
  g_assert_cmpfloat (limber_figure_animation_get_key_time (tucks, 1), ==, 1.5);
  g_assert_cmpint (limber_figure_animation_get_key_easing (tucks, 0), ==,
                   LIMBER_EASING_EASE_IN_OUT);
  g_assert_cmpint (limber_figure_animation_get_key_easing (tucks, 1), ==, LIMBER_EASING_LINEAR);
  g_assert_cmpint (limber_figure_animation_get_key_easing (tucks, 2), ==, LIMBER_EASING_STEP);
  g_assert_false (limber_figure_animation_get_key_cue (tucks, 0, &cue));
  g_assert_true (limber_figure_animation_get_key_cue (tucks, 1, &cue));
  g_assert_cmpint (cue, ==, LIMBER_CUE_REPETITION);
  g_assert_cmpfloat (limber_figure_animation_get_key_pose (tucks, 1)->angle[LIMBER_JOINT_HEAD],
                     ==, 8.0);
  g_assert_false (limber_figure_animation_get_loops (
                    limber_figure_set_lookup_animation (figures, "tilt")));
}

static void
test_parse_figures_parent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberFigureSet) parent = NULL;
  g_autoptr(LimberFigureSet) child = NULL;
  const char *child_text =
    "<figures format=\"1\">\n"
    "  <pose name=\"sit\" view=\"front\" posture=\"standing\"/>\n"
    "  <pose name=\"nod\" base=\"tuck\" head=\"20\"/>\n"
    "  <animation name=\"nods\" duration=\"2\">\n"
    "    <key time=\"0\" pose=\"tuck\"/>\n"
    "    <key time=\"1\" pose=\"nod\"/>\n"
    "  </animation>\n"
    "</figures>\n";

  parent = limber_routine_parser_parse_figures ("parent.xml", GOOD_FIGURES, -1, NULL, &error);
  g_assert_no_error (error);
  child = limber_routine_parser_parse_figures ("child.xml", child_text, -1, parent, &error);
  g_assert_no_error (error);

  g_assert_true (limber_figure_set_get_parent (child) == parent);
  /* Names fall back to the parent; the child's own names shadow it. */
  g_assert_cmpfloat (limber_figure_set_lookup_pose (child, "nod")->angle[LIMBER_JOINT_NECK],
                     ==, -4.0);
  g_assert_cmpint (limber_figure_set_lookup_pose (child, "sit")->view, ==,
                   LIMBER_FIGURE_VIEW_FRONT);
  g_assert_cmpint (limber_figure_set_lookup_pose (parent, "sit")->view, ==,
                   LIMBER_FIGURE_VIEW_SIDE);
  g_assert_nonnull (limber_figure_set_lookup_animation (child, "tucks"));
  g_assert_null (limber_figure_set_lookup_animation (parent, "nods"));
  g_assert_cmpuint (limber_figure_set_get_n_poses (child), ==, 2);
}

static void
test_error_location (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autofree char *formatted = NULL;
  const char *text =
    "<routine format=\"1\" id=\"x\" kind=\"routine\" areas=\"neck\">\n"
    "  <title>Ü ünïcode</title> <step id=\"a\" duration=\"soon\" animation=\"b\">\n";

  routine = limber_routine_parser_parse_routine ("dir/x.xml", text, -1, &error);
  g_assert_null (routine);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (limber_routine_error_get_file (error), ==, "dir/x.xml");
  g_assert_cmpint (limber_routine_error_get_line (error), ==, 2);
  /* Columns count characters, not bytes. */
  g_assert_cmpint (limber_routine_error_get_column (error), ==, 41);
  g_assert_cmpstr (limber_routine_error_get_detail (error), ==,
                   "Expected a whole number of seconds for “duration” (as in 30), found “soon”");
  g_assert_true (g_str_has_prefix (error->message, "dir/x.xml:2:41: Expected a whole number"));

  formatted = limber_routine_error_format (error);
  g_assert_cmpstr (formatted, ==,
                   "dir/x.xml:2:41: error: Expected a whole number of seconds for “duration” "
                   "(as in 30), found “soon”");

  /* The location survives a copy. */
  copy = g_error_copy (error);
  g_assert_cmpint (limber_routine_error_get_line (copy), ==, 2);
  g_assert_cmpstr (limber_routine_error_get_detail (copy), ==,
                   limber_routine_error_get_detail (error));
}

static void
test_whole_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  g_autofree char *formatted = NULL;
  LimberRoutine *routine;

  routine = limber_routine_parser_parse_routine ("empty.xml", "", 0, &error);
  g_assert_null (routine);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_SYNTAX);
  g_clear_error (&error);

  routine = limber_routine_parser_parse_routine ("blank.xml", " \n\t\n", -1, &error);
  g_assert_null (routine);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_SYNTAX);
  g_clear_error (&error);

  big = g_malloc (LIMBER_ROUTINE_MAX_FILE_SIZE + 2);
  memset (big, ' ', LIMBER_ROUTINE_MAX_FILE_SIZE + 1);
  big[LIMBER_ROUTINE_MAX_FILE_SIZE + 1] = '\0';
  routine = limber_routine_parser_parse_routine ("big.xml", big, -1, &error);
  g_assert_null (routine);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_LIMIT);
  g_assert_cmpint (limber_routine_error_get_line (error), ==, 0);
  formatted = limber_routine_error_format (error);
  g_assert_true (g_str_has_prefix (formatted, "big.xml: error: Expected a file of at most"));
}

static void
test_wrong_root_for_the_call (void)
{
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;
  LimberFigureSet *figures;

  routine = limber_routine_parser_parse_routine ("figures.xml", GOOD_FIGURES, -1, &error);
  g_assert_null (routine);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT);
  g_clear_error (&error);

  figures = limber_routine_parser_parse_figures ("test-routine.xml", GOOD_ROUTINE, -1, NULL,
                                                 &error);
  g_assert_null (figures);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_UNKNOWN_ELEMENT);
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberFigureSet) figures = NULL;
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", GOOD_FIGURES, NULL);

  figures = limber_routine_parser_parse_figures ("bom.xml", text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (limber_figure_set_lookup_animation (figures, "tucks"));
}

static void
test_id_check_needs_xml_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine = NULL;

  /* Only a file called *.xml must carry its own name as id: data given
   * from memory under another name is parsed as it is. */
  routine = limber_routine_parser_parse_routine ("(clipboard)", GOOD_ROUTINE, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "test-routine");

  g_clear_object (&routine);
  routine = limber_routine_parser_parse_routine ("other-name.xml", GOOD_ROUTINE, -1, &error);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_INVALID_VALUE);
  g_assert_null (routine);
}

static void
test_read_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-read-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.xml", NULL);
  g_autofree char *big = g_build_filename (dir, "big.xml", NULL);
  g_autofree char *good = g_build_filename (dir, "good.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xml", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  FILE *file;

  /* A folder and a FIFO are refused without blocking. */
  g_assert_false (limber_routine_parser_read_file (dir, &data, &length, &error));
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_IO);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (limber_routine_parser_read_file (fifo, &data, &length, &error));
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_IO);
  g_clear_error (&error);

  g_assert_false (limber_routine_parser_read_file (missing, &data, &length, &error));
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "No such file"));
  g_clear_error (&error);

  /* A large file is refused by its size, before it is read. */
  file = g_fopen (big, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, LIMBER_ROUTINE_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  fputc ('x', file);
  fclose (file);
  g_assert_false (limber_routine_parser_read_file (big, &data, &length, &error));
  g_assert_error (error, LIMBER_ROUTINE_ERROR, LIMBER_ROUTINE_ERROR_LIMIT);
  g_assert_cmpint (limber_routine_error_get_line (error), ==, 0);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (good, GOOD_FIGURES, -1, NULL));
  g_assert_true (limber_routine_parser_read_file (good, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (GOOD_FIGURES));
  g_assert_cmpstr (data, ==, GOOD_FIGURES);

  g_unlink (fifo);
  g_unlink (big);
  g_unlink (good);
  g_rmdir (dir);
}

/* The malformed corpus */

typedef struct
{
  char *file;
  char *domain;
  char *code;
  int line;
  int column;
  char *fragment;
} CorpusCase;

static void
corpus_case_free (gpointer data)
{
  CorpusCase *c = data;

  g_free (c->file);
  g_free (c->domain);
  g_free (c->code);
  g_free (c->fragment);
  g_free (c);
}

static char *
corpus_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "unit", "routines-bad", NULL);
}

static GPtrArray *
read_manifest (void)
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *path = g_build_filename (dir, "MANIFEST", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (corpus_case_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      CorpusCase *c;
      guint n = 0;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      while (fields[n] != NULL)
        n++;
      g_assert_cmpuint (n, >=, 6);

      c = g_new0 (CorpusCase, 1);
      c->file = g_strdup (fields[0]);
      c->domain = g_strdup (fields[1]);
      c->code = g_strdup (fields[2]);
      c->line = atoi (fields[3]);
      c->column = atoi (fields[4]);
      /* The fragment is the rest of the line, spaces and all. */
      c->fragment = g_strjoinv (" ", fields + 5);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

static void
test_corpus_file (gconstpointer data)
{
  const CorpusCase *c = data;
  g_autoptr(LimberRoutineLibrary) library = limber_routine_library_new ();
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *dir = corpus_dir ();
  g_autofree char *path = g_build_filename (dir, c->file, NULL);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberFigureSet) figures = NULL;
  const char *dirs[] = { bundled, NULL };
  GEnumClass *codes = g_type_class_ref (LIMBER_TYPE_ROUTINE_ERROR);
  GEnumValue *code = g_enum_get_value_by_nick (codes, c->code);
  const GError *error;

  g_assert_nonnull (code);

  /* Checked as limberctl checks it: with the bundled figures available. */
  limber_routine_library_load (library, dirs);
  errors = limber_routine_library_check_file (library, path, &routine, &figures);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_null (routine);
  g_assert_null (figures);

  error = g_ptr_array_index (errors, 0);
  /* Shown to people as it is: it must be text, whatever the file held. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  g_assert_cmpstr (g_quark_to_string (error->domain), ==, c->domain);
  g_assert_cmpstr (g_enum_get_value (codes, error->code)->value_nick, ==, c->code);
  g_assert_error (error, LIMBER_ROUTINE_ERROR, code->value);
  g_assert_cmpstr (limber_routine_error_get_file (error), ==, path);
  g_assert_cmpint (limber_routine_error_get_line (error), ==, c->line);
  g_assert_cmpint (limber_routine_error_get_column (error), ==, c->column);
  g_assert_nonnull (strstr (limber_routine_error_get_detail (error), c->fragment));
  g_type_class_unref (codes);
}

static void
test_corpus_complete (void)
{
  g_autoptr(GPtrArray) cases = read_manifest ();
  g_autofree char *dir = corpus_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (handle);
  g_assert_cmpuint (cases->len, >=, 25);
  for (guint i = 0; i < cases->len; i++)
    {
      CorpusCase *c = g_ptr_array_index (cases, i);

      g_assert_false (g_hash_table_contains (listed, c->file));
      g_hash_table_add (listed, c->file);
      g_hash_table_add (codes, c->code);
    }

  /* Every file is in the manifest, and every manifest line has its file. */
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_equal (name, "MANIFEST"))
        continue;
      g_assert_true (g_hash_table_contains (listed, name));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, cases->len);

  /* Every error code a file can cause is exercised (the rest, io for an
   * unreadable file, are covered by the tests of reading). */
  for (int code = LIMBER_ROUTINE_ERROR_SYNTAX; code <= LIMBER_ROUTINE_ERROR_OUTSIDE_FOLDER; code++)
    {
      GEnumClass *klass = g_type_class_ref (LIMBER_TYPE_ROUTINE_ERROR);

      g_assert_true (g_hash_table_contains (codes, g_enum_get_value (klass, code)->value_nick));
      g_type_class_unref (klass);
    }
}

/* Translation: text is looked up in Limber's catalogue as it is loaded. */
static void
test_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-locale-XXXXXX", NULL);
  g_autofree char *messages = g_build_filename (dir, "de", "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (dir, "de.po", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *command = NULL;
  g_autofree char *language_dir = NULL;
  const char *po_text =
    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    "msgid \"Neck relief\"\nmsgstr \"Nackenentspannung\"\n\n"
    /* gettext 0.21 keeps XML's escaping in the msgid of extracted text. */
    "msgid \"Slow moves &amp; gentle stretches.\"\n"
    "msgstr \"Langsame Bewegungen &amp; sanfte Dehnungen.\"\n\n"
    "msgid \"Glide your head back.\"\nmsgstr \"Schieben Sie den Kopf zurück.\"\n";
  int status = -1;

  g_assert_nonnull (msgfmt);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po, po_text, -1, NULL));
  command = g_strdup_printf ("'%s' -o '%s' '%s'", msgfmt, mo, po);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  routine = limber_routine_parser_parse_routine ("test-routine.xml", GOOD_ROUTINE, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Nackenentspannung");
  g_assert_cmpstr (limber_routine_get_description (routine), ==,
                   "Langsame Bewegungen & sanfte Dehnungen.");
  g_assert_cmpstr (limber_step_get_instructions (limber_routine_get_step (routine, 0)), ==,
                   "Schieben Sie den Kopf zurück.");
  /* Untranslated text and sources stay as written. */
  g_assert_cmpstr (limber_step_get_feel (limber_routine_get_step (routine, 0)), ==, "A stretch.");
  g_assert_cmpstr (limber_routine_get_source_title (routine, 0), ==, "NHS: Neck pain");

  g_setenv ("LANGUAGE", "", TRUE);
  g_unlink (mo);
  g_unlink (po);
  g_rmdir (messages);
  language_dir = g_path_get_dirname (messages);
  g_rmdir (language_dir);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine-parser/routine", test_parse_routine);
  g_test_add_func ("/routine-parser/routine/unknown-animation", test_resolve_unknown_animation);
  g_test_add_func ("/routine-parser/figures", test_parse_figures);
  g_test_add_func ("/routine-parser/figures/parent", test_parse_figures_parent);
  g_test_add_func ("/routine-parser/error/location", test_error_location);
  g_test_add_func ("/routine-parser/error/whole-file", test_whole_file_errors);
  g_test_add_func ("/routine-parser/error/wrong-root", test_wrong_root_for_the_call);
  g_test_add_func ("/routine-parser/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/routine-parser/id-and-file-name", test_id_check_needs_xml_name);
  g_test_add_func ("/routine-parser/read-file", test_read_file);

  cases = read_manifest ();
  for (guint i = 0; i < cases->len; i++)
    {
      CorpusCase *c = g_ptr_array_index (cases, i);
      g_autofree char *name = g_strdup_printf ("/routine-parser/corpus/%s", c->file);

      g_test_add_data_func (name, c, test_corpus_file);
    }
  g_test_add_func ("/routine-parser/corpus/complete", test_corpus_complete);

  /* Last: it changes the process's language. */
  g_test_add_func ("/routine-parser/translated", test_translated);

  return g_test_run ();
}
