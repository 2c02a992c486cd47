/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "limber-ctl.h"
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

/* Each command parses its own arguments; the table gives the help text. */
static const LimberCtlCommand commands[] = {
  { "help", "help [COMMAND]", N_("Show help for limberctl or one of its commands"), command_help },
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
    fprintf (stream, "  %-24s %s\n", commands[i].synopsis, _(commands[i].summary));
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
