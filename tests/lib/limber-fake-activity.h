/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-fake-activity.h: an activity source a test drives by hand. */

#pragma once

#include "limber-activity-source.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FAKE_ACTIVITY (limber_fake_activity_get_type ())

G_DECLARE_FINAL_TYPE (LimberFakeActivity, limber_fake_activity, LIMBER, FAKE_ACTIVITY, GObject)

LimberFakeActivity *limber_fake_activity_new (void);

G_END_DECLS
