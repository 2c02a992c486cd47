/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "limber-figure.h"
#include "limber-routine-private.h"

typedef struct
{
  double time;
  LimberEasing easing;
  gboolean has_cue;
  LimberCue cue;
  LimberPose pose;
} LimberKey;

struct _LimberFigureAnimation
{
  gatomicrefcount ref_count;
  char *name;
  double duration;
  gboolean loops;
  LimberFigureViewpoint view;
  LimberFigurePosture posture;
  guint n_keys;
  LimberKey keys[];
};

struct _LimberFigureSet
{
  gatomicrefcount ref_count;
  LimberFigureSet *parent;
  GHashTable *poses;            /* name → LimberPose* */
  GHashTable *animations;       /* name → LimberFigureAnimation* */
};

G_DEFINE_ENUM_TYPE (LimberFigureViewpoint, limber_figure_viewpoint,
  G_DEFINE_ENUM_VALUE (LIMBER_FIGURE_VIEW_SIDE, "side"),
  G_DEFINE_ENUM_VALUE (LIMBER_FIGURE_VIEW_FRONT, "front"))

G_DEFINE_ENUM_TYPE (LimberFigurePosture, limber_figure_posture,
  G_DEFINE_ENUM_VALUE (LIMBER_FIGURE_POSTURE_SEATED, "seated"),
  G_DEFINE_ENUM_VALUE (LIMBER_FIGURE_POSTURE_STANDING, "standing"))

G_DEFINE_ENUM_TYPE (LimberEasing, limber_easing,
  G_DEFINE_ENUM_VALUE (LIMBER_EASING_LINEAR, "linear"),
  G_DEFINE_ENUM_VALUE (LIMBER_EASING_EASE_IN, "ease-in"),
  G_DEFINE_ENUM_VALUE (LIMBER_EASING_EASE_OUT, "ease-out"),
  G_DEFINE_ENUM_VALUE (LIMBER_EASING_EASE_IN_OUT, "ease-in-out"),
  G_DEFINE_ENUM_VALUE (LIMBER_EASING_STEP, "step"))

G_DEFINE_BOXED_TYPE (LimberFigureAnimation, limber_figure_animation,
                     limber_figure_animation_ref, limber_figure_animation_unref)

G_DEFINE_BOXED_TYPE (LimberFigureSet, limber_figure_set,
                     limber_figure_set_ref, limber_figure_set_unref)

static const char * const joint_names[LIMBER_N_JOINTS] = {
  [LIMBER_JOINT_PELVIS] = "pelvis",
  [LIMBER_JOINT_TRUNK] = "trunk",
  [LIMBER_JOINT_CHEST] = "chest",
  [LIMBER_JOINT_TRUNK_TURN] = "trunk-turn",
  [LIMBER_JOINT_NECK] = "neck",
  [LIMBER_JOINT_HEAD] = "head",
  [LIMBER_JOINT_HEAD_TURN] = "head-turn",
  [LIMBER_JOINT_LEFT_SHOULDER_RAISE] = "left-shoulder-raise",
  [LIMBER_JOINT_RIGHT_SHOULDER_RAISE] = "right-shoulder-raise",
  [LIMBER_JOINT_LEFT_SHOULDER_FORWARD] = "left-shoulder-forward",
  [LIMBER_JOINT_RIGHT_SHOULDER_FORWARD] = "right-shoulder-forward",
  [LIMBER_JOINT_LEFT_UPPER_ARM] = "left-upper-arm",
  [LIMBER_JOINT_RIGHT_UPPER_ARM] = "right-upper-arm",
  [LIMBER_JOINT_LEFT_FOREARM] = "left-forearm",
  [LIMBER_JOINT_RIGHT_FOREARM] = "right-forearm",
  [LIMBER_JOINT_LEFT_HAND] = "left-hand",
  [LIMBER_JOINT_RIGHT_HAND] = "right-hand",
  [LIMBER_JOINT_LEFT_HIP] = "left-hip",
  [LIMBER_JOINT_RIGHT_HIP] = "right-hip",
  [LIMBER_JOINT_LEFT_KNEE] = "left-knee",
  [LIMBER_JOINT_RIGHT_KNEE] = "right-knee",
};

/* Joints whose sign flips in a mirror image. Turns always do; side bends
 * only show (and so only flip) in the front view. */
