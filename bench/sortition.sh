#!/usr/bin/env bash
# The sortition benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.algorithms.sortition.benchmark.SortitionBenchmark in a fresh JVM. Arguments are passed on,
# e.g. --instances=uniform-1000-300 --algorithms=leximin. Prints a Markdown table on stdout, progress on
# stderr. MAVEN_ARGS=-o builds offline; SKIP_BUILD=1 reuses the last build (to time the JVM alone).
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=target/benchmark-classpath.txt
java_home_file=target/benchmark-java-home.txt
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$classpath_file" ] || [ ! -f "$java_home_file" ]; then
  ./mvnw -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
  # The JDK the wrapper picked (21 or newer).
  ./mvnw -v ${MAVEN_ARGS:-} 2>/dev/null | sed -n 's/^Java version: .*runtime: //p' > "$java_home_file"
fi
exec "$(cat "$java_home_file")/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.gongnon.algorithms.sortition.benchmark.SortitionBenchmark "$@"
