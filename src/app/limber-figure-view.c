/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "limber-figure-view.h"

/* The figure's proportions, in figure units: a standing figure is about
 * 160 units from the floor to the top of its head. The floor is at y = 0
 * and y grows downward, as on the screen. */
#define HEAD_R            11.5
#define NECK_LEN           8.0
#define LOWER_TRUNK_LEN   21.0
#define CHEST_LEN         27.0
#define SHOULDER_DROP      3.0
#define SHOULDER_HALF     16.0  /* front view: half the shoulders' width */
#define HIP_HALF           8.0  /* front view: half the hips' width */
#define UPPER_ARM_LEN     28.0
#define FOREARM_LEN       25.0
#define HAND_LEN           8.0
#define THIGH_LEN         40.0
#define SHIN_LEN          40.0
#define FOOT_LEN          12.0
#define FRONT_FOOT_LEN     6.0
#define SEATED_THIGH_FRONT 0.22 /* a seated thigh points at the viewer */
#define RAISE_UNITS        0.3  /* per degree of shoulder raise */
#define FORWARD_UNITS      0.25 /* per degree of shoulder forward (side view) */
#define FRONT_FORWARD_UNITS 0.1 /* the same, seen from the front */

#define LIMB_WIDTH         7.5
#define TRUNK_WIDTH       15.0  /* side view: the chest has depth */
#define SPINE_WIDTH       10.0  /* front view */
#define PROP_WIDTH         3.5  /* the chair and the floor */
#define HALO_WIDTH         2.5  /* the gap cut around a limb in front of another */
#define EYE_R              1.9

/* How far an angle must move in an animation for its part to be drawn in
 * the accent colour, in degrees. */
#define ACTIVE_RANGE       8.0

/* With animations off, every key pose stays up at least this long. */
#define REDUCED_MIN_HOLD   1.0

#define N_FRAME_SAMPLES   48

typedef struct
{
  double x, y;
} Point;

typedef enum
{
  SIDE_LEFT,
  SIDE_RIGHT,
} Side;

/* The drawn parts, for the accent colour. */
typedef enum
{
  PART_TORSO,
  PART_HEAD,
  PART_LEFT_UPPER_ARM,
  PART_RIGHT_UPPER_ARM,
  PART_LEFT_FOREARM,
  PART_RIGHT_FOREARM,
  PART_LEFT_THIGH,
  PART_RIGHT_THIGH,
  PART_LEFT_SHIN,
  PART_RIGHT_SHIN,
} Part;

typedef struct
{
  LimberFigureViewpoint view;
  LimberFigurePosture posture;
  Point hip_center;
  Point hip[2];
  Point waist;
  Point neck_base;
  Point head_center;
  double head_angle;            /* radians from straight up, + toward screen right */
  double head_turn;             /* radians */
  Point shoulder[2];
  Point elbow[2];
  Point wrist[2];
  Point hand[2];
  Point knee[2];
  Point ankle[2];
  Point toe[2];
  double seat_y;                /* seated: the top of the chair's seat */
} Skeleton;

typedef struct
{
  double x0, y0, x1, y1;
} Bounds;

typedef struct
{
  double start;                 /* seconds into the reduced-motion loop */
  guint key;
} ReducedKey;

struct _LimberFigureView
{
  GtkWidget parent_instance;

  LimberFigureAnimation *animation;
  gboolean mirrored;
  gboolean playing;
  char *description;

  LimberFigureTimeFunc time_func;
  gpointer time_data;
  GDestroyNotify time_destroy;

  /* Its own clock, when nobody gives a time source. */
  gint64 own_elapsed;           /* µs counted before own_resumed_at */
  gint64 own_resumed_at;        /* monotonic µs, or -1 while stopped */

  guint tick_id;
  guint reduced_timeout_id;
  GtkSettings *settings;
  gulong settings_handler;

  /* Derived from the animation when it is set. */
  Bounds frame;
  guint32 active_parts;         /* bit n: Part n moves */
  ReducedKey *reduced;
  guint n_reduced;
  double reduced_period;

  guint frames_drawn;
  LimberPose drawn_pose;        /* what the last frame showed */
  gboolean drawn;
};