static gboolean
joint_flips_in_mirror (LimberJoint           joint,
                       LimberFigureViewpoint view)
{
  switch (joint)
    {
    case LIMBER_JOINT_TRUNK_TURN:
    case LIMBER_JOINT_HEAD_TURN:
      return TRUE;
    case LIMBER_JOINT_PELVIS:
    case LIMBER_JOINT_TRUNK:
    case LIMBER_JOINT_CHEST:
    case LIMBER_JOINT_NECK:
    case LIMBER_JOINT_HEAD:
      return view == LIMBER_FIGURE_VIEW_FRONT;
    case LIMBER_JOINT_LEFT_SHOULDER_RAISE:
    case LIMBER_JOINT_RIGHT_SHOULDER_RAISE:
    case LIMBER_JOINT_LEFT_SHOULDER_FORWARD:
    case LIMBER_JOINT_RIGHT_SHOULDER_FORWARD:
    case LIMBER_JOINT_LEFT_UPPER_ARM:
    case LIMBER_JOINT_RIGHT_UPPER_ARM:
    case LIMBER_JOINT_LEFT_FOREARM:
    case LIMBER_JOINT_RIGHT_FOREARM:
    case LIMBER_JOINT_LEFT_HAND:
    case LIMBER_JOINT_RIGHT_HAND:
    case LIMBER_JOINT_LEFT_HIP:
    case LIMBER_JOINT_RIGHT_HIP:
    case LIMBER_JOINT_LEFT_KNEE:
    case LIMBER_JOINT_RIGHT_KNEE:
    default:
      return FALSE;
    }
}

/**
 * limber_joint_get_name:
 * @joint: a #LimberJoint
 *
 * Returns: the attribute name of @joint in figure files, as in "left-forearm"
 */
const char *
limber_joint_get_name (LimberJoint joint)
{
  g_return_val_if_fail ((guint) joint < LIMBER_N_JOINTS, NULL);

  return joint_names[joint];
}

/**
 * limber_joint_from_name:
 * @name: a joint name such as "neck"
 * @out_joint: (out) (optional): where to store the joint
 *
 * Returns: %TRUE if @name names a joint
 */
gboolean
limber_joint_from_name (const char  *name,
                        LimberJoint *out_joint)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < LIMBER_N_JOINTS; i++)
    {
      if (g_str_equal (name, joint_names[i]))
        {
          if (out_joint != NULL)
            *out_joint = (LimberJoint) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * limber_joint_get_mirror:
 * @joint: a #LimberJoint
 *
 * Returns: the same joint on the other side of the body, or @joint itself
 *   for the joints of the spine
 */
LimberJoint
limber_joint_get_mirror (LimberJoint joint)
{
  g_return_val_if_fail ((guint) joint < LIMBER_N_JOINTS, joint);

  /* Left and right joints alternate from the first shoulder joint on. */
  if (joint < LIMBER_JOINT_LEFT_SHOULDER_RAISE)
    return joint;
  if ((joint - LIMBER_JOINT_LEFT_SHOULDER_RAISE) % 2 == 0)
    return joint + 1;
  return joint - 1;
}

/**
 * limber_easing_apply:
 * @easing: a #LimberEasing
 * @progress: how far between two keyframes, from 0 to 1 (clamped)
 *
 * Returns: the eased progress, from 0 to 1
 */
double
limber_easing_apply (LimberEasing easing,
                     double       progress)
{
  double p = progress;

  if (!(p > 0.0))               /* also catches NaN */
    p = 0.0;
  else if (p > 1.0)
    p = 1.0;

  switch (easing)
    {
    case LIMBER_EASING_LINEAR:
      return p;
    case LIMBER_EASING_EASE_IN:
      return p * p * p;
    case LIMBER_EASING_EASE_OUT:
      return 1.0 - (1.0 - p) * (1.0 - p) * (1.0 - p);
    case LIMBER_EASING_EASE_IN_OUT:
      if (p < 0.5)
        return 4.0 * p * p * p;
      return 1.0 - pow (-2.0 * p + 2.0, 3.0) / 2.0;
    case LIMBER_EASING_STEP:
      return p < 1.0 ? 0.0 : 1.0;
    default:
      g_return_val_if_reached (p);
    }
}

/**
 * limber_pose_mirror:
 * @pose: a pose
 *
 * Turns @pose into its mirror image: left and right swap, and turns (and,
 * in the front view, side bends) change direction. Used for the second
 * side of a left-right step.
 */
void
limber_pose_mirror (LimberPose *pose)
{
  g_return_if_fail (pose != NULL);

  for (guint i = 0; i < LIMBER_N_JOINTS; i++)
    {
      LimberJoint other = limber_joint_get_mirror ((LimberJoint) i);

      if (other > i)
        {
          double tmp = pose->angle[i];

          pose->angle[i] = pose->angle[other];
          pose->angle[other] = tmp;
        }
      else if (other == i && joint_flips_in_mirror ((LimberJoint) i, pose->view))
        {
          pose->angle[i] = -pose->angle[i];
        }
    }
}

/**
 * limber_pose_interpolate:
 * @from: the pose at @progress 0
 * @to: the pose at @progress 1
 * @progress: how far from @from to @to (already eased)
 * @out: (out caller-allocates): the pose in between; may be @from or @to
 *
 * Interpolates every joint angle linearly. The view and posture are @to's.
 */
void
limber_pose_interpolate (const LimberPose *from,
                         const LimberPose *to,
                         double            progress,
                         LimberPose       *out)
{
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < LIMBER_N_JOINTS; i++)
    out->angle[i] = from->angle[i] + (to->angle[i] - from->angle[i]) * progress;
  out->view = to->view;
  out->posture = to->posture;
}

/**
 * limber_figure_animation_ref:
 * @self: an animation
 *
 * Returns: (transfer full): @self
 */
LimberFigureAnimation *
limber_figure_animation_ref (LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * limber_figure_animation_unref:
 * @self: (transfer full): an animation
 */
void
limber_figure_animation_unref (LimberFigureAnimation *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->name);
      g_free (self);
    }
}

