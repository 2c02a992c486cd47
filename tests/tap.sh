# SPDX-License-Identifier: GPL-3.0-or-later
# tap.sh: a few helpers for shell tests that speak TAP (meson's protocol: 'tap').
# Source it, call tap_plan N, then the checks, then tap_done.

TAP_COUNT=0
TAP_FAILED=0

tap_plan () { echo "1..$1"; }

tap_ok () {
  # tap_ok DESCRIPTION COMMAND...: passes when COMMAND exits 0.
  local description=$1; shift
  TAP_COUNT=$((TAP_COUNT + 1))
  if "$@"; then
    echo "ok $TAP_COUNT - $description"
  else
    echo "not ok $TAP_COUNT - $description"
    TAP_FAILED=$((TAP_FAILED + 1))
  fi
}

tap_is () {
  # tap_is DESCRIPTION GOT EXPECTED
  TAP_COUNT=$((TAP_COUNT + 1))
  if [ "$2" = "$3" ]; then
    echo "ok $TAP_COUNT - $1"
  else
    echo "not ok $TAP_COUNT - $1"
    printf '%s\n' "$2" | sed 's/^/# got:      /'
    printf '%s\n' "$3" | sed 's/^/# expected: /'
    TAP_FAILED=$((TAP_FAILED + 1))
  fi
}

tap_like () {
  # tap_like DESCRIPTION TEXT PATTERN: passes when grep -E finds PATTERN in TEXT.
  TAP_COUNT=$((TAP_COUNT + 1))
  if printf '%s\n' "$2" | grep -Eq -- "$3"; then
    echo "ok $TAP_COUNT - $1"
  else
    echo "not ok $TAP_COUNT - $1"
    printf '%s\n' "$2" | sed 's/^/# got: /'
    echo "# expected to match: $3"
    TAP_FAILED=$((TAP_FAILED + 1))
  fi
}

tap_bail () { echo "Bail out! $*"; exit 1; }

tap_done () { [ "$TAP_FAILED" -eq 0 ]; }

# run_capture VAR_PREFIX COMMAND...: runs COMMAND, sets ${VAR_PREFIX}_out,
# ${VAR_PREFIX}_err and ${VAR_PREFIX}_rc.
run_capture () {
  local prefix=$1; shift
  local out err
  out=$(mktemp) err=$(mktemp)
  "$@" >"$out" 2>"$err"
  eval "${prefix}_rc=$?"
  eval "${prefix}_out=\$(cat \"\$out\")"
  eval "${prefix}_err=\$(cat \"\$err\")"
  rm -f "$out" "$err"
}

# wait_for_bus_name NAME [TIMEOUT_SECONDS]: waits until NAME has an owner on the session bus.
wait_for_bus_name () {
  local name=$1 deadline=$(( $(date +%s) + ${2:-10} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
         --method org.freedesktop.DBus.NameHasOwner "$name" 2>/dev/null | grep -q true; then
      return 0
    fi
    sleep 0.05
  done
  return 1
}