G_DEFINE_FINAL_TYPE (LimberFigureView, limber_figure_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PLAYING,
  PROP_MIRRORED,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Geometry */

static inline double
rad (double degrees)
{
  return degrees * G_PI / 180.0;
}

/* A unit vector @angle radians from straight up, turning toward +x. */
static inline Point
up_dir (double angle)
{
  return (Point) { sin (angle), -cos (angle) };
}

/* A unit vector @angle radians from straight down, turning toward +x. */
static inline Point
down_dir (double angle)
{
  return (Point) { sin (angle), cos (angle) };
}

/* The +x axis of a body part tilted @angle radians from upright. */
static inline Point
across_dir (double angle)
{
  return (Point) { cos (angle), sin (angle) };
}

static inline Point
offset (Point  p,
        Point  dir,
        double length)
{
  return (Point) { p.x + dir.x * length, p.y + dir.y * length };
}

static void
build_arm (Skeleton *sk,
           Side      side,
           double    upper,
           double    fore,
           double    hand)
{
  sk->elbow[side] = offset (sk->shoulder[side], down_dir (upper), UPPER_ARM_LEN);
  sk->wrist[side] = offset (sk->elbow[side], down_dir (fore), FOREARM_LEN);
  sk->hand[side] = offset (sk->wrist[side], down_dir (hand), HAND_LEN);
}

/* Lays out the figure for @pose with the hip joint at the origin, then
 * moves it so the floor is at y = 0 (see the angle conventions in
 * data/routines/README.md). */
static void
build_skeleton (const LimberPose *pose,
                Skeleton         *sk)
{
  const double *a = pose->angle;
  gboolean side_view = pose->view == LIMBER_FIGURE_VIEW_SIDE;
  gboolean seated = pose->posture == LIMBER_FIGURE_POSTURE_SEATED;
  double pelvis = rad (a[LIMBER_JOINT_PELVIS]);
  double lower = pelvis + rad (a[LIMBER_JOINT_TRUNK]);
  double chest = lower + rad (a[LIMBER_JOINT_CHEST]);
  double neck = chest + rad (a[LIMBER_JOINT_NECK]);
  double head = neck + rad (a[LIMBER_JOINT_HEAD]);
  double turn = rad (a[LIMBER_JOINT_TRUNK_TURN]);
  double thigh_len = THIGH_LEN;
  Point shoulder_base;
  double dx, dy;

  sk->view = pose->view;
  sk->posture = pose->posture;
  sk->hip_center = (Point) { 0.0, 0.0 };
  sk->waist = offset (sk->hip_center, up_dir (lower), LOWER_TRUNK_LEN);
  sk->neck_base = offset (sk->waist, up_dir (chest), CHEST_LEN);
  sk->head_center = offset (offset (sk->neck_base, up_dir (neck), NECK_LEN),
                            up_dir (head), HEAD_R);
  sk->head_angle = head;
  sk->head_turn = rad (a[LIMBER_JOINT_HEAD_TURN]);
  shoulder_base = offset (sk->neck_base, up_dir (chest), -SHOULDER_DROP);

  if (side_view)
    {
      /* Facing right: the figure's right side is the one nearer to us. A
       * turn to the left brings the right shoulder forward. */
      for (Side s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
        {
          LimberJoint raise = s == SIDE_LEFT ? LIMBER_JOINT_LEFT_SHOULDER_RAISE
                                             : LIMBER_JOINT_RIGHT_SHOULDER_RAISE;
          LimberJoint forward = s == SIDE_LEFT ? LIMBER_JOINT_LEFT_SHOULDER_FORWARD
                                               : LIMBER_JOINT_RIGHT_SHOULDER_FORWARD;
          double turned = (s == SIDE_RIGHT ? 1.0 : -1.0) * SHOULDER_HALF * sin (turn);
          double upper = rad (a[LIMBER_JOINT_LEFT_UPPER_ARM + s]) - chest;
          double fore = upper + rad (a[LIMBER_JOINT_LEFT_FOREARM + s]);
          double hand = fore + rad (a[LIMBER_JOINT_LEFT_HAND + s]);
          double thigh = rad (a[LIMBER_JOINT_LEFT_HIP + s]);
          double shin = thigh - rad (a[LIMBER_JOINT_LEFT_KNEE + s]);

          sk->shoulder[s] = offset (offset (shoulder_base, up_dir (chest), a[raise] * RAISE_UNITS),
                                    across_dir (chest),
                                    a[forward] * FORWARD_UNITS + turned);
          build_arm (sk, s, upper, fore, hand);

          sk->hip[s] = sk->hip_center;
          sk->knee[s] = offset (sk->hip[s], down_dir (thigh), THIGH_LEN);
          sk->ankle[s] = offset (sk->knee[s], down_dir (shin), SHIN_LEN);
          sk->toe[s] = offset (sk->ankle[s], down_dir (shin + G_PI / 2.0), FOOT_LEN);
        }
    }
  else
    {
      /* Facing us: the figure's left is on the right of the screen, and a
       * positive angle moves a left limb to the right, a right limb to
       * the left. A turn foreshortens the shoulders. */
      double half = SHOULDER_HALF * cos (turn);

      if (seated)
        thigh_len = THIGH_LEN * SEATED_THIGH_FRONT;

      for (Side s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
        {
          double sign = s == SIDE_LEFT ? 1.0 : -1.0;
          double raise = a[LIMBER_JOINT_LEFT_SHOULDER_RAISE + s] * RAISE_UNITS;
          double width = half - a[LIMBER_JOINT_LEFT_SHOULDER_FORWARD + s] * FRONT_FORWARD_UNITS;
          double upper = -chest + sign * rad (a[LIMBER_JOINT_LEFT_UPPER_ARM + s]);
          double fore = upper + sign * rad (a[LIMBER_JOINT_LEFT_FOREARM + s]);
          double hand = fore + sign * rad (a[LIMBER_JOINT_LEFT_HAND + s]);
          double thigh = sign * rad (a[LIMBER_JOINT_LEFT_HIP + s]);
          double shin = thigh + sign * rad (a[LIMBER_JOINT_LEFT_KNEE + s]);

          sk->shoulder[s] = offset (offset (shoulder_base, across_dir (chest), sign * width),
                                    up_dir (chest), raise);
          build_arm (sk, s, upper, fore, hand);

          sk->hip[s] = offset (sk->hip_center, across_dir (pelvis), sign * HIP_HALF);
          sk->knee[s] = offset (sk->hip[s], down_dir (thigh), thigh_len);
          sk->ankle[s] = offset (sk->knee[s], down_dir (shin), SHIN_LEN);
          sk->toe[s] = offset (sk->ankle[s], (Point) { sign, 0.0 }, FRONT_FOOT_LEN);
        }
    }

  if (seated)
    {
      /* The hips rest on the seat; the seat is as high as a shin is long. */
      sk->seat_y = LIMB_WIDTH / 2.0;
      dx = 0.0;
      dy = -(thigh_len * (side_view ? 0.0 : 1.0) + SHIN_LEN + LIMB_WIDTH / 2.0);
    }
  else
    {
      /* Standing: the lower foot is on the floor, and the figure stands
       * where its feet are, blending between them as one lifts. */
      double lowest = MAX (sk->ankle[SIDE_LEFT].y, sk->ankle[SIDE_RIGHT].y);
      double weight_sum = 0.0, x_sum = 0.0;

      for (Side s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
        {
          double w = MAX (0.0, 1.0 - (lowest - sk->ankle[s].y) / 12.0);

          weight_sum += w;
          x_sum += w * (side_view ? sk->ankle[s].x : sk->ankle[s].x - (s == SIDE_LEFT ? HIP_HALF : -HIP_HALF));
        }
      sk->seat_y = 0.0;
      dx = -x_sum / weight_sum;
      dy = -(lowest + LIMB_WIDTH / 2.0);
    }

  {
    Point *points[] = {
      &sk->hip_center, &sk->hip[0], &sk->hip[1], &sk->waist, &sk->neck_base, &sk->head_center,
      &sk->shoulder[0], &sk->shoulder[1], &sk->elbow[0], &sk->elbow[1],
      &sk->wrist[0], &sk->wrist[1], &sk->hand[0], &sk->hand[1],
      &sk->knee[0], &sk->knee[1], &sk->ankle[0], &sk->ankle[1], &sk->toe[0], &sk->toe[1],
    };

    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        points[i]->x += dx;
        points[i]->y += dy;
      }
    sk->seat_y += dy;
  }
}

static void
bounds_add (Bounds *b,
            Point   p,
            double  radius)
{
  b->x0 = MIN (b->x0, p.x - radius);
  b->y0 = MIN (b->y0, p.y - radius);
  b->x1 = MAX (b->x1, p.x + radius);
  b->y1 = MAX (b->y1, p.y + radius);
}

static void
bounds_add_skeleton (Bounds         *b,
                     const Skeleton *sk)
{
  double r = LIMB_WIDTH / 2.0 + 1.0;

  bounds_add (b, sk->head_center, HEAD_R + 1.0);
  bounds_add (b, sk->neck_base, TRUNK_WIDTH / 2.0);
  bounds_add (b, sk->waist, TRUNK_WIDTH / 2.0);
  bounds_add (b, sk->hip_center, TRUNK_WIDTH / 2.0);
  for (Side s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
    {
      bounds_add (b, sk->hip[s], r);
      bounds_add (b, sk->shoulder[s], r);
      bounds_add (b, sk->elbow[s], r);
      bounds_add (b, sk->wrist[s], r);
      bounds_add (b, sk->hand[s], r);
      bounds_add (b, sk->knee[s], r);
      bounds_add (b, sk->ankle[s], r);
      bounds_add (b, sk->toe[s], r);
    }
}

/* The same frame for every step with the same view and posture, so the
 * figure keeps its size from step to step: room for arms overhead and out
 * to the sides, the chair and the floor. */
static Bounds
standard_frame (LimberFigureViewpoint view,
                LimberFigurePosture   posture)
{
  gboolean seated = posture == LIMBER_FIGURE_POSTURE_SEATED;

  if (view == LIMBER_FIGURE_VIEW_SIDE)
    return seated ? (Bounds) { -48.0, -158.0, 78.0, 6.0 }
                  : (Bounds) { -72.0, -200.0, 72.0, 6.0 };
  return seated ? (Bounds) { -82.0, -166.0, 82.0, 6.0 }
                : (Bounds) { -82.0, -200.0, 82.0, 6.0 };
}

/* Animation-derived state */

static void
update_frame (LimberFigureView *self)
{
  const LimberFigureAnimation *anim = self->animation;
  double duration = limber_figure_animation_get_duration (anim);

  self->frame = standard_frame (limber_figure_animation_get_view (anim),
                                limber_figure_animation_get_posture (anim));

  /* Both sides, so the figure does not jump when the sides switch. */
  for (guint i = 0; i <= N_FRAME_SAMPLES; i++)
    for (guint m = 0; m < 2; m++)
      {
        LimberPose pose;
        Skeleton sk;

        limber_figure_animation_sample (anim, duration * i / N_FRAME_SAMPLES, m, &pose);
        build_skeleton (&pose, &sk);
        bounds_add_skeleton (&self->frame, &sk);
      }
}

static void
update_active_parts (LimberFigureView *self)
{
  static const Part joint_parts[LIMBER_N_JOINTS] = {
    [LIMBER_JOINT_PELVIS] = PART_TORSO,
    [LIMBER_JOINT_TRUNK] = PART_TORSO,
    [LIMBER_JOINT_CHEST] = PART_TORSO,
    [LIMBER_JOINT_TRUNK_TURN] = PART_TORSO,
    [LIMBER_JOINT_NECK] = PART_HEAD,
    [LIMBER_JOINT_HEAD] = PART_HEAD,
    [LIMBER_JOINT_HEAD_TURN] = PART_HEAD,
    [LIMBER_JOINT_LEFT_SHOULDER_RAISE] = PART_LEFT_UPPER_ARM,
    [LIMBER_JOINT_RIGHT_SHOULDER_RAISE] = PART_RIGHT_UPPER_ARM,
    [LIMBER_JOINT_LEFT_SHOULDER_FORWARD] = PART_LEFT_UPPER_ARM,
    [LIMBER_JOINT_RIGHT_SHOULDER_FORWARD] = PART_RIGHT_UPPER_ARM,
    [LIMBER_JOINT_LEFT_UPPER_ARM] = PART_LEFT_UPPER_ARM,
    [LIMBER_JOINT_RIGHT_UPPER_ARM] = PART_RIGHT_UPPER_ARM,
    [LIMBER_JOINT_LEFT_FOREARM] = PART_LEFT_FOREARM,
    [LIMBER_JOINT_RIGHT_FOREARM] = PART_RIGHT_FOREARM,
    [LIMBER_JOINT_LEFT_HAND] = PART_LEFT_FOREARM,
    [LIMBER_JOINT_RIGHT_HAND] = PART_RIGHT_FOREARM,
    [LIMBER_JOINT_LEFT_HIP] = PART_LEFT_THIGH,
    [LIMBER_JOINT_RIGHT_HIP] = PART_RIGHT_THIGH,
    [LIMBER_JOINT_LEFT_KNEE] = PART_LEFT_SHIN,
    [LIMBER_JOINT_RIGHT_KNEE] = PART_RIGHT_SHIN,
  };
  double lo[LIMBER_N_JOINTS], hi[LIMBER_N_JOINTS];
  guint n_keys;

  self->active_parts = 0;
  if (self->animation == NULL)
    return;

  n_keys = limber_figure_animation_get_n_keys (self->animation);
  for (guint k = 0; k < n_keys; k++)
    {
      LimberPose pose = *limber_figure_animation_get_key_pose (self->animation, k);

      if (self->mirrored)
        limber_pose_mirror (&pose);
      for (guint j = 0; j < LIMBER_N_JOINTS; j++)
        {
          lo[j] = k == 0 ? pose.angle[j] : MIN (lo[j], pose.angle[j]);
          hi[j] = k == 0 ? pose.angle[j] : MAX (hi[j], pose.angle[j]);
        }
    }

  for (guint j = 0; j < LIMBER_N_JOINTS; j++)
    if (hi[j] - lo[j] >= ACTIVE_RANGE)
      self->active_parts |= 1u << joint_parts[j];

  /* A limb that moves at its root moves as a whole. */
  for (Side s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
    {
      if (self->active_parts & (1u << (PART_LEFT_UPPER_ARM + s)))
        self->active_parts |= 1u << (PART_LEFT_FOREARM + s);
      if (self->active_parts & (1u << (PART_LEFT_THIGH + s)))
        self->active_parts |= 1u << (PART_LEFT_SHIN + s);
    }
}

/* With animations off, the key poses are shown one after another: each
 * for as long as the animation holds it before moving on, but at least
 * REDUCED_MIN_HOLD, so a fast loop (a march) becomes a calm slideshow of
 * its poses rather than a flicker. A key that lasts no time at all (the
 * last key of a loop at its very end) is left out. */
static void
update_reduced_schedule (LimberFigureView *self)
{
  const LimberFigureAnimation *anim = self->animation;
  guint n_keys = limber_figure_animation_get_n_keys (anim);
  double duration = limber_figure_animation_get_duration (anim);
  gboolean loops = limber_figure_animation_get_loops (anim);
  double start = 0.0;

  g_clear_pointer (&self->reduced, g_free);
  self->reduced = g_new0 (ReducedKey, n_keys);
  self->n_reduced = 0;

  for (guint k = 0; k < n_keys; k++)
    {
      double t = limber_figure_animation_get_key_time (anim, k);
      double next = k + 1 < n_keys ? limber_figure_animation_get_key_time (anim, k + 1)
                                   : (loops ? duration : G_MAXDOUBLE);
      double hold = next - t;

      if (hold <= 0.0 && (k + 1 < n_keys || loops))
        continue;
      self->reduced[self->n_reduced++] = (ReducedKey) { start, k };
      start += MAX (hold, REDUCED_MIN_HOLD);
    }

  /* An animation has at least one key, and a single key holds forever. */
  if (self->n_reduced == 0)
    self->reduced[self->n_reduced++] = (ReducedKey) { 0.0, 0 };
  self->reduced_period = loops ? start : G_MAXDOUBLE;
}

/* Time */

static gint64
own_now (LimberFigureView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL && self->tick_id != 0)
    return gdk_frame_clock_get_frame_time (clock);
  return g_get_monotonic_time ();
}

static gint64
current_time_us (LimberFigureView *self)
{
  if (self->time_func != NULL)
    return self->time_func (self->time_data);

  if (self->own_resumed_at >= 0)
    return self->own_elapsed + MAX (0, own_now (self) - self->own_resumed_at);
  return self->own_elapsed;
}

static void
own_clock_set_running (LimberFigureView *self,
                       gboolean          running)
{
  if (running && self->own_resumed_at < 0)
    {
      self->own_resumed_at = g_get_monotonic_time ();
    }
  else if (!running && self->own_resumed_at >= 0)
    {
      self->own_elapsed += MAX (0, g_get_monotonic_time () - self->own_resumed_at);
      self->own_resumed_at = -1;
    }
}

static gboolean
animations_enabled (LimberFigureView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  gboolean enabled = TRUE;

  if (settings != NULL)
    g_object_get (settings, "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static guint
reduced_index_at (LimberFigureView *self,
                  double            seconds)
{
  double t = MAX (seconds, 0.0);
  guint i;

  if (self->reduced_period < G_MAXDOUBLE && self->reduced_period > 0.0)
    t = fmod (t, self->reduced_period);
  for (i = 0; i + 1 < self->n_reduced && self->reduced[i + 1].start <= t; i++)
    ;
  return i;
}

/* The pose to draw now. Returns FALSE without an animation. */
static gboolean
compute_pose (LimberFigureView *self,
              LimberPose       *out)
{
  double seconds;

  if (self->animation == NULL)
    return FALSE;

  seconds = current_time_us (self) / (double) G_USEC_PER_SEC;
  if (animations_enabled (self))
    {
      limber_figure_animation_sample (self->animation, seconds, self->mirrored, out);
    }
  else
    {
      guint key = self->reduced[reduced_index_at (self, seconds)].key;

      *out = *limber_figure_animation_get_key_pose (self->animation, key);
      if (self->mirrored)
        limber_pose_mirror (out);
    }
  return TRUE;
}

/* Animating: a tick callback, or with animations off a timeout that fires
 * when the next key pose is due (and at least every second, in case the
 * time source jumps: a restarted or skipped step). Either one draws a new
 * frame only when the pose moved, so held stretches and the holds within
 * a loop cost no drawing at all. */

static gboolean
pose_differs (const LimberPose *a,
              const LimberPose *b)
{
  if (a->view != b->view || a->posture != b->posture)
    return TRUE;
  for (guint j = 0; j < LIMBER_N_JOINTS; j++)
    if (fabs (a->angle[j] - b->angle[j]) > 0.01)
      return TRUE;
  return FALSE;
}

static void
queue_draw_if_moved (LimberFigureView *self)
{
  LimberPose pose;

  if (!self->drawn || !compute_pose (self, &pose) || pose_differs (&pose, &self->drawn_pose))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  queue_draw_if_moved (LIMBER_FIGURE_VIEW (widget));
  return G_SOURCE_CONTINUE;
}

static void update_animating (LimberFigureView *self);

static gboolean
reduced_timeout_cb (gpointer user_data)
{
  LimberFigureView *self = user_data;

  self->reduced_timeout_id = 0;
  queue_draw_if_moved (self);
  update_animating (self);
  return G_SOURCE_REMOVE;
}

static guint
reduced_delay_ms (LimberFigureView *self)
{
  double seconds = current_time_us (self) / (double) G_USEC_PER_SEC;
  double t = MAX (seconds, 0.0);
  double next, wait;
  guint i;

  if (self->reduced_period < G_MAXDOUBLE && self->reduced_period > 0.0)
    t = fmod (t, self->reduced_period);
  i = reduced_index_at (self, seconds);
  next = i + 1 < self->n_reduced ? self->reduced[i + 1].start : self->reduced_period;
  wait = CLAMP (next - t, 0.05, 1.0);
  return (guint) ceil (wait * 1000.0);
}

static void
update_animating (LimberFigureView *self)
{
  gboolean want = self->animation != NULL && self->playing
                  && gtk_widget_get_mapped (GTK_WIDGET (self));
  gboolean smooth = animations_enabled (self);

  if (want && smooth)
    {
      if (self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  if (want && !smooth)
    {
      if (self->reduced_timeout_id == 0)
        self->reduced_timeout_id = g_timeout_add (reduced_delay_ms (self),
                                                  reduced_timeout_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->reduced_timeout_id, g_source_remove);
    }
}

static void
enable_animations_changed_cb (GtkSettings      *settings,
                              GParamSpec       *pspec,
                              LimberFigureView *self)
{
  g_clear_handle_id (&self->reduced_timeout_id, g_source_remove);
  update_animating (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA prop;
  double alpha;                 /* the whole figure's */
  double far_alpha;
  guint32 active;
} Palette;

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static const GdkRGBA *
part_colour (const Palette *palette,
             Part           part)
{
  return (palette->active & (1u << part)) ? &palette->accent : &palette->fg;
}

static Point
lerp (Point  a,
      Point  b,
      double t)
{
  return (Point) { a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t };
}

/* Cuts a gap around a segment drawn over other parts, so an arm in front
 * of the body or the other arm stays readable in one colour. The gap
 * starts part of the way along the first segment: it must not cut the
 * joint the limb hangs from. */
static void
cut_halo (cairo_t     *cr,
          const Point *points,
          guint        n,
          double       width)
{
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_set_line_width (cr, width + 2.0 * HALO_WIDTH);
  cairo_move_to (cr, lerp (points[0], points[1], 0.55).x, lerp (points[0], points[1], 0.55).y);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
stroke_segment (cairo_t       *cr,
                Point          a,
                Point          b,
                const GdkRGBA *colour,
                double         alpha,
                double         width)
{
  set_colour (cr, colour, alpha);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, a.x, a.y);
  cairo_line_to (cr, b.x, b.y);
  cairo_stroke (cr);
}

/* A limb in two parts (upper arm and forearm with the hand, thigh and shin
 * with the foot), each in its own colour. A translucent (far) limb is drawn
 * into a group so it has no darker overlap at its joints. */
static void
draw_limb (cairo_t       *cr,
           const Palette *palette,
           Point          root,
           Point          mid,
           Point          end,
           Point          tip,
           Part           first,
           Part           second,
           double         alpha,
           gboolean       halo)
{
  Point chain[] = { root, mid, end, tip };
  gboolean translucent = alpha < 1.0;

  if (halo)
    cut_halo (cr, chain, G_N_ELEMENTS (chain), LIMB_WIDTH);

  if (translucent)
    {
      Bounds b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      /* A group only as large as the limb: it is drawn on every frame. */
      for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
        bounds_add (&b, chain[i], LIMB_WIDTH);
      cairo_save (cr);
      cairo_rectangle (cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      cairo_clip (cr);
      cairo_push_group (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, LIMB_WIDTH);
  set_colour (cr, part_colour (palette, second), 1.0);
  cairo_move_to (cr, mid.x, mid.y);
  cairo_line_to (cr, end.x, end.y);
  cairo_line_to (cr, tip.x, tip.y);
  cairo_stroke (cr);
  stroke_segment (cr, root, mid, part_colour (palette, first), 1.0, LIMB_WIDTH);
  if (translucent)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, alpha);
      cairo_restore (cr);
    }
}

static void
draw_arm (cairo_t        *cr,
          const Palette  *palette,
          const Skeleton *sk,
          Side            s,
          double          alpha,
          gboolean        halo)
{
  draw_limb (cr, palette, sk->shoulder[s], sk->elbow[s], sk->wrist[s], sk->hand[s],
             PART_LEFT_UPPER_ARM + s, PART_LEFT_FOREARM + s, alpha, halo);
}

static void
draw_leg (cairo_t        *cr,
          const Palette  *palette,
          const Skeleton *sk,
          Side            s,
          double          alpha,
          gboolean        halo)
{
  draw_limb (cr, palette, sk->hip[s], sk->knee[s], sk->ankle[s], sk->toe[s],
             PART_LEFT_THIGH + s, PART_LEFT_SHIN + s, alpha, halo);
}

static void
draw_torso (cairo_t        *cr,
            const Palette  *palette,
            const Skeleton *sk)
{
  const GdkRGBA *colour = part_colour (palette, PART_TORSO);
  Point lower_ctl = lerp (sk->hip_center, sk->waist, 0.7);
  Point upper_ctl = lerp (sk->neck_base, sk->waist, 0.7);

  /* The spine, as one smooth curve through the waist. */
  set_colour (cr, colour, 1.0);
  cairo_set_line_width (cr, sk->view == LIMBER_FIGURE_VIEW_SIDE ? TRUNK_WIDTH : SPINE_WIDTH);
  cairo_move_to (cr, sk->hip_center.x, sk->hip_center.y);
  cairo_curve_to (cr, lower_ctl.x, lower_ctl.y, upper_ctl.x, upper_ctl.y,
                  sk->neck_base.x, sk->neck_base.y);
  cairo_stroke (cr);

  if (sk->view == LIMBER_FIGURE_VIEW_FRONT)
    {
      /* Collarbones and hips. */
      cairo_set_line_width (cr, LIMB_WIDTH);
      cairo_move_to (cr, sk->shoulder[SIDE_LEFT].x, sk->shoulder[SIDE_LEFT].y);
      cairo_line_to (cr, sk->neck_base.x, sk->neck_base.y);
      cairo_line_to (cr, sk->shoulder[SIDE_RIGHT].x, sk->shoulder[SIDE_RIGHT].y);
      cairo_move_to (cr, sk->hip[SIDE_LEFT].x, sk->hip[SIDE_LEFT].y);
      cairo_line_to (cr, sk->hip[SIDE_RIGHT].x, sk->hip[SIDE_RIGHT].y);
      cairo_stroke (cr);
    }
  else
    {
      /* Shrugs and shoulders drawn back show as a short collarbone. */
      for (Side s = SIDE_LEFT; s <= SIDE_RIGHT; s++)
        stroke_segment (cr, sk->neck_base, sk->shoulder[s], colour,
                        s == SIDE_LEFT ? palette->far_alpha : 1.0, LIMB_WIDTH);
    }
}

static void
draw_head (cairo_t        *cr,
           const Palette  *palette,
           const Skeleton *sk)
{
  Point c = sk->head_center;
  Point up = up_dir (sk->head_angle);
  Point across = across_dir (sk->head_angle);
  double turn = sk->head_turn;

  /* The head is drawn last, over hands clasped behind it, with a gap. */
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x, c.y, HEAD_R + HALO_WIDTH, 0.0, 2.0 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);

  set_colour (cr, part_colour (palette, PART_HEAD), 1.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x, c.y, HEAD_R, 0.0, 2.0 * G_PI);
  cairo_fill (cr);

  /* The eyes are holes: they show which way the face looks. */
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  if (sk->view == LIMBER_FIGURE_VIEW_SIDE)
    {
      Point eye = offset (offset (c, across, HEAD_R * 0.5 * cos (turn)), up, HEAD_R * 0.12);

      cairo_new_sub_path (cr);
      cairo_arc (cr, eye.x, eye.y, EYE_R, 0.0, 2.0 * G_PI);
    }
  else
    {
      Point middle = offset (offset (c, up, HEAD_R * 0.12), across, HEAD_R * 0.55 * sin (turn));

      for (int sign = -1; sign <= 1; sign += 2)
        {
          Point eye = offset (middle, across, sign * HEAD_R * 0.36 * cos (turn));

          cairo_new_sub_path (cr);
          cairo_arc (cr, eye.x, eye.y, EYE_R, 0.0, 2.0 * G_PI);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_props (cairo_t        *cr,
            const Palette  *palette,
            const Skeleton *sk,
            const Bounds   *frame)
{
  double floor_y = PROP_WIDTH / 2.0;
  double seat = sk->seat_y + PROP_WIDTH / 2.0 + 0.5;
  double hip_x = sk->hip_center.x;

  set_colour (cr, &palette->prop, 1.0);
  cairo_set_line_width (cr, PROP_WIDTH);

  /* The floor, under the figure only: a hint, not a stage. */
  if (sk->view == LIMBER_FIGURE_VIEW_SIDE)
    {
      cairo_move_to (cr, MAX (frame->x0 + 4.0, hip_x - 40.0), floor_y);
      cairo_line_to (cr, MIN (frame->x1 - 4.0, hip_x + 70.0), floor_y);
    }
  else
    {
      cairo_move_to (cr, hip_x - 52.0, floor_y);
      cairo_line_to (cr, hip_x + 52.0, floor_y);
    }

  if (sk->posture == LIMBER_FIGURE_POSTURE_SEATED)
    {
      if (sk->view == LIMBER_FIGURE_VIEW_SIDE)
        {
          /* Seat, front and back legs, and a backrest up to mid-back. */
          cairo_move_to (cr, hip_x - 14.0, seat);
          cairo_line_to (cr, hip_x + 26.0, seat);
          cairo_move_to (cr, hip_x + 24.0, seat);
          cairo_line_to (cr, hip_x + 24.0, floor_y);
          cairo_move_to (cr, hip_x - 12.0, seat);
          cairo_line_to (cr, hip_x - 12.0, floor_y);
          cairo_move_to (cr, hip_x - 14.0, seat);
          cairo_line_to (cr, hip_x - 17.0, seat - 38.0);
        }
      else
        {
          cairo_move_to (cr, hip_x - 27.0, seat);
          cairo_line_to (cr, hip_x + 27.0, seat);
          cairo_move_to (cr, hip_x - 24.0, seat);
          cairo_line_to (cr, hip_x - 24.0, floor_y);
          cairo_move_to (cr, hip_x + 24.0, seat);
          cairo_line_to (cr, hip_x + 24.0, floor_y);
        }
    }
  cairo_stroke (cr);
}

/* Where draw_figure() paints, in figure units: the figure, its chair and
 * its floor line, and the gaps cut around them. */
static Bounds
figure_extent (const Skeleton *sk)
{
  Bounds b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double hip_x = sk->hip_center.x;

  bounds_add_skeleton (&b, sk);
  if (sk->view == LIMBER_FIGURE_VIEW_SIDE)
    {
      bounds_add (&b, (Point) { hip_x - 40.0, 0.0 }, PROP_WIDTH);
      bounds_add (&b, (Point) { hip_x + 70.0, 0.0 }, PROP_WIDTH);
      bounds_add (&b, (Point) { hip_x - 17.0, sk->seat_y - 38.0 }, PROP_WIDTH);
    }
  else
    {
      bounds_add (&b, (Point) { hip_x - 52.0, 0.0 }, PROP_WIDTH);
      bounds_add (&b, (Point) { hip_x + 52.0, 0.0 }, PROP_WIDTH);
    }
  b.x0 -= HALO_WIDTH;
  b.y0 -= HALO_WIDTH;
  b.x1 += HALO_WIDTH;
  b.y1 += HALO_WIDTH;
  return b;
}

static void
draw_figure (cairo_t        *cr,
             const Palette  *palette,
             const Skeleton *sk,
             const Bounds   *frame)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  draw_props (cr, palette, sk, frame);

  if (sk->view == LIMBER_FIGURE_VIEW_SIDE)
    {
      /* Facing right, the figure's left side is the far one: drawn first
       * and fainter, then the body, then the near limbs over both. */
      draw_leg (cr, palette, sk, SIDE_LEFT, palette->far_alpha, FALSE);
      draw_arm (cr, palette, sk, SIDE_LEFT, palette->far_alpha, FALSE);
      draw_torso (cr, palette, sk);
      draw_leg (cr, palette, sk, SIDE_RIGHT, 1.0, TRUE);
      draw_arm (cr, palette, sk, SIDE_RIGHT, 1.0, TRUE);
    }
  else
    {
      draw_leg (cr, palette, sk, SIDE_LEFT, 1.0, FALSE);
      draw_leg (cr, palette, sk, SIDE_RIGHT, 1.0, FALSE);
      draw_torso (cr, palette, sk);
      draw_arm (cr, palette, sk, SIDE_LEFT, 1.0, TRUE);
      draw_arm (cr, palette, sk, SIDE_RIGHT, 1.0, TRUE);
    }
  draw_head (cr, palette, sk);
}

static void
get_palette (LimberFigureView *self,
             Palette          *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* GTK 4.8 has no gtk_widget_get_color(): the style context's colour is
   * the CSS "color" the widget inherits (the window's foreground). */
  gtk_style_context_get_color (context, &palette->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &palette->accent))
    palette->accent = palette->fg;

  /* The figure is drawn opaque into a group that is then painted with the
   * foreground's alpha (Adwaita's is translucent), so limbs that overlap
   * at a joint do not show a darker spot. */
  palette->alpha = palette->fg.alpha;
  palette->fg.alpha = 1.0;
  palette->accent.alpha = palette->alpha > 0.0 ? MIN (1.0, palette->accent.alpha / palette->alpha) : 1.0;
  palette->prop = palette->fg;
  palette->prop.alpha = palette->alpha > 0.0 ? MIN (1.0, 0.28 / palette->alpha) : 0.0;
  palette->far_alpha = 0.5;
  palette->active = self->active_parts;
}

static void
limber_figure_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double frame_w = self->frame.x1 - self->frame.x0;
  double frame_h = self->frame.y1 - self->frame.y0;
  cairo_t *cr;
  Palette palette;
  LimberPose pose;
  Skeleton sk;
  Bounds extent;
  double scale, dx, dy, x0, y0, x1, y1;

  self->drawn = FALSE;
  if (width <= 0 || height <= 0 || !compute_pose (self, &pose))
    return;

  self->frames_drawn++;
  self->drawn_pose = pose;
  self->drawn = TRUE;
  build_skeleton (&pose, &sk);
  get_palette (self, &palette);

  scale = MIN (width / frame_w, height / frame_h);
  dx = (width - scale * frame_w) / 2.0 - scale * self->frame.x0;
  dy = (height - scale * frame_h) / 2.0 - scale * self->frame.y0;

  /* The node covers the figure only, not the whole widget: every frame
   * rasterises and uploads just that much. */
  extent = figure_extent (&sk);
  x0 = MAX (0.0, floor (dx + scale * extent.x0));
  y0 = MAX (0.0, floor (dy + scale * extent.y0));
  x1 = MIN (width, ceil (dx + scale * extent.x1));
  y1 = MIN (height, ceil (dy + scale * extent.y1));
  if (x1 <= x0 || y1 <= y0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  cairo_push_group (cr);
  draw_figure (cr, &palette, &sk, &self->frame);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, palette.alpha);
  cairo_destroy (cr);
}

static void
limber_figure_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = 96;
  *natural = orientation == GTK_ORIENTATION_VERTICAL ? 280 : 240;
}

static void
limber_figure_view_map (GtkWidget *widget)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);

  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->map (widget);

  self->settings = g_object_ref (gtk_widget_get_settings (widget));
  self->settings_handler = g_signal_connect (self->settings, "notify::gtk-enable-animations",
                                             G_CALLBACK (enable_animations_changed_cb), self);
  update_animating (self);
}

static void
limber_figure_view_unmap (GtkWidget *widget)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (widget);

  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_handler, self->settings);
  g_clear_object (&self->settings);

  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->unmap (widget);

  update_animating (self);
}

static void
limber_figure_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (limber_figure_view_parent_class)->css_changed (widget, change);

  /* The colours come from the style: light, dark, high contrast. */
  gtk_widget_queue_draw (widget);
}

/* Public API */

/**
 * limber_figure_view_new:
 *
 * Returns: (transfer floating): a figure view with no animation
 */
GtkWidget *
limber_figure_view_new (void)
{
  return g_object_new (LIMBER_TYPE_FIGURE_VIEW, NULL);
}

/**
 * limber_figure_view_set_animation:
 * @self: a figure view
 * @animation: (nullable): the animation to show, or %NULL to show nothing
 * @mirrored: %TRUE for the second side of a left-right step
 *
 * Shows @animation. Without a time source the view's own clock starts
 * again from 0.
 */
void
limber_figure_view_set_animation (LimberFigureView      *self,
                                  LimberFigureAnimation *animation,
                                  gboolean               mirrored)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  if (animation != NULL)
    limber_figure_animation_ref (animation);
  g_clear_pointer (&self->animation, limber_figure_animation_unref);
  self->animation = animation;

  self->own_elapsed = 0;
  self->own_resumed_at = self->playing ? g_get_monotonic_time () : -1;

  if (animation != NULL)
    {
      update_frame (self);
      update_reduced_schedule (self);
    }
  else
    {
      g_clear_pointer (&self->reduced, g_free);
      self->n_reduced = 0;
    }

  if (self->mirrored != !!mirrored)
    {
      self->mirrored = !!mirrored;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIRRORED]);
    }
  update_active_parts (self);
  g_clear_handle_id (&self->reduced_timeout_id, g_source_remove);
  update_animating (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_figure_view_get_animation:
 * @self: a figure view
 *
 * Returns: (transfer none) (nullable): the animation shown
 */
LimberFigureAnimation *
limber_figure_view_get_animation (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), NULL);

  return self->animation;
}

