# SPDX-License-Identifier: GPL-3.0-or-later
# The session monitor: suspend, lock and session end from D-Bus signals.
# logind cannot run here, so python3-dbusmock's logind template runs on a
# private bus that stands in for the system bus (DBUS_SYSTEM_BUS_ADDRESS);
# the screensavers and GNOME's session manager are dbusmock objects on the
# session bus. The monitor starts before any of them, to check that it
# says once what is missing and then follows each service as it appears.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 24

LOGIND=org.freedesktop.login1
LOGIND_OBJ=/org/freedesktop/login1

export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$WORK_DIR/system_bus_socket"
start_bg SYSTEM_BUS_PID "$WORK_DIR/system-bus.out" "$WORK_DIR/system-bus.err" \
  dbus-daemon --session --nofork --address="$DBUS_SYSTEM_BUS_ADDRESS"

system_name_has_owner () {
  gdbus call --system --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$1" 2>/dev/null | grep -q true
}
wait_for_system_name () {
  local i
  for i in $(seq 1 400); do
    system_name_has_owner "$1" && return 0
    sleep 0.05
  done
  return 1
}
# Ready when it answers, not merely when its socket exists.
wait_for_system_name org.freedesktop.DBus ||
  tap_bail "the stand-in system bus did not start: $(cat "$WORK_DIR/system-bus.err")"

logind_call () {
  gdbus call --system --dest "$LOGIND" --object-path "$@" >/dev/null
}
emit_logind () {
  logind_call "$LOGIND_OBJ" --method org.freedesktop.DBus.Mock.EmitSignal \
    org.freedesktop.login1.Manager "$@"
}
start_logind () {
  start_bg LOGIND_PID "$WORK_DIR/logind.out" "$WORK_DIR/logind.err" \
    env -u G_DEBUG "$SYSTEM_PYTHON" -m dbusmock --system --template logind
  wait_for_system_name "$LOGIND" || { show_file "$WORK_DIR/logind.err"; return 1; }
}

# last_is OUT STATE: whether the last line of OUT is "session STATE".
last_is () { [ "$(tail -n 1 "$1")" = "session $2" ]; }

# wait_for_state OUT STATE: waits up to 20 s for the monitor to report STATE.
wait_for_state () {
  local i
  for i in $(seq 1 400); do
    last_is "$1" "$2" && return 0
    sleep 0.05
  done
  return 1
}

# until_state OUT STATE COMMAND...: runs COMMAND until the monitor reports
# STATE. A signal sent before the monitor has subscribed is lost, so the
# first may not count; each try is the same real signal.
until_state () {
  local out=$1 state=$2 i j; shift 2
  for i in $(seq 1 20); do
    "$@"
    for j in $(seq 1 20); do
      last_is "$out" "$state" && return 0
      sleep 0.05
    done
  done
  return 1
}

# Nothing there yet.
out=$WORK_DIR/a.out err=$WORK_DIR/a.err
start_bg probe "$out" "$err" env XDG_SESSION_ID=c1 "$MONITOR_PROBE" session
tap_ok "the monitor starts with nothing to report" \
  wait_for_state "$out" 'suspended=false locked=false ending=false'
tap_ok "it says logind is missing" wait_for_line "$err" 'logind is not on the system bus' 20
tap_ok "it says no screensaver is there" wait_for_line "$err" 'No screensaver on the session bus' 20
grep -q 'logind is not on' "$err" || show_file "$err"

# logind appears.
tap_ok "dbusmock's logind comes up on the stand-in system bus" start_logind
logind_call "$LOGIND_OBJ" --method org.freedesktop.DBus.Mock.AddSession c1 seat0 1000 limber true
tap_ok "PrepareForSleep(true) makes it suspended" \
  until_state "$out" 'suspended=true locked=false ending=false' \
    emit_logind PrepareForSleep b '[<true>]'
tap_ok "PrepareForSleep(false) ends it" \
  until_state "$out" 'suspended=false locked=false ending=false' \
    emit_logind PrepareForSleep b '[<false>]'
tap_ok "logind's LockedHint on this session makes it locked" \
  until_state "$out" 'suspended=false locked=true ending=false' logind_call "$LOGIND_OBJ/session/c1" \
    --method org.freedesktop.login1.Session.SetLockedHint true
tap_ok "LockedHint false unlocks" \
  until_state "$out" 'suspended=false locked=false ending=false' logind_call "$LOGIND_OBJ/session/c1" \
    --method org.freedesktop.login1.Session.SetLockedHint false

