/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-duration.h: parse and format the durations people type and read
 * ("30m", "1h30m"; "23 min"). Shared by limberctl, limberd and the app. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIMBER_DURATION_ERROR (limber_duration_error_quark ())

typedef enum
{
  LIMBER_DURATION_ERROR_INVALID,
  LIMBER_DURATION_ERROR_OUT_OF_RANGE,
} LimberDurationError;

/* The longest duration limber_duration_parse() accepts: one week. */
#define LIMBER_DURATION_MAX_SECONDS (7 * 24 * 60 * 60)

GQuark    limber_duration_error_quark    (void);
gboolean  limber_duration_parse          (const char  *text,
                                          gint64      *out_seconds,
                                          GError     **error);
char     *limber_duration_format_minutes (gint64       seconds);

G_END_DECLS
