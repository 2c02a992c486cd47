/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests for the session player (LimberSessionView) under
 * gtk_test_init, driven by the fake clock through a bundled routine:
 * steps advance on time, sides switch with mirroring, pause and resume,
 * previous and next, what ending early or finishing reports for the
 * history, the confirmation before ending early, the keyboard shortcuts;
 * and screenshots of the player in light, dark and narrow. */

#include "config.h"

#include "limber-countdown-ring.h"
#include "limber-fake-clock.h"
#include "limber-figure-view.h"
#include "limber-routine-library.h"
#include "limber-session-view.h"
#include "limber-ui-test.h"

#define SEC G_GINT64_CONSTANT (1000000)

#ifdef __SANITIZE_ADDRESS__
/* GLib leaves its first quark block (allocated by its library constructor)
 * behind on purpose when a process makes more than 2048 quarks, as GTK and
 * GStreamer together do. tests/lsan.supp excuses allocations made from a
 * library constructor, which only a full stack shows: GLib has no frame
 * pointers for the fast unwinder. Eight frames are enough to see it. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=8";
}
#endif

/* neck-relief, step by step: shoulder rolls 32 s, chin tucks 36 s, neck
 * rotation 48 s, neck side bend 2 × 20 s, upper trapezius 2 × 25 s,
 * levator 2 × 25 s, chin to chest 20 s, shrug 28 s: 304 s in all. */
#define ROUTINE_ID "neck-relief"

static LimberRoutineLibrary *library;

typedef struct
{
  GtkWindow *window;
  LimberSessionView *view;
  LimberFakeClock *clock;
  LimberRoutine *routine;

  guint started;
  char *started_type;

  guint finished;
  char *routine_id;
  char *break_type;
  guint steps_done;
  guint steps_total;
  guint duration;
  gboolean completed;

  guint done;
} Fixture;

static void
session_started_cb (LimberSessionView *view,
                    const char        *break_type,
                    Fixture           *fx)
{
  fx->started++;
  g_free (fx->started_type);
  fx->started_type = g_strdup (break_type);
}

static void
session_finished_cb (LimberSessionView *view,
                     const char        *routine_id,
                     const char        *break_type,
                     guint              steps_done,
                     guint              steps_total,
                     guint              duration,
                     gboolean           completed,
                     Fixture           *fx)
{
  fx->finished++;
  g_free (fx->routine_id);
  fx->routine_id = g_strdup (routine_id);
  g_free (fx->break_type);
  fx->break_type = g_strdup (break_type);
  fx->steps_done = steps_done;
  fx->steps_total = steps_total;
  fx->duration = duration;
  fx->completed = completed;
}

static void
done_cb (LimberSessionView *view,
         Fixture           *fx)
{
  fx->done++;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->routine = g_object_ref (limber_routine_library_lookup (library, ROUTINE_ID));
  fx->clock = limber_fake_clock_new (1700000000 * SEC);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 720, 640);
  fx->view = LIMBER_SESSION_VIEW (limber_session_view_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->view));
  g_object_ref (fx->view);

  g_signal_connect (fx->view, "session-started", G_CALLBACK (session_started_cb), fx);
  g_signal_connect (fx->view, "session-finished", G_CALLBACK (session_finished_cb), fx);
  g_signal_connect (fx->view, "done", G_CALLBACK (done_cb), fx);

  gtk_window_present (fx->window);
  limber_ui_test_wait_for_mapped (GTK_WIDGET (fx->view));

  limber_session_view_play (fx->view, fx->routine, LIMBER_CLOCK (fx->clock));
  limber_ui_test_iterate ();
}

static void
destroy_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  destroy_dialogs ();
  gtk_window_destroy (fx->window);
  limber_ui_test_iterate ();
  g_assert_finalize_object (fx->view);
  g_assert_finalize_object (fx->clock);
  g_clear_object (&fx->routine);
  g_free (fx->started_type);
  g_free (fx->routine_id);
  g_free (fx->break_type);
}

