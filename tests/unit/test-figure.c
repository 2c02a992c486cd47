/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the jointed figure: joints, easing, mirroring, sampling
 * keyframes in a loop (without allocating), keyframe cues, and the bundled
 * figure library. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "limber-figure.h"
#include "limber-routine-parser.h"
#include "limber-routine-private.h"

/* Counting allocations, to prove that sampling never allocates: the
 * sanitizer's hook under AddressSanitizer, otherwise glibc's malloc
 * wrapped by this program. */
static volatile gboolean counting;
static volatile gsize n_allocations;

#if defined(__SANITIZE_ADDRESS__)
int __sanitizer_install_malloc_and_free_hooks (void (*malloc_hook) (const volatile void *, size_t),
                                               void (*free_hook) (const volatile void *));

static void
malloc_hook (const volatile void *ptr,
             size_t               size)
{
  if (counting)
    n_allocations++;
}

static void
free_hook (const volatile void *ptr)
{
}

static void
install_allocation_counter (void)
{
  __sanitizer_install_malloc_and_free_hooks (malloc_hook, free_hook);
}
#elif defined(__GLIBC__)
extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *ptr, size_t size);

void *
malloc (size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_malloc (size);
}

void *
calloc (size_t n,
        size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_calloc (n, size);
}

void *
realloc (void   *ptr,
         size_t  size)
{
  if (counting)
    n_allocations++;
  return __libc_realloc (ptr, size);
}

static void
install_allocation_counter (void)
{
}
#else
#error "no way to count allocations on this platform"
#endif

#define FIGURES \
  "<figures format=\"1\">\n" \
  "  <pose name=\"a\" view=\"front\" posture=\"standing\" neck=\"0\" left-upper-arm=\"0\"/>\n" \
  "  <pose name=\"b\" base=\"a\" neck=\"20\" left-upper-arm=\"90\" right-upper-arm=\"10\"\n" \
  "        head-turn=\"30\" trunk=\"-10\"/>\n" \
  "  <pose name=\"c\" base=\"a\" neck=\"40\"/>\n" \
  "  <pose name=\"s\" view=\"side\" posture=\"seated\" neck=\"20\" head-turn=\"30\"\n" \
  "        left-upper-arm=\"90\"/>\n" \
  "  <animation name=\"linear\" duration=\"4\">\n" \
  "    <key time=\"0\" pose=\"a\" cue=\"breathe-in\"/>\n" \
  "    <key time=\"1\" pose=\"b\" ease=\"linear\" cue=\"repetition\"/>\n" \
  "    <key time=\"3\" pose=\"c\" ease=\"linear\"/>\n" \
  "  </animation>\n" \
  "  <animation name=\"hold\" duration=\"2\" loop=\"false\">\n" \
  "    <key time=\"0\" pose=\"a\"/>\n" \
  "    <key time=\"2\" pose=\"b\" ease=\"ease-in\" cue=\"step-end\"/>\n" \
  "  </animation>\n" \
  "  <animation name=\"steps\" duration=\"2\">\n" \
  "    <key time=\"0\" pose=\"a\"/>\n" \
  "    <key time=\"1\" pose=\"b\" ease=\"step\"/>\n" \
  "  </animation>\n" \
  "  <animation name=\"still\" duration=\"1\">\n" \
  "    <key time=\"0\" pose=\"s\"/>\n" \
  "  </animation>\n" \
  "</figures>\n"

static LimberFigureSet *
test_figures (void)
{
  g_autoptr(GError) error = NULL;
  LimberFigureSet *set = limber_routine_parser_parse_figures ("test.xml", FIGURES, -1, NULL,
                                                              &error);

  g_assert_no_error (error);
  return set;
}

static LimberFigureSet *
bundled_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_SOURCE_ROOT"), "data", "routines",
                                            "figures.xml", NULL);
  g_autofree char *data = NULL;
  LimberFigureSet *set;
  gsize length;

  g_assert_true (limber_routine_parser_read_file (path, &data, &length, &error));
  g_assert_no_error (error);
  set = limber_routine_parser_parse_figures (path, data, length, NULL, &error);
  g_assert_no_error (error);
  return set;
}

static void
assert_angles_close (const LimberPose *pose,
                     LimberJoint       joint,
                     double            expected)
{
  if (fabs (pose->angle[joint] - expected) > 1e-9)
    g_error ("%s is %g, expected %g", limber_joint_get_name (joint), pose->angle[joint], expected);
}

