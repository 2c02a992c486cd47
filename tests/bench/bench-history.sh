# SPDX-License-Identifier: GPL-3.0-or-later
# The history store: records/s for inserts (one committed transaction per
# call, as limberd writes) and the time of a 30-day summary on a year of
# data. Figures only; history-bench is built in the build directory.

bench=${LIMBER_BUILD_DIR:?run through tests/bench/run-all}/tests/service/history-bench
dir=$(mktemp -d "${TMPDIR:-/tmp}/limber-bench-history.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$bench" "$dir"
