/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-history-chart.h"

struct _LimberHistoryChart
{
  GtkWidget parent_instance;

  GHashTable *by_date;          /* "YYYY-MM-DD" -> LimberHistoryDay */
  guint n_days;
  char *last_day;               /* NULL: today */
  GArray *bars;                 /* of LimberHistoryDay, oldest first */
};

G_DEFINE_FINAL_TYPE (LimberHistoryChart, limber_history_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_DAYS,
  PROP_LAST_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Space between the parts of the chart, and the widest bar. */
#define GAP 6.0
#define BAND_GAP 18.0
#define MAX_BAR_WIDTH 32.0

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA sitting;
  GdkRGBA taken;
  GdkRGBA natural;
  GdkRGBA postponed;
  GdkRGBA skipped;
} Colours;

static GDate *
parse_date (const char *text)
{
  int year, month, day;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_new_dmy (day, month, year);
}

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static GDate *
last_date (LimberHistoryChart *self)
{
  GDate *date = parse_date (self->last_day);

  return date != NULL ? date : today ();
}

static guint
breaks_of (const LimberHistoryDay *day)
{
  return day->taken + day->natural + day->postponed + day->skipped;
}

static void
update_accessible (LimberHistoryChart *self)
{
  LimberHistoryDay totals;
  g_autofree char *description = NULL;
  g_autofree char *hours = NULL;

  limber_history_chart_get_totals (self, &totals);
  hours = g_strdup_printf ("%.1f", totals.sitting_seconds / 3600.0);
  /* Translators: what the history chart shows, read by screen readers */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The last %u day: %s hours of sitting; breaks: %u taken, %u natural, %u postponed, %u skipped",
                                              "The last %u days: %s hours of sitting; breaks: %u taken, %u natural, %u postponed, %u skipped",
                                              self->n_days),
                                 self->n_days, hours, totals.taken, totals.natural,
                                 totals.postponed, totals.skipped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static void
rebuild (LimberHistoryChart *self)
{
  g_autoptr(GDate) last = last_date (self);

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < self->n_days; i++)
    {
      g_autoptr(GDate) date = g_date_copy (last);
      LimberHistoryDay day = { 0 };
      const LimberHistoryDay *found;
      LimberHistoryDay entry;

      g_date_subtract_days (date, self->n_days - 1 - i);
      g_snprintf (day.date, sizeof day.date, "%04d-%02d-%02d", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      found = g_hash_table_lookup (self->by_date, day.date);
      entry = found != NULL ? *found : day;
      g_array_append_val (self->bars, entry);
    }

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               const GdkRGBA   *fallback,
               GdkRGBA         *colour)
{
  if (!gtk_style_context_lookup_color (context, name, colour))
    *colour = *fallback;
}

static void
get_colours (LimberHistoryChart *self,
             Colours            *colours)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colours->fg);
  colours->dim = colours->fg;
  colours->dim.alpha *= 0.6f;
  colours->grid = colours->fg;
  colours->grid.alpha *= 0.12f;
  colours->sitting = colours->fg;
  colours->sitting.alpha *= 0.3f;

  /* libadwaita's named colours; plain GTK themes fall back to the text colour. */
  lookup_colour (context, "accent_color", &colours->fg, &colours->taken);
  lookup_colour (context, "success_color", &colours->dim, &colours->natural);
  lookup_colour (context, "warning_color", &colours->dim, &colours->postponed);
  lookup_colour (context, "error_color", &colours->dim, &colours->skipped);
}

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *colour,
             double         x,
             double         y,
             double         width,
             double         height)
{
  if (width <= 0 || height <= 0)
    return;
  gtk_snapshot_append_color (snapshot, colour,
                             &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) width,
                                                  (float) height));
}

/* A bar with rounded top corners. */
static void
append_bar (GtkSnapshot   *snapshot,
            const GdkRGBA *colour,
            double         x,
            double         y,
            double         width,
            double         height)
{
  GskRoundedRect clip;
  float radius;

  if (width <= 0 || height <= 0)
    return;

  radius = (float) MIN (3.0, MIN (width / 2, height));
  gsk_rounded_rect_init (&clip,
                         &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) width,
                                              (float) height),
                         &GRAPHENE_SIZE_INIT (radius, radius),
                         &GRAPHENE_SIZE_INIT (radius, radius),
                         &GRAPHENE_SIZE_INIT (0, 0),
                         &GRAPHENE_SIZE_INIT (0, 0));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  append_rect (snapshot, colour, x, y, width, height);
  gtk_snapshot_pop (snapshot);
}

