# SPDX-License-Identifier: GPL-3.0-or-later
# The real executables together: limberd on the bus, dunst answering
# notifications, and the Limber window on the X server. The window must
# appear with its title, paint something, and quit on Ctrl+Q.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/e2e/screenshot.sh"
tap_plan 8

tap_ok "the notification server is up" wait_for_bus_name org.freedesktop.Notifications 5

"$LIMBERD" 2>"$XDG_RUNTIME_DIR/limberd.log" &
limberd_pid=$!
tap_ok "limberd owns its bus name" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10

"$LIMBER" 2>"$XDG_RUNTIME_DIR/limber.log" &
limber_pid=$!

window=$(wait_for_window Limber 30)
tap_ok "a window titled Limber appears" test -n "$window"
[ -n "$window" ] || { cat "$XDG_RUNTIME_DIR/limber.log" | sed 's/^/# /'; tap_bail "no window"; }

# Give GTK a moment to paint the first frame after mapping.
sleep 1
shot=$(capture_window "$window" window-empty)
echo "# screenshot: $shot"
tap_ok "the window can be captured" test -s "$shot"
colours=$(distinct_colours "$shot")
tap_ok "the window is painted (it has $colours colours)" test "$colours" -gt 20

geometry=$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')
tap_like "the window has its default size" "$geometry" '^[0-9]+x[0-9]+$'

xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
xdotool key --window "$window" --clearmodifiers ctrl+q
wait "$limber_pid"
tap_is "Ctrl+Q quits limber with status 0" "$?" 0

kill -TERM "$limberd_pid"
wait "$limberd_pid"
tap_is "limberd keeps running until told to stop, then exits 0" "$?" 0

tap_done