/**
 * limber_figure_view_set_time_source:
 * @self: a figure view
 * @func: (nullable): returns the microseconds elapsed in the step, or
 *   %NULL for the view's own clock
 * @data: passed to @func
 * @destroy: (nullable): frees @data when the source is replaced or the
 *   view is disposed
 *
 * Tells the view where the session's time comes from, so the figure
 * matches the countdown (and stops when the session pauses).
 */
void
limber_figure_view_set_time_source (LimberFigureView     *self,
                                    LimberFigureTimeFunc  func,
                                    gpointer              data,
                                    GDestroyNotify        destroy)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  if (self->time_destroy != NULL)
    self->time_destroy (self->time_data);
  self->time_func = func;
  self->time_data = data;
  self->time_destroy = destroy;

  g_clear_handle_id (&self->reduced_timeout_id, g_source_remove);
  update_animating (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_figure_view_set_playing:
 * @self: a figure view
 * @playing: whether the figure moves
 *
 * A paused view draws the pose at the time source's time once and stops
 * asking for frames.
 */
void
limber_figure_view_set_playing (LimberFigureView *self,
                                gboolean          playing)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  playing = !!playing;
  if (self->playing == playing)
    return;

  self->playing = playing;
  own_clock_set_running (self, playing);
  update_animating (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
limber_figure_view_get_playing (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);

  return self->playing;
}

/**
 * limber_figure_view_set_mirrored:
 * @self: a figure view
 * @mirrored: %TRUE to show the mirror image (the second side of a step)
 */
void
limber_figure_view_set_mirrored (LimberFigureView *self,
                                 gboolean          mirrored)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  mirrored = !!mirrored;
  if (self->mirrored == mirrored)
    return;

  self->mirrored = mirrored;
  update_active_parts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIRRORED]);
}

