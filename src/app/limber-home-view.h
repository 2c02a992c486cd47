/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-home-view.h: the home page: what limberd says now (sitting time,
 * the next break, a pause), a quick micro-stretch, and the routines grouped
 * by the part of the body they are for. It shows what it is given; the
 * window feeds it limberd's state, tests feed it numbers. */

#pragma once

#include <adwaita.h>

#include "limber-clock.h"
#include "limber-routine.h"
#include "limber-service-client.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HOME_VIEW (limber_home_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberHomeView, limber_home_view, LIMBER, HOME_VIEW, GtkWidget)

/* "Pause for 30 min". */
#define LIMBER_HOME_VIEW_PAUSE_SECONDS (30 * 60)

GtkWidget  *limber_home_view_new                 (void);
void        limber_home_view_set_clock           (LimberHomeView           *self,
                                                  LimberClock              *clock);
void        limber_home_view_set_state           (LimberHomeView           *self,
                                                  const LimberServiceState *state);
void        limber_home_view_set_service_running (LimberHomeView           *self,
                                                  gboolean                  running);
gboolean    limber_home_view_get_service_running (LimberHomeView           *self);
void        limber_home_view_set_routines        (LimberHomeView           *self,
                                                  GListModel               *routines);
const char *limber_home_view_get_sitting_text    (LimberHomeView           *self);
const char *limber_home_view_get_next_break_text (LimberHomeView           *self);
const char *limber_home_view_get_pause_text      (LimberHomeView           *self);
gboolean    limber_home_view_get_paused          (LimberHomeView           *self);
guint       limber_home_view_get_n_groups        (LimberHomeView           *self);
char       *limber_home_view_format_summary      (LimberRoutine            *routine);
char       *limber_format_minutes                (gint64                    seconds);

G_END_DECLS