static void
test_joint_names (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < LIMBER_N_JOINTS; j++)
    {
      const char *name = limber_joint_get_name (j);
      LimberJoint back;
      LimberJoint mirror = limber_joint_get_mirror (j);

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
      g_assert_true (limber_joint_from_name (name, &back));
      g_assert_cmpint (back, ==, j);

      /* Mirroring pairs left with right, and the spine with itself. */
      g_assert_cmpint (limber_joint_get_mirror (mirror), ==, j);
      if (g_str_has_prefix (name, "left-"))
        g_assert_cmpstr (limber_joint_get_name (mirror) + strlen ("right-"), ==,
                         name + strlen ("left-"));
      else if (g_str_has_prefix (name, "right-"))
        g_assert_true (g_str_has_prefix (limber_joint_get_name (mirror), "left-"));
      else
        g_assert_cmpint (mirror, ==, j);
    }
  g_assert_false (limber_joint_from_name ("left-elbow", NULL));
  g_assert_false (limber_joint_from_name ("", NULL));
}

static void
test_easing (void)
{
  const LimberEasing easings[] = {
    LIMBER_EASING_LINEAR, LIMBER_EASING_EASE_IN, LIMBER_EASING_EASE_OUT,
    LIMBER_EASING_EASE_IN_OUT, LIMBER_EASING_STEP,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (easings); i++)
    {
      double previous = 0.0;

      g_assert_cmpfloat (limber_easing_apply (easings[i], 0.0), ==, 0.0);
      g_assert_cmpfloat (limber_easing_apply (easings[i], 1.0), ==, 1.0);
      /* Out of range and NaN clamp. */
      g_assert_cmpfloat (limber_easing_apply (easings[i], -3.0), ==, 0.0);
      g_assert_cmpfloat (limber_easing_apply (easings[i], 7.0), ==, 1.0);
      g_assert_cmpfloat (limber_easing_apply (easings[i], NAN), ==, 0.0);

      /* Never goes backwards. */
      for (int k = 1; k <= 100; k++)
        {
          double value = limber_easing_apply (easings[i], k / 100.0);

          g_assert_cmpfloat (value, >=, previous);
          g_assert_cmpfloat (value, <=, 1.0);
          previous = value;
        }
    }

  g_assert_cmpfloat_with_epsilon (limber_easing_apply (LIMBER_EASING_LINEAR, 0.25), 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (limber_easing_apply (LIMBER_EASING_EASE_IN, 0.5), 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (limber_easing_apply (LIMBER_EASING_EASE_OUT, 0.5), 0.875, 1e-12);
  g_assert_cmpfloat_with_epsilon (limber_easing_apply (LIMBER_EASING_EASE_IN_OUT, 0.5), 0.5,
                                  1e-12);
  g_assert_cmpfloat_with_epsilon (limber_easing_apply (LIMBER_EASING_EASE_IN_OUT, 0.25), 0.0625,
                                  1e-12);
  g_assert_cmpfloat (limber_easing_apply (LIMBER_EASING_STEP, 0.999), ==, 0.0);
}

static void
fill_pose (LimberPose           *pose,
           LimberFigureViewpoint view)
{
  pose->view = view;
  pose->posture = LIMBER_FIGURE_POSTURE_STANDING;
  for (guint j = 0; j < LIMBER_N_JOINTS; j++)
    pose->angle[j] = 1.0 + j;
}

static void
test_mirror (void)
{
  LimberPose pose, original;

  fill_pose (&pose, LIMBER_FIGURE_VIEW_FRONT);
  original = pose;
  limber_pose_mirror (&pose);
  /* Left and right swap; in the front view the spine's side bends and
   * every turn change direction. */
  assert_angles_close (&pose, LIMBER_JOINT_LEFT_UPPER_ARM,
                       original.angle[LIMBER_JOINT_RIGHT_UPPER_ARM]);
  assert_angles_close (&pose, LIMBER_JOINT_RIGHT_KNEE, original.angle[LIMBER_JOINT_LEFT_KNEE]);
  assert_angles_close (&pose, LIMBER_JOINT_LEFT_SHOULDER_FORWARD,
                       original.angle[LIMBER_JOINT_RIGHT_SHOULDER_FORWARD]);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, -original.angle[LIMBER_JOINT_NECK]);
  assert_angles_close (&pose, LIMBER_JOINT_PELVIS, -original.angle[LIMBER_JOINT_PELVIS]);
  assert_angles_close (&pose, LIMBER_JOINT_HEAD_TURN, -original.angle[LIMBER_JOINT_HEAD_TURN]);
  limber_pose_mirror (&pose);
  g_assert_cmpmem (&pose, sizeof pose, &original, sizeof original);

  /* In the side view, bending forward stays forward. */
  fill_pose (&pose, LIMBER_FIGURE_VIEW_SIDE);
  original = pose;
  limber_pose_mirror (&pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, original.angle[LIMBER_JOINT_NECK]);
  assert_angles_close (&pose, LIMBER_JOINT_CHEST, original.angle[LIMBER_JOINT_CHEST]);
  assert_angles_close (&pose, LIMBER_JOINT_TRUNK_TURN, -original.angle[LIMBER_JOINT_TRUNK_TURN]);
  assert_angles_close (&pose, LIMBER_JOINT_LEFT_HIP, original.angle[LIMBER_JOINT_RIGHT_HIP]);
}

static void
test_interpolate (void)
{
  LimberPose from, to, out;

  memset (&from, 0, sizeof from);
  fill_pose (&to, LIMBER_FIGURE_VIEW_SIDE);
  limber_pose_interpolate (&from, &to, 0.5, &out);
  for (guint j = 0; j < LIMBER_N_JOINTS; j++)
    assert_angles_close (&out, j, to.angle[j] / 2.0);
  g_assert_cmpint (out.view, ==, LIMBER_FIGURE_VIEW_SIDE);

  /* In place. */
  limber_pose_interpolate (&from, &to, 1.0, &from);
  g_assert_cmpmem (&from, sizeof from, &to, sizeof to);
}

static void
test_sample_keys (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  LimberFigureAnimation *animation = limber_figure_set_lookup_animation (set, "linear");
  LimberPose pose;

  /* At the keys, exactly their poses. */
  limber_figure_animation_sample (animation, 0.0, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 0.0);
  limber_figure_animation_sample (animation, 1.0, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);
  assert_angles_close (&pose, LIMBER_JOINT_LEFT_UPPER_ARM, 90.0);
  limber_figure_animation_sample (animation, 3.0, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 40.0);
  g_assert_cmpint (pose.view, ==, LIMBER_FIGURE_VIEW_FRONT);
  g_assert_cmpint (pose.posture, ==, LIMBER_FIGURE_POSTURE_STANDING);

  /* Linear keys: half way is half way. */
  limber_figure_animation_sample (animation, 0.5, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 10.0);
  assert_angles_close (&pose, LIMBER_JOINT_LEFT_UPPER_ARM, 45.0);
  limber_figure_animation_sample (animation, 2.0, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 30.0);
  assert_angles_close (&pose, LIMBER_JOINT_LEFT_UPPER_ARM, 45.0);

  /* After the last key, back to the first with the first key's easing
   * (ease-in-out: half way at the middle). */
  limber_figure_animation_sample (animation, 3.5, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);
  limber_figure_animation_sample (animation, 3.25, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 40.0 - 40.0 * 0.0625);
}

static void
test_sample_loop (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  LimberFigureAnimation *animation = limber_figure_set_lookup_animation (set, "linear");
  LimberPose early, late;

  /* It loops for as long as the step lasts. */
  for (int k = 0; k < 40; k++)
    {
      double t = k * 0.1;

      limber_figure_animation_sample (animation, t, FALSE, &early);
      limber_figure_animation_sample (animation, t + 4.0 * 7, FALSE, &late);
      for (guint j = 0; j < LIMBER_N_JOINTS; j++)
        g_assert_cmpfloat_with_epsilon (early.angle[j], late.angle[j], 1e-6);
    }

  /* Times before the start, and nonsense times, show the first pose. */
  limber_figure_animation_sample (animation, -5.0, FALSE, &early);
  assert_angles_close (&early, LIMBER_JOINT_NECK, 0.0);
  limber_figure_animation_sample (animation, NAN, FALSE, &early);
  assert_angles_close (&early, LIMBER_JOINT_NECK, 0.0);
  limber_figure_animation_sample (animation, INFINITY, FALSE, &early);
  assert_angles_close (&early, LIMBER_JOINT_NECK, 0.0);
}

static void
test_sample_hold (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  LimberFigureAnimation *animation = limber_figure_set_lookup_animation (set, "hold");
  LimberPose pose;

  g_assert_false (limber_figure_animation_get_loops (animation));
  /* Ease-in: an eighth of the way at half time. */
  limber_figure_animation_sample (animation, 1.0, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0 * 0.125);
  /* Then it holds the last pose for the rest of the step. */
  for (double t = 2.0; t < 60.0; t += 7.3)
    {
      limber_figure_animation_sample (animation, t, FALSE, &pose);
      assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);
    }
  limber_figure_animation_sample (animation, INFINITY, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);
}

