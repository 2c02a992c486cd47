# SPDX-License-Identifier: GPL-3.0-or-later
# The ext-idle-notify-v1 activity source. Of the compositors Debian 12
# packages, KWin 5.27 is the one that offers ext_idle_notifier_v1 and runs
# headless (--virtual): the source is tested against it, with real input
# through KWin's fake-input protocol. Mutter 43 lacks the global: there the
# source must say so. And without a compositor at all, it must say that.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 20

FAKE_INPUT="$PROBE_DIR/wayland-fake-input"

# No compositor.
run_capture r env -u WAYLAND_DISPLAY -u WAYLAND_SOCKET "$ACTIVITY_PROBE" wayland 1000
tap_like "without WAYLAND_DISPLAY the source is unavailable, saying why" "$r_out" \
  '^unavailable: WAYLAND_DISPLAY is not set'
tap_is "... and the probe exits 3" "$r_rc" 3
run_capture r env WAYLAND_DISPLAY=limber-nowhere "$ACTIVITY_PROBE" wayland 1000
tap_like "with a WAYLAND_DISPLAY nobody serves, it names the display" "$r_out" \
  '^unavailable: Cannot connect to the Wayland display “limber-nowhere”'
tap_is "... and the probe exits 3" "$r_rc" 3

# Mutter 43: a Wayland compositor without ext-idle-notify-v1.
mutter_display=limber-mutter-$$
tap_ok "a headless Mutter serves Wayland" start_mutter "$mutter_display"
run_capture r env WAYLAND_DISPLAY="$mutter_display" "$ACTIVITY_PROBE" wayland 1000
tap_like "on Mutter 43 the source is unavailable: no ext_idle_notifier_v1" "$r_out" \
  "^unavailable: The Wayland compositor on “$mutter_display” does not offer ext_idle_notifier_v1"
tap_is "... and the probe exits 3" "$r_rc" 3
kill_bg "$MUTTER_PID"

# KWin. kwin_wayland carries a file capability (cap_sys_resource) that this
# kind of sandbox refuses to exec, and its Qt platform plugin only loads in
# a binary named kwin_wayland: so a plain copy under that name runs it.
# KWIN_WAYLAND_NO_PERMISSION_CHECKS=1 lets the test client use fake input.
start_kwin () {
  local name=$1
  if ! command -v kwin_wayland >/dev/null; then
    echo "# kwin_wayland is missing: install the kwin-wayland package"
    return 1
  fi
  if [ ! -x "$FAKE_INPUT" ]; then
    echo "# $FAKE_INPUT was not built: install plasma-wayland-protocols and reconfigure"
    return 1
  fi
  mkdir -p "$WORK_DIR/kwin"
  cp "$(command -v kwin_wayland)" "$WORK_DIR/kwin/kwin_wayland"
  start_bg KWIN_PID "$WORK_DIR/kwin-$name.out" "$WORK_DIR/kwin-$name.err" \
    env -u DISPLAY -u G_DEBUG KWIN_WAYLAND_NO_PERMISSION_CHECKS=1 \
      "$WORK_DIR/kwin/kwin_wayland" --virtual --no-lockscreen --no-global-shortcuts \
      --no-kactivities --socket "$name" --width 1280 --height 800
  # KWin takes its bus name once its Wayland globals are set up.
  wait_for_bus_name org.kde.KWin 30 || { show_file "$WORK_DIR/kwin-$name.err" | tail -20; return 1; }
}

fake_input () { WAYLAND_DISPLAY="$kwin_display" "$FAKE_INPUT"; }

# input_until OUT COUNT: real input until OUT has COUNT "active" lines.
input_until () {
  local i
  for i in $(seq 1 20); do
    fake_input || return 1
    wait_for_line "$1" '^active$' 1 "$2" && return 0
  done
  return 1
}

kwin_display=limber-kwin-$$
tap_ok "a headless KWin serves Wayland with ext_idle_notifier_v1" start_kwin "$kwin_display"

run_capture r env WAYLAND_DISPLAY="$kwin_display" "$ACTIVITY_PROBE" --choose --once auto 1000
tap_like "the chooser picks wayland on KWin, ahead of X11" "$r_out" '^source wayland$'
tap_is "... and exits 0" "$r_rc" 0
tap_like "... saying why mutter was skipped" "$r_out" 'skipped mutter: Nobody owns org.gnome.Mutter.IdleMonitor'

out=$WORK_DIR/probe.out
fake_input
input_ms=$(now_ms)
start_bg probe "$out" "$WORK_DIR/probe.err" env WAYLAND_DISPLAY="$kwin_display" \
  "$ACTIVITY_PROBE" wayland 1000
tap_ok "the probe starts the wayland source" wait_for_line "$out" '^source wayland$' 20
tap_ok "KWin reports idle after the threshold without input" wait_for_line "$out" '^idle ' 20
seen=$(now_ms)
age=$(idle_age "$(nth_match "$out" '^idle ' 1)")
tap_ok "the idle span is the threshold (got ${age:-?} ms)" is_between "$age" 1000 999999999
tap_ok "the idle span began no earlier than the last input (${age:-?} <= $((seen - input_ms)) ms)" \
  is_between "$age" 0 $((seen - input_ms + 50))
tap_ok "fake input makes it active" input_until "$out" 1
tap_ok "idle again after the next threshold" wait_for_line "$out" '^idle ' 20 2
tap_ok "active again at the next input" input_until "$out" 2

# The compositor goes away: the source says so and the service goes on.
kill_bg "$KWIN_PID"
tap_ok "the source notices the compositor leaving" \
  wait_for_line "$WORK_DIR/probe.err" 'Lost the connection to the Wayland compositor' 20
stop_bg "$probe"
tap_is "the probe stops cleanly on SIGTERM" "$?" 0

tap_done
