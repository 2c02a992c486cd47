/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-ctl.h: the limberctl command line: global options, the command
 * table and the documented exit statuses. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of limberctl; documented in its --help and man page. */
typedef enum
{
  LIMBER_CTL_EXIT_OK = 0,
  LIMBER_CTL_EXIT_FAILURE = 1,
  LIMBER_CTL_EXIT_USAGE = 2,
  LIMBER_CTL_EXIT_NO_SERVICE = 3,
} LimberCtlExit;

int limber_ctl_run (int    argc,
                    char **argv);

G_END_DECLS
