/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-application.h: the Limber app: one instance, D-Bus activatable,
 * its actions and windows. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())

G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new                (void);
void               limber_application_register_resources (void);

G_END_DECLS
