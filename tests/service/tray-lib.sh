# SPDX-License-Identifier: GPL-3.0-or-later
# tray-lib.sh: helpers for the tray tests, which drive tray-probe against a
# real StatusNotifierWatcher and tray host. Source it after probe-lib.sh.

TRAY_PROBE="$PROBE_DIR/tray-probe"
WATCHER=org.kde.StatusNotifierWatcher

# eventually COMMAND...: runs COMMAND until it succeeds, for up to 20 s.
eventually () {
  local deadline=$(( $(date +%s) + 20 ))
  until "$@"; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.05
  done
}

# start_probe PIDVAR FD NAME ARGS...: starts tray-probe ARGS with its output
# in $WORK_DIR/NAME.out and .err, reading commands from a FIFO open on FD.
start_probe () {
  local var=$1 fd=$2 name=$3; shift 3
  local fifo=$WORK_DIR/$name.in
  rm -f "$fifo"
  mkfifo "$fifo"
  # Read-write, so opening it does not wait for the reader.
  eval "exec $fd<>\"\$fifo\""
  start_bg "$var" "$WORK_DIR/$name.out" "$WORK_DIR/$name.err" "$TRAY_PROBE" "$@" <"$fifo"
}

# probe_do FD NAME COMMAND...: sends COMMAND to the probe and waits until it
# says it applied it.
probe_do () {
  local fd=$1 out=$WORK_DIR/$2.out n; shift 2
  n=$(count_lines "$out" '^done ')
  echo "$*" >&"$fd"
  wait_for_line "$out" '^done ' 20 $((n + 1))
}

# probe_bus_name NAME [N]: the Nth unique bus name the probe's item had
# (the first by default).
probe_bus_name () {
  wait_for_line "$WORK_DIR/$1.out" '^bus-name :' 20 "${2:-1}" &&
    nth_match "$WORK_DIR/$1.out" '^bus-name :' "${2:-1}" | sed 's/^bus-name //'
}

# start_watcher NAME: starts status-notifier-watcher (its pid in WATCHER_PID)
# and waits for its name.
start_watcher () {
  command -v status-notifier-watcher >/dev/null ||
    { echo "# status-notifier-watcher is missing: install haskell-status-notifier-item-utils"; return 1; }
  start_bg WATCHER_PID "$WORK_DIR/watcher-$1.log" "$WORK_DIR/watcher-$1.err" \
    env -u G_DEBUG status-notifier-watcher
  wait_for_bus_name "$WATCHER" 20 || { show_file "$WORK_DIR/watcher-$1.err"; return 1; }
}

# watcher_get PROPERTY: a property of the watcher, as gdbus prints it.
watcher_get () {
  gdbus call --session --dest "$WATCHER" --object-path /StatusNotifierWatcher \
    --method org.freedesktop.DBus.Properties.Get "$WATCHER" "$1" 2>&1
}

# registered_items: the watcher's RegisteredStatusNotifierItems, one a line.
registered_items () {
  watcher_get RegisteredStatusNotifierItems | grep -oE "'[^']*'" | tr -d "'"
}

# name_owner NAME: the unique name owning NAME.
name_owner () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetNameOwner "$1" 2>/dev/null | sed -n "s/^('\(.*\)',)$/\1/p"
}

# item_of BUS_NAME: the registered item that BUS_NAME owns, if any.
item_of () {
  local item
  for item in $(registered_items); do
    if [ "$item" = "$1" ] || [ "$(name_owner "${item%%/*}")" = "$1" ]; then
      echo "$item"
      return 0
    fi
  done
  return 1
}

# is_registered BUS_NAME / is_not_registered BUS_NAME
is_registered () { item_of "$1" >/dev/null; }
is_not_registered () { ! item_of "$1" >/dev/null; }

# item_get BUS_NAME PROPERTY: a StatusNotifierItem property as gdbus prints it.
item_get () {
  gdbus call --session --dest "$1" --object-path /StatusNotifierItem \
    --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierItem "$2" 2>&1
}

# menu_call BUS_NAME METHOD ARGS...: a com.canonical.dbusmenu method.
menu_call () {
  local name=$1 method=$2; shift 2
  gdbus call --session --dest "$name" --object-path /MenuBar \
    --method "com.canonical.dbusmenu.$method" -- "$@" 2>&1
}
