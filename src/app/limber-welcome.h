/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-welcome.h: the page shown on the first start: what Limber does,
 * the safety note, and whether it starts at login. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_WELCOME (limber_welcome_get_type ())

G_DECLARE_FINAL_TYPE (LimberWelcome, limber_welcome, LIMBER, WELCOME, GtkWidget)

GtkWidget *limber_welcome_new (void);

G_END_DECLS
