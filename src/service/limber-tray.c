/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tray icon: org.kde.StatusNotifierItem and com.canonical.dbusmenu
 * over GDBus.
 *
 * While shown, the tray has a session bus connection of its own: the item
 * lives at /StatusNotifierItem on it, and its unique name is what it hands
 * to the watcher's RegisterStatusNotifierItem. Every watcher (KDE's,
 * GNOME's AppIndicator extension, waybar, the Haskell one) drops an item
 * whose name leaves the bus, so hiding the icon is closing that
 * connection; and signals come from the very name the hosts know the item
 * by (a host such as gtk-sni-tray ignores signals from any other sender,
 * which rules out a well-known name on a shared connection). Nothing has
 * to be owned, so a Flatpak sandbox needs only --talk-name for the
 * watcher.
 *
 * The watcher is followed through its name: when it restarts, the item
 * registers again; when it owns its name a moment before it exports its
 * object, the registration is tried again. IsStatusNotifierHostRegistered,
 * re-read on the watcher's StatusNotifierHostRegistered/Unregistered
 * signals and when a host's org.kde.StatusNotifierHost-* name leaves the
 * bus (the Haskell watcher has no Unregistered signal), gives
 * "host-present".
 *
 * Icons are looked up by name in the icon theme; LIMBER_ICON_THEME_PATH,
 * when set, is published as IconThemePath: a folder hosts search for the
 * icons, either a theme root (holding hicolor/…) or a folder holding the
 * icon files themselves, which is what GTK and KDE hosts both find. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "limber-tray.h"
#include "limber-tray-private.h"

#define WATCHER_NAME "org.kde.StatusNotifierWatcher"
#define WATCHER_PATH "/StatusNotifierWatcher"
#define WATCHER_IFACE "org.kde.StatusNotifierWatcher"
#define HOST_NAME_PREFIX "org.kde.StatusNotifierHost"
#define ITEM_PATH "/StatusNotifierItem"
#define ITEM_IFACE "org.kde.StatusNotifierItem"
#define MENU_PATH "/MenuBar"
#define MENU_IFACE "com.canonical.dbusmenu"
#define DBUSMENU_VERSION 3
/* A watcher may own its name a moment before it exports its object (the
 * Haskell one does): a refused registration is tried again after 0.1 s,
 * 0.2 s, 0.4 s… this many times. */
#define REGISTER_ATTEMPTS 7

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE "org.freedesktop.portal.Background"
/* The Background portal refuses longer status messages. */
#define BACKGROUND_STATUS_MAX_CHARS 96

#define ICON_NORMAL "io.github.limberapp.Limber-tray-symbolic"
#define ICON_DUE "io.github.limberapp.Limber-tray-due-symbolic"
#define ICON_PAUSED "io.github.limberapp.Limber-tray-paused-symbolic"

/* Icons go by name only, as libappindicator's items do: no IconPixmap,
 * OverlayIconPixmap or AttentionIconPixmap. Every host copes without them,
 * and a host that reads both a pixmap and a name on NewIcon (gtk-sni-tray)
 * then redraws once, with the new name, instead of twice in a race. */
static const char introspection_xml[] =
  "<node>"
  "  <interface name='" ITEM_IFACE "'>"
  "    <property name='Category' type='s' access='read'/>"
  "    <property name='Id' type='s' access='read'/>"
  "    <property name='Title' type='s' access='read'/>"
  "    <property name='Status' type='s' access='read'/>"
  "    <property name='WindowId' type='i' access='read'/>"
  "    <property name='IconThemePath' type='s' access='read'/>"
  "    <property name='Menu' type='o' access='read'/>"
  "    <property name='ItemIsMenu' type='b' access='read'/>"
  "    <property name='IconName' type='s' access='read'/>"
  "    <property name='OverlayIconName' type='s' access='read'/>"
  "    <property name='AttentionIconName' type='s' access='read'/>"
  "    <property name='AttentionMovieName' type='s' access='read'/>"
  "    <property name='ToolTip' type='(sa(iiay)ss)' access='read'/>"
  "    <method name='ContextMenu'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='Activate'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='SecondaryActivate'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='Scroll'>"
  "      <arg name='delta' type='i' direction='in'/>"
  "      <arg name='orientation' type='s' direction='in'/>"
  "    </method>"
  "    <signal name='NewTitle'/>"
  "    <signal name='NewIcon'/>"
  "    <signal name='NewAttentionIcon'/>"
  "    <signal name='NewOverlayIcon'/>"
  "    <signal name='NewToolTip'/>"
  "    <signal name='NewStatus'>"
  "      <arg name='status' type='s'/>"
  "    </signal>"
  "  </interface>"
  "  <interface name='" MENU_IFACE "'>"
  "    <property name='Version' type='u' access='read'/>"
  "    <property name='TextDirection' type='s' access='read'/>"
  "    <property name='Status' type='s' access='read'/>"
  "    <property name='IconThemePath' type='as' access='read'/>"
  "    <method name='GetLayout'>"
  "      <arg name='parentId' type='i' direction='in'/>"
  "      <arg name='recursionDepth' type='i' direction='in'/>"
  "      <arg name='propertyNames' type='as' direction='in'/>"
  "      <arg name='revision' type='u' direction='out'/>"
  "      <arg name='layout' type='(ia{sv}av)' direction='out'/>"
  "    </method>"
  "    <method name='GetGroupProperties'>"
  "      <arg name='ids' type='ai' direction='in'/>"
  "      <arg name='propertyNames' type='as' direction='in'/>"
  "      <arg name='properties' type='a(ia{sv})' direction='out'/>"
  "    </method>"
  "    <method name='GetProperty'>"
  "      <arg name='id' type='i' direction='in'/>"
  "      <arg name='name' type='s' direction='in'/>"
  "      <arg name='value' type='v' direction='out'/>"
  "    </method>"
  "    <method name='Event'>"
  "      <arg name='id' type='i' direction='in'/>"
  "      <arg name='eventId' type='s' direction='in'/>"
  "      <arg name='data' type='v' direction='in'/>"
  "      <arg name='timestamp' type='u' direction='in'/>"
  "    </method>"
  "    <method name='EventGroup'>"
  "      <arg name='events' type='a(isvu)' direction='in'/>"
  "      <arg name='idErrors' type='ai' direction='out'/>"
  "    </method>"
  "    <method name='AboutToShow'>"
  "      <arg name='id' type='i' direction='in'/>"
  "      <arg name='needUpdate' type='b' direction='out'/>"
  "    </method>"
  "    <method name='AboutToShowGroup'>"
  "      <arg name='ids' type='ai' direction='in'/>"
  "      <arg name='updatesNeeded' type='ai' direction='out'/>"
  "      <arg name='idErrors' type='ai' direction='out'/>"
  "    </method>"
  "    <signal name='ItemsPropertiesUpdated'>"
  "      <arg name='updatedProps' type='a(ia{sv})'/>"
  "      <arg name='removedProps' type='a(ias)'/>"
  "    </signal>"
  "    <signal name='LayoutUpdated'>"
  "      <arg name='revision' type='u'/>"
  "      <arg name='parent' type='i'/>"
  "    </signal>"
  "    <signal name='ItemActivationRequested'>"
  "      <arg name='id' type='i'/>"
  "      <arg name='timestamp' type='u'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