static gpointer
child (Fixture    *fx,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fx->view),
                                                   LIMBER_TYPE_SESSION_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label (Fixture    *fx,
       const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (fx, name)));
}

static LimberStep *
step (Fixture *fx,
      guint    index)
{
  return limber_routine_get_step (fx->routine, index);
}

static void
advance (Fixture *fx,
         gint64   span)
{
  limber_fake_clock_advance (fx->clock, span);
  limber_ui_test_iterate ();
}

static LimberSession *
session (Fixture *fx)
{
  return limber_session_view_get_session (fx->view);
}

static void
activate (Fixture    *fx,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), action, NULL));
  limber_ui_test_iterate ();
}

static void
assert_on_step (Fixture *fx,
                guint    index)
{
  g_autofree char *progress = g_strdup_printf ("Step %u of %u", index + 1,
                                               limber_routine_get_n_steps (fx->routine));

  g_assert_cmpstr (label (fx, "title_label"), ==, limber_step_get_title (step (fx, index)));
  g_assert_cmpstr (label (fx, "instructions_label"), ==,
                   limber_step_get_instructions (step (fx, index)));
  g_assert_cmpstr (label (fx, "progress_label"), ==, progress);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
test_steps_advance (Fixture       *fx,
                    gconstpointer  data)
{
  LimberCountdownRing *ring = child (fx, "countdown_ring");
  g_autofree char *next = NULL;

  /* Starting reports the break to limberd (BeginSession). */
  g_assert_cmpuint (fx->started, ==, 1);
  g_assert_cmpstr (fx->started_type, ==, "stretch");

  assert_on_step (fx, 0);
  g_assert_cmpstr (label (fx, "details_label"), ==, "8 times · 32 s");
  next = g_strdup_printf ("Next: %s", limber_step_get_title (step (fx, 1)));
  g_assert_cmpstr (label (fx, "next_label"), ==, next);
  g_assert_cmpstr (label (fx, "feel_label"), ==, limber_step_get_feel (step (fx, 0)));
  g_assert_cmpstr (label (fx, "avoid_label"), ==, limber_step_get_avoid (step (fx, 0)));
  g_assert_cmpstr (label (fx, "caution_label"), ==, limber_step_get_cautions (step (fx, 0))[0]);
  g_assert_true (gtk_widget_get_visible (child (fx, "caution_box")));
  g_assert_false (gtk_widget_get_visible (child (fx, "side_label")));
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 32);
  g_assert_true (limber_figure_view_get_playing (child (fx, "figure_view")));

  /* The ring counts down with the session. */
  advance (fx, 12 * SEC);
  assert_on_step (fx, 0);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 20);
  g_assert_cmpfloat_with_epsilon (limber_countdown_ring_get_fraction (ring), 20.0 / 32.0, 1e-9);

  /* At 32 s the second step takes over. */
  advance (fx, 20 * SEC - 1);
  assert_on_step (fx, 0);
  advance (fx, 1);
  assert_on_step (fx, 1);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 36);
  g_assert_cmpstr (label (fx, "details_label"), ==, "6 times · 36 s");

  advance (fx, 36 * SEC);
  assert_on_step (fx, 2);
  g_assert_cmpuint (fx->finished, ==, 0);
}

