/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "limber-ctl.h"
#include "limber-ctl-service.h"
#include "limber-dbus-generated.h"
#include "limber-dbus-names.h"
#include "limber-duration.h"

/* Usage errors print the command's synopsis and a pointer to --help. */
static int
usage (const char *command,
       const char *message)
{
  g_printerr ("limberctl %s: %s\n", command, message);
  g_printerr (_("Run “limberctl help %s” for its usage.\n"), command);
  return LIMBER_CTL_EXIT_USAGE;
}

/* Connects to limberd without starting it: a status query must not start
 * the service behind the person's back. */
static LimberDBusService *
connect_service (int *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autofree char *owner = NULL;

  proxy = limber_dbus_service_proxy_new_for_bus_sync (G_BUS_TYPE_SESSION,
                                                      G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                                      SERVICE_NAME,
                                                      LIMBER_DBUS_SERVICE_PATH,
                                                      NULL, &error);
  if (proxy == NULL)
    {
      g_printerr (_("limberctl: cannot reach the session bus: %s\n"), error->message);
      *exit_status = LIMBER_CTL_EXIT_NO_SERVICE;
      return NULL;
    }

  owner = g_dbus_proxy_get_name_owner (G_DBUS_PROXY (proxy));
  if (owner == NULL)
    {
      g_printerr (_("limberctl: limberd is not running. Start it with “limberd &”, "
                    "or open Limber, which starts it.\n"));
      *exit_status = LIMBER_CTL_EXIT_NO_SERVICE;
      return NULL;
    }

  return g_steal_pointer (&proxy);
}

/* Failed calls: the service's message, without the D-Bus error name. */
static int
call_failed (GError *error)
{
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER))
    {
      g_printerr (_("limberctl: limberd stopped running\n"));
      return LIMBER_CTL_EXIT_NO_SERVICE;
    }

  g_dbus_error_strip_remote_error (error);
  g_printerr ("limberctl: %s\n", error->message);
  return LIMBER_CTL_EXIT_FAILURE;
}

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* status */

static char *
format_minutes (gint64 seconds)
{
  return limber_duration_format_minutes (seconds);
}

static const char *
human_state (const char *state)
{
  if (g_str_equal (state, "counting"))
    return _("counting");
  if (g_str_equal (state, "warned"))
    return _("coming up");
  if (g_str_equal (state, "due"))
    return _("due now");
  if (g_str_equal (state, "deferred"))
    return _("waiting for do-not-disturb to end");
  if (g_str_equal (state, "on-break"))
    return _("on a break");
  if (g_str_equal (state, "disabled"))
    return _("off");
  return state;
}

static void
print_status_json (LimberDBusService *proxy)
{
  g_autoptr(GString) out = g_string_new ("{");
  gint64 until = limber_dbus_service_get_paused_until (proxy);
  const char *next = limber_dbus_service_get_next_break_type (proxy);

  g_string_append (out, "\"version\":");
  json_string (out, limber_dbus_service_get_version (proxy));
  g_string_append_printf (out, ",\"sitting_seconds\":%" G_GINT64_FORMAT,
                          limber_dbus_service_get_sitting_seconds (proxy));
  g_string_append_printf (out, ",\"counting\":%s",
                          limber_dbus_service_get_counting (proxy) ? "true" : "false");
  g_string_append (out, ",\"next_break\":");
  if (next != NULL && *next != '\0')
    {
      g_string_append (out, "{\"type\":");
      json_string (out, next);
      g_string_append_printf (out, ",\"in_seconds\":%" G_GINT64_FORMAT "}",
                              limber_dbus_service_get_next_break_in_seconds (proxy));
    }
  else
    g_string_append (out, "null");

  g_string_append (out, ",\"micro\":{\"state\":");
  json_string (out, limber_dbus_service_get_micro_break_state (proxy));
  g_string_append_printf (out, ",\"postpones\":%u}", limber_dbus_service_get_micro_postpones (proxy));
  g_string_append (out, ",\"stretch\":{\"state\":");
  json_string (out, limber_dbus_service_get_stretch_break_state (proxy));
  g_string_append_printf (out, ",\"postpones\":%u}", limber_dbus_service_get_stretch_postpones (proxy));
  g_string_append_printf (out, ",\"postpone_limit\":%u", limber_dbus_service_get_postpone_limit (proxy));

  g_string_append (out, ",\"pause\":{\"kind\":");
  json_string (out, limber_dbus_service_get_pause_kind (proxy));
  if (until > 0)
    g_string_append_printf (out, ",\"until\":%" G_GINT64_FORMAT "}", until / G_USEC_PER_SEC);
  else
    g_string_append (out, ",\"until\":null}");

  g_string_append (out, ",\"activity_source\":");
  json_string (out, limber_dbus_service_get_activity_source (proxy));
  g_string_append_printf (out, ",\"idle\":%s,\"do_not_disturb\":%s}",
                          limber_dbus_service_get_idle (proxy) ? "true" : "false",
                          limber_dbus_service_get_do_not_disturb (proxy) ? "true" : "false");
  g_print ("%s\n", out->str);
}