/* The menu. The ids are the items' dbusmenu ids, and stay the same from
 * one release to the next; 0 is the root. */
typedef enum
{
  ENTRY_ROOT,
  ENTRY_LINE,
  ENTRY_SEPARATOR,
  ENTRY_ACTION,
  ENTRY_SUBMENU,
} EntryKind;

typedef enum
{
  MENU_ROOT,
  MENU_NEXT_BREAK,
  MENU_SEPARATOR_1,
  MENU_START_STRETCH,
  MENU_MICRO_BREAK,
  MENU_PAUSE,
  MENU_PAUSE_30M,
  MENU_PAUSE_1H,
  MENU_PAUSE_TOMORROW,
  MENU_RESUME,
  MENU_SEPARATOR_2,
  MENU_OPEN,
  MENU_PREFERENCES,
  MENU_SEPARATOR_3,
  MENU_QUIT,
  N_MENU_ITEMS
} MenuId;

typedef struct
{
  EntryKind kind;
  int parent;
  const char *label;
  const char *action;
} MenuEntry;

static const MenuEntry menu_entries[N_MENU_ITEMS] = {
  [MENU_ROOT] = { ENTRY_ROOT, -1, NULL, NULL },
  [MENU_NEXT_BREAK] = { ENTRY_LINE, MENU_ROOT, NULL, NULL },
  [MENU_SEPARATOR_1] = { ENTRY_SEPARATOR, MENU_ROOT, NULL, NULL },
  [MENU_START_STRETCH] = { ENTRY_ACTION, MENU_ROOT, N_("_Start Stretches Now"), "start-stretch" },
  [MENU_MICRO_BREAK] = { ENTRY_ACTION, MENU_ROOT, N_("_Micro-Break Now"), "micro-break" },
  [MENU_PAUSE] = { ENTRY_SUBMENU, MENU_ROOT, N_("_Pause"), NULL },
  [MENU_PAUSE_30M] = { ENTRY_ACTION, MENU_PAUSE, N_("_30 Minutes"), "pause-30m" },
  [MENU_PAUSE_1H] = { ENTRY_ACTION, MENU_PAUSE, N_("1 _Hour"), "pause-1h" },
  [MENU_PAUSE_TOMORROW] = { ENTRY_ACTION, MENU_PAUSE, N_("Until _Tomorrow"), "pause-tomorrow" },
  [MENU_RESUME] = { ENTRY_ACTION, MENU_ROOT, N_("_Resume"), "resume" },
  [MENU_SEPARATOR_2] = { ENTRY_SEPARATOR, MENU_ROOT, NULL, NULL },
  [MENU_OPEN] = { ENTRY_ACTION, MENU_ROOT, N_("_Open Limber"), "open" },
  [MENU_PREFERENCES] = { ENTRY_ACTION, MENU_ROOT, N_("Pr_eferences"), "preferences" },
  [MENU_SEPARATOR_3] = { ENTRY_SEPARATOR, MENU_ROOT, NULL, NULL },
  [MENU_QUIT] = { ENTRY_ACTION, MENU_ROOT, N_("_Quit"), "quit" },
};

struct _LimberTray
{
  GObject parent_instance;

  gboolean constructed;
  /* For the life of the tray (the portal calls). */
  GCancellable *cancellable;

  /* The tray's own connection, while it is shown. */
  GDBusConnection *connection;
  GCancellable *connect_cancellable;
  gulong closed_handler_id;

  /* For one appearance of the watcher: cancelled when it leaves, when the
   * icon is hidden and in dispose. */
  GCancellable *watcher_cancellable;

  gboolean visible;
  LimberTrayStatus status;
  char *title;
  char *line;
  char *icon_theme_path;
  guint menu_revision;

  guint item_registration_id;
  guint menu_registration_id;

  guint watch_id;
  char *watcher_owner;
  guint host_registered_id;
  guint host_unregistered_id;
  guint host_name_id;
  guint host_recheck_id;
  gboolean registering;
  guint register_attempts;
  guint register_retry_id;
  gboolean registered;
  gboolean host_present;
  gboolean said_no_watcher;

  gboolean sandboxed;
  char *background_message;
  gboolean portal_failed;
};

