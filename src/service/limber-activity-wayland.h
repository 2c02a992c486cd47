/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-activity-wayland.h: idle time from a Wayland compositor through
 * the ext-idle-notify-v1 protocol (KDE Plasma 5.27+, Sway 1.8+, Hyprland,
 * COSMIC, …): the compositor sends "idled" after the threshold without
 * input on the seat and "resumed" at the first input. The Wayland
 * connection's fd is dispatched from the GLib main loop. */

#pragma once

#include "limber-activity-source.h"
#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ACTIVITY_WAYLAND (limber_activity_wayland_get_type ())

G_DECLARE_FINAL_TYPE (LimberActivityWayland, limber_activity_wayland,
                      LIMBER, ACTIVITY_WAYLAND, GObject)

LimberActivitySource *limber_activity_wayland_new (LimberClock *clock);

G_END_DECLS
