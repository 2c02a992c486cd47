# SPDX-License-Identifier: GPL-3.0-or-later
# Opening Limber makes sure limberd runs. With limberd's D-Bus service file
# on the bus (pointing at the build tree), starting the app starts limberd
# by D-Bus activation, and limberd keeps running after the app exits. With
# no way to activate it, the home page says the break service is not
# running, and its Start button starts the limberd beside the app.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/e2e/screenshot.sh"
. "$G_TEST_SRCDIR/e2e/app-lib.sh"
tap_plan 10

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
gsettings set io.github.limberapp.Limber first-run-done true

services=$XDG_DATA_HOME/dbus-1/services
service_file=$services/$LIMBER_SERVICE_NAME.service
set_activation_env GSETTINGS_BACKEND=keyfile LIMBER_ACTIVITY_SOURCE=none

# wait_child PID: waits up to 20 s for a child to exit, and sets
# child_status to its exit status (124 when it had to be killed).
wait_child () {
  for _ in $(seq 200); do
    if ! kill -0 "$1" 2>/dev/null; then
      wait "$1"
      child_status=$?
      return
    fi
    sleep 0.1
  done
  kill "$1"
  wait "$1"
  child_status=124
}

# 1. D-Bus activation.
mkdir -p "$services"
cat >"$service_file" <<SERVICE
[D-BUS Service]
Name=$LIMBER_SERVICE_NAME
Exec=$LIMBERD
SERVICE

"$LIMBER" >"$XDG_RUNTIME_DIR/limber-1.log" 2>&1 &
limber_pid=$!
tap_ok "starting the app starts limberd" wait_for_bus_name "$LIMBER_SERVICE_NAME" 30
window=$(wait_for_window Limber 30)
tap_ok "the window opens" test -n "$window"
limberd_pid=$(name_owner_pid "$LIMBER_SERVICE_NAME")

press_in "$window" ctrl+w
wait_child "$limber_pid"
tap_is "closing the window ends the app with status 0" "$child_status" 0
tap_ok "limberd keeps running" kill -0 "$limberd_pid"
kill -TERM "$limberd_pid"
tap_ok "limberd stops when told" wait_gone "$limberd_pid"

# 2. No service file: a banner and a button.
rm -f "$service_file"
gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.ReloadConfig >/dev/null

G_MESSAGES_DEBUG=Limber "$LIMBER" >"$XDG_RUNTIME_DIR/limber-2.log" 2>&1 &
limber_pid=$!
window=$(wait_for_window Limber 30)
tap_ok "the window opens without limberd" test -n "$window"
sleep 1
if ! kill -0 "$limber_pid" 2>/dev/null; then
  wait "$limber_pid"
  echo "# limber exited with status $?"
  sed 's/^/# limber: /' "$XDG_RUNTIME_DIR/limber-2.log"
  tap_bail "limber exited"
fi
xdotool mousemove 0 0
shot=$(capture_window "$window" home-no-service)
echo "# screenshot: $shot"
tap_ok "limberd was not started behind the app's back" \
  bash -c "! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus --method org.freedesktop.DBus.NameHasOwner '$LIMBER_SERVICE_NAME' | grep -q true"

# The banner's Start button sits at its end, just under the header bar.
width=$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p')
xdotool mousemove --window "$window" $((width - 53)) 74 click 1
tap_ok "Start starts limberd" wait_for_bus_name "$LIMBER_SERVICE_NAME" 20
limberd_pid=$(name_owner_pid "$LIMBER_SERVICE_NAME")
tap_like "the limberd beside the app" "$(readlink "/proc/$limberd_pid/exe")" "^$(readlink -f "$LIMBERD")\$"
sleep 1
xdotool mousemove 0 0
shot=$(capture_window "$window" home-service-started)
echo "# screenshot: $shot"

press_in "$window" ctrl+q
wait_child "$limber_pid"
tap_is "Ctrl+Q quits the app with status 0" "$child_status" 0
kill -TERM "$limberd_pid" 2>/dev/null
wait_gone "$limberd_pid"
tap_done
