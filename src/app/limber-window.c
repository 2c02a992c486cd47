/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-welcome.h"
#include "limber-window.h"

struct _LimberWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  LimberWelcome *welcome;
  LimberHomeView *home;
  AdwWindowTitle *player_title;
  AdwBin *player_bin;
  LimberSessionView *session_view;   /* made on first use */

  GSettings *settings;
  LimberRoutineLibrary *library;
  LimberServiceClient *client;
  LimberClock *session_clock;

  /* A routine asked for before the library was loaded: its id ("" for the
   * chosen one), or a micro-stretch. */
  char *pending_routine;
  gboolean pending_micro;

  gulong first_frame_handler;
};

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (LimberWindow *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_page (LimberWindow *self,
           const char   *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
show_start_page (LimberWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Limber"));
  show_page (self, g_settings_get_boolean (self->settings, "first-run-done") ? "home" : "welcome");
}

static void session_started_cb  (LimberSessionView *view,
                                 const char        *break_type,
                                 LimberWindow      *self);
static void session_finished_cb (LimberSessionView *view,
                                 const char        *routine_id,
                                 const char        *break_type,
                                 guint              steps_done,
                                 guint              steps_total,
                                 guint              duration,
                                 gboolean           finished,
                                 LimberWindow      *self);
static void session_done_cb     (LimberSessionView *view,
                                 LimberWindow      *self);

static LimberSessionView *
ensure_session_view (LimberWindow *self)
{
  if (self->session_view != NULL)
    return self->session_view;

  self->session_view = LIMBER_SESSION_VIEW (limber_session_view_new ());
  g_signal_connect (self->session_view, "session-started", G_CALLBACK (session_started_cb), self);
  g_signal_connect (self->session_view, "session-finished", G_CALLBACK (session_finished_cb), self);
  g_signal_connect (self->session_view, "done", G_CALLBACK (session_done_cb), self);
  adw_bin_set_child (self->player_bin, GTK_WIDGET (self->session_view));
  return self->session_view;
}

/* Ends a session still playing; limberd records it as ended early. */
static void
stop_session (LimberWindow *self)
{
  LimberSession *session;

  if (self->session_view == NULL)
    return;
  session = limber_session_view_get_session (self->session_view);
  if (session != NULL && !limber_session_is_over (session))
    limber_session_view_stop (self->session_view);
}

static void
play (LimberWindow  *self,
      LimberRoutine *routine)
{
  g_autofree char *summary = limber_home_view_format_summary (routine);

  g_debug ("Playing %s", limber_routine_get_id (routine));
  adw_window_title_set_title (self->player_title, limber_routine_get_title (routine));
  adw_window_title_set_subtitle (self->player_title, summary);
  gtk_window_set_title (GTK_WINDOW (self), limber_routine_get_title (routine));
  show_page (self, "player");
  limber_session_view_play (ensure_session_view (self), routine, self->session_clock);
}

/* The routine of @kind after @previous in the library, wrapping around. */
static LimberRoutine *
next_of_kind (LimberRoutineLibrary *library,
              LimberRoutineKind     kind,
              const char           *previous)
{
  GListModel *model = G_LIST_MODEL (library);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(LimberRoutine) first = NULL;
  gboolean take_next = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      if (limber_routine_get_kind (routine) != kind)
        continue;
      if (take_next)
        return g_steal_pointer (&routine);
      if (first == NULL)
        first = g_object_ref (routine);
      if (g_strcmp0 (limber_routine_get_id (routine), previous) == 0)
        take_next = TRUE;
    }
  return g_steal_pointer (&first);
}

static LimberRoutine *
find_routine (LimberWindow *self,
              const char   *routine_id)
{
  g_autofree char *chosen = NULL;
  LimberRoutine *routine;

  if (*routine_id != '\0')
    {
      routine = limber_routine_library_lookup (self->library, routine_id);
      return routine != NULL ? g_object_ref (routine) : NULL;
    }

  /* "": the routine chosen for stretch breaks, else the first. */
  chosen = g_settings_get_string (self->settings, "stretch-routine");
  routine = *chosen != '\0' ? limber_routine_library_lookup (self->library, chosen) : NULL;
  if (routine != NULL && limber_routine_get_kind (routine) == LIMBER_ROUTINE_KIND_ROUTINE)
    return g_object_ref (routine);
  return next_of_kind (self->library, LIMBER_ROUTINE_KIND_ROUTINE, NULL);
}

static void
play_routine_now (LimberWindow *self,
                  const char   *routine_id)
{
  g_autoptr(LimberRoutine) routine = find_routine (self, routine_id);

  if (routine == NULL)
    {
      g_autofree char *text = NULL;

      g_message ("No routine “%s” to play", routine_id);
      if (*routine_id != '\0')
        /* Translators: %s is a routine's id, as in "neck-relief" */
        text = g_strdup_printf (_("There is no routine “%s”"), routine_id);
      else
        text = g_strdup (_("There are no routines to play"));
      toast (self, text);
      return;
    }

  play (self, routine);
}

static void
play_micro_now (LimberWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-micro-stretch");
  g_autoptr(LimberRoutine) routine = next_of_kind (self->library,
                                                   LIMBER_ROUTINE_KIND_MICRO_STRETCH, last);

  if (routine == NULL)
    {
      toast (self, _("There are no micro-stretches to play"));
      return;
    }

  g_settings_set_string (self->settings, "last-micro-stretch", limber_routine_get_id (routine));
  play (self, routine);
}

static void
update_from_service (LimberWindow *self)
{
  LimberServiceState state;
  gboolean running;

  /* Until the client knows whether limberd runs, the home page shows
   * neither the state nor the banner, which would flash on every start. */
  if (self->client == NULL || !limber_service_client_get_ready (self->client))
    return;

  running = limber_service_client_get_state (self->client, &state);
  limber_home_view_set_service_running (self->home, running);
  if (running)
    limber_home_view_set_state (self->home, &state);
}

static void
client_changed_cb (LimberServiceClient *client,
                   LimberWindow        *self)
{
  update_from_service (self);
}

static void
client_ready_cb (LimberServiceClient *client,
                 GParamSpec          *pspec,
                 LimberWindow        *self)
{
  update_from_service (self);
}

static void
home_play_routine_cb (LimberHomeView *home,
                      const char     *routine_id,
                      LimberWindow   *self)
{
  limber_window_play_routine (self, routine_id);
}

static void
home_micro_stretch_cb (LimberHomeView *home,
                       LimberWindow   *self)
{
  limber_window_play_micro_stretch (self);
}

static void
home_pause_cb (LimberHomeView *home,
               gint64          seconds,
               LimberWindow   *self)
{
  if (self->client != NULL)
    limber_service_client_pause (self->client, seconds);
}

static void
home_resume_cb (LimberHomeView *home,
                LimberWindow   *self)
{
  if (self->client != NULL)
    limber_service_client_resume (self->client);
}

static void
home_start_service_cb (LimberHomeView *home,
                       LimberWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (self->client == NULL)
    return;

  if (!limber_service_client_start_service (self->client, &error))
    {
      g_autofree char *text = NULL;

      g_message ("Cannot start limberd: %s", error->message);
      /* Translators: %s says why */
      text = g_strdup_printf (_("Cannot start the break service: %s"), error->message);
      toast (self, text);
    }
}

static void
welcome_done_cb (LimberWelcome *welcome,
                 LimberWindow  *self)
{
  show_start_page (self);
}

static void
session_started_cb (LimberSessionView *view,
                    const char        *break_type,
                    LimberWindow      *self)
{
  if (self->client != NULL)
    limber_service_client_begin_session (self->client, break_type);
}

static void
session_finished_cb (LimberSessionView *view,
                     const char        *routine_id,
                     const char        *break_type,
                     guint              steps_done,
                     guint              steps_total,
                     guint              duration,
                     gboolean           finished,
                     LimberWindow      *self)
{
  if (self->client != NULL)
    limber_service_client_record_session (self->client, routine_id, break_type, steps_done,
                                          steps_total, duration, finished);
}

static void
session_done_cb (LimberSessionView *view,
                 LimberWindow      *self)
{
  show_start_page (self);
}

static void
page_changed_cb (GtkStack     *stack,
                 GParamSpec   *pspec,
                 LimberWindow *self)
{
  /* The welcome page's button takes the focus; the player focuses its own
   * controls when it starts. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "welcome") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->welcome));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* LIMBER_BENCH_FIRST_FRAME=1: print when the first frame was painted, for
 * tests/bench/bench-window-startup.sh. */
static void
after_paint_cb (GdkFrameClock *clock,
                LimberWindow  *self)
{
  g_print ("limber-bench: first-frame since-start-us=%" G_GINT64_FORMAT
           " realtime-us=%" G_GINT64_FORMAT "\n",
           g_get_monotonic_time () - limber_application_get_start_time (),
           g_get_real_time ());
  g_clear_signal_handler (&self->first_frame_handler, clock);
}

/**
 * limber_window_new:
 * @application: (nullable): the application, or %NULL in widget tests
 *
 * Returns: (transfer full): a new main window
 */
LimberWindow *
limber_window_new (LimberApplication *application)
{
  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * limber_window_set_library:
 * @library: (nullable): the loaded routine library
 *
 * Lists @library's routines on the home page, and plays a routine asked
 * for before it was loaded.
 */
void
limber_window_set_library (LimberWindow         *self,
                           LimberRoutineLibrary *library)
{
  g_autofree char *pending = NULL;

  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (library == NULL || LIMBER_IS_ROUTINE_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  limber_home_view_set_routines (self->home, G_LIST_MODEL (library));
  if (library == NULL)
    return;

  pending = g_steal_pointer (&self->pending_routine);
  if (pending != NULL)
    play_routine_now (self, pending);
  else if (self->pending_micro)
    play_micro_now (self);
  self->pending_micro = FALSE;
}

/**
 * limber_window_set_service_client:
 * @client: (nullable): the connection to limberd
 *
 * The home page follows limberd's state through @client, and sessions are
 * reported to it.
 */
void
limber_window_set_service_client (LimberWindow        *self,
                                  LimberServiceClient *client)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (client == NULL || LIMBER_IS_SERVICE_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      g_signal_connect (client, "changed", G_CALLBACK (client_changed_cb), self);
      g_signal_connect (client, "notify::ready", G_CALLBACK (client_ready_cb), self);
    }

  update_from_service (self);
}

/**
 * limber_window_set_session_clock:
 * @clock: (nullable): the clock sessions play on, or %NULL for the system's
 *
 * For tests, which play sessions on a fake clock.
 */
void
limber_window_set_session_clock (LimberWindow *self,
                                 LimberClock  *clock)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (clock == NULL || LIMBER_IS_CLOCK (clock));

  g_set_object (&self->session_clock, clock);
}

/**
 * limber_window_play_routine:
 * @routine_id: a routine's id, or "" for the one chosen for stretch breaks
 *   (the first when none is chosen)
 *
 * Shows the player on that routine and starts it; waits for the library
 * when it is still loading.
 */
void
limber_window_play_routine (LimberWindow *self,
                            const char   *routine_id)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (routine_id != NULL);

  if (self->library == NULL)
    {
      g_free (self->pending_routine);
      self->pending_routine = g_strdup (routine_id);
      self->pending_micro = FALSE;
      return;
    }
  play_routine_now (self, routine_id);
}

/**
 * limber_window_play_micro_stretch:
 *
 * Plays one micro-stretch: the one after the last played, taking turns.
 */
void
limber_window_play_micro_stretch (LimberWindow *self)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  if (self->library == NULL)
    {
      g_clear_pointer (&self->pending_routine, g_free);
      self->pending_micro = TRUE;
      return;
    }
  play_micro_now (self);
}

