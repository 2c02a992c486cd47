# SPDX-License-Identifier: GPL-3.0-or-later
# limberd's notifier against a real dunst (started by
# tests/fixtures/desktop-services): warnings and due reminders replace each
# other, actions chosen in dunst come back, escalation is critical, text is
# escaped for markup and left alone without it, a micro-break closes, and
# the notifier lives through dunst going away: it logs once, keeps the
# reminder, shows it again on the next dunst, and has the bus start one
# (D-Bus activation) when asked to.
. "$G_TEST_SRCDIR/tap.sh"
. "$G_TEST_SRCDIR/service/probe-lib.sh"

NOTIFIER_PROBE="$PROBE_DIR/notifier-probe"
FIXTURES="$G_TEST_SRCDIR/fixtures"
FIXTURE_LOG_DIR=${LIMBER_FIXTURE_LOG_DIR:-${XDG_RUNTIME_DIR:-/tmp}}
# Written by the fixture's dunst scripts (limber-dunst-log, limber-dunst-menu).
DUNST_LOG="$FIXTURE_LOG_DIR/dunst-notifications.log"
MENU_FILE="$FIXTURE_LOG_DIR/dunst-menu.txt"
PICK_FILE="$FIXTURE_LOG_DIR/dunst-menu-pick"
OUT="$WORK_DIR/probe.out"
ERR="$WORK_DIR/probe.err"
MICRO_TITLE='Tom & <i>Jerry</i>'
MICRO_TEXT='<b>&amp;</b> stays as typed.'

tap_plan 56

command -v dunst >/dev/null && command -v dunstctl >/dev/null ||
  tap_bail "dunst is missing: install the dunst package"
wait_for_bus_name org.freedesktop.Notifications 30 ||
  tap_bail "no dunst: run this test through tests/fixtures/desktop-services"

# send FIELD...: one command to the probe, fields separated by tabs.
send () {
  local IFS=$'\t'
  printf '%s\n' "$*" >&3
}

# expect DESCRIPTION PATTERN [COUNT]: waits for the probe to print it.
expect () {
  tap_ok "$1" wait_for_line "$OUT" "$2" 30 "${3:-1}"
}

# server_pid: the process that owns org.freedesktop.Notifications.
server_pid () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.Notifications \
    2>/dev/null | sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
}

displayed () { dunstctl count displayed 2>/dev/null; }

# wait_displayed N: waits until dunst displays N notifications.
wait_displayed () {
  local deadline=$(( $(date +%s) + 30 ))
  while [ "$(displayed)" != "$1" ]; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.05
  done
}

# pick TEXT: opens dunst's context menu and picks the entry containing TEXT
# (entries read "#LABEL (SUMMARY) [ID,ACTION]").
pick () {
  printf '%s\n' "$1" >"$PICK_FILE"
  rm -f "$MENU_FILE"
  dunstctl context
}

# logged_id SUMMARY: dunst's id of the last notification logged with SUMMARY.
logged_id () {
  grep -F "summary=$1" "$DUNST_LOG" | tail -n1 | sed -n 's/^id=\([0-9]*\) .*/\1/p'
}

# kill_server: stops the notification server and waits for the name to go.
kill_server () {
  local pid
  pid=$(server_pid)
  [ -n "$pid" ] || return 1
  kill "$pid"
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.05
  done
  return 1
}

# start_dunst CONFIG NAME: a dunst of our own, as desktop-services starts it.
start_dunst () {
  start_bg DUNST_PID "$WORK_DIR/dunst-$2.log" "$WORK_DIR/dunst-$2.err" \
    env -u G_DEBUG PATH="$FIXTURES:$PATH" dunst -config "$1"
  wait_for_bus_name org.freedesktop.Notifications 30
}

# wait_exit PID: waits for PID to end by itself; its exit status.
wait_exit () {
  for _ in $(seq 1 600); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.05
  done
  kill -0 "$1" 2>/dev/null && return 124
  wait "$1"
}

show_failure_context () {
  show_file "$OUT"
  show_file "$ERR"
  show_file "$DUNST_LOG"
}

mkfifo "$WORK_DIR/in"
exec 3<>"$WORK_DIR/in"
start_bg PROBE_PID "$OUT" "$ERR" "$NOTIFIER_PROBE" --no-auto-start <"$WORK_DIR/in" 3>&-

