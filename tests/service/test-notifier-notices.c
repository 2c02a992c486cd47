/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the notifier sends for each capability set, including those no
 * server at hand lacks (dunst always offers actions): no server is
 * involved, these are the notifier's pure functions. The real exchange with
 * dunst is in test-notifier.sh. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "limber-notifier-private.h"

/* As each server answers GetCapabilities. */
static const char * const dunst_caps[] = {
  "actions", "body", "body-hyperlinks", "icon-static", "synchronous", "private-synchronous",
  "x-canonical-private-synchronous", "x-dunst-stack-tag", "body-markup", NULL
};
static const char * const gnome_shell_caps[] = {
  "actions", "body", "body-markup", "icon-static", "persistence", "sound", NULL
};
/* What libnotify reports for the notification portal. */
static const char * const portal_caps[] = {
  "icon-static", "body-images", "body", "actions", NULL
};
/* A minimal server: text only. */
static const char * const bare_caps[] = { "body", NULL };

#define ALL_CAPS (LIMBER_NOTIFIER_CAP_ACTIONS | LIMBER_NOTIFIER_CAP_BODY_MARKUP)

static void
test_caps (void)
{
  g_assert_cmpint (limber_notifier_caps_from_strv (dunst_caps), ==,
                   LIMBER_NOTIFIER_CAP_ACTIONS | LIMBER_NOTIFIER_CAP_BODY_MARKUP);
  g_assert_cmpint (limber_notifier_caps_from_strv (gnome_shell_caps), ==,
                   LIMBER_NOTIFIER_CAP_ACTIONS | LIMBER_NOTIFIER_CAP_BODY_MARKUP
                   | LIMBER_NOTIFIER_CAP_PERSISTENCE);
  g_assert_cmpint (limber_notifier_caps_from_strv (portal_caps), ==, LIMBER_NOTIFIER_CAP_ACTIONS);
  g_assert_cmpint (limber_notifier_caps_from_strv (bare_caps), ==, 0);
  g_assert_cmpint (limber_notifier_caps_from_strv (NULL), ==, 0);
}