static void
test_sample_step_and_single (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  LimberFigureAnimation *steps = limber_figure_set_lookup_animation (set, "steps");
  LimberFigureAnimation *still = limber_figure_set_lookup_animation (set, "still");
  LimberPose pose;

  limber_figure_animation_sample (steps, 0.99, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 0.0);
  limber_figure_animation_sample (steps, 1.0, FALSE, &pose);
  assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);

  for (double t = 0.0; t < 5.0; t += 0.7)
    {
      limber_figure_animation_sample (still, t, FALSE, &pose);
      assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);
      g_assert_cmpint (pose.view, ==, LIMBER_FIGURE_VIEW_SIDE);
      g_assert_cmpint (pose.posture, ==, LIMBER_FIGURE_POSTURE_SEATED);
    }
}

static void
test_sample_mirrored (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  LimberFigureAnimation *animation = limber_figure_set_lookup_animation (set, "linear");
  LimberFigureAnimation *still = limber_figure_set_lookup_animation (set, "still");

  for (double t = 0.0; t < 4.0; t += 0.37)
    {
      LimberPose plain, mirrored;

      limber_figure_animation_sample (animation, t, FALSE, &plain);
      limber_figure_animation_sample (animation, t, TRUE, &mirrored);
      limber_pose_mirror (&plain);
      g_assert_cmpmem (&plain, sizeof plain, &mirrored, sizeof mirrored);
    }

  {
    LimberPose pose;

    /* The second side of a side-view step: turns flip, the left arm's
     * angle moves to the right arm, forward bends stay. */
    limber_figure_animation_sample (still, 0.0, TRUE, &pose);
    assert_angles_close (&pose, LIMBER_JOINT_NECK, 20.0);
    assert_angles_close (&pose, LIMBER_JOINT_HEAD_TURN, -30.0);
    assert_angles_close (&pose, LIMBER_JOINT_RIGHT_UPPER_ARM, 90.0);
    assert_angles_close (&pose, LIMBER_JOINT_LEFT_UPPER_ARM, 0.0);
  }
}

