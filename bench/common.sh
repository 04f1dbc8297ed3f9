# Shared by the bench scripts (sourced, not run). bench_build [maven goals…] builds, unless SKIP_BUILD=1 and a
# build exists (goals default to test-compile), then sets
#   bench_java       the java of the JDK the Maven wrapper picks (21 or newer)
#   bench_classpath  the test classes, the classes and every test-scope dependency
#   bench_commit     the commit, with "+changes" when the tree differs from it
# MAVEN_ARGS is passed to Maven (e.g. -o to build offline).
bench_build() {
  local classpath_file=target/benchmark-classpath.txt
  local java_home_file=target/benchmark-java-home.txt
  local goals=("$@")
  [ ${#goals[@]} -gt 0 ] || goals=(test-compile)
  if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$classpath_file" ] || [ ! -f "$java_home_file" ]; then
    ./mvnw -q ${MAVEN_ARGS:-} "${goals[@]}" dependency:build-classpath \
      -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
    ./mvnw -v ${MAVEN_ARGS:-} 2>/dev/null | sed -n 's/^Java version: .*runtime: //p' > "$java_home_file"
  fi
  bench_java="$(cat "$java_home_file")/bin/java"
  bench_classpath="target/test-classes:target/classes:$(cat "$classpath_file")"
  bench_commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
}
