#!/usr/bin/env bash
# The table-assignment benchmark of docs/benchmarks.md: builds the test classes, then runs
# org.gongnon.algorithms.tables.TablesBenchmark in a fresh JVM (300 people at tables of 10 and 8, 1,000 at
# tables of 10; three rounds each, then a re-balance after 10% no-shows). MAVEN_ARGS=-o builds offline;
# SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=target/benchmark-classpath.txt
java_home_file=target/benchmark-java-home.txt
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$classpath_file" ] || [ ! -f "$java_home_file" ]; then
  ./mvnw -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
  ./mvnw -v ${MAVEN_ARGS:-} 2>/dev/null | sed -n 's/^Java version: .*runtime: //p' > "$java_home_file"
fi
exec "$(cat "$java_home_file")/bin/java" -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.gongnon.algorithms.tables.TablesBenchmark "$@"
