# SPDX-License-Identifier: GPL-3.0-or-later
# limberd as a process: its options, one instance on the bus, --replace, and
# a clean exit on SIGTERM. Runs on the private bus of headless-session.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 17

run_capture r "$LIMBERD" --version
tap_is "--version exits 0" "$r_rc" 0
tap_like "--version prints the version" "$r_out" '^limberd [0-9]+\.[0-9]+\.[0-9]+'

run_capture r "$LIMBERD" --help
tap_is "--help exits 0" "$r_rc" 0
tap_like "--help lists --replace" "$r_out" '--replace'

run_capture r "$LIMBERD" --bogus
tap_is "an unknown option exits 2" "$r_rc" 2
tap_like "an unknown option is named, with a hint" "$r_err" 'Unknown option --bogus'
tap_like "the hint points at --help" "$r_err" 'limberd --help'

run_capture r "$LIMBERD" extra
tap_is "a stray argument exits 2" "$r_rc" 2
tap_like "a stray argument is named" "$r_err" 'unexpected argument “extra”'

# One instance: the first owns the name, a second says so and exits 0.
"$LIMBERD" 2>"$XDG_RUNTIME_DIR/first.log" &
first=$!
tap_ok "the first limberd owns $LIMBER_SERVICE_NAME" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10

run_capture r timeout 10 "$LIMBERD"
tap_is "a second limberd exits 0" "$r_rc" 0
tap_like "a second limberd says one is running" "$r_out" 'already running'
tap_ok "the first limberd is still running" kill -0 "$first"

# --replace takes the name over; the first one leaves cleanly.
"$LIMBERD" --replace 2>"$XDG_RUNTIME_DIR/second.log" &
second=$!
wait "$first"
tap_is "the replaced limberd exits 0" "$?" 0
tap_ok "the replacing limberd owns the name" wait_for_bus_name "$LIMBER_SERVICE_NAME" 10

kill -TERM "$second"
wait "$second"
tap_is "SIGTERM stops limberd with status 0" "$?" 0

no_owner () { ! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$LIMBER_SERVICE_NAME" | grep -q true; }
tap_ok "the name is released after exit" no_owner

tap_done
