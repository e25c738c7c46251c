#!/usr/bin/env bash
# Sourced by the benchmarks: builds what a benchmark runs, from any fresh clone, in any order.
# The reactor builds the module with the libraries it needs (-am), so nothing has to be installed in
# the local Maven repository first; each module lists its own test class path.

# bench_stale FILE MODULE: true when FILE is missing or any source it is built from is newer.
bench_stale() {
  local file="$1" module="$2"
  [ -f "$file" ] || return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/$module/pom.xml" "$ROOT/$module/src" "$ROOT/libs" \
      -path '*/target' -prune -o -type f -newer "$file" -print -quit 2>/dev/null)" ]
}

# bench_classpath MODULE [NAME [MAVEN_ARG...]]: prints MODULE's classes, test classes and test-scope
# dependencies as one class path, building them first when stale. NAME tells class paths of different
# Maven profiles apart (default: bench).
bench_classpath() {
  local module="$1" name="${2:-bench}" cpfile
  shift; [ "$#" -gt 0 ] && shift
  cpfile="$ROOT/$module/target/$name.classpath"
  if bench_stale "$cpfile" "$module"; then
    echo "# building $module and the libraries it uses (./mvnw -B -q $* test-compile -pl $module -am)" >&2
    # A relative outputFile is taken relative to each module of the reactor: every module writes its own.
    (cd "$ROOT" && ./mvnw -B -q "$@" test-compile dependency:build-classpath -pl "$module" -am \
        -Dmdep.includeScope=test -Dmdep.outputFile="target/$name.classpath") >&2 \
      || { echo "bench: building $module failed" >&2; return 1; }
    touch "$cpfile"
  fi
  echo "$ROOT/$module/target/classes:$ROOT/$module/target/test-classes:$(cat "$cpfile")"
}

# bench_package MODULE: packages MODULE (tests skipped) with the libraries it uses when it is stale.
bench_package() {
  local module="$1" jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  if bench_stale "$jar" "$module"; then
    echo "# building $module (./mvnw -B -q package -DskipTests -pl $module -am)" >&2
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$module" -am) >&2 \
      || { echo "bench: building $module failed" >&2; return 1; }
    touch "$jar"
  fi
}