static void
print_status_human (LimberDBusService *proxy)
{
  g_autofree char *sitting = format_minutes (limber_dbus_service_get_sitting_seconds (proxy));
  const char *pause = limber_dbus_service_get_pause_kind (proxy);
  const char *next = limber_dbus_service_get_next_break_type (proxy);
  gint64 next_in = limber_dbus_service_get_next_break_in_seconds (proxy);

  if (!g_str_equal (pause, "none"))
    {
      gint64 until = limber_dbus_service_get_paused_until (proxy);

      if (until > 0)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (until / G_USEC_PER_SEC);
          g_autofree char *when = g_date_time_format (dt, "%H:%M");
          /* Translators: %s is a time of day, as in "Paused until 14:30" */
          g_print (_("Paused until %s\n"), when);
        }
      else
        g_print (_("Paused until resumed\n"));
    }
  else if (next != NULL && *next != '\0' && next_in == 0)
    g_print (g_str_equal (next, "stretch") ? _("A stretch break is due now\n")
                                           : _("A micro-break is due now\n"));
  else if (next != NULL && *next != '\0')
    {
      g_autofree char *in = format_minutes (next_in);
      /* Translators: "Next stretch break in 23 min" */
      g_print (g_str_equal (next, "stretch") ? _("Next stretch break in %s\n")
                                             : _("Next micro-break in %s\n"), in);
    }
  else
    g_print (_("No break coming: both kinds are off\n"));

  g_print (_("Sitting for %s\n"), sitting);
  g_print (_("Micro-break: %s\n"), human_state (limber_dbus_service_get_micro_break_state (proxy)));
  g_print (_("Stretch break: %s\n"), human_state (limber_dbus_service_get_stretch_break_state (proxy)));
  g_print (_("Activity source: %s\n"), limber_dbus_service_get_activity_source (proxy));
}

int
limber_ctl_status (int    argc,
                   char **argv)
{
  g_autoptr(LimberDBusService) proxy = NULL;
  gboolean json = FALSE;
  int status = LIMBER_CTL_EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[i]);
          return usage ("status", message);
        }
    }

  if ((proxy = connect_service (&status)) == NULL)
    return status;

  if (json)
    print_status_json (proxy);
  else
    print_status_human (proxy);
  return LIMBER_CTL_EXIT_OK;
}

/* pause, resume */

int
limber_ctl_pause (int    argc,
                  char **argv)
{
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean tomorrow = FALSE;
  gint64 seconds = 30 * 60;
  int status = LIMBER_CTL_EXIT_OK;

  if (argc > 2)
    return usage ("pause", _("give one duration or --until-tomorrow"));

  if (argc == 2)
    {
      if (g_str_equal (argv[1], "--until-tomorrow"))
        tomorrow = TRUE;
      else if (!limber_duration_parse (argv[1], &seconds, &error))
        return usage ("pause", error->message);
    }

  if ((proxy = connect_service (&status)) == NULL)
    return status;

  if (tomorrow ? !limber_dbus_service_call_pause_until_tomorrow_sync (proxy, NULL, &error)
               : !limber_dbus_service_call_pause_sync (proxy, seconds, NULL, &error))
    return call_failed (error);

  if (tomorrow)
    g_print (_("Paused until tomorrow\n"));
  else
    {
      g_autofree char *text = limber_duration_format_minutes (seconds);
      g_print (_("Paused for %s\n"), text);
    }
  return LIMBER_CTL_EXIT_OK;
}