/**
 * limber_window_show_home:
 *
 * Goes back to the home page (the welcome page on the first start). A
 * session still playing is ended.
 */
void
limber_window_show_home (LimberWindow *self)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  stop_session (self);
  show_start_page (self);
}

/**
 * limber_window_get_page:
 *
 * Returns: the page shown: "welcome", "home" or "player"
 */
const char *
limber_window_get_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * limber_window_get_home_view:
 *
 * Returns: (transfer none): the home page
 */
LimberHomeView *
limber_window_get_home_view (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->home;
}

/**
 * limber_window_get_session_view:
 *
 * Returns: (transfer none): the player, made now if it was not yet
 */
LimberSessionView *
limber_window_get_session_view (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return ensure_session_view (self);
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  g_debug ("The window closes");
  /* Closing the window mid-session ends it; limberd records it as ended
   * early. */
  stop_session (LIMBER_WINDOW (window));

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

static void
limber_window_map (GtkWidget *widget)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (limber_window_parent_class)->map (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL && self->first_frame_handler == 0
      && g_strcmp0 (g_getenv ("LIMBER_BENCH_FIRST_FRAME"), "1") == 0)
    self->first_frame_handler = g_signal_connect (clock, "after-paint",
                                                  G_CALLBACK (after_paint_cb), self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  if (self->first_frame_handler != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_clear_signal_handler (&self->first_frame_handler, clock);
      self->first_frame_handler = 0;
    }
  /* Not ours: the page holds it. */
  self->session_view = NULL;
  g_clear_object (&self->client);
  g_clear_object (&self->library);
  g_clear_object (&self->session_clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_routine, g_free);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, limber_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_window_dispose;
  object_class->get_property = limber_window_get_property;
  widget_class->map = limber_window_map;
  window_class->close_request = limber_window_close_request;

  /**
   * LimberWindow:page:
   *
   * The page shown: "welcome", "home" or "player".
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_WELCOME);
  g_type_ensure (LIMBER_TYPE_HOME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, welcome);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, home);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, player_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, player_bin);
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The window's size survives a restart, as people expect of GNOME apps. */
  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self->welcome, "done", G_CALLBACK (welcome_done_cb), self);
  g_signal_connect (self->home, "play-routine", G_CALLBACK (home_play_routine_cb), self);
  g_signal_connect (self->home, "micro-stretch", G_CALLBACK (home_micro_stretch_cb), self);
  g_signal_connect (self->home, "pause", G_CALLBACK (home_pause_cb), self);
  g_signal_connect (self->home, "resume", G_CALLBACK (home_resume_cb), self);
  g_signal_connect (self->home, "start-service", G_CALLBACK (home_start_service_cb), self);
  g_signal_connect (self->stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb), self);

  show_start_page (self);
}
