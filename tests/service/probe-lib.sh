# SPDX-License-Identifier: GPL-3.0-or-later
# probe-lib.sh: helpers for the service tests that drive the probes
# (activity-probe, monitor-probe) and the desktop services they watch.
# Source it after tap.sh.

PROBE_DIR="$G_TEST_BUILDDIR/service"
ACTIVITY_PROBE="$PROBE_DIR/activity-probe"
MONITOR_PROBE="$PROBE_DIR/monitor-probe"
WORK_DIR=$(mktemp -d "$XDG_RUNTIME_DIR/test.XXXXXX")
# Debian's Python, which has the gi and dbusmock modules (a python3 earlier
# in PATH, from pyenv say, may not).
SYSTEM_PYTHON=/usr/bin/python3
[ -x "$SYSTEM_PYTHON" ] || SYSTEM_PYTHON=python3

BACKGROUND_PIDS=()
cleanup_background () {
  local pid
  for pid in "${BACKGROUND_PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${BACKGROUND_PIDS[@]}"; do
    wait "$pid" 2>/dev/null
  done
}
trap cleanup_background EXIT

# now_ms: milliseconds on the monotonic clock (the X server's clock).
now_ms () { "$SYSTEM_PYTHON" -c 'import time; print(int(time.monotonic() * 1000))'; }

# count_lines FILE PATTERN: how many lines of FILE match the extended regex.
count_lines () { grep -cE -- "$2" "$1" 2>/dev/null || true; }

# wait_for_line FILE PATTERN [TIMEOUT_S] [COUNT]: waits until COUNT lines of
# FILE match PATTERN. Fails only when that never happens within TIMEOUT_S
# (20 s by default): the timeout is a safety net, not a measurement.
wait_for_line () {
  local file=$1 pattern=$2 timeout=${3:-20} count=${4:-1} n
  local deadline=$(( $(date +%s) + timeout ))
  while :; do
    n=$(count_lines "$file" "$pattern")
    [ "${n:-0}" -ge "$count" ] && return 0
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.05
  done
}

# nth_match FILE PATTERN N: prints the Nth line of FILE matching PATTERN.
nth_match () { grep -E -- "$2" "$1" | sed -n "${3}p"; }

# idle_age LINE: the N of "idle since-ms-ago=N".
idle_age () { printf '%s\n' "$1" | sed -n 's/^idle since-ms-ago=\([0-9-]*\)$/\1/p'; }

# start_bg PIDVAR OUT ERR COMMAND...: starts COMMAND in the background with
# its output in OUT and ERR, stops it at exit, and stores its pid in PIDVAR.
start_bg () {
  local var=$1 out=$2 err=$3; shift 3
  # An explicit <&0: without it bash gives background jobs /dev/null.
  "$@" >"$out" 2>"$err" <&0 &
  BACKGROUND_PIDS+=($!)
  eval "$var=$!"
}

# stop_bg PID: SIGTERM, then the exit status.
stop_bg () {
  kill -TERM "$1" 2>/dev/null
  wait "$1"
}

# kill_bg PID: SIGTERM, and SIGKILL if it is still there after 10 s (for
# third-party services, whose exit status does not matter).
kill_bg () {
  local i
  kill -TERM "$1" 2>/dev/null
  for i in $(seq 1 200); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.05
  done
  kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null
  return 0
}

# is_between VALUE LOW HIGH
is_between () { [ -n "$1" ] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }

# show_file FILE: copies FILE into the TAP output as comments (for failures).
show_file () { sed 's/^/# /' "$1" 2>/dev/null; }

# start_mutter NAME: starts a headless Mutter with the Wayland display NAME
# (no X11) on the session bus and waits for its IdleMonitor. Sets MUTTER_PID.
start_mutter () {
  command -v mutter >/dev/null || { echo "# mutter is missing: install the mutter package"; return 1; }
  start_bg MUTTER_PID "$WORK_DIR/mutter-$1.log" "$WORK_DIR/mutter-$1.err" \
    env -u DISPLAY -u G_DEBUG mutter --headless --virtual-monitor 1280x800 --wayland --no-x11 \
      --wayland-display="$1"
  wait_for_bus_name org.gnome.Mutter.IdleMonitor 30 || { show_file "$WORK_DIR/mutter-$1.err"; return 1; }
}

# start_xvfb: a second, private X server that a test may kill. Sets
# XVFB_PID and XVFB_DISPLAY.
start_xvfb () {
  local i
  rm -f "$WORK_DIR/xvfb.displayfd"
  Xvfb -displayfd 3 -screen 0 640x480x24 -noreset -nolisten tcp \
    >"$WORK_DIR/xvfb.log" 2>&1 3>"$WORK_DIR/xvfb.displayfd" &
  XVFB_PID=$!
  BACKGROUND_PIDS+=($XVFB_PID)
  for i in $(seq 1 200); do
    XVFB_DISPLAY=$(head -n 1 "$WORK_DIR/xvfb.displayfd" 2>/dev/null)
    [ -n "$XVFB_DISPLAY" ] && { XVFB_DISPLAY=":$XVFB_DISPLAY"; return 0; }
    sleep 0.05
  done
  return 1
}

# start_dbusmock OUTPREFIX ARGS...: runs python3 -m dbusmock ARGS in the
# background (its pid in DBUSMOCK_PID).
start_dbusmock () {
  local prefix=$1; shift
  "$SYSTEM_PYTHON" -c 'import dbusmock' 2>/dev/null ||
    { echo "# python3-dbusmock is missing: install the python3-dbusmock package"; return 1; }
  start_bg DBUSMOCK_PID "$WORK_DIR/$prefix.log" "$WORK_DIR/$prefix.err" \
    env -u G_DEBUG "$SYSTEM_PYTHON" -m dbusmock "$@"
}
