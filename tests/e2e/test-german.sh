# SPDX-License-Identifier: GPL-3.0-or-later
# Limber in German, from the build tree's catalogues: limberctl's help, the
# desktop file's name, and the window with limberd's live state, saved as a
# screenshot (home-de.png) to look at.

. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/e2e/screenshot.sh"
tap_plan 6

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
gsettings set io.github.limberapp.Limber first-run-done true

run_capture r env LANGUAGE=de "$LIMBERCTL" --help
tap_like "limberctl speaks German" "$r_out" '^Aufruf: limberctl'
tap_like "the desktop file has a German name" \
  "$(grep '^GenericName\[de\]=' "$LIMBER_BUILD_ROOT/data/$LIMBER_APP_ID.desktop")" 'Pause'

"$LIMBERD" 2>"$XDG_RUNTIME_DIR/limberd.log" &
limberd=$!
tap_ok "limberd is up" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10

LANGUAGE=de "$LIMBER" 2>"$XDG_RUNTIME_DIR/limber.log" &
limber=$!
window=$(wait_for_window Limber 30)
tap_ok "the window opens" test -n "$window"
# Let the home page get limberd's state and draw.
sleep 2
shot=$(capture_window "$window" home-de)
tap_ok "a screenshot of it in German ($shot)" test -s "$shot"

kill "$limber"
wait "$limber" 2>/dev/null
kill -TERM "$limberd"
wait "$limberd"
tap_is "limberd exits 0" "$?" 0
tap_done
