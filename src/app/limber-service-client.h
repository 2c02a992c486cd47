/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-service-client.h: the app's side of limberd's D-Bus API. It makes
 * sure limberd runs (D-Bus activation), follows its state, and sends it the
 * person's requests (pause, resume, sessions, history). */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_SERVICE_CLIENT (limber_service_client_get_type ())

G_DECLARE_FINAL_TYPE (LimberServiceClient, limber_service_client, LIMBER, SERVICE_CLIENT, GObject)

/**
 * LimberServiceState:
 * @sitting_seconds: continuous sitting at @state_time
 * @counting: whether sitting grows (not paused, not away)
 * @state_time: when the numbers were read, in µs since the Unix epoch
 * @next_break_type: "micro", "stretch", or "" when no break is coming
 * @next_break_in_seconds: seconds to the next break at @state_time; 0 when
 *   due, -1 when none is coming
 * @pause_kind: "none", "for-duration", "until-tomorrow" or "indefinite"
 * @paused_until: the end of a pause for a duration, in µs since the epoch
 *
 * limberd's state as the home page shows it. The strings belong to whoever
 * filled the struct and are valid until its next change.
 */
typedef struct
{
  gint64 sitting_seconds;
  gboolean counting;
  gint64 state_time;
  const char *next_break_type;
  gint64 next_break_in_seconds;
  const char *pause_kind;
  gint64 paused_until;
} LimberServiceState;

LimberServiceClient *limber_service_client_new                 (GDBusConnection      *connection);
gboolean             limber_service_client_get_ready           (LimberServiceClient  *self);
gboolean             limber_service_client_get_available       (LimberServiceClient  *self);
gboolean             limber_service_client_get_state           (LimberServiceClient  *self,
                                                                LimberServiceState   *state);
void                 limber_service_client_pause               (LimberServiceClient  *self,
                                                                gint64                seconds);
void                 limber_service_client_resume              (LimberServiceClient  *self);
void                 limber_service_client_begin_session       (LimberServiceClient  *self,
                                                                const char           *break_type);
void                 limber_service_client_record_session      (LimberServiceClient  *self,
                                                                const char           *routine_id,
                                                                const char           *break_type,
                                                                guint                 steps_done,
                                                                guint                 steps_total,
                                                                guint                 duration_seconds,
                                                                gboolean              finished);
void                 limber_service_client_get_history_async   (LimberServiceClient  *self,
                                                                gint64                from,
                                                                gint64                to,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean             limber_service_client_get_history_finish  (LimberServiceClient  *self,
                                                                GAsyncResult         *result,
                                                                GVariant            **out_days,
                                                                guint                *out_streak,
                                                                GError              **error);
gboolean             limber_service_client_start_service       (LimberServiceClient  *self,
                                                                GError              **error);
char                *limber_service_client_find_limberd        (void);

G_END_DECLS