G_DEFINE_ENUM_TYPE (LimberTrayStatus, limber_tray_status,
  G_DEFINE_ENUM_VALUE (LIMBER_TRAY_STATUS_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (LIMBER_TRAY_STATUS_DUE, "due"),
  G_DEFINE_ENUM_VALUE (LIMBER_TRAY_STATUS_PAUSED, "paused"))

G_DEFINE_FINAL_TYPE (LimberTray, limber_tray, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE,
  PROP_BUS_NAME,
  PROP_STATUS,
  PROP_TITLE,
  PROP_LINE,
  PROP_REGISTERED,
  PROP_HOST_PRESENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDBusNodeInfo *
introspection_data (void)
{
  static GDBusNodeInfo *info;

  if (g_once_init_enter (&info))
    g_once_init_leave (&info, g_dbus_node_info_new_for_xml (introspection_xml, NULL));

  return info;
}

static void
emit_signal (LimberTray *self,
             const char *path,
             const char *interface,
             const char *name,
             GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;

  if (!g_dbus_connection_emit_signal (self->connection, NULL, path, interface, name,
                                      parameters, &error))
    g_debug ("Cannot emit %s.%s: %s", interface, name, error->message);
}

/* The item's state */

static const char *
item_status (LimberTray *self)
{
  /* A paused Limber stays Active: Passive hides the icon on most hosts,
   * and the paused icon is what tells the user nothing will remind them. */
  return self->status == LIMBER_TRAY_STATUS_DUE ? "NeedsAttention" : "Active";
}

static const char *
item_icon_name (LimberTray *self)
{
  switch (self->status)
    {
    case LIMBER_TRAY_STATUS_DUE:
      return ICON_DUE;
    case LIMBER_TRAY_STATUS_PAUSED:
      return ICON_PAUSED;
    case LIMBER_TRAY_STATUS_NORMAL:
    default:
      return ICON_NORMAL;
    }
}

static const char *
effective_title (LimberTray *self)
{
  return self->title != NULL && *self->title != '\0' ? self->title : _("Limber");
}

static GVariant *
item_tooltip (LimberTray *self)
{
  return g_variant_new ("(s@a(iiay)ss)", "",
                        g_variant_new_array (G_VARIANT_TYPE ("(iiay)"), NULL, 0),
                        effective_title (self), self->line != NULL ? self->line : "");
}

/* The menu */

static gboolean
menu_item_visible (LimberTray *self,
                   int         id)
{
  return id != MENU_RESUME || self->status == LIMBER_TRAY_STATUS_PAUSED;
}

static gboolean
menu_id_valid (int id)
{
  return id >= 0 && id < N_MENU_ITEMS;
}

/* An underscore in text that is not a mnemonic is written twice. */
static char *
escape_mnemonic (const char *text)
{
  g_autoptr(GString) escaped = g_string_new (text);

  g_string_replace (escaped, "_", "__", 0);
  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

static void
add_property (GVariantBuilder    *builder,
              const char * const *filter,
              const char         *name,
              GVariant           *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  if (filter == NULL || filter[0] == NULL || g_strv_contains (filter, name))
    g_variant_builder_add (builder, "{sv}", name, owned);
}

/* The properties of item @id; @filter, when not empty, lists the ones
 * wanted. Properties at their dbusmenu default (type "standard") are left
 * out, except enabled and visible, which are always said. */
static GVariant *
menu_item_properties (LimberTray         *self,
                      int                 id,
                      const char * const *filter)
{
  const MenuEntry *entry = &menu_entries[id];
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  switch (entry->kind)
    {
    case ENTRY_ROOT:
      add_property (&builder, filter, "children-display", g_variant_new_string ("submenu"));
      break;

    case ENTRY_LINE:
      {
        g_autofree char *label = escape_mnemonic (effective_title (self));

        add_property (&builder, filter, "label", g_variant_new_string (label));
        add_property (&builder, filter, "enabled", g_variant_new_boolean (FALSE));
        add_property (&builder, filter, "visible", g_variant_new_boolean (TRUE));
      }
      break;

    case ENTRY_SEPARATOR:
      add_property (&builder, filter, "type", g_variant_new_string ("separator"));
      add_property (&builder, filter, "enabled", g_variant_new_boolean (TRUE));
      add_property (&builder, filter, "visible", g_variant_new_boolean (TRUE));
      break;

    case ENTRY_ACTION:
    case ENTRY_SUBMENU:
      add_property (&builder, filter, "label", g_variant_new_string (_(entry->label)));
      add_property (&builder, filter, "enabled", g_variant_new_boolean (TRUE));
      add_property (&builder, filter, "visible",
                    g_variant_new_boolean (menu_item_visible (self, id)));
      if (entry->kind == ENTRY_SUBMENU)
        add_property (&builder, filter, "children-display", g_variant_new_string ("submenu"));
      break;

    default:
      g_assert_not_reached ();
    }

  return g_variant_builder_end (&builder);
}

/* (ia{sv}av) for item @id and @depth levels of its children (-1: all). */
static GVariant *
menu_layout (LimberTray         *self,
             int                 id,
             int                 depth,
             const char * const *filter)
{
  GVariantBuilder children;
  GVariant *props;

  g_variant_builder_init (&children, G_VARIANT_TYPE ("av"));
  if (depth != 0)
    {
      for (int child = 0; child < N_MENU_ITEMS; child++)
        if (menu_entries[child].parent == id)
          g_variant_builder_add (&children, "v",
                                 menu_layout (self, child, depth < 0 ? -1 : depth - 1, filter));
    }

  props = menu_item_properties (self, id, filter);
  return g_variant_new ("(i@a{sv}@av)", id, props, g_variant_builder_end (&children));
}

static void
menu_snapshot (LimberTray *self,
               GVariant   *snapshot[N_MENU_ITEMS])
{
  for (int id = 0; id < N_MENU_ITEMS; id++)
    snapshot[id] = g_variant_ref_sink (menu_item_properties (self, id, NULL));
}

/* Tells menu clients what changed since @before (which it frees):
 * ItemsPropertiesUpdated with the changed properties, and LayoutUpdated
 * with a new revision when an item appeared or disappeared. */
static void
menu_emit_changes (LimberTray *self,
                   GVariant   *before[N_MENU_ITEMS])
{
  GVariantBuilder updated;
  gboolean any_changed = FALSE;
  gboolean visibility_changed = FALSE;

  g_variant_builder_init (&updated, G_VARIANT_TYPE ("a(ia{sv})"));
  for (int id = 0; id < N_MENU_ITEMS; id++)
    {
      g_autoptr(GVariant) after = g_variant_ref_sink (menu_item_properties (self, id, NULL));
      g_autoptr(GVariant) old = g_steal_pointer (&before[id]);
      GVariantBuilder changed;
      GVariantIter iter;
      const char *key;
      GVariant *value;

      if (g_variant_equal (old, after))
        continue;

      g_variant_builder_init (&changed, G_VARIANT_TYPE_VARDICT);
      g_variant_iter_init (&iter, after);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          g_autoptr(GVariant) new_value = value;
          g_autoptr(GVariant) old_value = g_variant_lookup_value (old, key, NULL);

          if (old_value != NULL && g_variant_equal (old_value, new_value))
            continue;
          if (g_str_equal (key, "visible"))
            visibility_changed = TRUE;
          g_variant_builder_add (&changed, "{sv}", key, new_value);
        }
      g_variant_builder_add (&updated, "(i@a{sv})", id, g_variant_builder_end (&changed));
      any_changed = TRUE;
    }

  if (!any_changed)
    {
      g_variant_builder_clear (&updated);
      return;
    }

  if (visibility_changed)
    self->menu_revision++;
  if (self->menu_registration_id == 0)
    {
      g_variant_builder_clear (&updated);
      return;
    }

  emit_signal (self, MENU_PATH, MENU_IFACE, "ItemsPropertiesUpdated",
               g_variant_new ("(@a(ia{sv})@a(ias))", g_variant_builder_end (&updated),
                              g_variant_new_array (G_VARIANT_TYPE ("(ias)"), NULL, 0)));
  if (visibility_changed)
    emit_signal (self, MENU_PATH, MENU_IFACE, "LayoutUpdated",
                 g_variant_new ("(ui)", self->menu_revision, MENU_ROOT));
}

/* Returns whether @id exists; a click on an item with an action that is
 * shown emits "activate". Other events (opened, closed, hovered) change
 * nothing. */
static gboolean
menu_event (LimberTray *self,
            int         id,
            const char *event_id)
{
  const char *action;

  if (!menu_id_valid (id))
    return FALSE;

  action = menu_entries[id].action;
  if (g_str_equal (event_id, "clicked") && action != NULL && menu_item_visible (self, id))
    {
      g_debug ("Tray menu: %s", action);
      g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, action);
    }

  return TRUE;
}

static const char *
text_direction (void)
{
  /* Translators: the direction of text in this language, as GTK has it:
   * write "default:RTL" for a right-to-left language, else leave it as is.
   * It sets the direction of the tray menu; it is never shown. */
  return g_str_equal (_("default:LTR"), "default:RTL") ? "rtl" : "ltr";
}

static void
return_no_item (GDBusMethodInvocation *invocation,
                int                    id)
{
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                         "No menu item with id %d", id);
}

