#!/usr/bin/env bash
# The pool corpus of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.algorithms.sortition.corpus.CorpusBenchmark (LEXIMIN on every corpus pool, each lottery audited
# apart from the engine) in a fresh JVM. Arguments are passed on, e.g. --from=0 --to=60 --time-limit=60 or
# --pools=17,42. Prints a Markdown table on stdout, progress on stderr.
#
# Each pool's result is appended to RESULTS (default target/corpus-results.tsv) as it finishes. After a timeout the
# JVM exits (the engine cannot be stopped, and an abandoned computation would slow the next pools down) and a fresh
# one resumes after the pools already in RESULTS. RESUME=1 keeps an existing RESULTS file (to continue an
# interrupted run); otherwise it is started afresh. MAVEN_ARGS=-o builds offline; SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

bench_build
results="${RESULTS:-target/corpus-results.tsv}"
if [ "${RESUME:-}" != 1 ]; then
  rm -f "$results"
fi
while true; do
  status=0
  "$bench_java" --enable-native-access=ALL-UNNAMED -cp "$bench_classpath" \
    org.gongnon.algorithms.sortition.corpus.CorpusBenchmark --results="$results" --exit-on-timeout "$@" || status=$?
  # 3: a pool timed out and the JVM left; start a fresh one, which skips the pools already recorded.
  [ "$status" -eq 3 ] || exit "$status"
done