static void
test_sample_does_not_allocate (void)
{
  g_autoptr(LimberFigureSet) set = bundled_figures ();
  g_auto(GStrv) names = limber_figure_set_list_animations (set);
  g_autoptr(GPtrArray) animations = g_ptr_array_new ();
  gsize before, after;
  LimberCue cues[8];
  LimberPose pose;
  guint n_cues = 0;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (animations, limber_figure_set_lookup_animation (set, names[i]));

  /* The counter must count: an allocation is seen. */
  install_allocation_counter ();
  counting = TRUE;
  before = n_allocations;
  g_free (g_malloc (32));
  after = n_allocations;
  counting = FALSE;
  g_assert_cmpuint (after, >, before);

  counting = TRUE;
  before = n_allocations;
  for (int frame = 0; frame < 3000; frame++)
    {
      double t = frame / 60.0;

      for (guint i = 0; i < animations->len; i++)
        {
          LimberFigureAnimation *animation = g_ptr_array_index (animations, i);

          limber_figure_animation_sample (animation, t, frame % 2 == 1, &pose);
          n_cues += limber_figure_animation_cues_between (animation, t - 1 / 60.0, t, cues,
                                                          G_N_ELEMENTS (cues));
        }
    }
  after = n_allocations;
  counting = FALSE;

  g_assert_cmpuint (after - before, ==, 0);
  g_assert_cmpuint (n_cues, >, 0);
}