gboolean
limber_figure_view_get_mirrored (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);

  return self->mirrored;
}

/**
 * limber_figure_view_set_description:
 * @self: a figure view
 * @text: (nullable): what the figure shows, for screen readers: the
 *   step's title and instructions
 */
void
limber_figure_view_set_description (LimberFigureView *self,
                                    const char       *text)
{
  g_return_if_fail (LIMBER_IS_FIGURE_VIEW (self));

  if (g_strcmp0 (self->description, text) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (text);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
limber_figure_view_get_description (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), NULL);

  return self->description;
}

/**
 * limber_figure_view_get_frames_drawn:
 * @self: a figure view
 *
 * Returns: how many times the figure has been drawn (for benchmarks)
 */
guint
limber_figure_view_get_frames_drawn (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), 0);

  return self->frames_drawn;
}

/**
 * limber_figure_view_get_pose_for_test:
 * @self: a figure view
 * @out: (out caller-allocates): the pose the view would draw now
 *
 * Returns: %FALSE if the view has no animation
 */
gboolean
limber_figure_view_get_pose_for_test (LimberFigureView *self,
                                      LimberPose       *out)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return compute_pose (self, out);
}

/**
 * limber_figure_view_is_ticking:
 * @self: a figure view
 *
 * Returns: whether the view has a frame clock tick callback, which it has
 *   only while mapped, playing and with animations on
 */
