# SPDX-License-Identifier: GPL-3.0-or-later
# limber's command line: --version and --help answer without opening a window.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 6

run_capture r "$LIMBER" --version
tap_is "--version exits 0" "$r_rc" 0
tap_like "--version prints the version" "$r_out" '^limber [0-9]+\.[0-9]+\.[0-9]+'

run_capture r "$LIMBER" --help
tap_is "--help exits 0" "$r_rc" 0
tap_like "--help shows the summary" "$r_out" 'Guided stretch sessions'

run_capture r "$LIMBER" --bogus
tap_is "an unknown option exits 1" "$r_rc" 1
tap_like "an unknown option is named" "$r_err" 'Unknown option --bogus'

tap_done
