# SPDX-License-Identifier: GPL-3.0-or-later
# The animated figure of a guided session: CPU used per second and frames
# drawn while one LimberFigureView plays a bundled animation for
# LIMBER_BENCH_SECONDS (default 30), with GTK's cairo renderer and, when the
# X server offers GL (Mesa's llvmpipe under Xvfb), the GL renderer. Figures
# only; figure-bench is built in the build directory (tests/ui).

bench=${LIMBER_BUILD_DIR:?run through tests/bench/run-all}/tests/ui/figure-bench
seconds=${LIMBER_BENCH_SECONDS:-30}
animation=${LIMBER_BENCH_ANIMATION:-seated-rotation}
status=0

# Accessibility has no bus here, and its warning is not what we measure.
export GTK_A11Y=none NO_AT_BRIDGE=1

for renderer in cairo gl; do
  out=$(GSK_RENDERER=$renderer "$bench" --seconds "$seconds" --animation "$animation" 2>&1)
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "GSK_RENDERER=$renderer: figure-bench failed ($rc): $out"
    status=1
    continue
  fi
  # GTK falls back to cairo when GL cannot be used: say which one ran.
  case $renderer:$out in
    gl:*GskCairoRenderer*) echo "GSK_RENDERER=gl: no GL here, GTK fell back: $out" ;;
    *) echo "GSK_RENDERER=$renderer: $out" ;;
  esac
done
exit $status