static void
test_sides_mirror (Fixture       *fx,
                   gconstpointer  data)
{
  LimberFigureView *figure = child (fx, "figure_view");
  LimberFigureAnimation *animation = limber_step_get_animation (step (fx, 3));
  LimberPose left, right, expected;
  g_autofree char *next = NULL;

  /* The fourth step, the neck side bend, is played left then right. */
  advance (fx, (32 + 36 + 48) * SEC);
  assert_on_step (fx, 3);
  g_assert_true (gtk_widget_get_visible (child (fx, "side_label")));
  g_assert_cmpstr (label (fx, "side_label"), ==, "Left side");
  g_assert_cmpstr (label (fx, "details_label"), ==, "2 times · 20 s each side");
  g_assert_cmpstr (label (fx, "next_label"), ==, "Next: the right side");
  g_assert_false (limber_figure_view_get_mirrored (figure));
  g_assert_true (limber_figure_view_get_animation (figure) == animation);

  advance (fx, 4 * SEC);
  g_assert_true (limber_figure_view_get_pose_for_test (figure, &left));
  limber_figure_animation_sample (animation, 4.0, FALSE, &expected);
  g_assert_cmpmem (&left, sizeof left, &expected, sizeof expected);

  /* After 20 s: the same step on the right side, drawn mirrored. */
  advance (fx, 16 * SEC);
  assert_on_step (fx, 3);
  g_assert_cmpstr (label (fx, "side_label"), ==, "Right side");
  g_assert_true (limber_figure_view_get_mirrored (figure));
  next = g_strdup_printf ("Next: %s", limber_step_get_title (step (fx, 4)));
  g_assert_cmpstr (label (fx, "next_label"), ==, next);

  advance (fx, 4 * SEC);
  g_assert_true (limber_figure_view_get_pose_for_test (figure, &right));
  limber_figure_animation_sample (animation, 4.0, TRUE, &expected);
  g_assert_cmpmem (&right, sizeof right, &expected, sizeof expected);
  /* Mirroring changes the pose: the head bends the other way. */
  g_assert_cmpfloat (left.angle[LIMBER_JOINT_NECK], !=, 0.0);
  g_assert_cmpfloat (right.angle[LIMBER_JOINT_NECK], ==, -left.angle[LIMBER_JOINT_NECK]);

  /* Then the next step, once, on neither side. */
  advance (fx, 16 * SEC);
  assert_on_step (fx, 4);
  g_assert_cmpstr (label (fx, "side_label"), ==, "Left side");
  g_assert_false (limber_figure_view_get_mirrored (figure));
}

static void
test_pause_resume (Fixture       *fx,
                   gconstpointer  data)
{
  LimberCountdownRing *ring = child (fx, "countdown_ring");
  LimberFigureView *figure = child (fx, "figure_view");
  GtkButton *pause_button = child (fx, "pause_button");

  advance (fx, 10 * SEC);
  g_assert_cmpstr (gtk_button_get_icon_name (pause_button), ==, "media-playback-pause-symbolic");

  activate (fx, "session.toggle-pause");
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_cmpstr (gtk_button_get_icon_name (pause_button), ==, "media-playback-start-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (pause_button)), ==, "Resume (Space)");
  g_assert_true (limber_countdown_ring_get_paused (ring));
  g_assert_false (limber_figure_view_get_playing (figure));
  g_assert_false (limber_figure_view_is_ticking (figure));

  /* Ten minutes of pause: nothing moves. */
  advance (fx, 600 * SEC);
  assert_on_step (fx, 0);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 22);
  g_assert_cmpint (limber_session_get_elapsed (session (fx)), ==, 10 * SEC);

  activate (fx, "session.toggle-pause");
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_RUNNING);
  g_assert_false (limber_countdown_ring_get_paused (ring));
  g_assert_true (limber_figure_view_get_playing (figure));
  g_assert_cmpstr (gtk_button_get_icon_name (pause_button), ==, "media-playback-pause-symbolic");

  /* The step ends 22 s of playing later, not before. */
  advance (fx, 22 * SEC - 1);
  assert_on_step (fx, 0);
  advance (fx, 1);
  assert_on_step (fx, 1);
}