# The server is found.
expect "the notifier sees dunst" '^available true$'

# A warning, then the due reminder in its place.
send warning stretch 30
expect "a stretch warning is shown" '^warning stretch shown$'
tap_ok "dunst shows it with low urgency, for the app id" \
  wait_for_line "$DUNST_LOG" "urgency=LOW desktop_entry=$LIMBER_APP_ID app=Limber .*summary=Stretch break in 30 seconds" 30
warning_id=$(logged_id "Stretch break in 30 seconds")

send due stretch 0 neck-relief
expect "the stretch break is shown due" '^due stretch shown$'
tap_ok "dunst shows it with normal urgency" \
  wait_for_line "$DUNST_LOG" "urgency=NORMAL .*summary=Time for a stretch break" 30
tap_is "the reminder replaced the warning" "$(logged_id "Time for a stretch break")" "$warning_id"
tap_is "dunst displays one notification, not two" "$(displayed)" 1

# Postpone, chosen in dunst's menu.
pick ",postpone]"
expect "postponing in dunst reaches the notifier" '^action stretch postpone$'
expect "the routine of the reminder is known during the action" '^action-routine stretch neck-relief$'
menu=$(cat "$MENU_FILE" 2>/dev/null)
tap_like "the menu offers starting by clicking the bubble" "$menu" '^#Start stretches \(Time for a stretch break\) \[[0-9]+,default\]$'
tap_like "the menu offers a start button" "$menu" '^#Start stretches \(Time for a stretch break\) \[[0-9]+,start\]$'
tap_like "the menu offers postponing by the configured length" "$menu" '^#Postpone 5 min \(Time for a stretch break\) \[[0-9]+,postpone\]$'
tap_like "the menu offers skipping" "$menu" '^#Skip \(Time for a stretch break\) \[[0-9]+,skip\]$'

# A click on the bubble (the default action) starts the break.
send due stretch 0 neck-relief
expect "the stretch break is due again" '^due stretch shown$' 2
tap_ok "dunst displays it" wait_displayed 1
dunstctl action 0
expect "the default action is reported as start" '^action stretch start$'

# The postpone length given, then escalation.
send postpone-seconds 600
expect "the postpone length is set" '^postpone-seconds 600$'
send due stretch 0 neck-relief
expect "the stretch break is due a third time" '^due stretch shown$' 3
tap_ok "dunst displays it" wait_displayed 1
pick ",postpone]"
expect "postponed again" '^action stretch postpone$' 2
tap_like "the postpone button follows the postpone length" "$(cat "$MENU_FILE" 2>/dev/null)" '^#Postpone 10 min '

send due stretch 1 neck-relief
expect "the escalated reminder is shown" '^due stretch shown$' 4
tap_ok "dunst shows it as critical" \
  wait_for_line "$DUNST_LOG" "urgency=CRITICAL .*summary=Stretch break: last reminder" 30
pick ",skip]"
expect "skipping in dunst reaches the notifier" '^action stretch skip$'
menu=$(cat "$MENU_FILE" 2>/dev/null)
tap_ok "the escalated reminder offers no postpone" \
  eval '! printf "%s\n" "$menu" | grep -q ",postpone\]"'

# Dismissed without an action.
send due stretch 0 neck-relief
expect "the stretch break is due a fifth time" '^due stretch shown$' 5
tap_ok "dunst displays it" wait_displayed 1
dunstctl close
expect "dismissing it is reported as closed" '^closed stretch$'

# A micro-break with text that looks like markup; closed by its owner.
send due micro 0 micro-chin-tucks "$MICRO_TITLE" "$MICRO_TEXT"
expect "a micro-break is shown" '^due micro shown$'
tap_ok "dunst displays it" wait_displayed 1
send close micro
expect "closing it succeeds" '^close micro closed$'
tap_ok "it is gone from the screen" wait_displayed 0
history=$("$NOTIFIER_PROBE" --history)
tap_ok "dunst drew the stretch's text literally (body markup on)" \
  eval 'printf "%s\n" "$history" | grep -qF "summary=Micro-break shown=Micro-break\\n$MICRO_TITLE\\n$MICRO_TEXT"'