const char *
limber_figure_animation_get_name (const LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * limber_figure_animation_get_duration:
 * @self: an animation
 *
 * Returns: the length of one loop in seconds; for an animation that does
 *   not loop, the time after which it holds its last pose
 */
double
limber_figure_animation_get_duration (const LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->duration;
}

gboolean
limber_figure_animation_get_loops (const LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->loops;
}

LimberFigureViewpoint
limber_figure_animation_get_view (const LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, LIMBER_FIGURE_VIEW_SIDE);

  return self->view;
}

LimberFigurePosture
limber_figure_animation_get_posture (const LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, LIMBER_FIGURE_POSTURE_SEATED);

  return self->posture;
}

guint
limber_figure_animation_get_n_keys (const LimberFigureAnimation *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_keys;
}

double
limber_figure_animation_get_key_time (const LimberFigureAnimation *self,
                                      guint                        index)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (index < self->n_keys, 0.0);

  return self->keys[index].time;
}

/**
 * limber_figure_animation_get_key_pose:
 * @self: an animation
 * @index: a key index
 *
 * Returns: (transfer none): the pose of key @index, resolved when the
 *   animation was loaded
 */
const LimberPose *
limber_figure_animation_get_key_pose (const LimberFigureAnimation *self,
                                      guint                        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_keys, NULL);

  return &self->keys[index].pose;
}

LimberEasing
limber_figure_animation_get_key_easing (const LimberFigureAnimation *self,
                                        guint                        index)
{
  g_return_val_if_fail (self != NULL, LIMBER_EASING_LINEAR);
  g_return_val_if_fail (index < self->n_keys, LIMBER_EASING_LINEAR);

  return self->keys[index].easing;
}

/**
 * limber_figure_animation_get_key_cue:
 * @self: an animation
 * @index: a key index
 * @cue: (out) (optional): the cue played when the key is reached
 *
 * Returns: %TRUE if key @index has a cue
 */
gboolean
limber_figure_animation_get_key_cue (const LimberFigureAnimation *self,
                                     guint                        index,
                                     LimberCue                   *cue)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_keys, FALSE);

  if (self->keys[index].has_cue && cue != NULL)
    *cue = self->keys[index].cue;
  return self->keys[index].has_cue;
}

/**
 * limber_figure_animation_sample:
 * @self: an animation
 * @time: seconds since the step (or this side of it) started
 * @mirror: %TRUE for the second side of a left-right step
 * @out: (out caller-allocates): the figure's pose at @time
 *
 * Computes the pose to draw at @time: the animation loops within the step
 * (or, if it does not loop, holds its last pose), each keyframe is reached
 * with its easing, and after the last key of a loop the figure eases back
 * to the first. Called for every frame, so it never allocates.
 */
