# SPDX-License-Identifier: GPL-3.0-or-later
# limberd runs the break engine for real: on Xvfb, with intervals of a few
# seconds, scripted xdotool input and pauses drive it through warned, due,
# taken by going idle, and a natural stretch break; the transitions are
# read from its --verbose log. Also: the state file is written on exit, and
# a damaged one is reported once and replaced by a clean start.
#
# No timing is asserted: each step waits (generously) for its log line.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 14

# Settings both gsettings and limberd read: a key file in this test's own
# XDG_CONFIG_HOME (headless-session made it fresh).
export GSETTINGS_BACKEND=keyfile
set_key () { gsettings set io.github.limberapp.Limber "$1" "$2"; }
set_key micro-break-interval-seconds 8
set_key micro-break-length-seconds 5
set_key stretch-break-interval-seconds 600
set_key stretch-break-length-seconds 12
set_key warning-lead-seconds 3
export LIMBER_ACTIVITY_SOURCE=x11

log=$XDG_RUNTIME_DIR/limberd.log
state=$XDG_STATE_HOME/limber/state.ini

# wait_log PATTERN [TIMEOUT]: waits for a line matching PATTERN in the log.
wait_log () {
  local deadline=$(( $(date +%s) + ${2:-30} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    grep -Eq -- "$1" "$log" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "# no log line matching: $1"
  sed 's/^/#   /' "$log" | tail -n 15
  return 1
}

# type_for SECONDS: presses a key every half second, like someone typing.
type_for () {
  local end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    xdotool key shift
    sleep 0.5
  done
}

xdotool key shift
"$LIMBERD" --verbose >"$log" 2>&1 &
pid=$!
tap_ok "limberd owns its name" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10
tap_ok "it chose the X11 activity source" wait_log 'Activity source: x11'

# Typing: the micro-break comes, warned first.
type_for 6 &
typing=$!
tap_ok "micro-break warned while typing" wait_log 'micro break: warned'
tap_ok "micro-break due" wait_log 'micro break: due'
wait $typing

# Hands off the keyboard: after the source's threshold the engine hears of
# the idle span, and 5 s of it takes the micro-break.
tap_ok "the X server's idle counter reached the threshold" wait_log 'Idle since'
tap_ok "micro-break taken by going idle" wait_log 'micro break: taken by idle'
tap_ok "the stretch break is still counting through a short pause" \
  bash -c "! grep -q 'stretch break: natural' '$log'"

# Stay away past the stretch break's length: a natural stretch break.
tap_ok "a long enough pause is a natural stretch break" wait_log 'stretch break: natural by idle' 40

xdotool mousemove 10 10
xdotool mousemove 20 20
tap_ok "input ends the idle span" wait_log 'Active after'

kill -TERM "$pid"
wait "$pid"
tap_is "limberd exits 0 on SIGTERM" "$?" 0
tap_ok "the state file was written on exit" grep -q '^\[stretch\]' "$state"

# A damaged state file: one line, a clean start, and the service runs.
printf 'garbage\x01\x02[[[\n' >"$state"
"$LIMBERD" --verbose >"$log" 2>&1 &
pid=$!
tap_ok "limberd starts with a damaged state file" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10
tap_ok "the damage is reported" wait_log 'damaged, starting fresh'
tap_is "it is reported once" "$(grep -c 'damaged, starting fresh' "$log")" 1
kill -TERM "$pid"
wait "$pid"

tap_done
