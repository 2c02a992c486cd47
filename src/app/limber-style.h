/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-style.h: the app's style sheet (limber-app.css) and, in a build
 * tree, its icons: set up once per display by the widgets that use them,
 * so widget tests see them too. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void limber_style_ensure (GtkWidget *widget);

G_END_DECLS
