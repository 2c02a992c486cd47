#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Injects pointer motion into Mutter through org.gnome.Mutter.RemoteDesktop.

Mutter drops a remote-desktop session when the client that created it goes
away, so one long-lived connection does everything: it creates and starts a
session, then reads commands from standard input, one per line:

  move    relative pointer motion, which Mutter counts as user activity
  quit    stop the session and exit

and answers each with "ok" (or "error: ...") on standard output.
"""

import sys

from gi.repository import Gio, GLib

NAME = 'org.gnome.Mutter.RemoteDesktop'


def call(bus, path, iface, method, args=None, reply='()'):
    return bus.call_sync(NAME, path, iface, method, args,
                         GLib.VariantType.new(reply), Gio.DBusCallFlags.NONE,
                         10000, None)


def main():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    session = call(bus, '/org/gnome/Mutter/RemoteDesktop', NAME, 'CreateSession',
                   None, '(o)').unpack()[0]
    session_iface = NAME + '.Session'
    call(bus, session, session_iface, 'Start')
    print('ready', flush=True)

    step = 1.0
    for line in sys.stdin:
        command = line.strip()
        if command == 'quit':
            break
        if command != 'move':
            print('error: unknown command %r' % command, flush=True)
            continue
        try:
            call(bus, session, session_iface, 'NotifyPointerMotionRelative',
                 GLib.Variant('(dd)', (step, step)))
            step = -step
            print('ok', flush=True)
        except GLib.Error as error:
            print('error: %s' % error.message, flush=True)

    try:
        call(bus, session, session_iface, 'Stop')
    except GLib.Error:
        pass


if __name__ == '__main__':
    main()
