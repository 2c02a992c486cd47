# SPDX-License-Identifier: GPL-3.0-or-later
# limberd's footprint over LIMBER_BENCH_SECONDS (default 60) on a private X
# server and bus, with a key press every 5 s so the session looks in use.

. "$(dirname "$0")/footprint.sh"
seconds=${LIMBER_BENCH_SECONDS:-60}

"$LIMBERD" &
pid=$!
sleep 2
footprint_start "$pid"
end=$(( $(date +%s) + seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
  xdotool key shift 2>/dev/null
  sleep 5
done
footprint_report "$pid" "limberd (input every 5 s)"
kill "$pid"
wait "$pid"
