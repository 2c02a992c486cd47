/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-cue-player.h"
#include "limber-preferences-window.h"
#include "limber-routine.h"

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwPreferencesPage *breaks_page;
  AdwPreferencesPage *stretches_page;
  AdwPreferencesPage *general_page;
  AdwExpanderRow *micro_expander;
  GtkSpinButton *micro_interval_spin;
  GtkSpinButton *micro_length_spin;
  AdwExpanderRow *stretch_expander;
  GtkSpinButton *stretch_interval_spin;
  GtkSpinButton *stretch_length_spin;
  GtkSpinButton *warning_spin;
  GtkSpinButton *postpone_spin;
  GtkSpinButton *postpone_limit_spin;
  GtkSwitch *dnd_switch;
  GtkWidget *dnd_cap_row;
  GtkSpinButton *dnd_cap_spin;
  AdwComboRow *routine_row;
  GtkSwitch *sounds_switch;
  GtkWidget *volume_row;
  GtkScale *volume_scale;
  GtkSwitch *autostart_switch;
  GtkSwitch *tray_switch;
  AdwComboRow *activity_row;

  GSettings *settings;
  LimberCuePlayer *cue_player;
  GListModel *routines;
  /* The ids behind routine_row's items; the first, "Take turns", is "". */
  GPtrArray *routine_ids;
  gboolean syncing_routine;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of the activity-source key, in the order of activity_row. */
static const char * const activity_sources[] = {
  "auto", "mutter", "wayland", "x11", "screensaver", "none",
};

/* Seconds in the settings, whole minutes on screen. */
static gboolean
seconds_to_minutes (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  guint seconds = g_variant_get_uint32 (variant);

  g_value_set_double (value, (seconds + 30) / 60);
  return TRUE;
}

static GVariant *
minutes_to_seconds (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  double minutes = g_value_get_double (value);

  return g_variant_new_uint32 ((guint32) (MAX (minutes, 0) + 0.5) * 60);
}

static void
bind_minutes (LimberPreferencesWindow *self,
              const char              *key,
              GtkSpinButton           *spin)
{
  g_settings_bind_with_mapping (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT,
                                seconds_to_minutes, minutes_to_seconds, NULL, NULL);
}

static gboolean
source_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *source = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (activity_sources); i++)
    {
      if (g_str_equal (source, activity_sources[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_source (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (activity_sources))
    return NULL;
  return g_variant_new_string (activity_sources[index]);
}

/* Shows the chosen routine; one the library lacks shows as "Take turns",
 * which is also what limberd does with it. */
static void
sync_routine_from_settings (LimberPreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "stretch-routine");
  guint selected = 0;

  for (guint i = 0; i < self->routine_ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->routine_ids, i), chosen))
        {
          selected = i;
          break;
        }
    }

  self->syncing_routine = TRUE;
  adw_combo_row_set_selected (self->routine_row, selected);
  self->syncing_routine = FALSE;
}

static void
rebuild_routine_choices (LimberPreferencesWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = self->routines != NULL ? g_list_model_get_n_items (self->routines) : 0;

  g_ptr_array_set_size (self->routine_ids, 0);
  gtk_string_list_append (titles, _("Take Turns"));
  g_ptr_array_add (self->routine_ids, g_strdup (""));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (self->routines, i);

      if (limber_routine_get_kind (routine) != LIMBER_ROUTINE_KIND_ROUTINE)
        continue;
      gtk_string_list_append (titles, limber_routine_get_title (routine));
      g_ptr_array_add (self->routine_ids, g_strdup (limber_routine_get_id (routine)));
    }

  self->syncing_routine = TRUE;
  adw_combo_row_set_model (self->routine_row, G_LIST_MODEL (titles));
  self->syncing_routine = FALSE;
  sync_routine_from_settings (self);
}

static void
routine_selected_cb (AdwComboRow             *row,
                     GParamSpec              *pspec,
                     LimberPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing_routine || selected >= self->routine_ids->len)
    return;
  g_settings_set_string (self->settings, "stretch-routine",
                         g_ptr_array_index (self->routine_ids, selected));
}

