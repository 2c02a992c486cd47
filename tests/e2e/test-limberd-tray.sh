# SPDX-License-Identifier: GPL-3.0-or-later
# limberd's tray icon with a real StatusNotifierWatcher: it registers, its
# tooltip says what comes next, "Pause ▸ 30 Minutes" in its menu pauses the
# service, the icon then shows paused, and the show-tray-icon setting takes
# it away.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 8

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
watcher_get () {
  gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
    --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher \
    RegisteredStatusNotifierItems
}

# The item's bus name, once it is registered.
item_name () { watcher_get | grep -o "':[0-9.]*[^']*'" | tr -d "'" | head -n1 | sed 's|/.*||'; }

item_get () {
  gdbus call --session --dest "$1" --object-path /StatusNotifierItem \
    --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierItem "$2"
}

eventually () {
  for _ in $(seq 100); do "$@" && return 0; sleep 0.1; done
  return 1
}

"$LIMBERD" --verbose >"$XDG_RUNTIME_DIR/limberd.log" 2>&1 &
pid=$!
wait_for_bus_name "$LIMBER_SERVICE_NAME" 10 || tap_bail "limberd did not start"

tap_ok "the tray item registers with the watcher" eventually bash -c "$(declare -f watcher_get item_name); [ -n \"\$(item_name)\" ]"
item=$(item_name)
tap_like "its tooltip says what comes next" "$(item_get "$item" ToolTip)" 'Next micro-break in 20 min · sitting for 0 min'
tap_like "its status is Active" "$(item_get "$item" Status)" "'Active'"

menu=$(item_get "$item" Menu | grep -o "'/[^']*'" | tr -d "'")
tap_like "the menu has Pause ▸ 30 Minutes" \
  "$(gdbus call --session --dest "$item" --object-path "$menu" --method com.canonical.dbusmenu.GetLayout -- 0 -1 '[]')" \
  "30 Minutes"

gdbus call --session --dest "$item" --object-path "$menu" --method com.canonical.dbusmenu.Event \
  -- 6 clicked '<int32 0>' 0 >/dev/null
tap_ok "clicking it pauses limberd" eventually bash -c "'$LIMBERCTL' status --json | grep -q '\"kind\":\"for-duration\"'"
tap_ok "the icon shows paused" eventually bash -c "$(declare -f item_get); item_get '$item' IconName | grep -q 'tray-paused-symbolic'"

gsettings set io.github.limberapp.Limber show-tray-icon false
tap_ok "turning the tray icon off unregisters it" eventually bash -c "$(declare -f watcher_get item_name); [ -z \"\$(item_name)\" ]"

kill -TERM "$pid"
wait "$pid"
tap_is "limberd exits 0" "$?" 0
tap_done