static void
menu_method_call_cb (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  LimberTray *self = user_data;

  if (g_str_equal (method_name, "GetLayout"))
    {
      g_autofree const char **filter = NULL;
      int parent;
      int depth;

      g_variant_get (parameters, "(ii^a&s)", &parent, &depth, &filter);
      if (!menu_id_valid (parent))
        {
          return_no_item (invocation, parent);
          return;
        }
      g_dbus_method_invocation_return_value (invocation,
        g_variant_new ("(u@(ia{sv}av))", self->menu_revision,
                       menu_layout (self, parent, depth, filter)));
    }
  else if (g_str_equal (method_name, "GetGroupProperties"))
    {
      g_autoptr(GVariant) ids = NULL;
      g_autofree const char **filter = NULL;
      GVariantBuilder result;
      const gint32 *id_list;
      gsize n_ids;

      g_variant_get (parameters, "(@ai^a&s)", &ids, &filter);
      id_list = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint32));
      g_variant_builder_init (&result, G_VARIANT_TYPE ("a(ia{sv})"));
      /* No ids: all of them, as libdbusmenu answers. */
      for (int id = 0; n_ids == 0 && id < N_MENU_ITEMS; id++)
        g_variant_builder_add (&result, "(i@a{sv})", id, menu_item_properties (self, id, filter));
      for (gsize i = 0; i < n_ids; i++)
        if (menu_id_valid (id_list[i]))
          g_variant_builder_add (&result, "(i@a{sv})", id_list[i],
                                 menu_item_properties (self, id_list[i], filter));
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(@a(ia{sv}))",
                                                            g_variant_builder_end (&result)));
    }
  else if (g_str_equal (method_name, "GetProperty"))
    {
      g_autoptr(GVariant) props = NULL;
      g_autoptr(GVariant) value = NULL;
      const char *name;
      int id;

      g_variant_get (parameters, "(i&s)", &id, &name);
      if (menu_id_valid (id))
        {
          props = g_variant_ref_sink (menu_item_properties (self, id, NULL));
          value = g_variant_lookup_value (props, name, NULL);
        }
      if (value == NULL)
        {
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                                 G_DBUS_ERROR_INVALID_ARGS,
                                                 "No property “%s” on menu item %d", name, id);
          return;
        }
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(v)", value));
    }
  else if (g_str_equal (method_name, "Event"))
    {
      const char *event_id;
      int id;

      g_variant_get (parameters, "(i&svu)", &id, &event_id, NULL, NULL);
      if (!menu_event (self, id, event_id))
        {
          return_no_item (invocation, id);
          return;
        }
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "EventGroup"))
    {
      g_autoptr(GVariantIter) events = NULL;
      GVariantBuilder errors;
      const char *event_id;
      gsize n_events;
      gsize n_errors = 0;
      int id;

      g_variant_get (parameters, "(a(isvu))", &events);
      n_events = g_variant_iter_n_children (events);
      g_variant_builder_init (&errors, G_VARIANT_TYPE ("ai"));
      while (g_variant_iter_next (events, "(i&svu)", &id, &event_id, NULL, NULL))
        if (!menu_event (self, id, event_id))
          {
            g_variant_builder_add (&errors, "i", id);
            n_errors++;
          }
      if (n_events > 0 && n_errors == n_events)
        {
          g_variant_builder_clear (&errors);
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                                 G_DBUS_ERROR_INVALID_ARGS,
                                                 "None of the menu items exists");
          return;
        }
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(@ai)",
                                                            g_variant_builder_end (&errors)));
    }
  else if (g_str_equal (method_name, "AboutToShow"))
    {
      int id;

      g_variant_get (parameters, "(i)", &id);
      if (!menu_id_valid (id))
        {
          return_no_item (invocation, id);
          return;
        }
      /* The layout is always up to date: LayoutUpdated says when it changes. */
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", FALSE));
    }
  else if (g_str_equal (method_name, "AboutToShowGroup"))
    {
      g_autoptr(GVariantIter) ids = NULL;
      GVariantBuilder errors;
      int id;

      g_variant_get (parameters, "(ai)", &ids);
      g_variant_builder_init (&errors, G_VARIANT_TYPE ("ai"));
      while (g_variant_iter_next (ids, "i", &id))
        if (!menu_id_valid (id))
          g_variant_builder_add (&errors, "i", id);
      g_dbus_method_invocation_return_value (invocation,
        g_variant_new ("(@ai@ai)", g_variant_new_array (G_VARIANT_TYPE_INT32, NULL, 0),
                       g_variant_builder_end (&errors)));
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }
}