gboolean
limber_figure_view_is_ticking (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);

  return self->tick_id != 0;
}

/**
 * limber_figure_view_is_reduced_motion:
 * @self: a figure view
 *
 * Returns: whether animations are off, so the view shows still key poses
 */
gboolean
limber_figure_view_is_reduced_motion (LimberFigureView *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE_VIEW (self), FALSE);

  return !animations_enabled (self);
}

/* GObject */

static void
limber_figure_view_dispose (GObject *object)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->reduced_timeout_id, g_source_remove);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_handler, self->settings);
  g_clear_object (&self->settings);
  if (self->time_destroy != NULL)
    self->time_destroy (self->time_data);
  self->time_func = NULL;
  self->time_data = NULL;
  self->time_destroy = NULL;
  g_clear_pointer (&self->animation, limber_figure_animation_unref);

  G_OBJECT_CLASS (limber_figure_view_parent_class)->dispose (object);
}

static void
limber_figure_view_finalize (GObject *object)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  g_free (self->reduced);
  g_free (self->description);

  G_OBJECT_CLASS (limber_figure_view_parent_class)->finalize (object);
}

static void
limber_figure_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_MIRRORED:
      g_value_set_boolean (value, self->mirrored);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_figure_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberFigureView *self = LIMBER_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      limber_figure_view_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_MIRRORED:
      limber_figure_view_set_mirrored (self, g_value_get_boolean (value));
      break;
    case PROP_DESCRIPTION:
      limber_figure_view_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_figure_view_class_init (LimberFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_figure_view_dispose;
  object_class->finalize = limber_figure_view_finalize;
  object_class->get_property = limber_figure_view_get_property;
  object_class->set_property = limber_figure_view_set_property;

  widget_class->snapshot = limber_figure_view_snapshot;
  widget_class->measure = limber_figure_view_measure;
  widget_class->map = limber_figure_view_map;
  widget_class->unmap = limber_figure_view_unmap;
  widget_class->css_changed = limber_figure_view_css_changed;

  /**
   * LimberFigureView:playing:
   *
   * Whether the figure moves. It asks for frames only while it is also
   * mapped and animations are on.
   */
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberFigureView:mirrored:
   *
   * Whether the animation is shown mirrored, for the second side.
   */
  properties[PROP_MIRRORED] =
    g_param_spec_boolean ("mirrored", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberFigureView:description:
   *
   * The accessible description of what the figure shows.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "limber-figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_figure_view_init (LimberFigureView *self)
{
  self->own_resumed_at = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Exercise figure"),
                                  -1);
}
