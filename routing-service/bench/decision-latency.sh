#!/usr/bin/env bash
# Decision latency, rules alone vs rules + the trained team model (issue #16: p99 < 5 ms with the model), in process
# on the fixture knowledge. Prints a table and, last, one JSON line.
# usage: routing-service/bench/decision-latency.sh [decisions per path (default 50000)]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
./mvnw -B -q -o -pl routing-service test-compile
./mvnw -B -q -o -pl routing-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$here/target/bench-classpath.txt" >/dev/null
cd "$here"
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  -Djava.util.logging.config.file=/dev/null nl.loket.routing.bench.DecisionLatency "$@" 2>/dev/null
