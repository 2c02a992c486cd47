/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-window.h: Limber's main window: the welcome page on the first
 * start, the home page, and the session player it routes to. It remembers
 * its size. */

#pragma once

#include <adwaita.h>

#include "limber-application.h"
#include "limber-clock.h"
#include "limber-home-view.h"
#include "limber-routine-library.h"
#include "limber-service-client.h"
#include "limber-session-view.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow      *limber_window_new                (LimberApplication    *application);
void               limber_window_set_library        (LimberWindow         *self,
                                                     LimberRoutineLibrary *library);
void               limber_window_set_service_client (LimberWindow         *self,
                                                     LimberServiceClient  *client);
void               limber_window_set_session_clock  (LimberWindow         *self,
                                                     LimberClock          *clock);
void               limber_window_play_routine       (LimberWindow         *self,
                                                     const char           *routine_id);
void               limber_window_play_micro_stretch (LimberWindow         *self);
void               limber_window_show_home          (LimberWindow         *self);
const char        *limber_window_get_page           (LimberWindow         *self);
LimberHomeView    *limber_window_get_home_view      (LimberWindow         *self);
LimberSessionView *limber_window_get_session_view   (LimberWindow         *self);

G_END_DECLS