# dunst goes away: one line in the log, calls fail, nothing is lost.
send due stretch 0 neck-relief
expect "a stretch break is due before dunst goes" '^due stretch shown$' 6
tap_ok "dunst is stopped" kill_server
expect "the notifier sees dunst go" '^available false$'
send due stretch 0 neck-relief
expect "a reminder without a server waits" '^due stretch waiting$'
send message "Limber history" "The history file was damaged; a new one was started."
expect "a message without a server waits" '^message waiting$'
send close micro
expect "closing without a server closes nothing" '^close micro nothing$'
tap_is "the missing server is logged once" \
  "$(grep -c 'LimberService-Message' "$ERR")" 1
tap_like "the log line says what happened" "$(grep 'LimberService-Message' "$ERR")" \
  'notification server left the session bus'
tap_ok "the probe keeps running" kill -0 "$PROBE_PID"

# A new dunst: what waited is shown, and its actions work.
reminders_before=$(count_lines "$DUNST_LOG" 'urgency=NORMAL .*summary=Time for a stretch break')
start_dunst "$FIXTURES/dunstrc" second || tap_bail "a second dunst did not start"
expect "the notifier sees the new dunst" '^available true$' 2
tap_ok "the waiting reminder is shown on it" \
  wait_for_line "$DUNST_LOG" "urgency=NORMAL .*summary=Time for a stretch break" 30 \
    $((reminders_before + 1))
tap_ok "so is the waiting message" \
  wait_for_line "$DUNST_LOG" "summary=Limber history" 30
pick ",default]"
expect "its action reaches the notifier" '^action stretch start$' 2

# A server without body markup gets plain text.
kill_server
expect "the notifier sees the second dunst go" '^available false$' 2
sed 's/^\( *markup *= *\).*/\1no/' "$FIXTURES/dunstrc" >"$WORK_DIR/dunstrc-plain"
start_dunst "$WORK_DIR/dunstrc-plain" plain || tap_bail "a dunst without markup did not start"
expect "the notifier sees the plain dunst" '^available true$' 3
send due micro 0 micro-chin-tucks "$MICRO_TITLE" "$MICRO_TEXT"
expect "a micro-break is shown on it" '^due micro shown$' 2
send close micro
expect "and closed" '^close micro closed$' 2
history=$("$NOTIFIER_PROBE" --history)
tap_ok "dunst drew the stretch's text literally (plain text)" \
  eval 'printf "%s\n" "$history" | grep -qF "summary=Micro-break shown=Micro-break\\n$MICRO_TITLE\\n$MICRO_TEXT"'

# With auto-start, a reminder that finds no server has the bus start one.
if [ -f /usr/share/dbus-1/services/org.knopwob.dunst.service ]; then
  # The bus starts dunst with its own environment: no fatal warnings there.
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.UpdateActivationEnvironment "{'G_DEBUG': ''}" >/dev/null
  mkfifo "$WORK_DIR/in-auto"
  exec 4<>"$WORK_DIR/in-auto"
  start_bg AUTO_PID "$WORK_DIR/auto.out" "$WORK_DIR/auto.err" \
    "$NOTIFIER_PROBE" <"$WORK_DIR/in-auto" 3>&- 4>&-
  wait_for_line "$WORK_DIR/auto.out" '^available true$' 30
  kill_server
  wait_for_line "$WORK_DIR/auto.out" '^available false$' 30
  printf 'due\tstretch\t0\tneck-relief\n' >&4
  tap_ok "without a server, auto-start has the bus start one" \
    wait_for_line "$WORK_DIR/auto.out" '^available true$' 30 2
  tap_ok "and the waiting reminder is shown on it" wait_displayed 1
  activated_pid=$(server_pid)
  exec 4>&-
  tap_ok "that probe exits cleanly too" wait_exit "$AUTO_PID"
  [ -n "$activated_pid" ] && kill "$activated_pid" 2>/dev/null
else
  tap_ok "dunst's D-Bus service file is installed (package dunst)" false
  tap_ok "(auto-start not tested)" false
  tap_ok "(auto-start not tested)" false
fi

tap_is "an answered reminder is not also reported as closed" \
  "$(count_lines "$OUT" '^closed ')" 1

exec 3>&-
tap_ok "the probe exits cleanly at the end of its input" wait_exit "$PROBE_PID"

tap_done || { show_failure_context; false; }