void
limber_figure_animation_sample (const LimberFigureAnimation *self,
                                double                       time,
                                gboolean                     mirror,
                                LimberPose                  *out)
{
  const LimberKey *from;
  const LimberKey *to;
  double t = time;
  double span;
  guint i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->n_keys > 0);
  g_return_if_fail (out != NULL);

  if (!(t > 0.0) || !isfinite (t))
    t = (t > 0.0) ? self->duration : 0.0;

  if (self->loops)
    {
      t = fmod (t, self->duration);
    }
  else if (t >= self->keys[self->n_keys - 1].time)
    {
      *out = self->keys[self->n_keys - 1].pose;
      goto done;
    }

  /* Keys are few (at most LIMBER_ROUTINE_MAX_KEYS): a linear scan is fine. */
  for (i = 0; i + 1 < self->n_keys && self->keys[i + 1].time <= t; i++)
    ;

  from = &self->keys[i];
  if (i + 1 < self->n_keys)
    {
      to = &self->keys[i + 1];
      span = to->time - from->time;
    }
  else
    {
      /* Past the last key of a loop: ease back to the first one. */
      to = &self->keys[0];
      span = self->duration - from->time;
    }

  if (span > 0.0)
    limber_pose_interpolate (&from->pose, &to->pose,
                             limber_easing_apply (to->easing, (t - from->time) / span),
                             out);
  else
    *out = from->pose;

done:
  out->view = self->view;
  out->posture = self->posture;
  if (mirror)
    limber_pose_mirror (out);
}

/**
 * limber_figure_animation_cues_between:
 * @self: an animation
 * @from: the step time of the previous frame, in seconds
 * @to: the step time of this frame
 * @cues: (out caller-allocates) (array length=n): where to store cues
 * @n: the size of @cues
 *
 * Finds the keyframe cues (rhythm sounds) to play for the time from @from
 * (exclusive) to @to (inclusive), in order, counting every loop. Never
 * allocates.
 *
 * Returns: the number of cues stored in @cues
 */
guint
limber_figure_animation_cues_between (const LimberFigureAnimation *self,
                                      double                       from,
                                      double                       to,
                                      LimberCue                   *cues,
                                      guint                        n)
{
  gboolean any_cue = FALSE;
  guint found = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cues != NULL || n == 0, 0);

  if (!isfinite (from) || !isfinite (to) || !(to > from) || n == 0)
    return 0;

  for (guint k = 0; k < self->n_keys; k++)
    any_cue |= self->keys[k].has_cue;
  if (!any_cue)
    return 0;

  if (!self->loops)
    {
      for (guint k = 0; k < self->n_keys && found < n; k++)
        {
          const LimberKey *key = &self->keys[k];

          if (key->has_cue && key->time > from && key->time <= to)
            cues[found++] = key->cue;
        }
      return found;
    }

  /* Every whole loop holds at least one cue, so this runs at most n + 2
   * times however long the interval. */
  for (double cycle = floor (from / self->duration); found < n; cycle++)
    {
      double start = cycle * self->duration;

      if (start > to)
        break;
      for (guint k = 0; k < self->n_keys && found < n; k++)
        {
          const LimberKey *key = &self->keys[k];
          double at = start + key->time;

          if (key->has_cue && at > from && at <= to)
            cues[found++] = key->cue;
        }
    }
  return found;
}

/**
 * limber_figure_set_new:
 * @parent: (nullable): a set to look names up in when this one lacks them
 *
 * Returns: (transfer full): a new, empty figure set
 */
LimberFigureSet *
limber_figure_set_new (LimberFigureSet *parent)
{
  LimberFigureSet *self = g_new0 (LimberFigureSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->parent = parent != NULL ? limber_figure_set_ref (parent) : NULL;
  self->poses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->animations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) limber_figure_animation_unref);
  return self;
}

LimberFigureSet *
limber_figure_set_ref (LimberFigureSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
limber_figure_set_unref (LimberFigureSet *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->parent, limber_figure_set_unref);
      g_hash_table_unref (self->poses);
      g_hash_table_unref (self->animations);
      g_free (self);
    }
}