static GVariant *
menu_get_property_cb (GDBusConnection  *connection,
                      const char       *sender,
                      const char       *object_path,
                      const char       *interface_name,
                      const char       *property_name,
                      GError          **error,
                      gpointer          user_data)
{
  LimberTray *self = user_data;

  if (g_str_equal (property_name, "Version"))
    return g_variant_new_uint32 (DBUSMENU_VERSION);
  if (g_str_equal (property_name, "TextDirection"))
    return g_variant_new_string (text_direction ());
  if (g_str_equal (property_name, "Status"))
    return g_variant_new_string ("normal");
  if (g_str_equal (property_name, "IconThemePath"))
    {
      const char *paths[] = { self->icon_theme_path, NULL };

      return g_variant_new_strv (paths, self->icon_theme_path != NULL ? 1 : 0);
    }

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "No property %s", property_name);
  return NULL;
}

/* The StatusNotifierItem */

static void
item_method_call_cb (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  LimberTray *self = user_data;

  /* A left click opens the app. The menu belongs to the host (Menu is
   * set, ItemIsMenu is false), so ContextMenu has nothing to show, and
   * neither a middle click nor the scroll wheel means anything here. */
  if (g_str_equal (method_name, "Activate"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, "open");
    }
  else if (g_str_equal (method_name, "SecondaryActivate") ||
           g_str_equal (method_name, "ContextMenu") ||
           g_str_equal (method_name, "Scroll"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }
}

static GVariant *
item_get_property_cb (GDBusConnection  *connection,
                      const char       *sender,
                      const char       *object_path,
                      const char       *interface_name,
                      const char       *property_name,
                      GError          **error,
                      gpointer          user_data)
{
  LimberTray *self = user_data;

  if (g_str_equal (property_name, "Category"))
    return g_variant_new_string ("ApplicationStatus");
  if (g_str_equal (property_name, "Id"))
    return g_variant_new_string (APP_ID);
  if (g_str_equal (property_name, "Title"))
    return g_variant_new_string (_("Limber"));
  if (g_str_equal (property_name, "Status"))
    return g_variant_new_string (item_status (self));
  if (g_str_equal (property_name, "WindowId"))
    return g_variant_new_int32 (0);
  if (g_str_equal (property_name, "IconThemePath"))
    return g_variant_new_string (self->icon_theme_path != NULL ? self->icon_theme_path : "");
  if (g_str_equal (property_name, "Menu"))
    return g_variant_new_object_path (MENU_PATH);
  if (g_str_equal (property_name, "ItemIsMenu"))
    return g_variant_new_boolean (FALSE);
  if (g_str_equal (property_name, "IconName"))
    return g_variant_new_string (item_icon_name (self));
  if (g_str_equal (property_name, "AttentionIconName"))
    return g_variant_new_string (ICON_DUE);
  if (g_str_equal (property_name, "OverlayIconName") ||
      g_str_equal (property_name, "AttentionMovieName"))
    return g_variant_new_string ("");
  if (g_str_equal (property_name, "ToolTip"))
    return item_tooltip (self);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable item_vtable = {
  .method_call = item_method_call_cb,
  .get_property = item_get_property_cb,
};

static const GDBusInterfaceVTable menu_vtable = {
  .method_call = menu_method_call_cb,
  .get_property = menu_get_property_cb,
};

/* Hosts and the watcher */

static void
set_registered (LimberTray *self,
                gboolean    registered)
{
  if (self->registered == registered)
    return;

  self->registered = registered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED]);
}

static void
set_host_present (LimberTray *self,
                  gboolean    host_present)
{
  if (self->host_present == host_present)
    return;

  g_debug ("A tray host %s",
           host_present ? "shows the tray icon" : "no longer shows the tray icon");
  self->host_present = host_present;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_PRESENT]);
}

static void
is_host_registered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  LimberTray *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (reply == NULL)
    {
      g_debug ("Cannot read IsStatusNotifierHostRegistered: %s", error->message);
      set_host_present (self, FALSE);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  set_host_present (self, g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
                          g_variant_get_boolean (value));
}

static void
query_host_present (LimberTray *self)
{
  if (self->watcher_owner == NULL)
    return;

  g_dbus_connection_call (self->connection, self->watcher_owner, WATCHER_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", WATCHER_IFACE, "IsStatusNotifierHostRegistered"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->watcher_cancellable, is_host_registered_cb, self);
}

static void
host_changed_cb (GDBusConnection *connection,
                 const char      *sender_name,
                 const char      *object_path,
                 const char      *interface_name,
                 const char      *signal_name,
                 GVariant        *parameters,
                 gpointer         user_data)
{
  /* One host more or less says nothing about the others: ask. */
  query_host_present (user_data);
}

static gboolean
host_recheck_cb (gpointer user_data)
{
  LimberTray *self = user_data;

  self->host_recheck_id = 0;
  query_host_present (self);
  return G_SOURCE_REMOVE;
}

static void
host_name_changed_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  LimberTray *self = user_data;
  const char *name;
  const char *new_owner;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sss)")))
    return;

  g_variant_get (parameters, "(&s&s&s)", &name, NULL, &new_owner);
  if (!self->host_present || *new_owner != '\0' || !g_str_has_prefix (name, HOST_NAME_PREFIX))
    return;

  /* The watcher hears of the host leaving at the same time as the tray, and
   * may answer before it has dropped it: ask again a little later. */
  query_host_present (self);
  g_clear_handle_id (&self->host_recheck_id, g_source_remove);
  self->host_recheck_id = g_timeout_add_seconds (1, host_recheck_cb, self);
}

static void try_register (LimberTray *self);

static gboolean
register_retry_cb (gpointer user_data)
{
  LimberTray *self = user_data;

  self->register_retry_id = 0;
  try_register (self);
  return G_SOURCE_REMOVE;
}