static void
test_cues (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  LimberFigureAnimation *linear = limber_figure_set_lookup_animation (set, "linear");
  LimberFigureAnimation *hold = limber_figure_set_lookup_animation (set, "hold");
  LimberFigureAnimation *still = limber_figure_set_lookup_animation (set, "still");
  LimberCue cues[16];
  guint n;

  /* From before the start: the first key's cue, then the second's. */
  n = limber_figure_animation_cues_between (linear, -1.0, 1.0, cues, G_N_ELEMENTS (cues));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (cues[0], ==, LIMBER_CUE_BREATHE_IN);
  g_assert_cmpint (cues[1], ==, LIMBER_CUE_REPETITION);

  /* The end is included, the start is not. */
  n = limber_figure_animation_cues_between (linear, 1.0, 2.0, cues, G_N_ELEMENTS (cues));
  g_assert_cmpuint (n, ==, 0);
  n = limber_figure_animation_cues_between (linear, 0.5, 1.0, cues, G_N_ELEMENTS (cues));
  g_assert_cmpuint (n, ==, 1);

  /* Across loops: 4 s per loop, two cues a loop. */
  n = limber_figure_animation_cues_between (linear, 0.0, 12.0, cues, G_N_ELEMENTS (cues));
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpint (cues[0], ==, LIMBER_CUE_REPETITION);
  g_assert_cmpint (cues[1], ==, LIMBER_CUE_BREATHE_IN);
  g_assert_cmpint (cues[5], ==, LIMBER_CUE_BREATHE_IN);

  /* Never more than asked for, however long the time. */
  n = limber_figure_animation_cues_between (linear, 0.0, 1e12, cues, 3);
  g_assert_cmpuint (n, ==, 3);

  /* Nothing for an empty, backwards or nonsense interval. */
  g_assert_cmpuint (limber_figure_animation_cues_between (linear, 2.0, 2.0, cues, 16), ==, 0);
  g_assert_cmpuint (limber_figure_animation_cues_between (linear, 3.0, 0.0, cues, 16), ==, 0);
  g_assert_cmpuint (limber_figure_animation_cues_between (linear, NAN, 3.0, cues, 16), ==, 0);
  g_assert_cmpuint (limber_figure_animation_cues_between (linear, 0.0, INFINITY, cues, 16), ==, 0);
  g_assert_cmpuint (limber_figure_animation_cues_between (linear, 0.0, 3.0, NULL, 0), ==, 0);

  /* One that does not loop plays its cue once. */
  n = limber_figure_animation_cues_between (hold, 0.0, 100.0, cues, G_N_ELEMENTS (cues));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (cues[0], ==, LIMBER_CUE_STEP_END);

  /* One without cues has none. */
  g_assert_cmpuint (limber_figure_animation_cues_between (still, 0.0, 100.0, cues, 16), ==, 0);
}

static void
test_cue_names (void)
{
  for (guint c = 0; c < LIMBER_N_CUES; c++)
    {
      LimberCue back;
      GEnumClass *klass = g_type_class_ref (LIMBER_TYPE_CUE);

      g_assert_true (limber_cue_from_name (limber_cue_get_name (c), &back));
      g_assert_cmpint (back, ==, c);
      /* The names files write are the enum's nicks. */
      g_assert_cmpstr (g_enum_get_value (klass, c)->value_nick, ==, limber_cue_get_name (c));
      g_type_class_unref (klass);
    }
  g_assert_true (limber_cue_from_name ("switch-sides", NULL));
  g_assert_true (limber_cue_from_name ("session-complete", NULL));
  g_assert_true (limber_cue_from_name ("countdown", NULL));
  g_assert_false (limber_cue_from_name ("ding", NULL));
}

static void
test_set_merge (void)
{
  g_autoptr(LimberFigureSet) set = test_figures ();
  g_autoptr(LimberFigureSet) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "<figures format=\"1\">\n"
    "  <pose name=\"a\" view=\"side\" posture=\"seated\" neck=\"5\"/>\n"
    "  <animation name=\"new\" duration=\"1\"><key time=\"0\" pose=\"a\"/></animation>\n"
    "</figures>\n";

  other = limber_routine_parser_parse_figures ("other.xml", text, -1, NULL, &error);
  g_assert_no_error (error);

  /* The animations already resolved keep their own copies of poses. */
  limber_figure_set_merge (set, other, NULL, NULL);
  assert_angles_close (limber_figure_set_lookup_pose (set, "a"), LIMBER_JOINT_NECK, 5.0);
  assert_angles_close (limber_figure_animation_get_key_pose (
                         limber_figure_set_lookup_animation (set, "linear"), 0),
                       LIMBER_JOINT_NECK, 0.0);
  g_assert_nonnull (limber_figure_set_lookup_animation (set, "new"));
  g_assert_nonnull (limber_figure_set_lookup_animation (other, "new"));
  g_assert_cmpuint (limber_figure_set_get_n_poses (set), ==, 4);
  g_assert_cmpuint (limber_figure_set_get_n_animations (set), ==, 5);
}

