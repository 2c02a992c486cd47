# SPDX-License-Identifier: GPL-3.0-or-later
# The X11 activity source on the private Xvfb of headless-session, with real
# input from xdotool (XTEST): the SYNC IDLETIME alarms, then the
# MIT-SCREEN-SAVER polling fallback (forced with LIMBER_X11_NO_SYNC=1), then
# the precise errors when there is no X server.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 29

command -v xdotool >/dev/null || tap_bail "xdotool is missing: install the xdotool package"

# check_cycle LABEL OUT ERR: the common checks of one probe run with a
# threshold of 1000 ms, started right after an input at INPUT_MS.
check_cycle () {
  local label=$1 out=$2 line seen age
  tap_ok "$label: reports idle after the threshold without input" \
    wait_for_line "$out" '^idle ' 20
  seen=$(now_ms)
  line=$(nth_match "$out" '^idle ' 1)
  age=$(idle_age "$line")
  # The idle span began at the last input: at least the threshold ago, and
  # no earlier than the input itself.
  tap_ok "$label: the idle span is at least the threshold (got ${age:-?} ms)" \
    is_between "$age" 1000 999999999
  tap_ok "$label: the idle span began no earlier than the last input (${age:-?} <= $((seen - INPUT_MS)) ms)" \
    is_between "$age" 0 $((seen - INPUT_MS + 50))

  xdotool mousemove 200 200
  tap_ok "$label: pointer motion makes it active" wait_for_line "$out" '^active$' 20
  tap_ok "$label: idle again after the next threshold" wait_for_line "$out" '^idle ' 20 2
  xdotool key shift
  tap_ok "$label: a key press makes it active" wait_for_line "$out" '^active$' 20 2
}

# SYNC alarms.
INPUT_MS=$(now_ms)
xdotool mousemove 100 100
start_bg probe "$WORK_DIR/sync.out" "$WORK_DIR/sync.err" \
  env G_MESSAGES_DEBUG=LimberService "$ACTIVITY_PROBE" x11 1000
tap_ok "SYNC: the probe starts the x11 source" wait_for_line "$WORK_DIR/sync.out" '^source x11$' 20
tap_like "SYNC: it watches the IDLETIME counter" "$(cat "$WORK_DIR/sync.err")" 'IDLETIME counter with SYNC alarms'
check_cycle "SYNC" "$WORK_DIR/sync.out"
# Leave the server idle past a second before the next probe starts.
tap_ok "SYNC: idle once more" wait_for_line "$WORK_DIR/sync.out" '^idle ' 20 3
stop_bg "$probe"
tap_is "SYNC: the probe stops cleanly on SIGTERM" "$?" 0
grep -q . "$WORK_DIR/sync.err" && show_file "$WORK_DIR/sync.err" | grep -v 'DEBUG' | head -20

# Someone idle for longer than the threshold when the source starts is
# idle from the start, with the whole span, not just the threshold.
start_bg probe "$WORK_DIR/late.out" "$WORK_DIR/late.err" "$ACTIVITY_PROBE" x11 500
wait_for_line "$WORK_DIR/late.out" '^idle ' 20
line=$(sed -n 2p "$WORK_DIR/late.out")
tap_like "already idle at start: idle is the first report" "$line" '^idle '
age=$(idle_age "$line")
tap_ok "already idle at start: the span covers the time before the start (${age:-?} ms >= 1000)" \
  is_between "$age" 1000 999999999
stop_bg "$probe"
tap_is "already idle at start: the probe stops cleanly" "$?" 0

# MIT-SCREEN-SAVER polling.
INPUT_MS=$(now_ms)
xdotool mousemove 100 100
start_bg probe "$WORK_DIR/xss.out" "$WORK_DIR/xss.err" \
  env LIMBER_X11_NO_SYNC=1 G_MESSAGES_DEBUG=LimberService "$ACTIVITY_PROBE" x11 1000
tap_ok "XSS: the probe starts the x11 source" wait_for_line "$WORK_DIR/xss.out" '^source x11$' 20
tap_like "XSS: it polls MIT-SCREEN-SAVER instead of SYNC" "$(cat "$WORK_DIR/xss.err")" 'Polling the X server.s MIT-SCREEN-SAVER idle time'
check_cycle "XSS" "$WORK_DIR/xss.out"
stop_bg "$probe"
tap_is "XSS: the probe stops cleanly on SIGTERM" "$?" 0

# The X server goes away under a running source: no exit, a log line.
if start_xvfb; then
  start_bg probe "$WORK_DIR/gone.out" "$WORK_DIR/gone.err" \
    env DISPLAY="$XVFB_DISPLAY" "$ACTIVITY_PROBE" x11 1000
  wait_for_line "$WORK_DIR/gone.out" '^source x11$' 20
  kill_bg "$XVFB_PID"
  tap_ok "the X server going away is logged" \
    wait_for_line "$WORK_DIR/gone.err" "Lost the connection to the X server $XVFB_DISPLAY" 20
  tap_ok "... and the service goes on" kill -0 "$probe"
  stop_bg "$probe"
  tap_is "... until it is stopped" "$?" 0
else
  tap_ok "a second Xvfb starts" false
  tap_ok "(skipped)" false
  tap_ok "(skipped)" false
fi

# No X server.
run_capture r env -u DISPLAY "$ACTIVITY_PROBE" x11 1000
tap_like "without DISPLAY the source is unavailable, saying why" "$r_out" '^unavailable: DISPLAY is not set'
tap_is "... and the probe exits 3" "$r_rc" 3
run_capture r env DISPLAY=:65000 "$ACTIVITY_PROBE" x11 1000
tap_like "with a DISPLAY nobody serves, it names the display" "$r_out" '^unavailable: Cannot open the X display “:65000”'
tap_is "... and the probe exits 3" "$r_rc" 3

tap_done
