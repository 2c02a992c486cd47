# SPDX-License-Identifier: GPL-3.0-or-later
# limberctl against a real limberd on a private bus: every command, JSON
# parsed back, CSV read back, and the errors (usage 2, failure 1, no
# limberd 3). Also bad D-Bus calls straight to limberd: each gets a clear
# error and the service keeps running.

. "$G_TEST_SRCDIR/tap.sh"
tap_plan 44

export GSETTINGS_BACKEND=keyfile
export LIMBER_ACTIVITY_SOURCE=none
json () { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
ctl () { run_capture r "$LIMBERCTL" "$@"; }
bus_call () {
  gdbus call --session --dest "$LIMBER_SERVICE_NAME" --object-path /io/github/limberapp/Limber/Service \
    --method "io.github.limberapp.Limber.Service.$1" "${@:2}" 2>&1
}

# No limberd yet.
ctl status
tap_is "status without limberd exits 3" "$r_rc" 3
tap_like "and says how to start it" "$r_err" 'limberd is not running. Start it with'

"$LIMBERD" 2>"$XDG_RUNTIME_DIR/limberd.log" &
pid=$!
wait_for_bus_name "$LIMBER_SERVICE_NAME" 10 || tap_bail "limberd did not start"

ctl status
tap_is "status exits 0" "$r_rc" 0
tap_like "status names the next break" "$r_out" '^Next micro-break in 20 min'
tap_like "status names the activity source" "$r_out" 'Activity source: none'

ctl status --json
tap_is "status --json exits 0" "$r_rc" 0
tap_is "JSON: micro state" "$(printf '%s' "$r_out" | json 'd["micro"]["state"]')" counting
tap_is "JSON: next break type" "$(printf '%s' "$r_out" | json 'd["next_break"]["type"]')" micro
tap_is "JSON: next break in 20 min" "$(printf '%s' "$r_out" | json 'd["next_break"]["in_seconds"]')" 1200
tap_is "JSON: not paused" "$(printf '%s' "$r_out" | json 'd["pause"]["kind"]')" none
tap_is "JSON: postpone limit" "$(printf '%s' "$r_out" | json 'd["postpone_limit"]')" 3

ctl pause 1h30m
tap_is "pause 1h30m exits 0" "$r_rc" 0
tap_like "pause says for how long" "$r_out" 'Paused for 1 h 30 min'
ctl status --json
tap_is "paused for a duration" "$(printf '%s' "$r_out" | json 'd["pause"]["kind"]')" for-duration
now=$(date +%s)
until_s=$(printf '%s' "$r_out" | json 'd["pause"]["until"]')
tap_ok "paused until about 90 min from now" test $(( until_s - now )) -ge 5390 -a $(( until_s - now )) -le 5400
tap_like "human status says paused" "$("$LIMBERCTL" status)" '^Paused until [0-9]{2}:[0-9]{2}'

ctl resume
tap_is "resume exits 0" "$r_rc" 0
tap_is "resumed" "$("$LIMBERCTL" status --json | json 'd["pause"]["kind"]')" none

ctl pause --until-tomorrow
tap_is "pause --until-tomorrow exits 0" "$r_rc" 0
tap_is "paused until tomorrow" "$("$LIMBERCTL" status --json | json 'd["pause"]["kind"]')" until-tomorrow
"$LIMBERCTL" resume >/dev/null

ctl break micro
tap_is "break micro exits 0" "$r_rc" 0
tap_is "the micro-break is due" "$("$LIMBERCTL" status --json | json 'd["micro"]["state"]')" due

ctl postpone
tap_is "postpone (the due one) exits 0" "$r_rc" 0
tap_like "postpone says which" "$r_out" 'Micro-break postponed'
tap_is "one postpone used" "$("$LIMBERCTL" status --json | json 'd["micro"]["postpones"]')" 1

ctl skip micro
tap_is "skip with nothing due exits 1" "$r_rc" 1
tap_like "and says why" "$r_err" 'no micro-break to skip: it is not due yet'

"$LIMBERCTL" break stretch >/dev/null
ctl skip
tap_is "skip (the due stretch break) exits 0" "$r_rc" 0
tap_like "skip says which" "$r_out" 'Stretch break skipped'

ctl history --json --days 3
tap_is "history --json exits 0" "$r_rc" 0
tap_is "3 days of history" "$(printf '%s' "$r_out" | json 'len(d["days"])')" 3
tap_is "today: one postponed" "$(printf '%s' "$r_out" | json 'd["days"][-1]["postponed"]')" 1
tap_is "today: one skipped" "$(printf '%s' "$r_out" | json 'd["days"][-1]["skipped"]')" 1
tap_is "the events are in order" "$(printf '%s' "$r_out" | json '" ".join(e["type"]+":"+e["kind"] for e in d["events"])')" \
  "micro:due micro:postponed stretch:due stretch:skipped"

ctl history --csv --days 2
tap_is "history --csv has a header and 2 days" "$(printf '%s\n' "$r_out" | wc -l)" 3
tap_like "CSV header" "$r_out" '^date,sitting_seconds,taken,natural,postponed,skipped,guided_sessions'

# Usage errors.
ctl pause 30
tap_is "a duration without unit exits 2" "$r_rc" 2
tap_like "and says what is wrong" "$r_err" 'has no unit'
ctl history --days 0
tap_is "history --days 0 exits 2" "$r_rc" 2
ctl break sideways
tap_like "an unknown break type is named" "$r_err" 'unknown break type “sideways”'
ctl history --json --csv
tap_is "--json with --csv exits 2" "$r_rc" 2

# Bad D-Bus calls: clear errors, no crash.
tap_like "RecordSession with steps done > total" \
  "$(bus_call RecordSession neck-relief stretch 9 3 60 true)" 'InvalidArgs: Steps done must be at most'
tap_like "GetHistory with an empty range" "$(bus_call GetHistory 10 5)" 'InvalidArgs: The history range is empty'
tap_ok "limberd survived every bad call" kill -0 "$pid"

kill -TERM "$pid"
wait "$pid"
tap_done
