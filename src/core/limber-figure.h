/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-figure.h: the jointed 2D figure a guided session draws. A pose is a
 * set of joint angles; an animation is a loop of timed keyframes with easing;
 * a figure set holds the named poses and animations that routines use.
 * data/routines/README.md documents the angles and the file format. */

#pragma once

#include <glib-object.h>

#include "limber-cue.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FIGURE_VIEWPOINT (limber_figure_viewpoint_get_type ())
#define LIMBER_TYPE_FIGURE_POSTURE   (limber_figure_posture_get_type ())
#define LIMBER_TYPE_EASING           (limber_easing_get_type ())
#define LIMBER_TYPE_FIGURE_ANIMATION (limber_figure_animation_get_type ())
#define LIMBER_TYPE_FIGURE_SET       (limber_figure_set_get_type ())

/**
 * LimberFigureViewpoint:
 * @LIMBER_FIGURE_VIEW_SIDE: seen from the side, facing right
 * @LIMBER_FIGURE_VIEW_FRONT: seen from the front, facing the viewer
 */
typedef enum
{
  LIMBER_FIGURE_VIEW_SIDE,
  LIMBER_FIGURE_VIEW_FRONT,
} LimberFigureViewpoint;

/**
 * LimberFigurePosture:
 * @LIMBER_FIGURE_POSTURE_SEATED: on a chair (the widget draws one)
 * @LIMBER_FIGURE_POSTURE_STANDING: on the floor
 */
typedef enum
{
  LIMBER_FIGURE_POSTURE_SEATED,
  LIMBER_FIGURE_POSTURE_STANDING,
} LimberFigurePosture;

/**
 * LimberJoint:
 *
 * The angles of a pose, in degrees. In the side view a positive angle
 * bends forward (flexion); in the front view it bends toward the figure's
 * left, or, for limbs, away from the body (abduction). The "turn" joints
 * are rotations about the spine, drawn foreshortened; positive turns left.
 * The shoulder joints move the shoulder girdle: "raise" is a shrug (up +),
 * "forward" rounds the shoulder forward (+) or draws it back (-).
 * Hips are measured from straight down, so a seated thigh is at 90 whatever
 * the pelvis does; knees and elbows (forearms) are flexion, 0 when straight.
 */
typedef enum
{
  LIMBER_JOINT_PELVIS,
  LIMBER_JOINT_TRUNK,
  LIMBER_JOINT_CHEST,
  LIMBER_JOINT_TRUNK_TURN,
  LIMBER_JOINT_NECK,
  LIMBER_JOINT_HEAD,
  LIMBER_JOINT_HEAD_TURN,
  LIMBER_JOINT_LEFT_SHOULDER_RAISE,
  LIMBER_JOINT_RIGHT_SHOULDER_RAISE,
  LIMBER_JOINT_LEFT_SHOULDER_FORWARD,
  LIMBER_JOINT_RIGHT_SHOULDER_FORWARD,
  LIMBER_JOINT_LEFT_UPPER_ARM,
  LIMBER_JOINT_RIGHT_UPPER_ARM,
  LIMBER_JOINT_LEFT_FOREARM,
  LIMBER_JOINT_RIGHT_FOREARM,
  LIMBER_JOINT_LEFT_HAND,
  LIMBER_JOINT_RIGHT_HAND,
  LIMBER_JOINT_LEFT_HIP,
  LIMBER_JOINT_RIGHT_HIP,
  LIMBER_JOINT_LEFT_KNEE,
  LIMBER_JOINT_RIGHT_KNEE,
} LimberJoint;

#define LIMBER_N_JOINTS (LIMBER_JOINT_RIGHT_KNEE + 1)

/**
 * LimberEasing:
 * @LIMBER_EASING_LINEAR: constant speed
 * @LIMBER_EASING_EASE_IN: starts slowly
 * @LIMBER_EASING_EASE_OUT: ends slowly
 * @LIMBER_EASING_EASE_IN_OUT: starts and ends slowly (the default)
 * @LIMBER_EASING_STEP: holds the previous pose, then jumps at the key's time
 *
 * How a keyframe is reached from the one before it.
 */
