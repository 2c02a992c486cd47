# SPDX-License-Identifier: GPL-3.0-or-later
# limberctl check-routine: a valid file gets one OK line on stdout and exit
# status 0; a broken one gets compiler-style FILE:LINE:COL: error: lines on
# stderr and status 1; no file at all is a usage error, status 2.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 29

routines=$LIMBER_SOURCE_ROOT/data/routines
bad=$LIMBER_SOURCE_ROOT/tests/unit/routines-bad
export LIMBER_ROUTINE_DIR=$routines

run_capture r "$LIMBERCTL" check-routine "$routines/neck-relief.xml"
tap_is "a valid routine exits 0" "$r_rc" 0
tap_is "a valid routine gets one OK line" "$r_out" \
  "$routines/neck-relief.xml: OK: routine “neck-relief”, 8 steps, 5 min 4 s"
tap_is "a valid routine prints nothing on stderr" "$r_err" ""

run_capture r "$LIMBERCTL" check-routine "$routines/micro-chin-tucks.xml"
tap_is "a valid micro-stretch gets one OK line" "$r_out" \
  "$routines/micro-chin-tucks.xml: OK: micro-stretch “micro-chin-tucks”, 1 step, 30 s"

run_capture r "$LIMBERCTL" check-routine "$routines/figures.xml"
tap_is "the figures file exits 0" "$r_rc" 0
tap_like "the figures file is counted" "$r_out" \
  "^$routines/figures.xml: OK: figures, [0-9]+ poses, [0-9]+ animations$"

run_capture r "$LIMBERCTL" check-routine "$routines"/*.xml
tap_is "every bundled file is valid" "$r_rc" 0
tap_is "one OK line for each bundled file" "$(printf '%s\n' "$r_out" | grep -c ': OK: ')" \
  "$(ls "$routines"/*.xml | wc -l)"
tap_is "no errors for the bundled files" "$r_err" ""

run_capture r "$LIMBERCTL" check-routine "$bad/unknown-attribute.xml"
tap_is "a broken routine exits 1" "$r_rc" 1
tap_is "its error is printed like a compiler's" "$r_err" \
  "$bad/unknown-attribute.xml:8:34: error: Expected one of the attributes id, duration, sides, repetitions, animation on <step>, found “speed”"
tap_is "nothing on stdout for a broken file" "$r_out" ""

run_capture r "$LIMBERCTL" check-routine "$bad/animation-unknown.xml"
tap_is "an unknown animation exits 1" "$r_rc" 1
tap_is "the unknown animation is located" "$r_err" \
  "$bad/animation-unknown.xml:8:34: error: Expected the name of an animation for “animation”, found “chin-circles”, which no figures file defines"

run_capture r "$LIMBERCTL" check-routine "$bad/syntax-mismatched-tag.xml"
tap_like "an XML syntax error is located" "$r_err" \
  "^$bad/syntax-mismatched-tag.xml:9:30: error: Expected well-formed XML: Element .titel. was closed"

run_capture r "$LIMBERCTL" check-routine "$bad/pose-circular.xml"
tap_is "a figures file's error is located" "$r_err" \
  "$bad/pose-circular.xml:5:21: error: The pose “tuck” is based on “tucked”, which leads back to “tuck”: expected a base pose that is not built on this one"

run_capture r "$LIMBERCTL" check-routine "$routines/neck-relief.xml" "$bad/missing-feel.xml" \
  "$routines/posture-reset.xml"
tap_is "one broken file among good ones exits 1" "$r_rc" 1
tap_is "the good files still get their OK lines" "$(printf '%s\n' "$r_out" | grep -c ': OK: ')" 2
tap_is "and the broken one its error" "$r_err" \
  "$bad/missing-feel.xml:8:3: error: Expected a <feel> inside <step>, found none: say what the person should feel"

run_capture r "$LIMBERCTL" check-routine "$bad"/*.xml
tap_is "the whole malformed corpus exits 1" "$r_rc" 1
tap_is "one error line for each malformed file" "$(printf '%s\n' "$r_err" | grep -c ': error: ')" \
  "$(ls "$bad"/*.xml | wc -l)"
tap_is "every error line has FILE:LINE:COL" \
  "$(printf '%s\n' "$r_err" | grep -vcE '^[^:]+:[0-9]+:[0-9]+: error: ')" 0

missing=$(mktemp -u /tmp/limber-missing-XXXXXX.xml)
run_capture r "$LIMBERCTL" check-routine "$missing"
tap_is "a missing file exits 1" "$r_rc" 1
tap_is "a missing file is named without a position" "$r_err" \
  "$missing: error: Cannot open the file: No such file or directory"

# The full example in data/routines/README.md is a valid routine and figures file.
example=$(mktemp -d)
awk -v dir="$example" '
  /^```xml$/ { n++; file = dir "/" (n == 1 ? "neck-break.xml" : "my-figures.xml"); next }
  /^```$/ { file = ""; next }
  file != "" { print > file }
' "$routines/README.md"
run_capture r "$LIMBERCTL" check-routine "$example/neck-break.xml" "$example/my-figures.xml"
tap_is "the documented example is valid" "$r_rc" 0
tap_is "the documented example gets two OK lines" "$(printf '%s\n' "$r_out" | grep -c ': OK: ')" 2
rm -rf "$example"

run_capture r "$LIMBERCTL" check-routine
tap_is "no file is a usage error" "$r_rc" 2
tap_like "no file says so" "$r_err" 'check-routine needs at least one file'

run_capture r "$LIMBERCTL" help check-routine
tap_like "help check-routine shows the command" "$r_out" 'limberctl check-routine FILE\.\.\.'

tap_done