int
limber_ctl_resume (int    argc,
                   char **argv)
{
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autoptr(GError) error = NULL;
  int status = LIMBER_CTL_EXIT_OK;

  if (argc > 1)
    return usage ("resume", _("resume takes no arguments"));

  if ((proxy = connect_service (&status)) == NULL)
    return status;
  if (!limber_dbus_service_call_resume_sync (proxy, NULL, &error))
    return call_failed (error);

  g_print (_("Resumed\n"));
  return LIMBER_CTL_EXIT_OK;
}

/* break, postpone, skip */

static gboolean
parse_type_argument (const char  *command,
                     int          argc,
                     char       **argv,
                     const char  *fallback,
                     const char **type,
                     int         *status)
{
  if (argc > 2)
    {
      *status = usage (command, _("give at most one break type: micro or stretch"));
      return FALSE;
    }
  if (argc == 2 && !g_str_equal (argv[1], "micro") && !g_str_equal (argv[1], "stretch"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown break type “%s”: use micro or stretch"),
                                                  argv[1]);
      *status = usage (command, message);
      return FALSE;
    }

  *type = argc == 2 ? argv[1] : fallback;
  return TRUE;
}

/* The break postpone and skip act on by default: the one due or coming up. */
static const char *
pending_type (LimberDBusService *proxy)
{
  const char *stretch = limber_dbus_service_get_stretch_break_state (proxy);

  if (g_str_equal (stretch, "warned") || g_str_equal (stretch, "due")
      || g_str_equal (stretch, "deferred") || g_str_equal (stretch, "on-break"))
    return "stretch";
  return "micro";
}

int
limber_ctl_break (int    argc,
                  char **argv)
{
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autoptr(GError) error = NULL;
  const char *type = NULL;
  int status = LIMBER_CTL_EXIT_OK;

  if (!parse_type_argument ("break", argc, argv, "stretch", &type, &status))
    return status;
  if ((proxy = connect_service (&status)) == NULL)
    return status;
  if (!limber_dbus_service_call_start_break_sync (proxy, type, NULL, &error))
    return call_failed (error);

  g_print (g_str_equal (type, "stretch") ? _("Stretch break started\n") : _("Micro-break started\n"));
  return LIMBER_CTL_EXIT_OK;
}

typedef gboolean (*TypeCall) (LimberDBusService  *proxy,
                              const char         *type,
                              GCancellable       *cancellable,
                              GError            **error);

static int
run_pending_command (const char *command,
                     int         argc,
                     char      **argv,
                     TypeCall    call,
                     const char *done_micro,
                     const char *done_stretch)
{
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autoptr(GError) error = NULL;
  const char *type = NULL;
  int status = LIMBER_CTL_EXIT_OK;

  if (!parse_type_argument (command, argc, argv, NULL, &type, &status))
    return status;
  if ((proxy = connect_service (&status)) == NULL)
    return status;
  if (type == NULL)
    type = pending_type (proxy);
  if (!call (proxy, type, NULL, &error))
    return call_failed (error);

  g_print ("%s\n", g_str_equal (type, "stretch") ? done_stretch : done_micro);
  return LIMBER_CTL_EXIT_OK;
}

int
limber_ctl_postpone (int    argc,
                     char **argv)
{
  return run_pending_command ("postpone", argc, argv, limber_dbus_service_call_postpone_sync,
                              _("Micro-break postponed"), _("Stretch break postponed"));
}

int
limber_ctl_skip (int    argc,
                 char **argv)
{
  return run_pending_command ("skip", argc, argv, limber_dbus_service_call_skip_sync,
                              _("Micro-break skipped"), _("Stretch break skipped"));
}

/* history */