/**
 * limber_figure_set_get_parent:
 * @self: a figure set
 *
 * Returns: (transfer none) (nullable): the set names fall back to
 */
LimberFigureSet *
limber_figure_set_get_parent (LimberFigureSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->parent;
}

/**
 * limber_figure_set_lookup_pose:
 * @self: a figure set
 * @name: a pose name
 *
 * Returns: (transfer none) (nullable): the pose named @name, in @self or
 *   else in its parents
 */
const LimberPose *
limber_figure_set_lookup_pose (LimberFigureSet *self,
                               const char      *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (LimberFigureSet *set = self; set != NULL; set = set->parent)
    {
      const LimberPose *pose = g_hash_table_lookup (set->poses, name);

      if (pose != NULL)
        return pose;
    }
  return NULL;
}

/**
 * limber_figure_set_lookup_animation:
 * @self: a figure set
 * @name: an animation name
 *
 * Returns: (transfer none) (nullable): the animation named @name, in @self
 *   or else in its parents
 */
LimberFigureAnimation *
limber_figure_set_lookup_animation (LimberFigureSet *self,
                                    const char      *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (LimberFigureSet *set = self; set != NULL; set = set->parent)
    {
      LimberFigureAnimation *animation = g_hash_table_lookup (set->animations, name);

      if (animation != NULL)
        return animation;
    }
  return NULL;
}

/**
 * limber_figure_set_get_n_poses:
 * @self: a figure set
 *
 * Returns: the number of poses in @self itself, not counting its parents
 */
guint
limber_figure_set_get_n_poses (LimberFigureSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->poses);
}

/**
 * limber_figure_set_get_n_animations:
 * @self: a figure set
 *
 * Returns: the number of animations in @self itself, not counting its parents
 */
guint
limber_figure_set_get_n_animations (LimberFigureSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->animations);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
sorted_keys (GHashTable *table)
{
  guint n = 0;
  char **keys = (char **) g_hash_table_get_keys_as_array (table, &n);
  char **copy = g_new0 (char *, n + 1);

  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);
  g_free (keys);
  return copy;
}

/**
 * limber_figure_set_list_poses:
 * @self: a figure set
 *
 * Returns: (transfer full): the names of the poses in @self itself, sorted
 */
char **
limber_figure_set_list_poses (LimberFigureSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sorted_keys (self->poses);
}

/**
 * limber_figure_set_list_animations:
 * @self: a figure set
 *
 * Returns: (transfer full): the names of the animations in @self itself, sorted
 */
char **
limber_figure_set_list_animations (LimberFigureSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sorted_keys (self->animations);
}

/* Definitions, as the parser leaves them */

LimberFigureFile *
limber_figure_file_new (const char *path)
{
  LimberFigureFile *file = g_new0 (LimberFigureFile, 1);

  file->path = g_strdup (path);
  file->poses = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_pose_def_free);
  file->animations = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_animation_def_free);
  return file;
}

void
limber_figure_file_free (LimberFigureFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_ptr_array_unref (file->poses);
  g_ptr_array_unref (file->animations);
  g_free (file);
}

LimberPoseDef *
limber_pose_def_new (void)
{
  return g_new0 (LimberPoseDef, 1);
}

void
limber_pose_def_free (LimberPoseDef *def)
{
  if (def == NULL)
    return;
  g_free (def->name);
  g_free (def->base);
  g_free (def);
}

static void
key_def_clear (gpointer data)
{
  LimberKeyDef *key = data;

  g_free (key->pose);
}

LimberAnimationDef *
limber_animation_def_new (void)
{
  LimberAnimationDef *def = g_new0 (LimberAnimationDef, 1);

  def->loops = TRUE;
  def->keys = g_array_new (FALSE, TRUE, sizeof (LimberKeyDef));
  g_array_set_clear_func (def->keys, key_def_clear);
  return def;
}

void
limber_animation_def_free (LimberAnimationDef *def)
{
  if (def == NULL)
    return;
  g_free (def->name);
  g_array_unref (def->keys);
  g_free (def);
}

/* Resolution: base poses, then keyframe poses */

typedef enum
{
  POSE_UNVISITED,
  POSE_VISITING,
  POSE_DONE,
} PoseState;

typedef struct
{
  LimberFigureFile *file;
  LimberFigureSet *parent;
  GHashTable *index;            /* name → GUINT_TO_POINTER (i + 1) */
  PoseState *state;
  guint *depth;                 /* levels of base poses below each pose */
  LimberPose *resolved;
} PoseResolver;

