# SPDX-License-Identifier: GPL-3.0-or-later
# app-lib.sh: helpers for e2e tests that drive the Limber app.

# press_in WINDOW KEYS: focuses WINDOW and types KEYS there through XTEST.
# (`xdotool key --window` leaves the keys down when the window closes on
# the press, and the next window to appear gets them.)
press_in () {
  timeout 10 xdotool windowfocus --sync "$1" 2>/dev/null
  xdotool key --clearmodifiers "$2"
}

# name_owner_pid NAME: the process owning NAME on the session bus.
name_owner_pid () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID "$1" 2>/dev/null |
    sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
}

# wait_gone PID: waits up to 20 s for a process (not necessarily a child)
# to end.
wait_gone () {
  for _ in $(seq 200); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# set_activation_env NAME=VALUE...: the environment the bus gives the
# programs it starts (D-Bus activation), on top of its own.
set_activation_env () {
  local dict="" pair
  for pair in "$@"; do
    dict="$dict${dict:+, }'${pair%%=*}': '${pair#*=}'"
  done
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.UpdateActivationEnvironment "{$dict}" >/dev/null
}
