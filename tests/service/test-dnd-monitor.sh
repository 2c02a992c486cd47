# SPDX-License-Identifier: GPL-3.0-or-later
# The do-not-disturb monitor: a fullscreen focused window on the private
# Xvfb (real windows, their EWMH properties set with xprop as a window
# manager would), GNOME's show-banners setting (the keyfile backend, shared
# with gsettings), and idle inhibitors from a dbusmock'd GNOME
# SessionManager that keeps its inhibitors as gnome-session does.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 19

for tool in xprop xmessage xdotool gsettings; do
  command -v "$tool" >/dev/null || tap_bail "$tool is missing (x11-utils, xdotool, libglib2.0-bin)"
done
"$SYSTEM_PYTHON" -c 'import dbusmock' 2>/dev/null ||
  tap_bail "python3-dbusmock is missing: install the python3-dbusmock package"
gsettings list-keys org.gnome.desktop.notifications >/dev/null 2>&1 ||
  tap_bail "the org.gnome.desktop.notifications schema is missing: install gsettings-desktop-schemas"

# Settings shared between the probe and gsettings.
export GSETTINGS_BACKEND=keyfile

# last_is OUT STATE / wait_for_state OUT STATE: the last line of OUT is
# "dnd STATE" (within 20 s).
last_is () { [ "$(tail -n 1 "$1")" = "dnd $2" ]; }
wait_for_state () {
  local i
  for i in $(seq 1 400); do
    last_is "$1" "$2" && return 0
    sleep 0.05
  done
  tail -n 3 "$1" | sed 's/^/# last: /'
  return 1
}

# new_window TITLE: a real top-level window; prints its id.
new_window () {
  start_bg XMESSAGE_PID "$WORK_DIR/xmessage-$1.out" "$WORK_DIR/xmessage-$1.err" \
    xmessage -title "$1" "$1"
  xdotool search --sync --name "^$1\$" | head -n 1
}
set_active () { xprop -root -f _NET_ACTIVE_WINDOW 32x -set _NET_ACTIVE_WINDOW "$1"; }
set_fullscreen () {
  xprop -id "$1" -f _NET_WM_STATE 32a -set _NET_WM_STATE _NET_WM_STATE_FULLSCREEN
}
set_normal () { xprop -id "$1" -f _NET_WM_STATE 32a -set _NET_WM_STATE _NET_WM_STATE_ABOVE; }

video=$(new_window limber-video)
editor=$(new_window limber-editor)
[ -n "$video" ] && [ -n "$editor" ] || tap_bail "xmessage windows did not appear"
set_active "$editor"

out=$WORK_DIR/dnd.out
start_bg probe "$out" "$WORK_DIR/dnd.err" "$MONITOR_PROBE" dnd
tap_ok "the monitor starts inactive" wait_for_state "$out" 'active=false reason=none'

# Fullscreen.
set_fullscreen "$video"
set_active "$video"
tap_ok "focusing a fullscreen window activates it" wait_for_state "$out" 'active=true reason=fullscreen'
set_active "$editor"
tap_ok "focusing a normal window ends it" wait_for_state "$out" 'active=false reason=none'
set_fullscreen "$editor"
tap_ok "the focused window going fullscreen activates it" \
  wait_for_state "$out" 'active=true reason=fullscreen'
set_normal "$editor"
tap_ok "the focused window leaving fullscreen ends it" wait_for_state "$out" 'active=false reason=none'
set_active "$video"
tap_ok "back to the fullscreen window" wait_for_state "$out" 'active=true reason=fullscreen'
set_active 0x7fffff
tap_ok "a vanished active window (BadWindow) is not fullscreen" \
  wait_for_state "$out" 'active=false reason=none'
tap_ok "... and the monitor survives it" kill -0 "$probe"
set_active "$video"
wait_for_state "$out" 'active=true reason=fullscreen'

# GNOME's do-not-disturb outranks fullscreen.
gsettings set org.gnome.desktop.notifications show-banners false
tap_ok "show-banners=false is do-not-disturb" wait_for_state "$out" 'active=true reason=do-not-disturb'
gsettings set org.gnome.desktop.notifications show-banners true
tap_ok "show-banners=true falls back to the fullscreen window" \
  wait_for_state "$out" 'active=true reason=fullscreen'
