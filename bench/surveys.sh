#!/usr/bin/env bash
# The survey load benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.survey.SurveyBenchmark in a fresh JVM: the whole application on an embedded MariaDB (throw-away
# data directory), a seated panel of 300 and 300 virtual citizens filling in and submitting a 30-question survey
# within about a minute; then checks in SQL that every response is stored exactly once. Arguments are passed on,
# e.g. --citizens=300 --questions=30 --think-ms=1500 --double-submit=0.1. Prints a Markdown report on stdout,
# progress on stderr; exits non-zero if a check or a call failed. MAVEN_ARGS=-o builds offline; SKIP_BUILD=1
# reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

bench_build
exec "$bench_java" --enable-native-access=ALL-UNNAMED -Dgongnon.bench.commit="$bench_commit" -cp "$bench_classpath" \
  org.gongnon.survey.SurveyBenchmark "$@"
