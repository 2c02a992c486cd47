/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-daemon.h: limberd's life cycle: options, the bus name, the main
 * loop, and a clean exit on SIGINT and SIGTERM. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of limberd. */
typedef enum
{
  LIMBER_DAEMON_EXIT_OK = 0,
  LIMBER_DAEMON_EXIT_FAILURE = 1,
  LIMBER_DAEMON_EXIT_USAGE = 2,
} LimberDaemonExit;

int limber_daemon_run (int    argc,
                       char **argv);

G_END_DECLS
