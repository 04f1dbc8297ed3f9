#!/usr/bin/env bash
# The sortition benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.algorithms.sortition.benchmark.SortitionBenchmark in a fresh JVM. Arguments are passed on,
# e.g. --instances=uniform-1000-300 --algorithms=leximin. Prints a Markdown table on stdout, progress on
# stderr. MAVEN_ARGS=-o builds offline; SKIP_BUILD=1 reuses the last build (to time the JVM alone).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

bench_build
exec "$bench_java" --enable-native-access=ALL-UNNAMED -cp "$bench_classpath" \
  org.gongnon.algorithms.sortition.benchmark.SortitionBenchmark "$@"