static void
test_previous_next (Fixture       *fx,
                    gconstpointer  data)
{
  LimberCountdownRing *ring = child (fx, "countdown_ring");

  /* Nothing before the first step. */
  g_assert_false (gtk_widget_is_sensitive (child (fx, "previous_button")));

  advance (fx, 5 * SEC);
  activate (fx, "session.next");
  assert_on_step (fx, 1);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 36);
  g_assert_true (gtk_widget_is_sensitive (child (fx, "previous_button")));

  activate (fx, "session.next");
  assert_on_step (fx, 2);
  advance (fx, 7 * SEC);
  activate (fx, "session.previous");
  assert_on_step (fx, 1);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 36);

  advance (fx, 10 * SEC);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 26);
  activate (fx, "session.restart");
  assert_on_step (fx, 1);
  g_assert_cmpuint (limber_countdown_ring_get_seconds (ring), ==, 36);

  activate (fx, "session.previous");
  assert_on_step (fx, 0);
  g_assert_cmpuint (fx->finished, ==, 0);
}

static void
test_end_early_confirmed (Fixture       *fx,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;

  /* The first step played through, 8 s into the second. */
  advance (fx, 40 * SEC);
  activate (fx, "session.end");

  /* More than half is left: the player asks first, and time stands still. */
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "End the Session?");
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_cmpuint (fx->finished, ==, 0);
  advance (fx, 60 * SEC);

  adw_message_dialog_response (dialog, "end");
  limber_ui_test_iterate ();
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_ENDED);

  /* What limberd's RecordSession gets. */
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpstr (fx->routine_id, ==, ROUTINE_ID);
  g_assert_cmpstr (fx->break_type, ==, "stretch");
  g_assert_cmpuint (fx->steps_done, ==, 1);
  g_assert_cmpuint (fx->steps_total, ==, 8);
  g_assert_cmpuint (fx->duration, ==, 40);
  g_assert_false (fx->completed);

  /* The end screen says what was done. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx, "stack")), ==, "done");
  g_assert_cmpstr (adw_status_page_get_title (child (fx, "done_page")), ==, "Session Ended");
  g_assert_cmpstr (adw_status_page_get_description (child (fx, "done_page")), ==,
                   "1 of 8 stretches · 40 s");

  /* The controls are off now; "Done" asks to leave the player. */
  g_assert_false (gtk_widget_is_sensitive (child (fx, "next_button")));
  g_assert_false (gtk_widget_is_sensitive (child (fx, "pause_button")));
  activate (fx, "session.done");
  g_assert_cmpuint (fx->done, ==, 1);
  g_assert_cmpuint (fx->finished, ==, 1);
}

static void
test_end_early_cancelled (Fixture       *fx,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;

  advance (fx, 10 * SEC);
  activate (fx, "session.end");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* "Keep Going": the session goes on where it was. */
  adw_message_dialog_response (dialog, "cancel");
  limber_ui_test_iterate ();
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_RUNNING);
  g_assert_cmpint (limber_session_get_elapsed (session (fx)), ==, 10 * SEC);
  g_assert_cmpuint (fx->finished, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx, "stack")), ==, "player");

  /* A session paused before asking stays paused after "Keep Going". */
  destroy_dialogs ();
  limber_ui_test_iterate ();
  activate (fx, "session.toggle-pause");
  activate (fx, "session.end");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  limber_ui_test_iterate ();
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_PAUSED);
}

static void
test_end_without_asking (Fixture       *fx,
                         gconstpointer  data)
{
  /* 200 s of 304 played: less than half is left, so no question. */
  advance (fx, 200 * SEC);
  activate (fx, "session.end");
  g_assert_null (find_dialog ());
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_ENDED);

  g_assert_cmpuint (fx->finished, ==, 1);
  /* Four steps (156 s) done, the fifth on its right side. */
  g_assert_cmpuint (fx->steps_done, ==, 4);
  g_assert_cmpuint (fx->steps_total, ==, 8);
  g_assert_cmpuint (fx->duration, ==, 200);
  g_assert_false (fx->completed);
}

