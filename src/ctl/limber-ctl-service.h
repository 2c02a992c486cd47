/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-ctl-service.h: the limberctl commands that talk to limberd over
 * D-Bus: status, pause, resume, break, postpone, skip, history. Each takes
 * its own argv (argv[0] is the command name) and returns an exit status. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int limber_ctl_status   (int argc, char **argv);
int limber_ctl_pause    (int argc, char **argv);
int limber_ctl_resume   (int argc, char **argv);
int limber_ctl_break    (int argc, char **argv);
int limber_ctl_postpone (int argc, char **argv);
int limber_ctl_skip     (int argc, char **argv);
int limber_ctl_history  (int argc, char **argv);

G_END_DECLS
