/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "limber-countdown-ring.h"

/* The ring's smallest diameter, and its thickness as part of the diameter. */
#define MIN_DIAMETER   128
#define THICKNESS      0.075
#define MIN_THICKNESS  6.0

struct _LimberCountdownRing
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *seconds_label;
  GtkWidget *paused_label;

  double fraction;
  guint seconds;
  gboolean paused;
  char *text;                   /* what a screen reader says */
};

G_DEFINE_FINAL_TYPE (LimberCountdownRing, limber_countdown_ring, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FRACTION,
  PROP_SECONDS,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_time_left (guint    seconds,
                  gboolean paused)
{
  g_autofree char *left = NULL;

  if (seconds < 60)
    {
      left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second left", "%u seconds left",
                                           seconds),
                              seconds);
    }
  else
    {
      guint minutes = seconds / 60;
      guint rest = seconds % 60;
      g_autofree char *min_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute",
                                                                "%u minutes", minutes),
                                                   minutes);

      if (rest == 0)
        /* Translators: "2 minutes left" */
        left = g_strdup_printf (C_("time left", "%s left"), min_text);
      else
        {
          g_autofree char *sec_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second",
                                                                    "%u seconds", rest),
                                                       rest);

          /* Translators: "2 minutes 30 seconds left" */
          left = g_strdup_printf (C_("time left", "%s %s left"), min_text, sec_text);
        }
    }

  if (paused)
    /* Translators: the countdown of a paused step, "Paused, 12 seconds left" */
    return g_strdup_printf (_("Paused, %s"), left);
  return g_steal_pointer (&left);
}

static void
update_accessible (LimberCountdownRing *self)
{
  g_free (self->text);
  self->text = format_time_left (self->seconds, self->paused);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, self->fraction * 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text,
                                  -1);
}

static void
update_label (LimberCountdownRing *self)
{
  char text[32];

  /* A clock-like m:ss from a minute up; under a minute just the seconds. */
  if (self->seconds >= 60)
    g_snprintf (text, sizeof text, "%u:%02u", self->seconds / 60, self->seconds % 60);
  else
    g_snprintf (text, sizeof text, "%u", self->seconds);
  gtk_label_set_label (self->seconds_label, text);
}

static void
limber_countdown_ring_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  LimberCountdownRing *self = LIMBER_COUNTDOWN_RING (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double diameter = MIN (width, height);
  double thickness = MAX (MIN_THICKNESS, diameter * THICKNESS);
  double radius = (diameter - thickness) / 2.0;
  cairo_t *cr;
  GdkRGBA fg, accent;

  if (radius > 0.0)
    {
      /* GTK 4.8 has no gtk_widget_get_color(): use the style context. */
      gtk_style_context_get_color (context, &fg);
      if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
        accent = fg;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_translate (cr, width / 2.0, height / 2.0);
      cairo_set_line_width (cr, thickness);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

      /* The track: the whole step. */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.12);
      cairo_arc (cr, 0.0, 0.0, radius, 0.0, 2.0 * G_PI);
      cairo_stroke (cr);

      /* What is left of it: the time gone is eaten clockwise from the top.
       * Paused, the arc dims to the foreground colour. */
      if (self->fraction > 0.0)
        {
          double end = 1.5 * G_PI;
          double start = end - 2.0 * G_PI * self->fraction;

          if (self->paused)
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.35);
          else
            gdk_cairo_set_source_rgba (cr, &accent);
          if (self->fraction >= 1.0)
            cairo_arc (cr, 0.0, 0.0, radius, 0.0, 2.0 * G_PI);
          else
            cairo_arc (cr, 0.0, 0.0, radius, start, end);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->box, snapshot);
}

static void
limber_countdown_ring_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  LimberCountdownRing *self = LIMBER_COUNTDOWN_RING (widget);
  int child_min, child_nat;

  gtk_widget_measure (self->box, orientation, -1, &child_min, &child_nat, NULL, NULL);
  /* The label must fit inside the ring, whose inner width is about 70%
   * of the diameter. */
  *minimum = MAX (MIN_DIAMETER, (int) ceil (child_min / 0.7));
  *natural = MAX (*minimum, (int) ceil (child_nat / 0.7));
}

