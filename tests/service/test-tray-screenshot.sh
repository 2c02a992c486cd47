# SPDX-License-Identifier: GPL-3.0-or-later
# The tray icon as a real tray host draws it: gtk-sni-tray-standalone on
# the X server shows the icon for each status (screenshots tray.png,
# tray-due.png, tray-paused.png), calls Activate on a left click, and pops
# up the dbusmenu on a right click (tray-menu.png), where the keyboard
# mnemonics pick Pause ▸ 1 Hour.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"
. "$G_TEST_SRCDIR/service/tray-lib.sh"
. "$G_TEST_SRCDIR/e2e/screenshot.sh"
tap_plan 14

# Pictures are taken in the test's own folder, then copied to the
# screenshot folder at the end.
screenshot_dir=$LIMBER_SCREENSHOT_DIR
LIMBER_SCREENSHOT_DIR=$WORK_DIR/shots

# The host looks the icons up in IconThemePath as loose files: point it at
# the folder that holds them in the source tree.
tray_svg=$(find "$LIMBER_SOURCE_ROOT/data/icons" -name 'io.github.limberapp.Limber-tray-symbolic.svg' | head -n1)
LIMBER_ICON_THEME_PATH=$(dirname "$tray_svg")
export LIMBER_ICON_THEME_PATH

# The host's own --watcher races its first call against the watcher it
# starts; with one already on the bus it uses that.
tap_ok "status-notifier-watcher owns $WATCHER" start_watcher 1
start_probe probe 7 tray --title="Next stretch in 23 min" --line="Sitting for 27 min"
tap_ok "the probe's item registers" wait_for_line "$WORK_DIR/tray.out" '^registered true$'

start_bg host_pid "$WORK_DIR/host.log" "$WORK_DIR/host.err" \
  env -u G_DEBUG gtk-sni-tray-standalone --watcher --bottom --size 48 --color '#f6f5f4'
tap_ok "gtk-sni-tray-standalone makes host-present true" \
  wait_for_line "$WORK_DIR/tray.out" '^host-present true$'

host_window () { xdotool search --onlyvisible --pid "$host_pid" 2>/dev/null | head -n1; }
has_host_window () { [ -n "$(host_window)" ]; }
eventually has_host_window
window=$(host_window)
geometry=$(xdotool getwindowgeometry "$window" 2>/dev/null)
win_y=$(printf '%s\n' "$geometry" | sed -n 's/.*Position: [0-9]*,\([0-9]*\).*/\1/p')

# shot NAME [DIFFERENT_FROM]: captures the tray bar as NAME.png once it
# shows more than its background (and differs from DIFFERENT_FROM.png).
shot () {
  local file
  file=$(capture_window "$window" "$1") || return 1
  [ "$(distinct_colours "$file")" -gt 2 ] || return 1
  [ -z "${2:-}" ] || [ "$(compare -metric AE "$file" "$LIMBER_SCREENSHOT_DIR/$2.png" null: 2>&1)" != 0 ]
}

tap_ok "the host draws the normal icon (tray.png)" eventually shot tray
echo "# tray.png: $(distinct_colours "$LIMBER_SCREENSHOT_DIR/tray.png") colours"
probe_do 7 tray status due
tap_ok "and the due icon, which looks different (tray-due.png)" eventually shot tray-due tray
echo "# tray-due.png: $(distinct_colours "$LIMBER_SCREENSHOT_DIR/tray-due.png") colours"
probe_do 7 tray status paused
tap_ok "and the paused icon, different from both (tray-paused.png)" eventually shot tray-paused tray-due
echo "# tray-paused.png: $(distinct_colours "$LIMBER_SCREENSHOT_DIR/tray-paused.png") colours"
tap_ok "paused differs from normal too" \
  test "$(compare -metric AE "$LIMBER_SCREENSHOT_DIR/tray-paused.png" "$LIMBER_SCREENSHOT_DIR/tray.png" null: 2>&1)" != 0

# The icon is the first thing in the bar.
xdotool mousemove --window "$window" 20 24 click 1
tap_ok "a left click on the icon activates open" wait_for_line "$WORK_DIR/tray.out" '^activate open$'

visible_windows () { xdotool search --onlyvisible --pid "$host_pid" 2>/dev/null | wc -l; }
at_least_windows () { [ "$(visible_windows)" -ge "$1" ]; }
xdotool mousemove --window "$window" 20 24 click 3
tap_ok "a right click pops up the menu" eventually at_least_windows 2
xdotool key p
tap_ok "its mnemonic P opens the Pause submenu" eventually at_least_windows 3
sleep 0.3 # let the submenu paint before the picture; nothing is measured
mkdir -p "$LIMBER_SCREENSHOT_DIR"
import -window root "$WORK_DIR/screen.png"
menu_shot=$LIMBER_SCREENSHOT_DIR/tray-menu.png
convert "$WORK_DIR/screen.png" -crop "480x360+0+$(( ${win_y:-752} + 48 - 360 ))" +repage "$menu_shot"
tap_ok "the menu is drawn with its text ($(distinct_colours "$menu_shot") colours)" \
  test "$(distinct_colours "$menu_shot")" -gt 20
xdotool key h
tap_ok "and H picks 1 Hour: activate pause-1h" wait_for_line "$WORK_DIR/tray.out" '^activate pause-1h$'

kill_bg "$host_pid"
tap_ok "the host leaving makes host-present false" \
  wait_for_line "$WORK_DIR/tray.out" '^host-present false$'
stop_bg "$probe"
tap_is "the probe stops cleanly" "$?" 0
kill_bg "$WATCHER_PID"

mkdir -p "$screenshot_dir"
cp "$LIMBER_SCREENSHOT_DIR"/*.png "$screenshot_dir/"
echo "# screenshots: $screenshot_dir/tray.png tray-due.png tray-paused.png tray-menu.png"

tap_done
