/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-autostart.h"

struct _LimberAutostart
{
  GObject parent_instance;

  GSettings *settings;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LimberAutostart, limber_autostart, G_TYPE_OBJECT)

static gboolean
in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * limber_autostart_entry_path:
 *
 * Returns: (transfer full): $XDG_CONFIG_HOME/autostart/<service name>.desktop
 */
char *
limber_autostart_entry_path (void)
{
  g_autofree char *name = g_strconcat (SERVICE_NAME, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/* An argument quoted for a desktop entry's Exec key (Desktop Entry
 * Specification, "The Exec key"): double quotes when needed, with ", `, $
 * and \ escaped, and backslashes doubled again for the key file. */
static char *
quote_exec_argument (const char *arg)
{
  GString *out;

  if (strpbrk (arg, " \t\n\"'\\><~|&;$*?#()`") == NULL)
    return g_strdup (arg);

  out = g_string_new ("\"");
  for (const char *p = arg; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '`' || *p == '$')
        g_string_append_c (out, '\\');
      else if (*p == '\\')
        g_string_append (out, "\\\\\\");
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The running limberd's own path, so a build-tree limberd starts itself. */
static char *
limberd_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  return self != NULL ? g_steal_pointer (&self) : g_strdup ("limberd");
}

static gboolean
write_entry (GError **error)
{
  g_autofree char *path = limber_autostart_entry_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *exec = limberd_path ();
  g_autofree char *quoted = quote_exec_argument (exec);
  g_autofree char *contents = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=%s\n"
                              "Comment=%s\n"
                              "Exec=%s\n"
                              "Icon=%s\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              _("Limber break service"),
                              _("Reminds you to take breaks and stretch"),
                              quoted, APP_ID);
  return g_file_set_contents (path, contents, -1, error);
}

static gboolean
remove_entry (GError **error)
{
  g_autofree char *path = limber_autostart_entry_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot remove %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
portal_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The Background portal refused to change autostart: %s", error->message);
}

/* Inside Flatpak the portal writes the autostart entry for us. */
static gboolean
request_background (LimberAutostart  *self,
                    gboolean          enabled,
                    GError          **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  GVariantBuilder options;
  const char *commandline[] = { "limberd", NULL };

  if (bus == NULL)
    return FALSE;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Limber reminds you to take breaks while you work.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, portal_done_cb, NULL);
  return TRUE;
}

/**
 * limber_autostart_apply:
 * @enabled: whether limberd should start at login
 *
 * Returns: %FALSE with @error set when the entry could not be changed
 */
gboolean
limber_autostart_apply (LimberAutostart  *self,
                        gboolean          enabled,
                        GError          **error)
{
  g_return_val_if_fail (LIMBER_IS_AUTOSTART (self), FALSE);

  if (in_flatpak ())
    return request_background (self, enabled, error);
  return enabled ? write_entry (error) : remove_entry (error);
}

static void
autostart_changed_cb (GSettings       *settings,
                      const char      *key,
                      LimberAutostart *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled = g_settings_get_boolean (settings, "autostart");

  g_debug ("Autostart %s", enabled ? "on" : "off");
  if (!limber_autostart_apply (self, enabled, &error))
    g_message ("Cannot change autostart: %s", error->message);
}

/**
 * limber_autostart_new:
 *
 * Follows the "autostart" setting from now on; the entry is written or
 * removed when the setting changes, and checked once now.
 */
LimberAutostart *
limber_autostart_new (GSettings *settings)
{
  LimberAutostart *self;
  g_autofree char *path = limber_autostart_entry_path ();
  gboolean enabled;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_AUTOSTART, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::autostart", G_CALLBACK (autostart_changed_cb), self, 0);

  /* Outside Flatpak, only touch the entry when it disagrees with the
   * setting (a person may have edited it). */
  enabled = g_settings_get_boolean (settings, "autostart");
  if (in_flatpak () || enabled != g_file_test (path, G_FILE_TEST_EXISTS))
    autostart_changed_cb (settings, "autostart", self);

  return self;
}

static void
limber_autostart_dispose (GObject *object)
{
  LimberAutostart *self = LIMBER_AUTOSTART (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_autostart_parent_class)->dispose (object);
}

static void
limber_autostart_class_init (LimberAutostartClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_autostart_dispose;
}

static void
limber_autostart_init (LimberAutostart *self)
{
  self->cancellable = g_cancellable_new ();
}
