# SPDX-License-Identifier: GPL-3.0-or-later
# "Start stretches" end to end: limberd with a real dunst, a stretch break
# ten seconds away. When it comes due, the test picks "Start stretches" in
# dunst's menu; limberd asks the app to run start-routine over D-Bus, the
# bus starts the app (D-Bus activation from a service file pointing at the
# build tree), and the Limber window opens on the player with the routine
# limberd chose. The session reaches limberd; closing the window ends the
# app, and limberd keeps running.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/e2e/screenshot.sh"
. "$G_TEST_SRCDIR/e2e/app-lib.sh"
tap_plan 11

LOG_DIR=${LIMBER_FIXTURE_LOG_DIR:-$XDG_RUNTIME_DIR}
SHOWN=$LOG_DIR/dunst-notifications.log
PICK=$LOG_DIR/dunst-menu-pick
ROUTINE=neck-relief
ROUTINE_TITLE="Neck relief"

# limberd and the app share settings through a key file.
export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
gsettings set io.github.limberapp.Limber micro-break-enabled false
gsettings set io.github.limberapp.Limber stretch-break-interval-seconds 10
gsettings set io.github.limberapp.Limber warning-lead-seconds 0
gsettings set io.github.limberapp.Limber stretch-routine "$ROUTINE"
gsettings set io.github.limberapp.Limber first-run-done true

# The private bus starts the app from a service file in $XDG_DATA_HOME
# (dbus-daemon's standard session service folders include it)…
mkdir -p "$XDG_DATA_HOME/dbus-1/services"
cat >"$XDG_DATA_HOME/dbus-1/services/$LIMBER_APP_ID.service" <<SERVICE
[D-BUS Service]
Name=$LIMBER_APP_ID
Exec=$LIMBER --gapplication-service
SERVICE
# …with the bus's environment, not this script's: add what differs.
set_activation_env GSETTINGS_BACKEND=keyfile LIMBER_ACTIVITY_SOURCE=none \
  LIMBER_AUDIO_SINK=fakesink G_MESSAGES_DEBUG=Limber

# wait_shown PATTERN: waits until dunst has shown a notification matching it.
wait_shown () {
  for _ in $(seq 400); do
    grep -q -- "$1" "$SHOWN" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

"$LIMBERD" --verbose >"$XDG_RUNTIME_DIR/limberd.log" 2>&1 &
limberd_pid=$!
tap_ok "limberd owns its name" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10
tap_ok "the stretch break comes due in dunst" wait_shown 'summary=Time for a stretch break'

printf '%s\n' 'Start stretches' >"$PICK"
dunstctl context

tap_ok "the bus starts the app" wait_for_bus_name "$LIMBER_APP_ID" 30
window=$(wait_for_window "$ROUTINE_TITLE" 30)
tap_ok "a window titled “$ROUTINE_TITLE” appears" test -n "$window"
if [ -z "$window" ]; then
  echo "# windows: $(xdotool search --onlyvisible --name . getwindowname %@ 2>/dev/null | tr '\n' ',')"
  sed 's/^/# limberd: /' "$XDG_RUNTIME_DIR/limberd.log" | tail -n 20
  tap_bail "no player window"
fi

# The player is what shows: its window title is the routine's only while
# the player page is up (the home page says "Limber").
tap_is "the app's only window is the player's" \
  "$(xdotool search --onlyvisible --name '.' getwindowname %@ 2>/dev/null | grep -c -x -e "$ROUTINE_TITLE" -e Limber)" 1

# Give GTK a moment to paint after mapping, then look.
sleep 1
xdotool mousemove 0 0
shot=$(capture_window "$window" start-stretches)
echo "# screenshot: $shot"
colours=$(distinct_colours "$shot")
tap_ok "the player is painted ($colours colours)" test "$colours" -gt 20

# BeginSession reached limberd: the stretch break is being taken.
tap_ok "limberd knows the stretch break is being taken" \
  bash -c "for i in \$(seq 100); do '$LIMBERCTL' status | grep -q 'Stretch break: on a break' && exit 0; sleep 0.1; done; '$LIMBERCTL' status | sed 's/^/# /'; exit 1"

# Closing the window ends the session (recorded, ended early) and the app.
app_pid=$(name_owner_pid "$LIMBER_APP_ID")
press_in "$window" ctrl+w
tap_ok "the session is in limberd's history" \
  bash -c "for i in \$(seq 100); do '$LIMBERCTL' history --days 1 | grep -Eq '^[0-9-]+ +[^ ]+ +[^ ]+ +1 ' && exit 0; sleep 0.1; done; '$LIMBERCTL' history --days 1 | sed 's/^/# /'; exit 1"
tap_ok "the app exits once its window is closed" \
  bash -c "for i in \$(seq 300); do kill -0 '$app_pid' 2>/dev/null || exit 0; sleep 0.1; done; exit 1"
tap_ok "limberd keeps running" kill -0 "$limberd_pid"

kill -TERM "$limberd_pid"
wait "$limberd_pid"
tap_is "limberd exits 0" "$?" 0
tap_done
