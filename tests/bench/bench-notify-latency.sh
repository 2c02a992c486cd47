# SPDX-License-Identifier: GPL-3.0-or-later
# The time from a break's deadline to limberd's Notify call reaching the
# bus, over 20 stretch breaks 5 s apart (dunst as the server; each break is
# skipped with limberctl to start the next interval). The deadline is the
# engine's, from limberd's --verbose log; the Notify time is dbus-monitor's
# timestamp of the call. Prints the median and the maximum.

if [ -z "${LIMBER_BENCH_IN_DESKTOP:-}" ]; then
  LIMBER_BENCH_IN_DESKTOP=1 exec "$LIMBER_FIXTURES/desktop-services" bash "$0"
fi

breaks=${LIMBER_BENCH_BREAKS:-20}
export GSETTINGS_BACKEND=keyfile LIMBER_ACTIVITY_SOURCE=none
gsettings set io.github.limberapp.Limber micro-break-enabled false
gsettings set io.github.limberapp.Limber stretch-break-interval-seconds 5
gsettings set io.github.limberapp.Limber warning-lead-seconds 0
log=$XDG_RUNTIME_DIR/limberd.log
monitor_log=$XDG_RUNTIME_DIR/notify.log

dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
  >"$monitor_log" 2>/dev/null &
monitor=$!
"$LIMBERD" --verbose >"$log" 2>&1 &
pid=$!

for i in $(seq "$breaks"); do
  while [ "$(grep -c 'stretch break: due (' "$log")" -lt "$i" ]; do sleep 0.05; done
  sleep 0.2
  "$LIMBERCTL" skip stretch >/dev/null
done
sleep 0.5
kill "$pid" "$monitor"
wait 2>/dev/null

# Deadlines (µs since the epoch) in order, and Notify times (s since the epoch).
grep -o 'stretch break: due .*deadline [0-9]*' "$log" | grep -o '[0-9]*$' >"$XDG_RUNTIME_DIR/deadlines"
grep -o 'method call time=[0-9.]*' "$monitor_log" | grep -o '[0-9.]*$' >"$XDG_RUNTIME_DIR/notifies"
paste "$XDG_RUNTIME_DIR/deadlines" "$XDG_RUNTIME_DIR/notifies" |
  awk 'NF == 2 { s = int ($1 / 1000000); printf "%.3f\n", ($2 - s) * 1000 - ($1 - s * 1000000) / 1000 }' | sort -n >"$XDG_RUNTIME_DIR/latencies"
n=$(wc -l <"$XDG_RUNTIME_DIR/latencies")
if [ "$n" -eq 0 ]; then
  echo "no breaks measured"
  exit 1
fi
awk -v n="$n" '{ v[NR] = $1 } END {
  median = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  printf "deadline to Notify over %d breaks: median %.1f ms, max %.1f ms\n", n, median, v[n]
}' "$XDG_RUNTIME_DIR/latencies"