static void
register_item_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LimberTray *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  self->registering = FALSE;
  if (reply == NULL)
    {
      if (self->register_attempts < REGISTER_ATTEMPTS)
        {
          g_debug ("The StatusNotifierWatcher refused the tray icon (%s); trying again",
                   error->message);
          self->register_retry_id = g_timeout_add (100u << (self->register_attempts - 1),
                                                   register_retry_cb, self);
        }
      else
        {
          g_message ("The StatusNotifierWatcher refused the tray icon: %s", error->message);
        }
      return;
    }

  g_debug ("The tray icon is registered with the StatusNotifierWatcher (%s)", self->watcher_owner);
  set_registered (self, TRUE);
  /* Hosts that came with the watcher may have been missed while it was
   * not ready. */
  query_host_present (self);
}

/* Registers the item once it is on the bus and the watcher is there. */
static void
try_register (LimberTray *self)
{
  if (self->connection == NULL || self->watcher_owner == NULL ||
      self->registering || self->registered || self->register_retry_id != 0)
    return;

  self->registering = TRUE;
  self->register_attempts++;
  g_dbus_connection_call (self->connection, self->watcher_owner, WATCHER_PATH, WATCHER_IFACE,
                          "RegisterStatusNotifierItem",
                          g_variant_new ("(s)",
                                         g_dbus_connection_get_unique_name (self->connection)),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->watcher_cancellable, register_item_cb, self);
}

static void
forget_watcher (LimberTray *self)
{
  g_cancellable_cancel (self->watcher_cancellable);
  g_clear_object (&self->watcher_cancellable);
  g_clear_pointer (&self->watcher_owner, g_free);
  g_clear_handle_id (&self->register_retry_id, g_source_remove);
  g_clear_handle_id (&self->host_recheck_id, g_source_remove);
  self->register_attempts = 0;
  self->registering = FALSE;
  set_registered (self, FALSE);
  set_host_present (self, FALSE);
}

static void
watcher_appeared_cb (GDBusConnection *connection,
                     const char      *name,
                     const char      *name_owner,
                     gpointer         user_data)
{
  LimberTray *self = user_data;

  forget_watcher (self);
  g_debug ("A StatusNotifierWatcher is on the session bus (%s)", name_owner);
  self->watcher_owner = g_strdup (name_owner);
  self->watcher_cancellable = g_cancellable_new ();
  try_register (self);
  query_host_present (self);
}

static void
watcher_vanished_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  LimberTray *self = user_data;

  if (self->watcher_owner != NULL)
    g_debug ("The StatusNotifierWatcher left the session bus; "
             "the tray icon registers again when one comes back");
  else if (!self->said_no_watcher)
    g_message ("No StatusNotifierWatcher on the session bus: the tray icon appears "
               "when a tray host starts");
  self->said_no_watcher = TRUE;
  forget_watcher (self);
}

/* Showing and hiding */

static void disconnect_from_bus (LimberTray *self);

static void
connection_closed_cb (GDBusConnection *connection,
                      gboolean         remote_peer_vanished,
                      GError          *error,
                      gpointer         user_data)
{
  LimberTray *self = user_data;

  /* The bus went away (the session is ending): nothing to show it on. */
  g_debug ("The tray icon's bus connection closed%s%s", error != NULL ? ": " : "",
           error != NULL ? error->message : "");
  disconnect_from_bus (self);
}

static void
connect_on_bus (LimberTray *self)
{
  g_autoptr(GError) error = NULL;
  GDBusNodeInfo *info = introspection_data ();

  self->item_registration_id =
    g_dbus_connection_register_object (self->connection, ITEM_PATH,
                                       g_dbus_node_info_lookup_interface (info, ITEM_IFACE),
                                       &item_vtable, self, NULL, &error);
  self->menu_registration_id =
    g_dbus_connection_register_object (self->connection, MENU_PATH,
                                       g_dbus_node_info_lookup_interface (info, MENU_IFACE),
                                       &menu_vtable, self, NULL, error == NULL ? &error : NULL);
  /* The connection is the tray's own: nothing else exports there. */
  g_assert_no_error (error);

  self->host_registered_id =
    g_dbus_connection_signal_subscribe (self->connection, WATCHER_NAME, WATCHER_IFACE,
                                        "StatusNotifierHostRegistered", WATCHER_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, host_changed_cb, self, NULL);
  self->host_unregistered_id =
    g_dbus_connection_signal_subscribe (self->connection, WATCHER_NAME, WATCHER_IFACE,
                                        "StatusNotifierHostUnregistered", WATCHER_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, host_changed_cb, self, NULL);
  /* Only names in org.kde: the bus filters the rest out. */
  self->host_name_id =
    g_dbus_connection_signal_subscribe (self->connection, "org.freedesktop.DBus",
                                        "org.freedesktop.DBus", "NameOwnerChanged",
                                        "/org/freedesktop/DBus", "org.kde",
                                        G_DBUS_SIGNAL_FLAGS_MATCH_ARG0_NAMESPACE,
                                        host_name_changed_cb, self, NULL);

  self->watch_id = g_bus_watch_name_on_connection (self->connection, WATCHER_NAME,
                                                   G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                   watcher_appeared_cb, watcher_vanished_cb,
                                                   self, NULL);
}

static void
disconnect_from_bus (LimberTray *self)
{
  g_autoptr(GDBusConnection) connection = g_steal_pointer (&self->connection);

  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  forget_watcher (self);
  if (connection == NULL)
    return;

  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  if (self->host_registered_id != 0)
    g_dbus_connection_signal_unsubscribe (connection, self->host_registered_id);
  if (self->host_unregistered_id != 0)
    g_dbus_connection_signal_unsubscribe (connection, self->host_unregistered_id);
  if (self->host_name_id != 0)
    g_dbus_connection_signal_unsubscribe (connection, self->host_name_id);
  self->host_registered_id = self->host_unregistered_id = self->host_name_id = 0;
  if (self->menu_registration_id != 0)
    g_dbus_connection_unregister_object (connection, self->menu_registration_id);
  if (self->item_registration_id != 0)
    g_dbus_connection_unregister_object (connection, self->item_registration_id);
  self->menu_registration_id = self->item_registration_id = 0;
  g_clear_signal_handler (&self->closed_handler_id, connection);

  /* The watcher drops the item when its name leaves the bus. */
  if (!g_dbus_connection_is_closed (connection))
    g_dbus_connection_close (connection, NULL, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUS_NAME]);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LimberTray *self;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_dbus_connection_new_for_address_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->connect_cancellable);
  if (connection == NULL)
    {
      g_message ("Cannot connect to the session bus for the tray icon: %s", error->message);
      return;
    }

  self->connection = g_steal_pointer (&connection);
  self->closed_handler_id = g_signal_connect (self->connection, "closed",
                                              G_CALLBACK (connection_closed_cb), self);
  connect_on_bus (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUS_NAME]);
}