set_active "$editor"
wait_for_state "$out" 'active=false reason=none'

# Idle inhibitors, kept by the mock as gnome-session keeps them.
GSM=org.gnome.SessionManager
gsm () {
  gdbus call --session --dest "$GSM" --object-path /org/gnome/SessionManager "$@"
}
start_dbusmock gsm "$GSM" /org/gnome/SessionManager "$GSM"
wait_for_bus_name "$GSM" 20 || tap_bail "dbusmock did not start: $(cat "$WORK_DIR/gsm.err")"
# Python run by dbusmock for each call (args are the call's arguments).
inhibit_code='
self.limber_flags = getattr(self, "limber_flags", {})
cookie = len(self.limber_flags) + 1
self.limber_flags[cookie] = args[3]
self.EmitSignal("org.gnome.SessionManager", "InhibitorAdded", "o",
                [dbus.ObjectPath("/org/gnome/SessionManager/Inhibitor%d" % cookie)])
ret = dbus.UInt32(cookie)'
uninhibit_code='
self.limber_flags.pop(args[0], None)
self.EmitSignal("org.gnome.SessionManager", "InhibitorRemoved", "o",
                [dbus.ObjectPath("/org/gnome/SessionManager/Inhibitor%d" % args[0])])'
is_inhibited_code='
wanted = args[0]
ret = any(map(lambda flags, wanted=wanted: flags & wanted,
              getattr(self, "limber_flags", {}).values()))'
gsm --method org.freedesktop.DBus.Mock.AddMethod "$GSM" Inhibit susu u "$inhibit_code" >/dev/null
gsm --method org.freedesktop.DBus.Mock.AddMethod "$GSM" Uninhibit u '' "$uninhibit_code" >/dev/null
gsm --method org.freedesktop.DBus.Mock.AddMethod "$GSM" IsInhibited u b "$is_inhibited_code" \
  >/dev/null

# A suspend inhibitor (4) is not about reminders; an idle one (8) is.
gsm --method "$GSM.Inhibit" limber-test 0 'downloading' 4 >/dev/null
suspend_cookie=1
idle_cookie=$(gsm --method "$GSM.Inhibit" limber-test 0 'playing a video' 8 |
                sed -n 's/^(uint32 \([0-9]*\),)$/\1/p')
tap_ok "an idle inhibitor activates it" wait_for_state "$out" 'active=true reason=inhibitor'
gsm --method "$GSM.Uninhibit" "$idle_cookie" >/dev/null
tap_ok "removing the idle inhibitor ends it" wait_for_state "$out" 'active=false reason=none'
tap_is "the suspend inhibitor alone never activated it" \
  "$(grep -c 'reason=inhibitor' "$out")" 1
gsm --method "$GSM.Uninhibit" "$suspend_cookie" >/dev/null
gsm --method "$GSM.Inhibit" limber-test 0 'presenting' 8 >/dev/null
tap_ok "a new idle inhibitor activates it again" wait_for_state "$out" 'active=true reason=inhibitor'
kill_bg "$DBUSMOCK_PID"
tap_ok "the session manager leaving drops its inhibitors" \
  wait_for_state "$out" 'active=false reason=none'

stop_bg "$probe"
tap_is "the monitor stops cleanly on SIGTERM" "$?" 0

# The X server goes away: the monitor drops the fullscreen part and goes on.
if start_xvfb; then
  start_bg probe "$WORK_DIR/gone.out" "$WORK_DIR/gone.err" \
    env DISPLAY="$XVFB_DISPLAY" "$MONITOR_PROBE" dnd
  wait_for_state "$WORK_DIR/gone.out" 'active=false reason=none'
  kill_bg "$XVFB_PID"
  tap_ok "the X server going away is logged" \
    wait_for_line "$WORK_DIR/gone.err" "Lost the connection to the X server $XVFB_DISPLAY" 20
  stop_bg "$probe"
  tap_is "... and the monitor goes on until it is stopped" "$?" 0
else
  tap_ok "a second Xvfb starts" false
  tap_ok "(skipped)" false
fi

# No X server and no session manager: it runs, quietly.
run_capture r env -u DISPLAY timeout --preserve-status -s TERM 2 "$MONITOR_PROBE" dnd
tap_is "without an X server it still runs (stopped by the timeout)" "$r_rc" 0

tap_done