/* The top of an axis for @max, and the step of its grid lines. */
static void
nice_scale (double  max,
            double  min_top,
            double *top,
            double *step)
{
  static const double steps[] = { 1, 2, 4, 5, 10, 20, 25, 50, 100 };

  max = MAX (max, min_top);
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (max / steps[i] <= 4)
        {
          *step = steps[i];
          *top = ceil (max / steps[i]) * steps[i];
          return;
        }
    }
  *step = ceil (max / 4);
  *top = *step * 4;
}

static char *
day_label (const LimberHistoryDay *day,
           guint                   n_days)
{
  g_autoptr(GDate) date = parse_date (day->date);
  char text[64];

  if (date == NULL)
    return g_strdup ("");
  /* Weekday names for a week; day numbers for a month. */
  if (g_date_strftime (text, sizeof text, n_days <= 7 ? "%a" : "%e", date) == 0)
    return g_strdup ("");
  return g_strstrip (g_strdup (text));
}

static void
limber_history_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) sitting_caption = NULL;
  g_autoptr(PangoLayout) breaks_caption = NULL;
  Colours c;
  double sitting_max = 0, breaks_max = 0;
  double sitting_top, sitting_step, breaks_top, breaks_step;
  double axis_width = 0, text_height, label_width = 0;
  double sitting_y0, sitting_y1, breaks_y0, breaks_y1, available;
  double column, bar_width;
  int w, h;
  guint label_step;

  if (self->bars->len == 0 || width <= 0 || height <= 0)
    return;

  get_colours (self, &c);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const LimberHistoryDay *day = &g_array_index (self->bars, LimberHistoryDay, i);

      sitting_max = MAX (sitting_max, day->sitting_seconds / 3600.0);
      breaks_max = MAX (breaks_max, breaks_of (day));
    }
  nice_scale (sitting_max, 2, &sitting_top, &sitting_step);
  nice_scale (breaks_max, 4, &breaks_top, &breaks_step);

  /* The width of the axis: its widest label. */
  for (double v = 0; v <= sitting_top + 0.001; v += sitting_step)
    {
      /* Translators: an hour mark on the chart's axis, as in "4 h" */
      g_autofree char *text = g_strdup_printf (_("%.0f h"), v);
      g_autoptr(PangoLayout) layout = small_layout (widget, text);

      pango_layout_get_pixel_size (layout, &w, &h);
      axis_width = MAX (axis_width, w);
    }
  axis_width += GAP;

  sitting_caption = small_layout (widget, _("Sitting"));
  breaks_caption = small_layout (widget, _("Breaks"));
  pango_layout_get_pixel_size (sitting_caption, &w, &h);
  text_height = h;

  /* From the top: a caption, the sitting band, a gap, a caption, the
   * breaks band, the day labels. A band starts half a line below its
   * caption, so the top mark's label clears it. */
  available = height - 2 * (text_height * 1.5 + GAP) - BAND_GAP - (text_height + GAP);
  if (available < 40)
    return;
  sitting_y0 = text_height * 1.5 + GAP;
  sitting_y1 = sitting_y0 + available * 0.6;
  breaks_y0 = sitting_y1 + BAND_GAP + text_height * 1.5 + GAP;
  breaks_y1 = height - text_height - GAP;

  column = (width - axis_width) / self->bars->len;
  bar_width = MIN (column * 0.6, MAX_BAR_WIDTH);

  /* Captions and grid lines, with the hour and count marks. */
  draw_text (snapshot, sitting_caption, 0, 0, &c.dim);
  draw_text (snapshot, breaks_caption, 0, sitting_y1 + BAND_GAP, &c.dim);

  for (double v = 0; v <= sitting_top + 0.001; v += sitting_step)
    {
      double y = sitting_y1 - v / sitting_top * (sitting_y1 - sitting_y0);
      g_autofree char *text = g_strdup_printf (_("%.0f h"), v);
      g_autoptr(PangoLayout) layout = small_layout (widget, text);

      append_rect (snapshot, &c.grid, axis_width, round (y), width - axis_width, 1);
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, axis_width - GAP - w, y - h / 2.0, &c.dim);
    }
  for (double v = 0; v <= breaks_top + 0.001; v += breaks_top / 2)
    {
      double y = breaks_y1 - v / breaks_top * (breaks_y1 - breaks_y0);
      g_autofree char *text = g_strdup_printf ("%.0f", v);
      g_autoptr(PangoLayout) layout = small_layout (widget, text);

      append_rect (snapshot, &c.grid, axis_width, round (y), width - axis_width, 1);
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, axis_width - GAP - w, y - h / 2.0, &c.dim);
    }

  /* Day labels: every one if they fit, else every few, always today. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *text = day_label (&g_array_index (self->bars, LimberHistoryDay, i),
                                         self->n_days);
      g_autoptr(PangoLayout) layout = small_layout (widget, text);

      pango_layout_get_pixel_size (layout, &w, &h);
      label_width = MAX (label_width, w);
    }
  label_step = MAX (1, (guint) ceil ((label_width + GAP) / column));

  for (guint i = 0; i < self->bars->len; i++)
    {
      const LimberHistoryDay *day = &g_array_index (self->bars, LimberHistoryDay, i);
      double x = axis_width + i * column + (column - bar_width) / 2;
      double sitting_h = day->sitting_seconds / 3600.0 / sitting_top * (sitting_y1 - sitting_y0);
      double scale = (breaks_y1 - breaks_y0) / breaks_top;
      double y = breaks_y1;
      const struct
      {
        guint count;
        const GdkRGBA *colour;
      } stack[] = {
        { day->taken, &c.taken },
        { day->natural, &c.natural },
        { day->postponed, &c.postponed },
        { day->skipped, &c.skipped },
      };

      append_bar (snapshot, &c.sitting, x, sitting_y1 - sitting_h, bar_width, sitting_h);

      for (gsize s = 0; s < G_N_ELEMENTS (stack); s++)
        {
          double segment = stack[s].count * scale;

          if (stack[s].count == 0)
            continue;
          /* A hairline between segments keeps them apart. */
          append_rect (snapshot, stack[s].colour, x, y - segment + 1, bar_width, segment - 1);
          y -= segment;
        }

      if ((self->bars->len - 1 - i) % label_step == 0)
        {
          g_autofree char *text = day_label (day, self->n_days);
          g_autoptr(PangoLayout) layout = small_layout (widget, text);

          pango_layout_get_pixel_size (layout, &w, &h);
          draw_text (snapshot, layout, axis_width + i * column + (column - w) / 2,
                     breaks_y1 + GAP, &c.dim);
        }
    }
}