static const char *
view_label (LimberFigureViewpoint view)
{
  return view == LIMBER_FIGURE_VIEW_SIDE ? _("side-view") : _("front-view");
}

static const char *
posture_label (LimberFigurePosture posture)
{
  return posture == LIMBER_FIGURE_POSTURE_SEATED ? _("seated") : _("standing");
}

/* Recursion follows base poses within one file, so it is at most as deep
 * as the file has poses (LIMBER_ROUTINE_MAX_POSES). */
static gboolean
resolve_pose (PoseResolver  *resolver,
              guint          i,
              GError       **error)
{
  LimberPoseDef *def = g_ptr_array_index (resolver->file->poses, i);
  LimberPose *pose = &resolver->resolved[i];

  if (resolver->state[i] == POSE_DONE)
    return TRUE;
  if (resolver->state[i] == POSE_VISITING)
    {
      limber_routine_set_error (error, resolver->file->path, def->base_pos,
                                LIMBER_ROUTINE_ERROR_CIRCULAR,
                                _("The pose “%s” is based on “%s”, which leads back to “%s”: "
                                  "expected a base pose that is not built on this one"),
                                def->name, def->base, def->name);
      return FALSE;
    }

  resolver->state[i] = POSE_VISITING;
  resolver->depth[i] = 0;

  if (def->base == NULL)
    {
      memset (pose, 0, sizeof *pose);
      pose->view = def->view;
      pose->posture = def->posture;
    }
  else
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (resolver->index, def->base));
      const LimberPose *base;

      if (j > 0)
        {
          if (!resolve_pose (resolver, j - 1, error))
            return FALSE;
          base = &resolver->resolved[j - 1];
          resolver->depth[i] = resolver->depth[j - 1] + 1;
        }
      else
        {
          base = resolver->parent != NULL
                   ? limber_figure_set_lookup_pose (resolver->parent, def->base)
                   : NULL;
          resolver->depth[i] = 1;
        }

      if (base == NULL)
        {
          limber_routine_set_error (error, resolver->file->path, def->base_pos,
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE,
                                    _("Expected the name of a pose for “base”, found “%s”, "
                                      "which no figures file defines"),
                                    def->base);
          return FALSE;
        }
      if (resolver->depth[i] > LIMBER_ROUTINE_MAX_BASE_DEPTH)
        {
          limber_routine_set_error (error, resolver->file->path, def->base_pos,
                                    LIMBER_ROUTINE_ERROR_LIMIT,
                                    _("Expected at most %d levels of base poses, found %u "
                                      "below “%s”"),
                                    LIMBER_ROUTINE_MAX_BASE_DEPTH, resolver->depth[i], def->name);
          return FALSE;
        }
      *pose = *base;
    }

  for (guint n = 0; n < LIMBER_N_JOINTS; n++)
    {
      if (def->given & (1u << n))
        pose->angle[n] = def->angle[n];
    }

  resolver->state[i] = POSE_DONE;
  return TRUE;
}

static LimberFigureAnimation *
resolve_animation (LimberFigureSet     *set,
                   const char          *path,
                   LimberAnimationDef  *def,
                   GError             **error)
{
  g_autofree LimberFigureAnimation *animation = NULL;
  const char *first_pose = NULL;

  animation = g_malloc0 (sizeof (LimberFigureAnimation) + def->keys->len * sizeof (LimberKey));
  g_atomic_ref_count_init (&animation->ref_count);
  animation->duration = def->duration;
  animation->loops = def->loops;
  animation->n_keys = def->keys->len;

  for (guint k = 0; k < def->keys->len; k++)
    {
      const LimberKeyDef *key_def = &g_array_index (def->keys, LimberKeyDef, k);
      LimberKey *key = &animation->keys[k];
      const LimberPose *pose = limber_figure_set_lookup_pose (set, key_def->pose);

      if (pose == NULL)
        {
          limber_routine_set_error (error, path, key_def->pose_pos,
                                    LIMBER_ROUTINE_ERROR_UNKNOWN_REFERENCE,
                                    _("Expected the name of a pose for “pose”, found “%s”, "
                                      "which no figures file defines"),
                                    key_def->pose);
          return NULL;
        }

      if (k == 0)
        {
          first_pose = key_def->pose;
          animation->view = pose->view;
          animation->posture = pose->posture;
        }
      else if (pose->view != animation->view || pose->posture != animation->posture)
        {
          limber_routine_set_error (error, path, key_def->pose_pos,
                                    LIMBER_ROUTINE_ERROR_MISMATCH,
                                    _("Expected a %s %s pose like “%s” in the first key, "
                                      "found “%s”, a %s %s pose: one animation keeps one view"),
                                    posture_label (animation->posture),
                                    view_label (animation->view),
                                    first_pose, key_def->pose,
                                    posture_label (pose->posture), view_label (pose->view));
          return NULL;
        }

      key->time = key_def->time;
      key->easing = key_def->easing;
      key->has_cue = key_def->has_cue;
      key->cue = key_def->cue;
      key->pose = *pose;
    }

  animation->name = g_strdup (def->name);
  return g_steal_pointer (&animation);
}

