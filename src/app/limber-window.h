/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-window.h: Limber's main window. It remembers its size. */

#pragma once

#include <adwaita.h>

#include "limber-application.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow *limber_window_new (LimberApplication *application);

G_END_DECLS