static void
show (LimberTray *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (address == NULL)
    {
      g_message ("No session bus for the tray icon: %s", error->message);
      return;
    }

  self->connect_cancellable = g_cancellable_new ();
  g_dbus_connection_new_for_address (address,
                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                     NULL, self->connect_cancellable, connected_cb, self);
}

static void
hide (LimberTray *self)
{
  disconnect_from_bus (self);
}

/* The Background portal */

typedef struct
{
  LimberTray *self;
  char *message;
} PortalCall;

static void
portal_call_free (PortalCall *call)
{
  g_free (call->message);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalCall, portal_call_free)

static void
background_status_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  LimberTray *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (reply == NULL && !self->portal_failed)
    {
      /* An older portal (SetStatus came with version 2): once is enough. */
      g_debug ("The Background portal does not take a status: %s", error->message);
      self->portal_failed = TRUE;
    }
}

static void
portal_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PortalCall) call = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder options;

  bus = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bus == NULL)
    {
      g_debug ("No session bus for the Background portal: %s", error->message);
      return;
    }

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "message", g_variant_new_string (call->message));
  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, BACKGROUND_IFACE, "SetStatus",
                          g_variant_new ("(@a{sv})", g_variant_builder_end (&options)),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          call->self->cancellable, background_status_cb, call->self);
}

/* Public API */

/**
 * limber_tray_new:
 *
 * Creates the tray icon and shows it: it connects to the session bus,
 * exports the item there and registers it with the StatusNotifierWatcher
 * whenever there is one.
 *
 * Returns: (transfer full): a new #LimberTray
 */
LimberTray *
limber_tray_new (void)
{
  return g_object_new (LIMBER_TYPE_TRAY, NULL);
}

/**
 * limber_tray_get_bus_name:
 * @self: a #LimberTray
 *
 * Returns: (nullable): the unique name the item has on the session bus
 *   (the one it registers), or %NULL while it is hidden or connecting
 */
const char *
limber_tray_get_bus_name (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), NULL);

  return self->connection != NULL ? g_dbus_connection_get_unique_name (self->connection) : NULL;
}

/**
 * limber_tray_set_status:
 * @self: a #LimberTray
 * @status: the break state, which picks the icon and the item's status
 * @title: (nullable): one short line, such as "Next stretch in 23 min": the
 *   tooltip's title and the first (disabled) line of the menu; %NULL for
 *   "Limber"
 * @line: (nullable): the tooltip's text, such as "Sitting for 27 min"
 *
 * Sets what the tray shows. Hosts hear about it (NewIcon, NewStatus,
 * NewToolTip, ItemsPropertiesUpdated, LayoutUpdated) only for what
 * changed, so calling this with the same values costs nothing.
 */
void
limber_tray_set_status (LimberTray       *self,
                        LimberTrayStatus  status,
                        const char       *title,
                        const char       *line)
{
  GVariant *menu_before[N_MENU_ITEMS];
  g_autoptr(GVariant) tooltip_before = NULL;
  g_autoptr(GVariant) tooltip_after = NULL;
  const char *icon_before;
  const char *status_before;
  gboolean exported;

  g_return_if_fail (LIMBER_IS_TRAY (self));
  g_return_if_fail (status <= LIMBER_TRAY_STATUS_PAUSED);

  if (status == self->status && g_strcmp0 (title, self->title) == 0 &&
      g_strcmp0 (line, self->line) == 0)
    return;

  icon_before = item_icon_name (self);
  status_before = item_status (self);
  tooltip_before = g_variant_ref_sink (item_tooltip (self));
  menu_snapshot (self, menu_before);

  g_object_freeze_notify (G_OBJECT (self));
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (g_strcmp0 (line, self->line) != 0)
    {
      g_free (self->line);
      self->line = g_strdup (line);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
    }

  exported = self->item_registration_id != 0;
  if (exported && !g_str_equal (status_before, item_status (self)))
    emit_signal (self, ITEM_PATH, ITEM_IFACE, "NewStatus",
                 g_variant_new ("(s)", item_status (self)));
  if (exported && !g_str_equal (icon_before, item_icon_name (self)))
    emit_signal (self, ITEM_PATH, ITEM_IFACE, "NewIcon", NULL);
  tooltip_after = g_variant_ref_sink (item_tooltip (self));
  if (exported && !g_variant_equal (tooltip_before, tooltip_after))
    emit_signal (self, ITEM_PATH, ITEM_IFACE, "NewToolTip", NULL);
  menu_emit_changes (self, menu_before);

  g_object_thaw_notify (G_OBJECT (self));
}

LimberTrayStatus
limber_tray_get_status (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), LIMBER_TRAY_STATUS_NORMAL);

  return self->status;
}

const char *
limber_tray_get_title (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), NULL);

  return self->title;
}

const char *
limber_tray_get_line (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), NULL);

  return self->line;
}

/**
 * limber_tray_set_visible:
 * @self: a #LimberTray
 * @visible: whether the icon is in the tray
 *
 * Shows or hides the icon (the show-tray-icon setting). Hiding closes the
 * tray's bus connection, so watchers and hosts drop the item at once; a
 * hidden tray does not follow the watcher, and "host-present" is %FALSE.
 */
void
limber_tray_set_visible (LimberTray *self,
                         gboolean    visible)
{
  g_return_if_fail (LIMBER_IS_TRAY (self));

  visible = !!visible;
  if (self->visible == visible)
    return;

  self->visible = visible;
  if (visible)
    show (self);
  else
    hide (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

gboolean
limber_tray_get_visible (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), FALSE);

  return self->visible;
}

