# SPDX-License-Identifier: GPL-3.0-or-later
# The autostart setting writes and removes limberd's XDG autostart entry
# while limberd runs; the entry is a valid desktop file that starts it.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 6

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
entry=$XDG_CONFIG_HOME/autostart/$LIMBER_SERVICE_NAME.desktop

wait_file () {
  for _ in $(seq 100); do
    if [ "$1" = present ]; then [ -f "$entry" ] && return 0; else [ ! -e "$entry" ] && return 0; fi
    sleep 0.1
  done
  return 1
}

"$LIMBERD" 2>"$XDG_RUNTIME_DIR/limberd.log" &
pid=$!
wait_for_bus_name "$LIMBER_SERVICE_NAME" 10 || tap_bail "limberd did not start"
tap_ok "no autostart entry by default" test ! -e "$entry"

gsettings set io.github.limberapp.Limber autostart true
tap_ok "turning autostart on writes the entry" wait_file present
tap_ok "the entry is a valid desktop file" desktop-file-validate "$entry"
tap_is "it starts this limberd" "$(grep '^Exec=' "$entry")" "Exec=$LIMBERD"

gsettings set io.github.limberapp.Limber autostart false
tap_ok "turning autostart off removes it" wait_file absent

kill -TERM "$pid"
wait "$pid"
tap_is "limberd exits 0" "$?" 0
tap_done