static void
test_finish (Fixture       *fx,
             gconstpointer  data)
{
  advance (fx, 304 * SEC - 1);
  g_assert_cmpuint (fx->finished, ==, 0);
  assert_on_step (fx, 7);
  g_assert_cmpstr (label (fx, "next_label"), ==, "Last stretch");
  advance (fx, 1);

  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpstr (fx->routine_id, ==, ROUTINE_ID);
  g_assert_cmpstr (fx->break_type, ==, "stretch");
  g_assert_cmpuint (fx->steps_done, ==, 8);
  g_assert_cmpuint (fx->steps_total, ==, 8);
  g_assert_cmpuint (fx->duration, ==, 304);
  g_assert_true (fx->completed);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx, "stack")), ==, "done");
  g_assert_cmpstr (adw_status_page_get_title (child (fx, "done_page")), ==, "Well Done");
  g_assert_cmpstr (adw_status_page_get_description (child (fx, "done_page")), ==,
                   "8 stretches · 5 min");

  /* "Again" plays the routine once more, from the first step. */
  activate (fx, "session.again");
  g_assert_cmpuint (fx->started, ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx, "stack")), ==, "player");
  assert_on_step (fx, 0);
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_RUNNING);
  advance (fx, 32 * SEC);
  assert_on_step (fx, 1);
  g_assert_cmpuint (fx->finished, ==, 1);
}

static void
test_play_replaces (Fixture       *fx,
                    gconstpointer  data)
{
  LimberRoutine *micro = limber_routine_library_lookup (library, "micro-side-bend");

  /* A new routine while one plays: the first is recorded as ended early. */
  advance (fx, 3 * SEC);
  limber_session_view_play (fx->view, micro, LIMBER_CLOCK (fx->clock));
  limber_ui_test_iterate ();
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpstr (fx->routine_id, ==, ROUTINE_ID);
  g_assert_false (fx->completed);
  g_assert_cmpuint (fx->duration, ==, 3);

  g_assert_cmpuint (fx->started, ==, 2);
  g_assert_cmpstr (fx->started_type, ==, "micro");
  g_assert_true (limber_session_get_routine (session (fx)) == micro);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fx, "stack")), ==, "player");
  g_assert_cmpstr (label (fx, "progress_label"), ==, "Step 1 of 1");

  advance (fx, 30 * SEC);
  g_assert_cmpuint (fx->finished, ==, 2);
  g_assert_cmpstr (fx->routine_id, ==, "micro-side-bend");
  g_assert_cmpstr (fx->break_type, ==, "micro");
  g_assert_true (fx->completed);
  g_assert_cmpstr (adw_status_page_get_description (child (fx, "done_page")), ==,
                   "1 stretch · 30 s");
}

static void
test_mute (Fixture       *fx,
           gconstpointer  data)
{
  GtkToggleButton *button = child (fx, "mute_button");

  g_assert_false (limber_session_view_get_muted (fx->view));
  activate (fx, "session.mute");
  g_assert_true (limber_session_view_get_muted (fx->view));
  g_assert_true (gtk_toggle_button_get_active (button));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "audio-volume-muted-symbolic");
  activate (fx, "session.mute");
  g_assert_false (limber_session_view_get_muted (fx->view));
  g_assert_false (gtk_toggle_button_get_active (button));
}

/* The view's keyboard shortcuts, triggered the way a key press would. */
static GtkShortcut *
find_shortcut (Fixture    *fx,
               guint       keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return shortcut;
        }
    }
  return NULL;
}

static void
press (Fixture *fx,
       guint    keyval)
{
  GtkShortcut *shortcut = find_shortcut (fx, keyval);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (fx->view),
                                               gtk_shortcut_get_arguments (shortcut)));
  limber_ui_test_iterate ();
}