static void
test_postpone_label (void)
{
  static const struct
  {
    guint seconds;
    const char *label;
  } cases[] = {
    { 300, "Postpone 5 min" },
    { 60, "Postpone 1 min" },
    { 30, "Postpone 30 s" },
    { 90, "Postpone 1 min 30 s" },
    { 3600, "Postpone 1 h" },
    { 5400, "Postpone 1 h 30 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = limber_notifier_format_postpone (cases[i].seconds);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_action_names (void)
{
  g_assert_cmpstr (limber_notifier_action_name ("default"), ==, "start");
  g_assert_cmpstr (limber_notifier_action_name ("start"), ==, "start");
  g_assert_cmpstr (limber_notifier_action_name ("postpone"), ==, "postpone");
  g_assert_cmpstr (limber_notifier_action_name ("skip"), ==, "skip");
}

static void
assert_actions (const LimberNotice *notice,
                const char         *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < notice->n_actions; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, notice->actions[i].id);
    }
  g_assert_cmpstr (ids->str, ==, expected);
}

static void
test_stretch_due (void)
{
  g_autoptr(LimberNotice) notice = NULL;
  g_autoptr(LimberNotice) persistent = NULL;
  g_autoptr(LimberNotice) other_length = NULL;

  notice = limber_notice_new_due (LIMBER_BREAK_STRETCH, FALSE, NULL, NULL, 300, ALL_CAPS);
  g_assert_cmpstr (notice->summary, ==, "Time for a stretch break");
  g_assert_cmpint (notice->urgency, ==, NOTIFY_URGENCY_NORMAL);
  /* dunst keeps no history a person would look at: it stays up. */
  g_assert_cmpint (notice->timeout, ==, NOTIFY_EXPIRES_NEVER);
  g_assert_false (notice->transient);
  assert_actions (notice, "default start postpone skip");
  g_assert_cmpstr (limber_notice_find_action (notice, "default")->label, ==, "Start stretches");
  g_assert_cmpstr (limber_notice_find_action (notice, "start")->label, ==, "Start stretches");
  g_assert_cmpstr (limber_notice_find_action (notice, "postpone")->label, ==, "Postpone 5 min");
  g_assert_cmpstr (limber_notice_find_action (notice, "skip")->label, ==, "Skip");
  g_assert_null (strstr (notice->body, "tray"));

  persistent = limber_notice_new_due (LIMBER_BREAK_STRETCH, FALSE, NULL, NULL, 300,
                                      limber_notifier_caps_from_strv (gnome_shell_caps));
  g_assert_cmpint (persistent->timeout, ==, NOTIFY_EXPIRES_DEFAULT);

  other_length = limber_notice_new_due (LIMBER_BREAK_STRETCH, FALSE, NULL, NULL, 600, ALL_CAPS);
  g_assert_cmpstr (limber_notice_find_action (other_length, "postpone")->label, ==,
                   "Postpone 10 min");
}

static void
test_stretch_due_without_actions (void)
{
  g_autoptr(LimberNotice) notice = NULL;

  notice = limber_notice_new_due (LIMBER_BREAK_STRETCH, FALSE, NULL, NULL, 300,
                                  limber_notifier_caps_from_strv (bare_caps));
  assert_actions (notice, "");
  /* Says where to answer instead. */
  g_assert_nonnull (strstr (notice->body, "tray icon"));
  g_assert_nonnull (strstr (notice->body, "limberctl"));
}

static void
test_escalated (void)
{
  g_autoptr(LimberNotice) stretch = NULL;
  g_autoptr(LimberNotice) micro = NULL;

  stretch = limber_notice_new_due (LIMBER_BREAK_STRETCH, TRUE, NULL, NULL, 300, ALL_CAPS);
  g_assert_cmpstr (stretch->summary, ==, "Stretch break: last reminder");
  g_assert_cmpint (stretch->urgency, ==, NOTIFY_URGENCY_CRITICAL);
  g_assert_nonnull (strstr (stretch->body, "postponed as many times as allowed"));
  /* Nothing left to postpone. */
  assert_actions (stretch, "default start skip");

  micro = limber_notice_new_due (LIMBER_BREAK_MICRO, TRUE, "Chin tucks", "Slide your chin back.",
                                 300, ALL_CAPS);
  g_assert_cmpstr (micro->summary, ==, "Micro-break: last reminder");
  g_assert_cmpint (micro->urgency, ==, NOTIFY_URGENCY_CRITICAL);
}

static void
test_micro_due_markup (void)
{
  g_autoptr(LimberNotice) markup = NULL;
  g_autoptr(LimberNotice) plain = NULL;

  markup = limber_notice_new_due (LIMBER_BREAK_MICRO, FALSE, "Tom & <i>Jerry</i>", "<b>&amp;</b>",
                                  300, ALL_CAPS);
  g_assert_cmpstr (markup->summary, ==, "Micro-break");
  g_assert_cmpstr (markup->body, ==,
                   "<b>Tom &amp; &lt;i&gt;Jerry&lt;/i&gt;</b>\n&lt;b&gt;&amp;amp;&lt;/b&gt;");
  g_assert_cmpint (markup->urgency, ==, NOTIFY_URGENCY_NORMAL);
  /* Its owner closes it once the break is taken. */
  g_assert_cmpint (markup->timeout, ==, NOTIFY_EXPIRES_NEVER);
  assert_actions (markup, "default skip");

  plain = limber_notice_new_due (LIMBER_BREAK_MICRO, FALSE, "Tom & <i>Jerry</i>", "<b>&amp;</b>",
                                 300, LIMBER_NOTIFIER_CAP_ACTIONS);
  g_assert_cmpstr (plain->body, ==, "Tom & <i>Jerry</i>\n<b>&amp;</b>");
}

static void
test_micro_due_default_text (void)
{
  g_autoptr(LimberNotice) notice = NULL;

  notice = limber_notice_new_due (LIMBER_BREAK_MICRO, FALSE, NULL, NULL, 300, 0);
  g_assert_cmpstr (notice->body, ==,
                   "Look away from the screen, drop your shoulders and breathe out slowly.");
  assert_actions (notice, "");
}

static void
test_warning (void)
{
  g_autoptr(LimberNotice) stretch = NULL;
  g_autoptr(LimberNotice) micro = NULL;
  g_autoptr(LimberNotice) one = NULL;
  g_autoptr(LimberNotice) minutes = NULL;
  g_autoptr(LimberNotice) bare = NULL;

  stretch = limber_notice_new_warning (LIMBER_BREAK_STRETCH, 30, 300, ALL_CAPS);
  g_assert_cmpstr (stretch->summary, ==, "Stretch break in 30 seconds");
  g_assert_cmpint (stretch->urgency, ==, NOTIFY_URGENCY_LOW);
  g_assert_cmpint (stretch->timeout, ==, NOTIFY_EXPIRES_DEFAULT);
  g_assert_true (stretch->transient);
  assert_actions (stretch, "postpone skip");

  micro = limber_notice_new_warning (LIMBER_BREAK_MICRO, 30, 300, ALL_CAPS);
  g_assert_cmpstr (micro->summary, ==, "Micro-break in 30 seconds");
  assert_actions (micro, "");

  one = limber_notice_new_warning (LIMBER_BREAK_MICRO, 1, 300, ALL_CAPS);
  g_assert_cmpstr (one->summary, ==, "Micro-break in 1 second");

  minutes = limber_notice_new_warning (LIMBER_BREAK_STRETCH, 120, 300, ALL_CAPS);
  g_assert_cmpstr (minutes->summary, ==, "Stretch break in 2 min");

  bare = limber_notice_new_warning (LIMBER_BREAK_STRETCH, 30, 300, 0);
  assert_actions (bare, "");
}

static void
test_message (void)
{
  g_autoptr(LimberNotice) markup = NULL;
  g_autoptr(LimberNotice) plain = NULL;

  markup = limber_notice_new_message ("History <reset>", "a & b", ALL_CAPS);
  g_assert_cmpstr (markup->summary, ==, "History <reset>");
  g_assert_cmpstr (markup->body, ==, "a &amp; b");
  assert_actions (markup, "");

  plain = limber_notice_new_message ("History <reset>", "a & b", 0);
  g_assert_cmpstr (plain->body, ==, "a & b");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notifier/caps", test_caps);
  g_test_add_func ("/notifier/postpone-label", test_postpone_label);
  g_test_add_func ("/notifier/action-names", test_action_names);
  g_test_add_func ("/notifier/stretch-due", test_stretch_due);
  g_test_add_func ("/notifier/stretch-due-without-actions", test_stretch_due_without_actions);
  g_test_add_func ("/notifier/escalated", test_escalated);
  g_test_add_func ("/notifier/micro-due-markup", test_micro_due_markup);
  g_test_add_func ("/notifier/micro-due-default-text", test_micro_due_default_text);
  g_test_add_func ("/notifier/warning", test_warning);
  g_test_add_func ("/notifier/message", test_message);

  return g_test_run ();
}