static void
limber_history_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 220;
      *natural = 320;
    }
}

static gboolean
limber_history_chart_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (widget);
  const LimberHistoryDay *day;
  g_autoptr(GDate) date = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *text = NULL;
  char when[64];
  double column;
  int index;

  if (self->bars->len == 0)
    return FALSE;

  /* The axis is narrow; columns split the width closely enough. */
  column = gtk_widget_get_width (widget) / (double) self->bars->len;
  index = CLAMP ((int) (x / column), 0, (int) self->bars->len - 1);
  day = &g_array_index (self->bars, LimberHistoryDay, index);
  date = parse_date (day->date);
  if (date == NULL || g_date_strftime (when, sizeof when, "%A %e %B", date) == 0)
    return FALSE;

  hours = g_strdup_printf ("%.1f", day->sitting_seconds / 3600.0);
  /* Translators: a day of the history chart, as in "Monday 17 November: 6.3 h sitting; breaks: 5 taken, …" */
  text = g_strdup_printf (_("%s: %s h sitting\nBreaks: %u taken, %u natural, %u postponed, %u skipped"),
                          when, hours, day->taken, day->natural, day->postponed, day->skipped);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

GtkWidget *
limber_history_chart_new (void)
{
  return g_object_new (LIMBER_TYPE_HISTORY_CHART, NULL);
}

/**
 * limber_history_chart_set_days:
 * @days: (nullable): days as limberd's GetHistory gives them, a(sxuuuuu)
 *
 * Shows @days; days missing from it show as empty.
 */
void
limber_history_chart_set_days (LimberHistoryChart *self,
                               GVariant           *days)
{
  GVariantIter iter;
  const char *date;
  LimberHistoryDay day;

  g_return_if_fail (LIMBER_IS_HISTORY_CHART (self));
  g_return_if_fail (days == NULL || g_variant_is_of_type (days, G_VARIANT_TYPE ("a(sxuuuuu)")));

  g_hash_table_remove_all (self->by_date);
  if (days != NULL)
    {
      g_variant_iter_init (&iter, days);
      while (g_variant_iter_next (&iter, "(&sxuuuuu)", &date, &day.sitting_seconds, &day.taken,
                                  &day.natural, &day.postponed, &day.skipped, &day.guided))
        {
          if (strlen (date) != 10)
            continue;
          memcpy (day.date, date, sizeof day.date);
          g_hash_table_insert (self->by_date, g_strdup (date), g_memdup2 (&day, sizeof day));
        }
    }
  rebuild (self);
}