/**
 * limber_figure_set_new_from_file: (skip)
 * @file: a parsed figures file
 * @parent: (nullable): the poses and animations loaded before it
 * @error: return location for a #LIMBER_ROUTINE_ERROR
 *
 * Resolves @file's base poses and keyframes, looking names up first in the
 * file itself and then in @parent, and returns its poses and animations as
 * a set whose parent is @parent.
 *
 * Returns: (transfer full) (nullable): the set, or %NULL with @error set
 */
LimberFigureSet *
limber_figure_set_new_from_file (LimberFigureFile  *file,
                                 LimberFigureSet   *parent,
                                 GError           **error)
{
  g_autoptr(LimberFigureSet) set = limber_figure_set_new (parent);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree PoseState *state = NULL;
  g_autofree guint *depth = NULL;
  g_autofree LimberPose *resolved = NULL;
  PoseResolver resolver;
  guint n_poses;

  g_return_val_if_fail (file != NULL, NULL);

  n_poses = file->poses->len;
  state = g_new0 (PoseState, n_poses);
  depth = g_new0 (guint, n_poses);
  resolved = g_new0 (LimberPose, n_poses);

  for (guint i = 0; i < n_poses; i++)
    {
      LimberPoseDef *def = g_ptr_array_index (file->poses, i);

      g_hash_table_insert (index, def->name, GUINT_TO_POINTER (i + 1));
    }

  resolver = (PoseResolver) { file, parent, index, state, depth, resolved };
  for (guint i = 0; i < n_poses; i++)
    {
      if (!resolve_pose (&resolver, i, error))
        return NULL;
    }

  for (guint i = 0; i < n_poses; i++)
    {
      LimberPoseDef *def = g_ptr_array_index (file->poses, i);

      g_hash_table_replace (set->poses, g_strdup (def->name),
                            g_memdup2 (&resolved[i], sizeof (LimberPose)));
    }

  for (guint i = 0; i < file->animations->len; i++)
    {
      LimberAnimationDef *def = g_ptr_array_index (file->animations, i);
      LimberFigureAnimation *animation = resolve_animation (set, file->path, def, error);

      if (animation == NULL)
        return NULL;
      g_hash_table_replace (set->animations, g_strdup (def->name), animation);
    }

  return g_steal_pointer (&set);
}

/**
 * limber_figure_set_merge: (skip)
 * @self: a figure set
 * @from: another set, left as it is
 * @replaced: (nullable): called for each name @self had already
 * @user_data: for @replaced
 *
 * Copies every pose and animation of @from itself (not its parents) into
 * @self, replacing those with the same name.
 */
void
limber_figure_set_merge (LimberFigureSet          *self,
                         LimberFigureSet          *from,
                         LimberFigureReplacedFunc  replaced,
                         gpointer                  user_data)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL);
  g_return_if_fail (from != NULL);

  g_hash_table_iter_init (&iter, from->poses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (replaced != NULL && g_hash_table_contains (self->poses, key))
        replaced ("pose", key, user_data);
      g_hash_table_replace (self->poses, g_strdup (key), g_memdup2 (value, sizeof (LimberPose)));
    }

  g_hash_table_iter_init (&iter, from->animations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (replaced != NULL && g_hash_table_contains (self->animations, key))
        replaced ("animation", key, user_data);
      g_hash_table_replace (self->animations, g_strdup (key), limber_figure_animation_ref (value));
    }
}
