/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-version.h: the one place the three executables get their version
 * line and their gettext set-up from, so they never disagree. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *limber_version_string (void);
void        limber_i18n_init      (void);

G_END_DECLS