typedef enum
{
  FORMAT_HUMAN,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

static void
print_history (GVariant *days,
               GVariant *events,
               guint     streak,
               Format    format)
{
  GVariantIter iter;
  const char *date, *type, *kind, *how;
  gint64 sitting, time;
  guint taken, natural, postponed, skipped, sessions, postpones;
  gboolean escalated, was_deferred, completed;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  switch (format)
    {
    case FORMAT_CSV:
      g_print ("date,sitting_seconds,taken,natural,postponed,skipped,guided_sessions\n");
      g_variant_iter_init (&iter, days);
      while (g_variant_iter_next (&iter, "(&sxuuuuu)", &date, &sitting, &taken, &natural,
                                  &postponed, &skipped, &sessions))
        g_print ("%s,%" G_GINT64_FORMAT ",%u,%u,%u,%u,%u\n", date, sitting, taken, natural,
                 postponed, skipped, sessions);
      break;

    case FORMAT_JSON:
      g_string_append (out, "{\"days\":[");
      g_variant_iter_init (&iter, days);
      while (g_variant_iter_next (&iter, "(&sxuuuuu)", &date, &sitting, &taken, &natural,
                                  &postponed, &skipped, &sessions))
        {
          g_string_append (out, first ? "{\"date\":" : ",{\"date\":");
          json_string (out, date);
          g_string_append_printf (out, ",\"sitting_seconds\":%" G_GINT64_FORMAT ",\"taken\":%u,"
                                  "\"natural\":%u,\"postponed\":%u,\"skipped\":%u,"
                                  "\"guided_sessions\":%u}",
                                  sitting, taken, natural, postponed, skipped, sessions);
          first = FALSE;
        }
      g_string_append (out, "],\"events\":[");
      first = TRUE;
      g_variant_iter_init (&iter, events);
      while (g_variant_iter_next (&iter, "(&s&s&sxxubbb)", &type, &kind, &how, &time, &sitting,
                                  &postpones, &escalated, &was_deferred, &completed))
        {
          g_string_append_printf (out, "%s{\"time\":%" G_GINT64_FORMAT ",\"type\":",
                                  first ? "" : ",", time / G_USEC_PER_SEC);
          json_string (out, type);
          g_string_append (out, ",\"kind\":");
          json_string (out, kind);
          g_string_append (out, ",\"how\":");
          json_string (out, how);
          g_string_append_printf (out, ",\"sitting_seconds\":%" G_GINT64_FORMAT ",\"postpones\":%u,"
                                  "\"escalated\":%s,\"was_deferred\":%s,\"completed\":%s}",
                                  sitting / G_USEC_PER_SEC, postpones,
                                  escalated ? "true" : "false", was_deferred ? "true" : "false",
                                  completed ? "true" : "false");
          first = FALSE;
        }
      g_string_append_printf (out, "],\"streak_days\":%u}", streak);
      g_print ("%s\n", out->str);
      break;

    case FORMAT_HUMAN:
    default:
      /* Translators: column headings of `limberctl history`; keep them short */
      g_print ("%-10s  %8s  %5s  %7s  %9s  %7s\n", _("Date"), _("Sitting"), _("Taken"),
               _("Natural"), _("Postponed"), _("Skipped"));
      g_variant_iter_init (&iter, days);
      while (g_variant_iter_next (&iter, "(&sxuuuuu)", &date, &sitting, &taken, &natural,
                                  &postponed, &skipped, &sessions))
        {
          g_autofree char *sat = limber_duration_format_minutes (sitting);
          g_print ("%-10s  %8s  %5u  %7u  %9u  %7u\n", date, sat, taken, natural, postponed, skipped);
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "Streak: %u day\n", "Streak: %u days\n", streak), streak);
      break;
    }
}

int
limber_ctl_history (int    argc,
                    char **argv)
{
  g_autoptr(LimberDBusService) proxy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) events = NULL;
  g_autoptr(GVariant) days_v = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) from = NULL;
  Format format = FORMAT_HUMAN;
  guint64 days = 7;
  guint streak = 0;
  int status = LIMBER_CTL_EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json") || g_str_equal (argv[i], "--csv"))
        {
          if (format != FORMAT_HUMAN)
            return usage ("history", _("give only one of --json and --csv"));
          format = g_str_equal (argv[i], "--json") ? FORMAT_JSON : FORMAT_CSV;
        }
      else if (g_str_equal (argv[i], "--days"))
        {
          if (i + 1 >= argc)
            return usage ("history", _("--days needs a number"));
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 366, &days, NULL))
            {
              g_autofree char *message =
                g_strdup_printf (_("--days takes a whole number from 1 to 366, not “%s”"), argv[i]);
              return usage ("history", message);
            }
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[i]);
          return usage ("history", message);
        }
    }

  if ((proxy = connect_service (&status)) == NULL)
    return status;

  now = g_date_time_new_now_local ();
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  from = g_date_time_add_days (midnight, 1 - (int) days);

  if (!limber_dbus_service_call_get_history_sync (proxy,
                                                  g_date_time_to_unix (from) * G_USEC_PER_SEC,
                                                  g_date_time_to_unix (now) * G_USEC_PER_SEC + G_USEC_PER_SEC,
                                                  &events, &days_v, &streak, NULL, &error))
    return call_failed (error);

  print_history (days_v, events, streak, format);
  return LIMBER_CTL_EXIT_OK;
}
