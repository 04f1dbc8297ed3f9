#!/usr/bin/env bash
# The report benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.report.ReportBenchmark in a fresh JVM: the whole application with its demo (a panel of 300, four
# survey waves and a vote) on an embedded MariaDB in a throw-away data directory; puts the official report together
# from the database and renders it as PDF, XLSX and CSV, --runs=N times after --warmup=N runs. Prints a Markdown
# table on stdout, progress on stderr. MAVEN_ARGS=-o builds offline; SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=target/benchmark-classpath.txt
java_home_file=target/benchmark-java-home.txt
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$classpath_file" ] || [ ! -f "$java_home_file" ]; then
  ./mvnw -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
  ./mvnw -v ${MAVEN_ARGS:-} 2>/dev/null | sed -n 's/^Java version: .*runtime: //p' > "$java_home_file"
fi
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
exec "$(cat "$java_home_file")/bin/java" --enable-native-access=ALL-UNNAMED -Dgongnon.bench.commit="$commit" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.gongnon.report.ReportBenchmark "$@"
