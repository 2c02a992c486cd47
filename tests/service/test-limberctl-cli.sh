# SPDX-License-Identifier: GPL-3.0-or-later
# limberctl's command line: version, help, and usage errors with status 2.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 16

run_capture r "$LIMBERCTL" --version
tap_is "--version exits 0" "$r_rc" 0
tap_like "--version prints the version" "$r_out" '^limberctl [0-9]+\.[0-9]+\.[0-9]+'

run_capture r "$LIMBERCTL" --help
tap_is "--help exits 0" "$r_rc" 0
tap_like "--help shows the usage line" "$r_out" '^Usage: limberctl'
tap_like "--help documents exit status 3" "$r_out" '3  limberd is not running'

run_capture r "$LIMBERCTL" help help
tap_is "help COMMAND exits 0" "$r_rc" 0
tap_like "help COMMAND shows that command" "$r_out" 'limberctl help \[COMMAND\]'

run_capture r "$LIMBERCTL"
tap_is "no command exits 2" "$r_rc" 2
tap_like "no command prints the usage on stderr" "$r_err" '^Usage: limberctl'

run_capture r "$LIMBERCTL" frobnicate
tap_is "an unknown command exits 2" "$r_rc" 2
tap_like "an unknown command is named" "$r_err" 'unknown command “frobnicate”'

run_capture r "$LIMBERCTL" --frob
tap_is "an unknown option exits 2" "$r_rc" 2
tap_like "an unknown option is named" "$r_err" 'unknown option “--frob”'

run_capture r "$LIMBERCTL" help nosuch
tap_is "help for an unknown command exits 2" "$r_rc" 2

run_capture r "$LIMBERCTL" --version extra
tap_is "--version with an argument exits 2" "$r_rc" 2
tap_is "nothing is printed on stdout for a usage error" "$r_out" ""

tap_done
