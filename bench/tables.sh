#!/usr/bin/env bash
# The table-assignment benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.algorithms.tables.TablesBenchmark in a fresh JVM (300 people at tables of 10 and 8, 1,000 at
# tables of 10; three rounds each, then a re-balance after 10% no-shows). MAVEN_ARGS=-o builds offline;
# SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

bench_build
exec "$bench_java" -cp "$bench_classpath" \
  org.gongnon.algorithms.tables.TablesBenchmark "$@"