static void
limber_countdown_ring_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  LimberCountdownRing *self = LIMBER_COUNTDOWN_RING (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
limber_countdown_ring_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (limber_countdown_ring_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

/**
 * limber_countdown_ring_new:
 *
 * Returns: (transfer floating): a full ring showing 0 seconds
 */
GtkWidget *
limber_countdown_ring_new (void)
{
  return g_object_new (LIMBER_TYPE_COUNTDOWN_RING, NULL);
}

/**
 * limber_countdown_ring_set_fraction:
 * @self: a countdown ring
 * @fraction: how much of the step is left, from 0 to 1 (clamped)
 */
void
limber_countdown_ring_set_fraction (LimberCountdownRing *self,
                                    double               fraction)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_RING (self));

  if (!(fraction > 0.0))        /* also NaN */
    fraction = 0.0;
  fraction = MIN (fraction, 1.0);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
limber_countdown_ring_get_fraction (LimberCountdownRing *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_RING (self), 0.0);

  return self->fraction;
}

/**
 * limber_countdown_ring_set_seconds:
 * @self: a countdown ring
 * @seconds: the seconds left, shown in the middle
 */
void
limber_countdown_ring_set_seconds (LimberCountdownRing *self,
                                   guint                seconds)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_RING (self));

  if (self->seconds == seconds)
    return;

  self->seconds = seconds;
  update_label (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

guint
limber_countdown_ring_get_seconds (LimberCountdownRing *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_RING (self), 0);

  return self->seconds;
}

/**
 * limber_countdown_ring_set_paused:
 * @self: a countdown ring
 * @paused: whether the session is paused: the ring dims and says so
 */
void
limber_countdown_ring_set_paused (LimberCountdownRing *self,
                                  gboolean             paused)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_RING (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  gtk_widget_set_visible (self->paused_label, paused);
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->seconds_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->seconds_label), "dim-label");
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
limber_countdown_ring_get_paused (LimberCountdownRing *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_RING (self), FALSE);

  return self->paused;
}

/**
 * limber_countdown_ring_get_text:
 * @self: a countdown ring
 *
 * Returns: the time left in words, as the ring's accessible value text
 *   ("12 seconds left")
 */
const char *
limber_countdown_ring_get_text (LimberCountdownRing *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_RING (self), NULL);

  return self->text;
}

static void
limber_countdown_ring_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIMBER_TYPE_COUNTDOWN_RING);

  G_OBJECT_CLASS (limber_countdown_ring_parent_class)->dispose (object);
}

static void
limber_countdown_ring_finalize (GObject *object)
{
  LimberCountdownRing *self = LIMBER_COUNTDOWN_RING (object);

  g_free (self->text);

  G_OBJECT_CLASS (limber_countdown_ring_parent_class)->finalize (object);
}

static void
limber_countdown_ring_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberCountdownRing *self = LIMBER_COUNTDOWN_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_SECONDS:
      g_value_set_uint (value, self->seconds);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_countdown_ring_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberCountdownRing *self = LIMBER_COUNTDOWN_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      limber_countdown_ring_set_fraction (self, g_value_get_double (value));
      break;
    case PROP_SECONDS:
      limber_countdown_ring_set_seconds (self, g_value_get_uint (value));
      break;
    case PROP_PAUSED:
      limber_countdown_ring_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_countdown_ring_class_init (LimberCountdownRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_countdown_ring_dispose;
  object_class->finalize = limber_countdown_ring_finalize;
  object_class->get_property = limber_countdown_ring_get_property;
  object_class->set_property = limber_countdown_ring_set_property;

  widget_class->snapshot = limber_countdown_ring_snapshot;
  widget_class->measure = limber_countdown_ring_measure;
  widget_class->size_allocate = limber_countdown_ring_size_allocate;
  widget_class->css_changed = limber_countdown_ring_css_changed;

  /**
   * LimberCountdownRing:fraction:
   *
   * How much of the step is left, from 0 (none) to 1 (all of it).
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberCountdownRing:seconds:
   *
   * The seconds left, shown in the middle.
   */
  properties[PROP_SECONDS] =
    g_param_spec_uint ("seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberCountdownRing:paused:
   *
   * Whether the session is paused.
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/limber-countdown-ring.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberCountdownRing, box);
  gtk_widget_class_bind_template_child (widget_class, LimberCountdownRing, seconds_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCountdownRing, paused_label);

  gtk_widget_class_set_css_name (widget_class, "limber-countdown-ring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
limber_countdown_ring_init (LimberCountdownRing *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fraction = 1.0;
  update_label (self);
  update_accessible (self);
}
