/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limberctl: control limberd from the command line. */

#include "config.h"

#include "limber-ctl.h"
#include "limber-version.h"

int
main (int   argc,
      char *argv[])
{
  limber_i18n_init ();
  return limber_ctl_run (argc, argv);
}
