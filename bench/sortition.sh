#!/usr/bin/env bash
# Sortition benchmark: every algorithm on every instance, each in a fresh JVM, stopped after LIMIT seconds.
# Prints a Markdown table (paste it into docs/benchmarks.md). Usage: bench/sortition.sh [LIMIT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-120}
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null 2>&1
# The JDK ./mvnw picked (21+), whatever `java` on PATH is.
java="$(./mvnw -B -v 2>/dev/null | sed -n 's/.*runtime: //p')/bin/java"
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
instances="example_small_20 example_large_200 uniform-1000-300 correlated-2000-110 correlated-5000-500"
echo "| instance | pool | panel | types | algorithm | time in process (s) | time with JVM start (s) | min. probability |"
echo "|---|---:|---:|---:|---|---:|---:|---:|"
for instance in $instances; do
  for algorithm in legacy maximin leximin; do
    start=$(date +%s.%N)
    if line=$(timeout "$limit" "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" \
        org.gongnon.algorithms.sortition.benchmark.SortitionBenchmark "$instance" "$algorithm" 2>/dev/null); then
      end=$(date +%s.%N)
      IFS=, read -r name alg pool panel types seconds minp <<<"$line"
      printf '| %s | %s | %s | %s | %s | %s | %.2f | %.2f %% |\n' "$name" "$pool" "$panel" "$types" "$alg" \
        "$seconds" "$(echo "$end - $start" | bc)" "$(echo "$minp * 100" | bc -l)"
    else
      printf '| %s | | | | %s | > %s (stopped) | | |\n' "$instance" "$algorithm" "$limit"
    fi
  done
done
