#!/usr/bin/env bash
# The report benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.report.ReportBenchmark in a fresh JVM: the whole application with its demo (a panel of 300, four
# survey waves and a vote) on an embedded MariaDB in a throw-away data directory; puts the official report together
# from the database and renders it as PDF, XLSX and CSV, --runs=N times after --warmup=N runs. Prints a Markdown
# table on stdout, progress on stderr. MAVEN_ARGS=-o builds offline; SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

bench_build
exec "$bench_java" --enable-native-access=ALL-UNNAMED -Dgongnon.bench.commit="$bench_commit" -cp "$bench_classpath" \
  org.gongnon.report.ReportBenchmark "$@"
