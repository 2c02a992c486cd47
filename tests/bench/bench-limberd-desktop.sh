# SPDX-License-Identifier: GPL-3.0-or-later
# limberd's footprint over LIMBER_BENCH_SECONDS (default 60) with what it
# meets on a desktop: a notification server (dunst), a tray host
# (status-notifier-watcher) and the X11 activity source, with a key press
# every 5 s. Prints RSS, PSS, CPU ms per minute and wakeups per minute.

if [ -z "${LIMBER_BENCH_IN_DESKTOP:-}" ]; then
  LIMBER_BENCH_IN_DESKTOP=1 exec "$LIMBER_FIXTURES/desktop-services" --tray bash "$0"
fi

. "$(dirname "$0")/footprint.sh"
seconds=${LIMBER_BENCH_SECONDS:-60}
export GSETTINGS_BACKEND=keyfile LIMBER_ACTIVITY_SOURCE=x11

"$LIMBERD" 2>/dev/null &
pid=$!
sleep 3
footprint_start "$pid"
end=$(( $(date +%s) + seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
  xdotool key shift 2>/dev/null
  sleep 5
done
footprint_report "$pid" "limberd with dunst and a tray host (input every 5 s)"
kill "$pid"
wait "$pid"
