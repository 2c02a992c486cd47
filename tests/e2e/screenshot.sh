# SPDX-License-Identifier: GPL-3.0-or-later
# screenshot.sh: helpers for e2e tests that look at the X screen.

# take_screenshot NAME: saves the whole screen to $LIMBER_SCREENSHOT_DIR/NAME.png
# and prints the path.
take_screenshot () {
  mkdir -p "$LIMBER_SCREENSHOT_DIR"
  local file="$LIMBER_SCREENSHOT_DIR/$1.png"
  import -window root "$file" && echo "$file"
}

# capture_window WINDOW_ID NAME: saves one window to NAME.png and prints the path.
capture_window () {
  mkdir -p "$LIMBER_SCREENSHOT_DIR"
  local file="$LIMBER_SCREENSHOT_DIR/$2.png"
  import -window "$1" "$file" && echo "$file"
}

# distinct_colours FILE: how many colours the image holds; a blank or
# unpainted window has one or two.
distinct_colours () {
  identify -format '%k' "$1"
}

# wait_for_window NAME [TIMEOUT]: prints the id of the first visible window
# whose title is exactly NAME.
wait_for_window () {
  local deadline=$(( $(date +%s) + ${2:-20} ))
  local id
  while [ "$(date +%s)" -lt "$deadline" ]; do
    id=$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -n1)
    if [ -n "$id" ]; then
      echo "$id"
      return 0
    fi
    sleep 0.1
  done
  return 1
}
