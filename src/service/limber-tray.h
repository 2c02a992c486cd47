/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-tray.h: limberd's tray icon, a StatusNotifierItem with a
 * com.canonical.dbusmenu menu, spoken directly over GDBus (no GTK, no
 * libappindicator). The owner tells it the break state and the text to
 * show; it tells the owner which menu entry was clicked ("activate") and
 * whether any tray host shows it at all ("host-present"), so the owner
 * refreshes the text only while somebody can see it. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * LimberTrayStatus:
 * @LIMBER_TRAY_STATUS_NORMAL: breaks are being counted; the normal icon
 * @LIMBER_TRAY_STATUS_DUE: a break is due: the icon asks for attention
 * @LIMBER_TRAY_STATUS_PAUSED: reminders are paused: the paused icon, and
 *   the menu offers "Resume"
 */
typedef enum
{
  LIMBER_TRAY_STATUS_NORMAL,
  LIMBER_TRAY_STATUS_DUE,
  LIMBER_TRAY_STATUS_PAUSED,
} LimberTrayStatus;

#define LIMBER_TYPE_TRAY_STATUS (limber_tray_status_get_type ())
GType limber_tray_status_get_type (void) G_GNUC_CONST;

#define LIMBER_TYPE_TRAY (limber_tray_get_type ())

G_DECLARE_FINAL_TYPE (LimberTray, limber_tray, LIMBER, TRAY, GObject)

LimberTray       *limber_tray_new                   (void);
const char       *limber_tray_get_bus_name          (LimberTray       *self);
void              limber_tray_set_status            (LimberTray       *self,
                                                     LimberTrayStatus  status,
                                                     const char       *title,
                                                     const char       *line);
LimberTrayStatus  limber_tray_get_status            (LimberTray       *self);
const char       *limber_tray_get_title             (LimberTray       *self);
const char       *limber_tray_get_line              (LimberTray       *self);
void              limber_tray_set_visible           (LimberTray       *self,
                                                     gboolean          visible);
gboolean          limber_tray_get_visible           (LimberTray       *self);
gboolean          limber_tray_get_registered        (LimberTray       *self);
gboolean          limber_tray_get_host_present      (LimberTray       *self);
void              limber_tray_set_background_status (LimberTray       *self,
                                                     const char       *message);

G_END_DECLS