static void
stretch_routine_changed_cb (GSettings               *settings,
                            const char              *key,
                            LimberPreferencesWindow *self)
{
  sync_routine_from_settings (self);
}

static void
routines_changed_cb (GListModel              *model,
                     guint                    position,
                     guint                    removed,
                     guint                    added,
                     LimberPreferencesWindow *self)
{
  rebuild_routine_choices (self);
}

static void
test_sound_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (widget);

  /* Made on first use: most visits to the preferences play no sound. */
  if (self->cue_player == NULL)
    self->cue_player = limber_cue_player_new (self->settings);
  limber_cue_player_test_sound (self->cue_player);
}

/**
 * limber_preferences_window_new:
 * @routines: (nullable): the routine library, for the choice of routine
 *
 * Returns: (transfer full): a new preferences window
 */
LimberPreferencesWindow *
limber_preferences_window_new (GListModel *routines)
{
  LimberPreferencesWindow *self;

  g_return_val_if_fail (routines == NULL || G_IS_LIST_MODEL (routines), NULL);

  self = g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW, NULL);
  if (routines != NULL)
    {
      self->routines = g_object_ref (routines);
      g_signal_connect_object (routines, "items-changed", G_CALLBACK (routines_changed_cb),
                               self, 0);
    }
  rebuild_routine_choices (self);
  return self;
}

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->settings);
  g_clear_object (&self->routines);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_finalize (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->routine_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->finalize (object);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;
  object_class->finalize = limber_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, breaks_page);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, stretches_page);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, micro_expander);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, micro_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, micro_length_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, stretch_expander);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, stretch_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, stretch_length_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, warning_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, postpone_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, postpone_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, dnd_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, dnd_cap_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, dnd_cap_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, routine_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, tray_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, activity_row);

  gtk_widget_class_install_action (widget_class, "preferences.test-sound", NULL,
                                   test_sound_action);
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->routine_ids = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (SCHEMA_ID);

  /* Breaks */
  g_settings_bind (self->settings, "micro-break-enabled", self->micro_expander,
                   "enable-expansion", G_SETTINGS_BIND_DEFAULT);
  bind_minutes (self, "micro-break-interval-seconds", self->micro_interval_spin);
  g_settings_bind (self->settings, "micro-break-length-seconds", self->micro_length_spin,
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "stretch-break-enabled", self->stretch_expander,
                   "enable-expansion", G_SETTINGS_BIND_DEFAULT);
  bind_minutes (self, "stretch-break-interval-seconds", self->stretch_interval_spin);
  bind_minutes (self, "stretch-break-length-seconds", self->stretch_length_spin);

  /* Reminders */
  g_settings_bind (self->settings, "warning-lead-seconds", self->warning_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  bind_minutes (self, "postpone-seconds", self->postpone_spin);
  g_settings_bind (self->settings, "postpone-limit", self->postpone_limit_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  /* Do not disturb */
  g_settings_bind (self->settings, "respect-do-not-disturb", self->dnd_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  bind_minutes (self, "do-not-disturb-cap-seconds", self->dnd_cap_spin);
  g_object_bind_property (self->dnd_switch, "active", self->dnd_cap_row, "sensitive",
                          G_BINDING_SYNC_CREATE);

  /* Stretches */
  g_signal_connect (self->routine_row, "notify::selected", G_CALLBACK (routine_selected_cb), self);
  g_signal_connect (self->settings, "changed::stretch-routine",
                    G_CALLBACK (stretch_routine_changed_cb), self);

  /* Sounds */
  g_settings_bind (self->settings, "sounds-enabled", self->sounds_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sound-volume",
                   gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->sounds_switch, "active", self->volume_row, "sensitive",
                          G_BINDING_SYNC_CREATE);

  /* General */
  g_settings_bind (self->settings, "autostart", self->autostart_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-tray-icon", self->tray_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "activity-source", self->activity_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, source_to_index, index_to_source,
                                NULL, NULL);
}
