/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber: the GTK app. */

#include "config.h"

#include "limber-application.h"
#include "limber-version.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;

  limber_i18n_init ();

  app = limber_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
