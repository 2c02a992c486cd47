# SPDX-License-Identifier: GPL-3.0-or-later
# The history store against kill -9. Each round starts history-writer,
# which records a stream of events and guided sessions and prints "ack N"
# once a record call has returned TRUE, and kills it with SIGKILL at a
# random moment (while it opens, migrates or commits). Then the sqlite3 CLI,
# read-only so that the next writer recovers the WAL itself, checks that
# the file passes PRAGMA integrity_check and holds every acknowledged
# record. The next round goes on from where the file ends.
#
# usage: test-history-crash.sh HISTORY_WRITER
# LIMBER_HISTORY_CRASH_ROUNDS sets the number of rounds (default 60).

. "$G_TEST_SRCDIR/tap.sh"

writer=${1:?usage: test-history-crash.sh HISTORY_WRITER}
rounds=${LIMBER_HISTORY_CRASH_ROUNDS:-60}
# HISTORY_WRITER_BASE in history-writer.c: record N is dated base + N s.
base=1704067200000000
usec=1000000

command -v sqlite3 >/dev/null || tap_bail "the sqlite3 command is missing (Debian package sqlite3)"

work=$(mktemp -d "${TMPDIR:-/tmp}/limber-history-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/history.sqlite3

q () { sqlite3 -readonly -batch -noheader "$db" "$1" 2>&1; }

tap_plan $((rounds + 1))

next=0
total_acks=0
total_sessions=0
kills=0
: >"$work/ranges"

for round in $(seq 1 "$rounds"); do
  "$writer" "$db" "$next" >"$work/out" 2>"$work/err" &
  pid=$!
  # 0 to 300 ms: the first few land in the open, integrity check and
  # migration, the rest mostly inside a commit (its fsync).
  sleep "$(printf '0.%03d' $((RANDOM % 300)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid"
  rc=$?

  acks=$(grep -c '^ack [0-9]*$' "$work/out")
  last=$(grep '^ack [0-9]*$' "$work/out" | tail -n 1 | cut -d ' ' -f 2)
  sessions=$(grep -c '^ack-session [0-9]*$' "$work/out")
  last_session=$(grep '^ack-session [0-9]*$' "$work/out" | tail -n 1 | cut -d ' ' -f 2)
  problems=()

  if [ "$rc" -eq 137 ]; then
    kills=$((kills + 1))
  else
    problems+=("the writer was not killed but exited with $rc: $(cat "$work/err")")
  fi

  if [ -e "$db" ]; then
    integrity=$(q 'PRAGMA integrity_check')
    [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
  elif [ "$acks" -gt 0 ]; then
    problems+=("$acks records acknowledged but there is no file")
  fi

  if [ "$acks" -gt 0 ]; then
    expected=$((last - next + 1))
    [ "$acks" -eq "$expected" ] || problems+=("acks $next..$last are not contiguous ($acks lines)")
    present=$(q "SELECT COUNT (DISTINCT realtime) FROM events
                 WHERE realtime BETWEEN $((base + next * usec)) AND $((base + last * usec))")
    [ "$present" = "$expected" ] ||
      problems+=("events $next..$last acknowledged, $present of $expected present")
    echo "$next $last" >>"$work/ranges"
  fi
  if [ "$sessions" -gt 0 ]; then
    present=$(q "SELECT COUNT (*) FROM sessions
                 WHERE start BETWEEN $((base + next * usec)) AND $((base + last_session * usec))")
    [ "$present" = "$sessions" ] ||
      problems+=("$sessions sessions acknowledged up to $last_session, $present present")
  fi

  TAP_COUNT=$((TAP_COUNT + 1))
  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok $TAP_COUNT - round $round: killed after $acks events and $sessions sessions acknowledged, file intact, all present"
  else
    echo "not ok $TAP_COUNT - round $round"
    printf '# %s\n' "${problems[@]}"
    TAP_FAILED=$((TAP_FAILED + 1))
  fi

  total_acks=$((total_acks + acks))
  total_sessions=$((total_sessions + sessions))
  # Killed before the tables were made, there is no maximum yet.
  max=$(q 'SELECT MAX (realtime) FROM events')
  [[ $max =~ ^[0-9]+$ ]] && next=$(((max - base) / usec + 1))
done

# At the end: every round's records are still there, and the store itself
# opens the file as it is (strictly: a damaged file would be an error).
missing=0
while read -r first last; do
  present=$(q "SELECT COUNT (DISTINCT realtime) FROM events
               WHERE realtime BETWEEN $((base + first * usec)) AND $((base + last * usec))")
  [ "$present" = $((last - first + 1)) ] || missing=$((missing + last - first + 1 - present))
done <"$work/ranges"
run_capture final "$writer" "$db" "$next" 0
tap_ok "after $kills kills all $total_acks acknowledged events are present and the store opens the file" \
  test "$missing" -eq 0 -a "$final_rc" -eq 0 -a "$(q 'PRAGMA integrity_check')" = ok
[ "$final_rc" -eq 0 ] || echo "# $final_err"

echo "# survived $kills kills, $total_acks acknowledged events and $total_sessions sessions, $missing missing"
tap_done
