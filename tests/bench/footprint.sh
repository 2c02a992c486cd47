# SPDX-License-Identifier: GPL-3.0-or-later
# footprint.sh: what a running process costs, read from /proc.
#
#   footprint_start PID     remember the CPU time and context switches now
#   footprint_report PID LABEL
#                           print RSS, PSS, CPU ms per minute and wakeups
#                           (voluntary context switches) per minute since
#                           footprint_start

_clk_tck=$(getconf CLK_TCK)

_cpu_ticks () { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
_wakeups () { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }

footprint_start () {
  _fp_t0=$(date +%s.%N)
  _fp_cpu0=$(_cpu_ticks "$1")
  _fp_wake0=$(_wakeups "$1")
}

footprint_report () {
  local pid=$1 label=$2
  local t1 cpu1 wake1 rss pss
  t1=$(date +%s.%N)
  cpu1=$(_cpu_ticks "$pid")
  wake1=$(_wakeups "$pid")
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
  pss=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null)
  awk -v label="$label" -v t0="$_fp_t0" -v t1="$t1" -v c0="$_fp_cpu0" -v c1="$cpu1" \
      -v w0="$_fp_wake0" -v w1="$wake1" -v rss="$rss" -v pss="${pss:-0}" -v hz="$_clk_tck" 'BEGIN {
    minutes = (t1 - t0) / 60
    printf "%s: over %.1f s: RSS %.2f MiB, PSS %.2f MiB, CPU %.1f ms/min, wakeups %.1f/min\n",
      label, (t1 - t0), rss / 1024, pss / 1024, (c1 - c0) * 1000 / hz / minutes, (w1 - w0) / minutes
  }'
}