/**
 * limber_history_chart_set_n_days:
 * @n_days: how many days to show, up to and including the last day
 */
void
limber_history_chart_set_n_days (LimberHistoryChart *self,
                                 guint               n_days)
{
  g_return_if_fail (LIMBER_IS_HISTORY_CHART (self));
  g_return_if_fail (n_days >= 1 && n_days <= 366);

  if (self->n_days == n_days)
    return;
  self->n_days = n_days;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DAYS]);
}

guint
limber_history_chart_get_n_days (LimberHistoryChart *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), 0);

  return self->n_days;
}

/**
 * limber_history_chart_set_last_day:
 * @date: (nullable): the last day shown, as in "2025-11-21", or %NULL for
 *   today
 */
void
limber_history_chart_set_last_day (LimberHistoryChart *self,
                                   const char         *date)
{
  g_return_if_fail (LIMBER_IS_HISTORY_CHART (self));

  if (g_strcmp0 (self->last_day, date) == 0)
    return;
  g_free (self->last_day);
  self->last_day = g_strdup (date);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_DAY]);
}

const char *
limber_history_chart_get_last_day (LimberHistoryChart *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), NULL);

  return self->last_day;
}

/**
 * limber_history_chart_get_n_bars:
 *
 * Returns: how many day columns the chart draws
 */
guint
limber_history_chart_get_n_bars (LimberHistoryChart *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), 0);

  return self->bars->len;
}

/**
 * limber_history_chart_get_day:
 * @index: a column, 0 for the oldest day
 * @day: (out caller-allocates): what the column shows
 *
 * Returns: %TRUE when @index is a column
 */
gboolean
limber_history_chart_get_day (LimberHistoryChart *self,
                              guint               index,
                              LimberHistoryDay   *day)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (index >= self->bars->len)
    return FALSE;
  *day = g_array_index (self->bars, LimberHistoryDay, index);
  return TRUE;
}

/**
 * limber_history_chart_get_totals:
 * @totals: (out caller-allocates): the sums over the days shown; its date
 *   is the last day's
 */
void
limber_history_chart_get_totals (LimberHistoryChart *self,
                                 LimberHistoryDay   *totals)
{
  g_return_if_fail (LIMBER_IS_HISTORY_CHART (self));
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const LimberHistoryDay *day = &g_array_index (self->bars, LimberHistoryDay, i);

      memcpy (totals->date, day->date, sizeof totals->date);
      totals->sitting_seconds += day->sitting_seconds;
      totals->taken += day->taken;
      totals->natural += day->natural;
      totals->postponed += day->postponed;
      totals->skipped += day->skipped;
      totals->guided += day->guided;
    }
}

static void
limber_history_chart_finalize (GObject *object)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (object);

  g_clear_pointer (&self->by_date, g_hash_table_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->last_day, g_free);

  G_OBJECT_CLASS (limber_history_chart_parent_class)->finalize (object);
}

static void
limber_history_chart_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_N_DAYS:
      g_value_set_uint (value, self->n_days);
      break;

    case PROP_LAST_DAY:
      g_value_set_string (value, self->last_day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_chart_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (object);

  switch (prop_id)
    {
    case PROP_N_DAYS:
      limber_history_chart_set_n_days (self, g_value_get_uint (value));
      break;

    case PROP_LAST_DAY:
      limber_history_chart_set_last_day (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_chart_class_init (LimberHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = limber_history_chart_finalize;
  object_class->get_property = limber_history_chart_get_property;
  object_class->set_property = limber_history_chart_set_property;
  widget_class->snapshot = limber_history_chart_snapshot;
  widget_class->measure = limber_history_chart_measure;
  widget_class->query_tooltip = limber_history_chart_query_tooltip;

  /**
   * LimberHistoryChart:n-days:
   *
   * How many days the chart shows.
   */
  properties[PROP_N_DAYS] =
    g_param_spec_uint ("n-days", NULL, NULL, 1, 366, 7,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberHistoryChart:last-day:
   *
   * The last day shown ("YYYY-MM-DD"), or %NULL for today.
   */
  properties[PROP_LAST_DAY] =
    g_param_spec_string ("last-day", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "limberhistorychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_history_chart_init (LimberHistoryChart *self)
{
  self->by_date = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bars = g_array_new (FALSE, TRUE, sizeof (LimberHistoryDay));
  self->n_days = 7;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sitting and breaks per day"), -1);
  rebuild (self);
}