typedef enum
{
  LIMBER_EASING_LINEAR,
  LIMBER_EASING_EASE_IN,
  LIMBER_EASING_EASE_OUT,
  LIMBER_EASING_EASE_IN_OUT,
  LIMBER_EASING_STEP,
} LimberEasing;

/**
 * LimberPose:
 * @view: which way the figure is seen
 * @posture: seated or standing
 * @angle: the joint angles in degrees, indexed by #LimberJoint
 *
 * A plain value: copy it, keep it on the stack, sample into it.
 */
typedef struct
{
  LimberFigureViewpoint view;
  LimberFigurePosture posture;
  double angle[LIMBER_N_JOINTS];
} LimberPose;

typedef struct _LimberFigureAnimation LimberFigureAnimation;
typedef struct _LimberFigureSet LimberFigureSet;

GType                  limber_figure_viewpoint_get_type (void) G_GNUC_CONST;
GType                  limber_figure_posture_get_type   (void) G_GNUC_CONST;
GType                  limber_easing_get_type           (void) G_GNUC_CONST;

const char            *limber_joint_get_name          (LimberJoint       joint);
gboolean               limber_joint_from_name         (const char       *name,
                                                       LimberJoint      *out_joint);
LimberJoint            limber_joint_get_mirror        (LimberJoint       joint);
double                 limber_easing_apply            (LimberEasing      easing,
                                                       double            progress);
void                   limber_pose_mirror             (LimberPose       *pose);
void                   limber_pose_interpolate        (const LimberPose *from,
                                                       const LimberPose *to,
                                                       double            progress,
                                                       LimberPose       *out);

GType                  limber_figure_animation_get_type       (void) G_GNUC_CONST;
LimberFigureAnimation *limber_figure_animation_ref            (LimberFigureAnimation       *self);
void                   limber_figure_animation_unref          (LimberFigureAnimation       *self);
const char            *limber_figure_animation_get_name       (const LimberFigureAnimation *self);
double                 limber_figure_animation_get_duration   (const LimberFigureAnimation *self);
gboolean               limber_figure_animation_get_loops      (const LimberFigureAnimation *self);
LimberFigureViewpoint  limber_figure_animation_get_view       (const LimberFigureAnimation *self);
LimberFigurePosture    limber_figure_animation_get_posture    (const LimberFigureAnimation *self);
guint                  limber_figure_animation_get_n_keys     (const LimberFigureAnimation *self);
double                 limber_figure_animation_get_key_time   (const LimberFigureAnimation *self,
                                                               guint                        index);
const LimberPose      *limber_figure_animation_get_key_pose   (const LimberFigureAnimation *self,
                                                               guint                        index);
LimberEasing           limber_figure_animation_get_key_easing (const LimberFigureAnimation *self,
                                                               guint                        index);
gboolean               limber_figure_animation_get_key_cue    (const LimberFigureAnimation *self,
                                                               guint                        index,
                                                               LimberCue                   *cue);
void                   limber_figure_animation_sample         (const LimberFigureAnimation *self,
                                                               double                       time,
                                                               gboolean                     mirror,
                                                               LimberPose                  *out);
guint                  limber_figure_animation_cues_between   (const LimberFigureAnimation *self,
                                                               double                       from,
                                                               double                       to,
                                                               LimberCue                   *cues,
                                                               guint                        n);

GType                  limber_figure_set_get_type         (void) G_GNUC_CONST;
LimberFigureSet       *limber_figure_set_new              (LimberFigureSet *parent);
LimberFigureSet       *limber_figure_set_ref              (LimberFigureSet *self);
void                   limber_figure_set_unref            (LimberFigureSet *self);
LimberFigureSet       *limber_figure_set_get_parent       (LimberFigureSet *self);
const LimberPose      *limber_figure_set_lookup_pose      (LimberFigureSet *self,
                                                           const char      *name);
LimberFigureAnimation *limber_figure_set_lookup_animation (LimberFigureSet *self,
                                                           const char      *name);
guint                  limber_figure_set_get_n_poses      (LimberFigureSet *self);
guint                  limber_figure_set_get_n_animations (LimberFigureSet *self);
char                 **limber_figure_set_list_poses       (LimberFigureSet *self);
char                 **limber_figure_set_list_animations  (LimberFigureSet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberFigureAnimation, limber_figure_animation_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberFigureSet, limber_figure_set_unref)

G_END_DECLS