static void
test_keyboard (Fixture       *fx,
               gconstpointer  data)
{
  /* The pause button has the focus, so Space never lands on another button. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fx->window)) == child (fx, "pause_button"));

  press (fx, GDK_KEY_space);
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_PAUSED);
  press (fx, GDK_KEY_space);
  g_assert_cmpint (limber_session_get_state (session (fx)), ==, LIMBER_SESSION_STATE_RUNNING);

  press (fx, GDK_KEY_Right);
  assert_on_step (fx, 1);
  press (fx, GDK_KEY_Left);
  assert_on_step (fx, 0);

  advance (fx, 5 * SEC);
  press (fx, GDK_KEY_r);
  g_assert_cmpint (limber_session_get_elapsed (session (fx)), ==, 0);

  press (fx, GDK_KEY_m);
  g_assert_true (limber_session_view_get_muted (fx->view));

  /* Escape with most of the routine to come asks first. */
  press (fx, GDK_KEY_Escape);
  g_assert_nonnull (find_dialog ());
  g_assert_cmpuint (fx->finished, ==, 0);
}

/* Screenshots */

static void
shoot (AdwColorScheme  scheme,
       int             width,
       int             height,
       gboolean        finished,
       const char     *name)
{
  g_autoptr(LimberFakeClock) clock = limber_fake_clock_new (1700000000 * SEC);
  LimberRoutine *routine = limber_routine_library_lookup (library, ROUTINE_ID);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view = limber_session_view_new ();
  g_autofree char *path = NULL;

  adw_style_manager_set_color_scheme (style, scheme);

  gtk_window_set_title (GTK_WINDOW (window), limber_routine_get_title (routine));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  limber_ui_test_set_width (GTK_WINDOW (window), width, height);

  /* Mid-step: the left side of the upper trapezius stretch, which has a
   * caution, 9 s in. */
  limber_session_view_play (LIMBER_SESSION_VIEW (view), routine, LIMBER_CLOCK (clock));
  limber_fake_clock_advance (clock, (32 + 36 + 48 + 40 + 9) * SEC);
  limber_ui_test_iterate ();
  g_assert_cmpuint (limber_session_get_step_number (limber_session_view_get_session (LIMBER_SESSION_VIEW (view))), ==, 5);
  if (finished)
    {
      limber_fake_clock_advance (clock, 304 * SEC);
      limber_ui_test_iterate ();
    }

  /* The end screen fades in: wait for the crossfade to end. */
  while (gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_template_child (view, LIMBER_TYPE_SESSION_VIEW, "stack"))))
    g_main_context_iteration (NULL, TRUE);
  limber_ui_test_wait_for_frames (window);
  path = limber_ui_test_save_png (window, name);

  gtk_window_destroy (GTK_WINDOW (window));
  limber_ui_test_iterate ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  /* The test suite's environment names the folder. */
  g_assert_nonnull (g_getenv ("LIMBER_SCREENSHOT_DIR"));

  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 720, 640, FALSE, "player-light.png");
  shoot (ADW_COLOR_SCHEME_FORCE_DARK, 720, 640, FALSE, "player-dark.png");
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, 640, FALSE, "player-narrow.png");
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 720, 640, TRUE, "player-done.png");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_ui_test_init (&argc, &argv);
  library = limber_ui_test_load_library ();
  g_assert_nonnull (limber_routine_library_lookup (library, ROUTINE_ID));

#define ADD(path, func) \
  g_test_add ("/session-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("steps-advance", test_steps_advance);
  ADD ("sides-mirror", test_sides_mirror);
  ADD ("pause-resume", test_pause_resume);
  ADD ("previous-next", test_previous_next);
  ADD ("end-early-confirmed", test_end_early_confirmed);
  ADD ("end-early-cancelled", test_end_early_cancelled);
  ADD ("end-without-asking", test_end_without_asking);
  ADD ("finish", test_finish);
  ADD ("play-replaces", test_play_replaces);
  ADD ("mute", test_mute);
  ADD ("keyboard", test_keyboard);
#undef ADD
  g_test_add_func ("/session-view/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
