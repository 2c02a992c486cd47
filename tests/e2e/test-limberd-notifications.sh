# SPDX-License-Identifier: GPL-3.0-or-later
# limberd with a real dunst, breaks a few seconds apart: the warning and the
# due reminder arrive; "Postpone" picked in dunst's menu puts the break off
# and it comes again after the postpone; "Start stretches" asks the Limber
# app to start a routine (ActivateAction seen on the bus by dbus-monitor);
# dunst killed and started again, reminders resume.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 14

FIXTURES=$G_TEST_SRCDIR/fixtures
LOG_DIR=${LIMBER_FIXTURE_LOG_DIR:-$XDG_RUNTIME_DIR}
SHOWN=$LOG_DIR/dunst-notifications.log
PICK=$LOG_DIR/dunst-menu-pick

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
gsettings set io.github.limberapp.Limber micro-break-enabled false
gsettings set io.github.limberapp.Limber stretch-break-interval-seconds 10
gsettings set io.github.limberapp.Limber warning-lead-seconds 4
gsettings set io.github.limberapp.Limber postpone-seconds 5

# count PATTERN: how many notifications dunst has shown whose line matches.
count () { grep -c -- "$1" "$SHOWN" 2>/dev/null || true; }

# wait_count PATTERN N: waits until dunst has shown N such notifications.
wait_count () {
  local deadline=$(( $(date +%s) + 40 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(count "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "# dunst showed $(count "$1") notifications matching '$1', not $2"
  sed 's/^/#   /' "$SHOWN" 2>/dev/null | tail -n 5
  return 1
}

# pick LABEL: chooses an action of the newest notification in dunst's menu.
pick () {
  printf '%s\n' "$1" >"$PICK"
  dunstctl context
}

dbus-monitor --session "type='method_call',interface='org.freedesktop.Application',member='ActivateAction'" \
  >"$XDG_RUNTIME_DIR/activate.log" 2>&1 &
monitor=$!

"$LIMBERD" --verbose >"$XDG_RUNTIME_DIR/limberd.log" 2>&1 &
pid=$!
tap_ok "limberd owns its name" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10

tap_ok "dunst shows the warning" wait_count 'summary=Stretch break in' 1
tap_ok "dunst shows the due reminder" wait_count 'summary=Time for a stretch break' 1
tap_like "the reminder is from Limber" "$(grep 'Time for a stretch break' "$SHOWN" | head -n1)" \
  "desktop_entry=$LIMBER_APP_ID"

pick 'Postpone'
tap_ok "Postpone in dunst's menu reaches limberd" \
  bash -c "for i in \$(seq 100); do '$LIMBERCTL' status --json | grep -q '\"postpones\":1}' && exit 0; sleep 0.1; done; exit 1"
tap_ok "the break comes again after the postpone" wait_count 'summary=Time for a stretch break' 2

pick 'Start stretches'
tap_ok "Start stretches asks the app to start a routine" \
  bash -c "for i in \$(seq 100); do grep -q 'string \"start-routine\"' '$XDG_RUNTIME_DIR/activate.log' && exit 0; sleep 0.1; done; exit 1"
tap_like "the call goes to the app's bus name" "$(grep -m1 -B1 'start-routine' "$XDG_RUNTIME_DIR/activate.log" | head -n1)" \
  "destination=$LIMBER_APP_ID "
routine=$(grep -A3 'string "start-routine"' "$XDG_RUNTIME_DIR/activate.log" | sed -n 's/.*variant *string "\(.*\)"/\1/p' | head -n1)
tap_ok "with a bundled routine's id ($routine)" test -f "$LIMBER_ROUTINE_DIR/$routine.xml"

# dunst goes away and comes back.
"$LIMBERCTL" skip >/dev/null
pkill -x dunst
gone () { ! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications | grep -q true; }
tap_ok "dunst is gone" bash -c "for i in \$(seq 50); do $(declare -f gone); gone && exit 0; sleep 0.1; done; exit 1"
tap_ok "limberd keeps running without a notification server" kill -0 "$pid"

PATH="$FIXTURES:$PATH" env -u G_DEBUG dunst -config "$FIXTURES/dunstrc" >"$LOG_DIR/dunst2.log" 2>&1 &
dunst2=$!
tap_ok "a new dunst is up" wait_for_bus_name org.freedesktop.Notifications 10
before=$(count 'summary=Time for a stretch break')
"$LIMBERCTL" break stretch >/dev/null
tap_ok "reminders reach the new dunst" wait_count 'summary=Time for a stretch break' $((before + 1))

kill -TERM "$pid"
wait "$pid"
tap_is "limberd exits 0" "$?" 0
kill "$dunst2" "$monitor" 2>/dev/null
wait 2>/dev/null
tap_done