/**
 * limber_tray_get_registered:
 * @self: a #LimberTray
 *
 * Returns: whether the StatusNotifierWatcher accepted the item.
 */
gboolean
limber_tray_get_registered (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), FALSE);

  return self->registered;
}

/**
 * limber_tray_get_host_present:
 * @self: a #LimberTray
 *
 * Returns: whether a tray host shows the icon: the tray is visible, a
 *   StatusNotifierWatcher is on the bus and it has a host registered.
 *   While this is %FALSE nobody sees the text, and the owner need not
 *   keep it up to date.
 */
gboolean
limber_tray_get_host_present (LimberTray *self)
{
  g_return_val_if_fail (LIMBER_IS_TRAY (self), FALSE);

  return self->host_present;
}

/**
 * limber_tray_set_background_status:
 * @self: a #LimberTray
 * @message: (nullable): one line, such as "Next stretch in 23 min"
 *
 * Inside a Flatpak sandbox, GNOME lists apps running in the background
 * with a line of status from the Background portal
 * (org.freedesktop.portal.Background.SetStatus, portal version 2): this
 * sets that line, cut to the portal's 96 characters. GNOME has no tray,
 * so that is where the tray's text goes there. Outside a sandbox the
 * portal does not take a status, and this does nothing. The portal is
 * called only when @message changes; if it refuses (an older portal), the
 * tray stops asking.
 */
void
limber_tray_set_background_status (LimberTray *self,
                                   const char *message)
{
  g_autofree char *text = NULL;
  PortalCall *call;

  g_return_if_fail (LIMBER_IS_TRAY (self));

  if (!self->sandboxed || self->portal_failed)
    return;

  if (message == NULL)
    message = "";
  text = g_utf8_substring (message, 0,
                           MIN (g_utf8_strlen (message, -1), BACKGROUND_STATUS_MAX_CHARS));
  if (g_strcmp0 (text, self->background_message) == 0)
    return;

  g_free (self->background_message);
  self->background_message = g_strdup (text);

  call = g_new0 (PortalCall, 1);
  call->self = self;
  call->message = g_steal_pointer (&text);
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, portal_bus_cb, call);
}

void
limber_tray_set_sandboxed (LimberTray *self,
                           gboolean    sandboxed)
{
  g_return_if_fail (LIMBER_IS_TRAY (self));

  self->sandboxed = !!sandboxed;
}

/* GObject */

static void
limber_tray_constructed (GObject *object)
{
  LimberTray *self = LIMBER_TRAY (object);

  G_OBJECT_CLASS (limber_tray_parent_class)->constructed (object);

  self->constructed = TRUE;
  if (self->visible)
    show (self);
}

static void
limber_tray_dispose (GObject *object)
{
  LimberTray *self = LIMBER_TRAY (object);

  g_cancellable_cancel (self->cancellable);
  hide (self);

  G_OBJECT_CLASS (limber_tray_parent_class)->dispose (object);
}

static void
limber_tray_finalize (GObject *object)
{
  LimberTray *self = LIMBER_TRAY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->line, g_free);
  g_clear_pointer (&self->icon_theme_path, g_free);
  g_clear_pointer (&self->background_message, g_free);

  G_OBJECT_CLASS (limber_tray_parent_class)->finalize (object);
}

static void
limber_tray_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LimberTray *self = LIMBER_TRAY (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;

    case PROP_BUS_NAME:
      g_value_set_string (value, limber_tray_get_bus_name (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LINE:
      g_value_set_string (value, self->line);
      break;

    case PROP_REGISTERED:
      g_value_set_boolean (value, self->registered);
      break;

    case PROP_HOST_PRESENT:
      g_value_set_boolean (value, self->host_present);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_tray_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LimberTray *self = LIMBER_TRAY (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      /* During construction: constructed() shows it. */
      if (!self->constructed)
        self->visible = g_value_get_boolean (value);
      else
        limber_tray_set_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_tray_class_init (LimberTrayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = limber_tray_constructed;
  object_class->dispose = limber_tray_dispose;
  object_class->finalize = limber_tray_finalize;
  object_class->get_property = limber_tray_get_property;
  object_class->set_property = limber_tray_set_property;

  /**
   * LimberTray:visible:
   *
   * Whether the icon is in the tray (the show-tray-icon setting).
   */
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberTray:bus-name:
   *
   * The unique name of the tray's own bus connection while it is shown.
   */
  properties[PROP_BUS_NAME] =
    g_param_spec_string ("bus-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberTray:status:
   *
   * The break state the icon shows; set with limber_tray_set_status().
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIMBER_TYPE_TRAY_STATUS, LIMBER_TRAY_STATUS_NORMAL,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberTray:title:
   *
   * The tooltip's title and the menu's first line; set with
   * limber_tray_set_status().
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberTray:line:
   *
   * The tooltip's text; set with limber_tray_set_status().
   */
  properties[PROP_LINE] =
    g_param_spec_string ("line", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberTray:registered:
   *
   * Whether the StatusNotifierWatcher accepted the item.
   */
  properties[PROP_REGISTERED] =
    g_param_spec_boolean ("registered", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberTray:host-present:
   *
   * Whether a tray host shows the icon (see
   * limber_tray_get_host_present()). The owner refreshes the text only
   * while this is %TRUE.
   */
  properties[PROP_HOST_PRESENT] =
    g_param_spec_boolean ("host-present", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberTray::activate:
   * @self: the tray
   * @action: what the user picked: "start-stretch", "micro-break",
   *   "pause-30m", "pause-1h", "pause-tomorrow", "resume", "open"
   *   (also a click on the icon itself), "preferences" or "quit"
   *
   * The user clicked a menu entry, or the icon.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_tray_init (LimberTray *self)
{
  const char *icon_theme_path = g_getenv ("LIMBER_ICON_THEME_PATH");

  self->cancellable = g_cancellable_new ();
  self->status = LIMBER_TRAY_STATUS_NORMAL;
  self->icon_theme_path = icon_theme_path != NULL && *icon_theme_path != '\0'
                          ? g_strdup (icon_theme_path) : NULL;
  self->sandboxed = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}