# GNOME's screensaver appears.
start_dbusmock gnome-screensaver --template gnome_screensaver
wait_for_bus_name org.gnome.ScreenSaver 20
gnome_ss () {
  gdbus call --session --dest org.gnome.ScreenSaver --object-path /org/gnome/ScreenSaver \
    --method org.gnome.ScreenSaver.SetActive "$1" >/dev/null
}
tap_ok "org.gnome.ScreenSaver ActiveChanged(true) makes it locked" \
  until_state "$out" 'suspended=false locked=true ending=false' gnome_ss true
tap_ok "ActiveChanged(false) unlocks" \
  until_state "$out" 'suspended=false locked=false ending=false' gnome_ss false
kill_bg "$DBUSMOCK_PID"

# A freedesktop screensaver appears.
FDO=org.freedesktop.ScreenSaver
start_dbusmock fdo-screensaver "$FDO" /org/freedesktop/ScreenSaver "$FDO"
wait_for_bus_name "$FDO" 20
gdbus call --session --dest "$FDO" --object-path /org/freedesktop/ScreenSaver \
  --method org.freedesktop.DBus.Mock.AddMethod "$FDO" GetActive '' b 'ret = False' >/dev/null
fdo_ss () {
  gdbus call --session --dest "$FDO" --object-path /org/freedesktop/ScreenSaver \
    --method org.freedesktop.DBus.Mock.EmitSignal "$FDO" ActiveChanged b "[<$1>]" >/dev/null
}
tap_ok "org.freedesktop.ScreenSaver ActiveChanged(true) makes it locked" \
  until_state "$out" 'suspended=false locked=true ending=false' fdo_ss true
tap_ok "ActiveChanged(false) unlocks" \
  until_state "$out" 'suspended=false locked=false ending=false' fdo_ss false
tap_ok "locked again" until_state "$out" 'suspended=false locked=true ending=false' fdo_ss true
kill_bg "$DBUSMOCK_PID"
tap_ok "the screensaver leaving while locked unlocks" \
  wait_for_state "$out" 'suspended=false locked=false ending=false'

# logind leaving in the middle of a suspend does not leave it suspended.
tap_ok "suspended again" \
  until_state "$out" 'suspended=true locked=false ending=false' emit_logind PrepareForSleep b '[<true>]'
kill_bg "$LOGIND_PID"
tap_ok "logind leaving ends the suspend" \
  wait_for_state "$out" 'suspended=false locked=false ending=false'

# GNOME's session manager ends the session.
GSM=org.gnome.SessionManager
start_dbusmock gsm "$GSM" /org/gnome/SessionManager "$GSM"
wait_for_bus_name "$GSM" 20
tap_ok "GNOME's SessionOver ends the session" \
  until_state "$out" 'suspended=false locked=false ending=true' gdbus call --session --dest "$GSM" \
    --object-path /org/gnome/SessionManager --method org.freedesktop.DBus.Mock.EmitSignal \
    "$GSM" SessionOver '' '@av []'
kill_bg "$DBUSMOCK_PID"
stop_bg "$probe"
tap_is "the monitor stops cleanly on SIGTERM" "$?" 0
tap_is "it said once that logind was missing" "$(count_lines "$err" 'logind is not on')" 1
tap_is "it said once that no screensaver was there" "$(count_lines "$err" 'No screensaver')" 1

# logind's SessionRemoved for this session ends it too.
start_logind
logind_call "$LOGIND_OBJ" --method org.freedesktop.DBus.Mock.AddSession c2 seat0 1000 limber true
out=$WORK_DIR/b.out err=$WORK_DIR/b.err
start_bg probe "$out" "$err" env XDG_SESSION_ID=c2 "$MONITOR_PROBE" session
tap_ok "logind's SessionRemoved for this session ends it" \
  until_state "$out" 'suspended=false locked=false ending=true' \
    emit_logind SessionRemoved so "[<'c2'>, <objectpath '$LOGIND_OBJ/session/c2'>]"
stop_bg "$probe"
tap_is "the monitor stops cleanly on SIGTERM" "$?" 0

# No system bus at all.
out=$WORK_DIR/c.out err=$WORK_DIR/c.err
start_bg probe "$out" "$err" env DBUS_SYSTEM_BUS_ADDRESS="unix:path=$WORK_DIR/no-such-bus" \
  "$MONITOR_PROBE" session
tap_ok "without a system bus it says so" wait_for_line "$err" 'No system bus' 20
stop_bg "$probe"
tap_is "... and keeps running until told to stop" "$?" 0

tap_done
