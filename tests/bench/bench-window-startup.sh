# SPDX-License-Identifier: GPL-3.0-or-later
# How long `limber` takes from being started to its window's first frame,
# with the cairo and the GL renderer (GL runs on llvmpipe where there is no
# GPU), warm: one run to fill the caches, then LIMBER_BENCH_RUNS (default
# 5) timed runs, and their median. Then what the window costs once it has
# settled: its RSS and PSS, and its CPU and wakeups over a few idle seconds.
#
# The app prints the wall-clock time of its first painted frame when
# LIMBER_BENCH_FIRST_FRAME=1 (the frame clock's first after-paint); the
# time is counted from just before exec, so it includes loading the
# libraries. limberd runs, as it does on a desktop, and the home page shows.

. "$(dirname "$0")/footprint.sh"
runs=${LIMBER_BENCH_RUNS:-5}
settle=${LIMBER_BENCH_SETTLE_SECONDS:-3}

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
export LIMBER_AUDIO_SINK=fakesink
gsettings set io.github.limberapp.Limber first-run-done true

"$LIMBERD" >/dev/null 2>&1 &
limberd_pid=$!
trap 'kill $limberd_pid 2>/dev/null' EXIT
for _ in $(seq 100); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "${LIMBER_SERVICE_NAME:-io.github.limberapp.Limber.Service}" \
    2>/dev/null | grep -q true && break
  sleep 0.05
done

# one_run RENDERER [SETTLE]: starts limber, prints the ms to its first
# frame; with SETTLE, reports its footprint after that many seconds.
one_run () {
  local renderer=$1 settle_s=${2:-} out pid start_us frame_us
  out=$(mktemp)
  start_us=$(( $(date +%s%N) / 1000 ))
  GSK_RENDERER=$renderer LIMBER_BENCH_FIRST_FRAME=1 "$LIMBER" >"$out" 2>/dev/null &
  pid=$!
  for _ in $(seq 300); do
    grep -q 'first-frame' "$out" && break
    sleep 0.05
  done
  frame_us=$(sed -n 's/.*first-frame .*realtime-us=\([0-9]*\).*/\1/p' "$out")
  if [ -n "$settle_s" ]; then
    sleep 1
    footprint_start "$pid"
    sleep "$settle_s"
    footprint_report "$pid" "limber window ($renderer, idle)" >&2
  fi
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rm -f "$out"
  [ -n "$frame_us" ] || { echo "no first frame" >&2; return 1; }
  awk -v a="$start_us" -v b="$frame_us" 'BEGIN { printf "%.1f\n", (b - a) / 1000 }'
}

median () { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

status=0
for renderer in cairo gl; do
  one_run "$renderer" >/dev/null || { status=1; continue; }
  times=$(for _ in $(seq "$runs"); do one_run "$renderer"; done)
  echo "limber start to first frame ($renderer, warm, $runs runs): median $(printf '%s\n' "$times" | median) ms" \
       "(runs: $(printf '%s\n' "$times" | tr '\n' ' ' | sed 's/ $//') ms)"
  one_run "$renderer" "$settle" >/dev/null 2>"$XDG_RUNTIME_DIR/footprint-$renderer" || status=1
  cat "$XDG_RUNTIME_DIR/footprint-$renderer"
done
exit $status
