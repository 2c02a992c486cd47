/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-application.h: the Limber app: one instance, D-Bus activatable,
 * its actions and windows. Starting it makes sure limberd runs. */

#pragma once

#include <adwaita.h>

#include "limber-routine-library.h"
#include "limber-service-client.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())

G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication    *limber_application_new                (void);
void                  limber_application_register_resources (void);
LimberRoutineLibrary *limber_application_get_library        (LimberApplication *self);
LimberServiceClient  *limber_application_get_service_client (LimberApplication *self);
gint64                limber_application_get_start_time     (void);

G_END_DECLS
