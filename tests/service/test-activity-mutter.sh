# SPDX-License-Identifier: GPL-3.0-or-later
# The Mutter activity source against a real headless Mutter (Wayland, no
# X11) on the private session bus, with real input through Mutter's
# RemoteDesktop API; then Mutter going away and a new one coming back.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 17

# start_input NAME: a long-lived RemoteDesktop client (mutter-input.py)
# reading commands from a FIFO on fd 7. Mutter ends a remote-desktop
# session when its client goes away, so one client does all the moves.
start_input () {
  exec 7>&-
  rm -f "$WORK_DIR/input.fifo"
  mkfifo "$WORK_DIR/input.fifo"
  # Opened read-write, the FIFO does not block waiting for the other end.
  exec 7<>"$WORK_DIR/input.fifo"
  start_bg INPUT_PID "$WORK_DIR/input-$1.out" "$WORK_DIR/input-$1.err" \
    env -u G_DEBUG "$SYSTEM_PYTHON" "$G_TEST_SRCDIR/service/mutter-input.py" <&7
  wait_for_line "$WORK_DIR/input-$1.out" '^ready$' 20 || { show_file "$WORK_DIR/input-$1.err"; return 1; }
}

# move_until OUT COUNT: moves the pointer until OUT has COUNT "active"
# lines. Several moves, because right after Mutter (re)appears the source
# may still be adding its watch when the first one comes.
move_until () {
  local i
  for i in $(seq 1 20); do
    echo move >&7
    wait_for_line "$1" '^active$' 1 "$2" && return 0
  done
  return 1
}

display=limber-mutter-$$
mutter_start_ms=$(now_ms)
tap_ok "a headless Mutter owns org.gnome.Mutter.IdleMonitor" start_mutter "$display"

run_capture r "$ACTIVITY_PROBE" --choose --once auto 1000
tap_like "the chooser picks mutter when Mutter is there" "$r_out" '^source mutter$'
tap_is "... and exits 0" "$r_rc" 0

out=$WORK_DIR/probe.out
start_bg probe "$out" "$WORK_DIR/probe.err" "$ACTIVITY_PROBE" mutter 1000
tap_ok "the probe starts the mutter source" wait_for_line "$out" '^source mutter$' 20
tap_ok "it reports idle after the threshold without input" wait_for_line "$out" '^idle ' 20
seen=$(now_ms)
age=$(idle_age "$(nth_match "$out" '^idle ' 1)")
tap_ok "the idle span is at least the threshold (got ${age:-?} ms)" is_between "$age" 1000 999999999
tap_ok "the idle span began no earlier than Mutter's start (${age:-?} <= $((seen - mutter_start_ms)) ms)" \
  is_between "$age" 0 $((seen - mutter_start_ms + 50))

tap_ok "a RemoteDesktop session is started" start_input 1
tap_ok "pointer motion through RemoteDesktop makes it active" move_until "$out" 1
tap_ok "idle again after the next threshold" wait_for_line "$out" '^idle ' 20 2

# Mutter goes away (a crash, a shell restart) and a new one comes.
kill_bg "$MUTTER_PID"
tap_ok "the source notices Mutter leaving" \
  wait_for_line "$WORK_DIR/probe.err" 'IdleMonitor left the session bus' 20
tap_ok "the probe survives Mutter leaving" kill -0 "$probe"
tap_ok "a new Mutter comes up" start_mutter "$display-2"
tap_ok "the source watches the new Mutter" \
  wait_for_line "$WORK_DIR/probe.err" 'IdleMonitor is back on the session bus' 20
start_input 2
tap_ok "input on the new Mutter makes it active (its user-active watch was added again)" \
  move_until "$out" 2
tap_ok "idle again on the new Mutter (its idle watch was added again)" \
  wait_for_line "$out" '^idle ' 20 3

echo quit >&7
stop_bg "$probe"
tap_is "the probe stops cleanly on SIGTERM" "$?" 0
kill_bg "$MUTTER_PID"

tap_done
