/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limberd: the break service. Everything lives in the service library so
 * tests link the same code. */

#include "config.h"

#include "limber-daemon.h"
#include "limber-version.h"

int
main (int   argc,
      char *argv[])
{
  limber_i18n_init ();
  return limber_daemon_run (argc, argv);
}
