/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wayland-fake-input: moves the pointer of the Wayland compositor on
 * $WAYLAND_DISPLAY through KDE's org_kde_kwin_fake_input protocol, the way
 * KDE Connect or a remote-control tool does: real input for KWin's idle
 * tracking. KWin only offers the interface to clients it trusts; the tests
 * start it with KWIN_WAYLAND_NO_PERMISSION_CHECKS=1. Exits 0 once KWin has
 * processed the motion. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wayland-client.h>

#include "fake-input-client-protocol.h"

static struct org_kde_kwin_fake_input *fake_input;

static void
registry_global (void               *data,
                 struct wl_registry *registry,
                 uint32_t            name,
                 const char         *interface,
                 uint32_t            version)
{
  if (strcmp (interface, org_kde_kwin_fake_input_interface.name) == 0 && fake_input == NULL)
    fake_input = wl_registry_bind (registry, name, &org_kde_kwin_fake_input_interface, 1);
}

static void
registry_global_remove (void               *data,
                        struct wl_registry *registry,
                        uint32_t            name)
{
}

static const struct wl_registry_listener registry_listener = {
  .global = registry_global,
  .global_remove = registry_global_remove,
};

int
main (int   argc,
      char *argv[])
{
  struct wl_display *display;
  struct wl_registry *registry;
  int status = 0;

  display = wl_display_connect (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "wayland-fake-input: cannot connect to the Wayland display\n");
      return 1;
    }

  registry = wl_display_get_registry (display);
  wl_registry_add_listener (registry, &registry_listener, NULL);
  wl_display_roundtrip (display);

  if (fake_input == NULL)
    {
      fprintf (stderr, "wayland-fake-input: the compositor offers no org_kde_kwin_fake_input\n");
      status = 1;
    }
  else
    {
      org_kde_kwin_fake_input_authenticate (fake_input, "Limber tests", "simulate input");
      org_kde_kwin_fake_input_pointer_motion (fake_input, wl_fixed_from_int (5),
                                              wl_fixed_from_int (5));
      org_kde_kwin_fake_input_pointer_motion (fake_input, wl_fixed_from_int (-5),
                                              wl_fixed_from_int (-5));
      if (wl_display_roundtrip (display) < 0)
        status = 1;
      org_kde_kwin_fake_input_destroy (fake_input);
    }

  wl_registry_destroy (registry);
  wl_display_disconnect (display);
  return status;
}
