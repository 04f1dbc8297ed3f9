#!/usr/bin/env bash
# The hall load test of docs/benchmarks.md (issue 7): the packaged application (target/gongnon.jar) in a process of
# its own on its embedded MariaDB (a fresh data directory under target/load; the app's temporary directory beside
# it, so that a checkout in /tmp works too), with the demo and the load-test
# fixture (org.gongnon.loadtest.LoadTestFixture, added from the test classes through the jar's loader path), then
# org.gongnon.loadtest.LoadTest: 300 simulated phones filling in a 30-question survey through Vaadin's protocol
# over HTTP, all submitting at the end; the heap is measured after a full GC with every session active, and the
# database is compared with what every form confirmed.
# Arguments go to LoadTest, e.g. --think-min-ms=1000 --think-max-ms=3000 --ramp-seconds=30 --out=FILE.
# LOAD_CITIZENS (300), LOAD_PORT (8097), LOAD_APP_JAVA_OPTS (e.g. -Xmx1g), MAVEN_ARGS=-o builds offline,
# SKIP_BUILD=1 reuses the last build. Prints a Markdown table on stdout; exits non-zero if a target was missed.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/common.sh
# The jar is part of the build here: without one, build even with SKIP_BUILD=1.
[ -f target/gongnon.jar ] || SKIP_BUILD=0
# -DskipTests still compiles the test classes, which hold the fixture and the driver.
bench_build -DskipTests package
java="$bench_java"
citizens="${LOAD_CITIZENS:-300}"
port="${LOAD_PORT:-8097}"
work="$PWD/target/load"
rm -rf "$work"
mkdir -p "$work/fixture-classes/org/gongnon/loadtest" "$work/tmp"
# Only the load-test package: nothing else from the tests may become a bean of the application.
cp target/test-classes/org/gongnon/loadtest/*.class "$work/fixture-classes/org/gongnon/loadtest/"

echo "Starting target/gongnon.jar on port $port (log: $work/app.log)..." >&2
GONGNON_DATA_DIR="$work/data" GONGNON_PUBLIC_URL="http://localhost:$port" \
  "$java" ${LOAD_APP_JAVA_OPTS:-} -Djava.io.tmpdir="$work/tmp" -cp target/gongnon.jar \
  -Dloader.path="$work/fixture-classes" \
  -Dloader.main=org.gongnon.Application org.springframework.boot.loader.launch.PropertiesLauncher \
  --server.port="$port" --spring.profiles.active=loadtest --gongnon.loadtest.citizens="$citizens" \
  --gongnon.loadtest.fixture-file="$work/fixture.json" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  [ -f "$work/fixture.json" ] && break
  if ! kill -0 $app 2>/dev/null; then
    echo "The application stopped; see $work/app.log" >&2
    tail -30 "$work/app.log" >&2
    exit 1
  fi
  sleep 1
done
[ -f "$work/fixture.json" ] || { echo "No fixture after 300 s; see $work/app.log" >&2; exit 1; }

"$java" -cp "$bench_classpath" org.gongnon.loadtest.LoadTest \
  --base="http://localhost:$port/" --fixture="$work/fixture.json" "$@"
