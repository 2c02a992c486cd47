/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-break-service.h: limberd's break engine at work: settings in,
 * the activity source chosen and fed in, suspend, lock and do-not-disturb
 * fed in, and the state saved under $XDG_STATE_HOME/limber/ on change
 * (debounced) and on exit, restored at start the same day. */

#pragma once

#include <gio/gio.h>

#include "limber-break-engine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_BREAK_SERVICE (limber_break_service_get_type ())

G_DECLARE_FINAL_TYPE (LimberBreakService, limber_break_service, LIMBER, BREAK_SERVICE, GObject)

LimberBreakService *limber_break_service_new             (LimberClock        *clock,
                                                          GSettings          *settings,
                                                          const char         *state_path,
                                                          const char         *history_path);
void                limber_break_service_start           (LimberBreakService *self);
void                limber_break_service_save_now        (LimberBreakService *self);
LimberBreakEngine  *limber_break_service_get_engine      (LimberBreakService *self);
const char         *limber_break_service_get_source_name (LimberBreakService *self);
char               *limber_break_service_default_state_path (void);
guint               limber_break_service_get_postpone_limit (LimberBreakService *self);
gboolean            limber_break_service_record_session  (LimberBreakService *self,
                                                          const char         *routine_id,
                                                          LimberBreakType     type,
                                                          guint               steps_done,
                                                          guint               steps_total,
                                                          guint               duration,
                                                          gboolean            finished,
                                                          GError            **error);
gboolean            limber_break_service_query_history   (LimberBreakService *self,
                                                          gint64              from,
                                                          gint64              to,
                                                          GVariant          **events,
                                                          GVariant          **days,
                                                          guint              *streak,
                                                          GError            **error);
const char         *limber_break_service_get_history_recovered_from (LimberBreakService *self);

G_END_DECLS
