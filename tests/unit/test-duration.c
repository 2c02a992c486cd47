/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for limber-duration: what people type after `limberctl pause`. */

#include "config.h"

#include "limber-duration.h"

static void
test_parse_valid (void)
{
  const struct {
    const char *text;
    gint64 seconds;
  } cases[] = {
    { "30m", 30 * 60 },
    { "1h", 3600 },
    { "1h30m", 5400 },
    { "1h30m15s", 5415 },
    { "90s", 90 },
    { "2h 15m", 8100 },
    { " 45M ", 45 * 60 },
    { "168h", 7 * 24 * 3600 },
    { "0h5m", 300 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      g_assert_true (limber_duration_parse (cases[i].text, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }
}

static void
test_parse_invalid (void)
{
  const struct {
    const char *text;
    int code;
    const char *message_part;
  } cases[] = {
    { "", LIMBER_DURATION_ERROR_INVALID, "empty" },
    { "   ", LIMBER_DURATION_ERROR_INVALID, "empty" },
    { "30", LIMBER_DURATION_ERROR_INVALID, "no unit" },
    { "m", LIMBER_DURATION_ERROR_INVALID, "expected a number" },
    { "30x", LIMBER_DURATION_ERROR_INVALID, "unknown unit" },
    { "30m1h", LIMBER_DURATION_ERROR_INVALID, "hours, then minutes" },
    { "5m5m", LIMBER_DURATION_ERROR_INVALID, "hours, then minutes" },
    { "-5m", LIMBER_DURATION_ERROR_INVALID, "expected a number" },
    { "1.5h", LIMBER_DURATION_ERROR_INVALID, "unknown unit" },
    { "0m", LIMBER_DURATION_ERROR_OUT_OF_RANGE, "zero" },
    { "169h", LIMBER_DURATION_ERROR_OUT_OF_RANGE, "7 days" },
    { "99999999999999999999999h", LIMBER_DURATION_ERROR_OUT_OF_RANGE, "7 days" },
    { "167h61m", LIMBER_DURATION_ERROR_OUT_OF_RANGE, "7 days" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_false (limber_duration_parse (cases[i].text, &seconds, &error));
      g_assert_error (error, LIMBER_DURATION_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_cmpint (seconds, ==, -1);
    }
}

static void
test_format_minutes (void)
{
  const struct {
    gint64 seconds;
    const char *text;
  } cases[] = {
    { -5, "0 min" },
    { 0, "0 min" },
    { 1, "1 min" },
    { 60, "1 min" },
    { 61, "2 min" },
    { 23 * 60, "23 min" },
    { 3600, "1 h" },
    { 3600 + 5 * 60, "1 h 5 min" },
    { 26 * 3600 + 59, "26 h 1 min" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = limber_duration_format_minutes (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/parse/valid", test_parse_valid);
  g_test_add_func ("/duration/parse/invalid", test_parse_invalid);
  g_test_add_func ("/duration/format-minutes", test_format_minutes);

  return g_test_run ();
}
