/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "limber-ctl.h"
#include "limber-ctl-service.h"
#include "limber-routine-library.h"
#include "limber-routine-parser.h"
#include "limber-version.h"

typedef int (*LimberCtlCommandFunc) (int    argc,
                                     char **argv);

typedef struct
{
  const char *name;
  const char *synopsis;
  const char *summary;
  LimberCtlCommandFunc run;
} LimberCtlCommand;

static int command_help (int argc, char **argv);
static int command_check_routine (int argc, char **argv);

/* Each command parses its own arguments; the table gives the help text. */
static const LimberCtlCommand commands[] = {
  { "status", "status [--json]", N_("Show sitting time, the next break and the pause"),
    limber_ctl_status },
  { "pause", "pause [DURATION | --until-tomorrow]",
    N_("Pause breaks for a while (default 30m; for example 1h30m)"), limber_ctl_pause },
  { "resume", "resume", N_("End a pause"), limber_ctl_resume },
  { "break", "break [micro|stretch]", N_("Start a break now (default stretch)"), limber_ctl_break },
  { "postpone", "postpone [micro|stretch]", N_("Postpone the break that is due"),
    limber_ctl_postpone },
  { "skip", "skip [micro|stretch]", N_("Skip the break that is due"), limber_ctl_skip },
  { "history", "history [--days N] [--json | --csv]",
    N_("Show breaks and sitting time per day (default 7 days)"), limber_ctl_history },
  { "help", "help [COMMAND]", N_("Show help for limberctl or one of its commands"), command_help },
  { "check-routine", "check-routine FILE...", N_("Check routine and figure files for errors"),
    command_check_routine },
};

static const LimberCtlCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }
  return NULL;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: limberctl [--version] [--help] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "\n%s\n", _("Control the Limber break service from the command line."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-38s %s\n", commands[i].synopsis, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Exit status:"));
  fprintf (stream, "  0  %s\n", _("success"));
  fprintf (stream, "  1  %s\n", _("the command failed"));
  fprintf (stream, "  2  %s\n", _("wrong command or arguments"));
  fprintf (stream, "  3  %s\n", _("limberd is not running"));
}

static int
usage_error (const char *message)
{
  g_printerr ("limberctl: %s\n", message);
  g_printerr ("%s\n", _("Run “limberctl --help” to see the commands."));
  return LIMBER_CTL_EXIT_USAGE;
}

static int
command_help (int    argc,
              char **argv)
{
  const LimberCtlCommand *command;

  if (argc < 2)
    {
      print_usage (stdout);
      return LIMBER_CTL_EXIT_OK;
    }

  if (argc > 2)
    return usage_error (_("help takes at most one command name"));

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
      return usage_error (message);
    }

  g_print ("%s: limberctl %s\n\n%s\n", _("Usage"), command->synopsis, _(command->summary));
  return LIMBER_CTL_EXIT_OK;
}

static char *
format_seconds (guint seconds)
{
  if (seconds < 60)
    /* Translators: a length of time in seconds */
    return g_strdup_printf (_("%u s"), seconds);
  if (seconds % 60 == 0)
    /* Translators: a length of time in whole minutes */
    return g_strdup_printf (_("%u min"), seconds / 60);
  /* Translators: a length of time in minutes and seconds */
  return g_strdup_printf (_("%u min %u s"), seconds / 60, seconds % 60);
}

/* check-routine FILE...: each file is checked as the loader would see it,
 * with the bundled and the user's figures; errors go to stderr the way a
 * compiler prints them, and a valid file gets one line on stdout. */
static int
command_check_routine (int    argc,
                       char **argv)
{
  g_autoptr(LimberRoutineLibrary) library = NULL;
  gboolean all_valid = TRUE;

  if (argc < 2)
    return usage_error (_("check-routine needs at least one file"));

  library = limber_routine_library_new ();
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) errors = NULL;
      g_autoptr(LimberRoutine) routine = NULL;
      g_autoptr(LimberFigureSet) figures = NULL;

      errors = limber_routine_library_check_file (library, argv[i], &routine, &figures);
      for (guint e = 0; e < errors->len; e++)
        {
          g_autofree char *line = limber_routine_error_format (g_ptr_array_index (errors, e));

          g_printerr ("%s\n", line);
        }

      if (errors->len > 0)
        {
          all_valid = FALSE;
        }
      else if (routine != NULL)
        {
          guint n_steps = limber_routine_get_n_steps (routine);
          g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step",
                                                                 "%u steps", n_steps),
                                                    n_steps);
          g_autofree char *duration = format_seconds (limber_routine_get_duration (routine));

          g_print ("%s: %s: %s “%s”, %s, %s\n", argv[i], _("OK"),
                   limber_routine_get_kind (routine) == LIMBER_ROUTINE_KIND_MICRO_STRETCH
                     ? _("micro-stretch") : _("routine"),
                   limber_routine_get_id (routine), steps, duration);
        }
      else if (figures != NULL)
        {
          guint n_poses = limber_figure_set_get_n_poses (figures);
          guint n_animations = limber_figure_set_get_n_animations (figures);
          g_autofree char *poses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pose",
                                                                 "%u poses", n_poses),
                                                    n_poses);
          g_autofree char *animations =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u animation", "%u animations",
                                          n_animations),
                             n_animations);

          g_print ("%s: %s: %s, %s, %s\n", argv[i], _("OK"), _("figures"), poses, animations);
        }
    }

  return all_valid ? LIMBER_CTL_EXIT_OK : LIMBER_CTL_EXIT_FAILURE;
}

/**
 * limber_ctl_run:
 * @argc: the argument count from main()
 * @argv: (array length=argc): the arguments from main()
 *
 * Runs one limberctl command line.
 *
 * Returns: a #LimberCtlExit status for exit()
 */
int
limber_ctl_run (int    argc,
                char **argv)
{
  const LimberCtlCommand *command;
  const char *first;

  if (argc < 2)
    {
      print_usage (stderr);
      return LIMBER_CTL_EXIT_USAGE;
    }

  first = argv[1];

  if (g_str_equal (first, "--version") || g_str_equal (first, "-V"))
    {
      if (argc > 2)
        return usage_error (_("--version takes no arguments"));
      g_print ("limberctl %s\n", limber_version_string ());
      return LIMBER_CTL_EXIT_OK;
    }

  if (g_str_equal (first, "--help") || g_str_equal (first, "-h"))
    return command_help (argc - 1, argv + 1);

  if (first[0] == '-')
    {
      g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), first);
      return usage_error (message);
    }

  command = find_command (first);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), first);
      return usage_error (message);
    }

  return command->run (argc - 1, argv + 1);
}