/* The bundled library: every loop comes back to where it started (no jump
 * when it wraps), and every angle stays in its range. */
static void
test_bundled_loops_are_smooth (void)
{
  g_autoptr(LimberFigureSet) set = bundled_figures ();
  g_auto(GStrv) names = limber_figure_set_list_animations (set);
  g_auto(GStrv) poses = limber_figure_set_list_poses (set);

  g_assert_cmpuint (g_strv_length (names), >=, 20);
  /* The small library of neutral poses. */
  g_assert_nonnull (limber_figure_set_lookup_pose (set, "seated-side"));
  g_assert_nonnull (limber_figure_set_lookup_pose (set, "seated-front"));
  g_assert_nonnull (limber_figure_set_lookup_pose (set, "standing-side"));
  g_assert_nonnull (limber_figure_set_lookup_pose (set, "standing-front"));

  for (guint i = 0; names[i] != NULL; i++)
    {
      LimberFigureAnimation *animation = limber_figure_set_lookup_animation (set, names[i]);
      double duration = limber_figure_animation_get_duration (animation);
      LimberPose start, end;

      g_test_message ("animation %s", names[i]);
      g_assert_cmpfloat (limber_figure_animation_get_key_time (animation, 0), ==, 0.0);

      if (limber_figure_animation_get_loops (animation))
        {
          limber_figure_animation_sample (animation, 0.0, FALSE, &start);
          limber_figure_animation_sample (animation, duration - 1e-6, FALSE, &end);
          for (guint j = 0; j < LIMBER_N_JOINTS; j++)
            {
              /* 360 degrees round is the same place (arm circles). */
              double gap = fmod (fabs (end.angle[j] - start.angle[j]), 360.0);

              if (MIN (gap, 360.0 - gap) > 0.5)
                g_error ("%s jumps by %g degrees at %s when it loops", names[i], gap,
                         limber_joint_get_name (j));
            }
        }

      for (double t = 0.0; t <= duration; t += duration / 50.0)
        {
          LimberPose pose;

          limber_figure_animation_sample (animation, t, FALSE, &pose);
          for (guint j = 0; j < LIMBER_N_JOINTS; j++)
            g_assert_cmpfloat (fabs (pose.angle[j]), <=, LIMBER_ANGLE_LIMIT);
        }
    }

  for (guint i = 0; poses[i] != NULL; i++)
    {
      const LimberPose *pose = limber_figure_set_lookup_pose (set, poses[i]);

      /* Seated poses sit: thighs forward in the side view. */
      if (pose->posture == LIMBER_FIGURE_POSTURE_SEATED && pose->view == LIMBER_FIGURE_VIEW_SIDE)
        {
          g_assert_cmpfloat (pose->angle[LIMBER_JOINT_LEFT_HIP], >=, 80.0);
          g_assert_cmpfloat (pose->angle[LIMBER_JOINT_RIGHT_HIP], >=, 80.0);
        }
      /* Turns stay in the range a spine can turn. */
      g_assert_cmpfloat (fabs (pose->angle[LIMBER_JOINT_HEAD_TURN]), <=, 70.0);
      g_assert_cmpfloat (fabs (pose->angle[LIMBER_JOINT_TRUNK_TURN]), <=, 45.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure/joint-names", test_joint_names);
  g_test_add_func ("/figure/cue-names", test_cue_names);
  g_test_add_func ("/figure/easing", test_easing);
  g_test_add_func ("/figure/pose/mirror", test_mirror);
  g_test_add_func ("/figure/pose/interpolate", test_interpolate);
  g_test_add_func ("/figure/sample/keys", test_sample_keys);
  g_test_add_func ("/figure/sample/loop", test_sample_loop);
  g_test_add_func ("/figure/sample/hold", test_sample_hold);
  g_test_add_func ("/figure/sample/step-and-single-key", test_sample_step_and_single);
  g_test_add_func ("/figure/sample/mirrored", test_sample_mirrored);
  g_test_add_func ("/figure/sample/no-allocation", test_sample_does_not_allocate);
  g_test_add_func ("/figure/cues", test_cues);
  g_test_add_func ("/figure/set/merge", test_set_merge);
  g_test_add_func ("/figure/bundled", test_bundled_loops_are_smooth);

  return g_test_run ();
}
