# SPDX-License-Identifier: GPL-3.0-or-later
# The activity-source chooser in the plain headless session (an X server,
# a session bus, no Mutter, no Wayland): the automatic order, overrides,
# unknown and unavailable overrides, and "none" when nothing works. Mutter
# and Wayland being chosen is checked in their own tests.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
tap_plan 15

# Every run must exit 0: under ASan a leak would make it fail.
failed_runs=
choose () {
  run_capture r "$@"
  [ "$r_rc" = 0 ] || failed_runs="$failed_runs [$* -> $r_rc]"
}

choose "$ACTIVITY_PROBE" --choose --once auto 1000
tap_like "auto picks x11 here" "$r_out" '^source x11$'
tap_like "the log line names the choice" "$r_out" '^log Activity source: x11 '
tap_like "... and why mutter was skipped" "$r_out" 'skipped mutter: Nobody owns org.gnome.Mutter.IdleMonitor on the session bus'
tap_like "... and why wayland was skipped" "$r_out" 'wayland: WAYLAND_DISPLAY is not set'

choose "$ACTIVITY_PROBE" --choose --once none 1000
tap_like "the override none is honoured" "$r_out" '^source none$'
tap_like "... and logged as requested" "$r_out" '^log Activity source: none \(requested\)$'

choose "$ACTIVITY_PROBE" --choose --once x11 1000
tap_like "the override x11 is honoured" "$r_out" '^log Activity source: x11 \(requested\)$'

choose "$ACTIVITY_PROBE" --choose --once mutter 1000
tap_like "an unavailable override falls back to auto" "$r_out" '^source x11$'
tap_like "... logging the override's error" "$r_out" \
  'requested mutter is unavailable: Nobody owns org.gnome.Mutter.IdleMonitor'

# A g_warning, so not fatal for this run.
choose env G_DEBUG=gc-friendly "$ACTIVITY_PROBE" --choose --once bogus 1000
tap_like "an unknown override is warned about, with the known names" "$r_err" \
  'Unknown activity source “bogus” \(known: auto, mutter, wayland, x11, screensaver, none\)'
tap_like "... and falls back to auto" "$r_out" '^source x11$'

# No X server and no ScreenSaver service: nothing can tell idle time.
choose env -u DISPLAY "$ACTIVITY_PROBE" --choose --once auto 1000
tap_like "with nothing available it picks none" "$r_out" '^source none$'
tap_like "... and says wall-clock time is counted" "$r_out" \
  'none: nothing can tell idle time here, so wall-clock time is counted'
tap_like "... with the reasons for x11 and screensaver" "$r_out" \
  'x11: DISPLAY is not set.*screensaver: org.freedesktop.ScreenSaver does not answer GetSessionIdleTime'

tap_is "every run exited 0" "$failed_runs" ""

tap_done
