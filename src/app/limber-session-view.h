/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-session-view.h: the guided-session player page: the animated
 * figure, the countdown ring, the step's text and the controls, and the
 * end screen. It plays a LimberSession and reports its start and end
 * (::session-started, ::session-finished) for limberd's history. */

#pragma once

#include <adwaita.h>

#include "limber-routine.h"
#include "limber-clock.h"
#include "limber-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_VIEW (limber_session_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionView, limber_session_view, LIMBER, SESSION_VIEW, AdwBin)

GtkWidget     *limber_session_view_new           (void);
void           limber_session_view_play          (LimberSessionView *self,
                                                  LimberRoutine     *routine,
                                                  LimberClock       *clock);
void           limber_session_view_stop          (LimberSessionView *self);
LimberSession *limber_session_view_get_session   (LimberSessionView *self);
LimberRoutine *limber_session_view_get_routine   (LimberSessionView *self);
const char    *limber_session_view_get_break_type (LimberSessionView *self);
gboolean       limber_session_view_get_muted     (LimberSessionView *self);
void           limber_session_view_set_muted     (LimberSessionView *self,
                                                  gboolean           muted);

G_END_DECLS
