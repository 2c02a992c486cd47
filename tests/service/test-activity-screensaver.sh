# SPDX-License-Identifier: GPL-3.0-or-later
# The org.freedesktop.ScreenSaver activity source (the last resort: polled
# GetSessionIdleTime). No desktop that implements GetSessionIdleTime runs
# headless in Debian 12, so python3-dbusmock stands in for it: its idle
# time grows with the monotonic clock and SimulateUserActivity resets it,
# as KDE's and Xfce's services do.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 17

NAME=org.freedesktop.ScreenSaver
OBJ=/org/freedesktop/ScreenSaver

mock () {
  gdbus call --session --dest "$NAME" --object-path "$OBJ" "$@" >/dev/null
}

run_capture r "$ACTIVITY_PROBE" screensaver 1000
tap_like "with no screensaver service the source is unavailable, saying why" "$r_out" \
  "^unavailable: $NAME does not answer GetSessionIdleTime on the session bus: "
tap_is "... and the probe exits 3" "$r_rc" 3

# A service without GetSessionIdleTime (GNOME's has none).
start_dbusmock screensaver "$NAME" "$OBJ" "$NAME"
wait_for_bus_name "$NAME" 20 || tap_bail "dbusmock did not start: $(cat "$WORK_DIR/screensaver.err")"
run_capture r "$ACTIVITY_PROBE" screensaver 1000
tap_like "a service without GetSessionIdleTime is unavailable, with the bus's error" "$r_out" \
  'Unknown method: GetSessionIdleTime'
tap_is "... and the probe exits 3" "$r_rc" 3

mock --method org.freedesktop.DBus.Mock.AddMethod "$NAME" SimulateUserActivity '' '' \
  'import time; self.limber_last_input = time.monotonic()'
mock --method org.freedesktop.DBus.Mock.AddMethod "$NAME" GetSessionIdleTime '' u \
  'import time; ret = dbus.UInt32(int((time.monotonic() - self.limber_last_input) * 1000))'

input_ms=$(now_ms)
mock --method "$NAME.SimulateUserActivity"
out=$WORK_DIR/probe.out
start_bg probe "$out" "$WORK_DIR/probe.err" "$ACTIVITY_PROBE" screensaver 1000
tap_ok "the probe starts the screensaver source" wait_for_line "$out" '^source screensaver$' 20
tap_ok "it reports idle after the threshold without input" wait_for_line "$out" '^idle ' 20
seen=$(now_ms)
age=$(idle_age "$(nth_match "$out" '^idle ' 1)")
tap_ok "the idle span is at least the threshold (got ${age:-?} ms)" is_between "$age" 1000 999999999
tap_ok "the idle span began no earlier than the last input (${age:-?} <= $((seen - input_ms)) ms)" \
  is_between "$age" 0 $((seen - input_ms + 50))
mock --method "$NAME.SimulateUserActivity"
tap_ok "input makes it active at the next poll" wait_for_line "$out" '^active$' 20
tap_ok "idle again after the next threshold" wait_for_line "$out" '^idle ' 20 2

run_capture r env -u DISPLAY "$ACTIVITY_PROBE" --choose --once auto 1000
tap_like "without an X server the chooser picks screensaver" "$r_out" '^source screensaver$'
tap_is "... and exits 0" "$r_rc" 0
tap_like "... saying why x11 was skipped" "$r_out" 'x11: DISPLAY is not set'

# The service goes away while the person is idle.
kill_bg "$DBUSMOCK_PID"
tap_ok "the source says once that the service stopped answering" \
  wait_for_line "$WORK_DIR/probe.err" 'stopped answering GetSessionIdleTime' 20
tap_ok "the probe keeps running" kill -0 "$probe"
stop_bg "$probe"
tap_is "the probe stops cleanly on SIGTERM" "$?" 0
tap_is "it said so once" "$(count_lines "$WORK_DIR/probe.err" 'stopped answering')" 1

tap_done
