#!/usr/bin/env bash
# Routing benchmark: decisions/s in process, and consume->decide->produce throughput next to a null forwarder
# (consume->produce, no logic) on the same (real, local KRaft) broker in the same run, as a ratio (goal >= 0.7).
# usage: routing-service/bench/routing-bench.sh [messages per run (default 100000)]
# Prints the figures and writes them to routing-service/target/routing-bench.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
messages="${1:-100000}"
# The broker runs in the test JVM too: a heap of 2 GB keeps garbage collection from dominating either path.
jvm_options="${ROUTING_BENCH_JVM_OPTIONS:--Xmx2g}"
cd "$root"
mkdir -p "$here/target"
rm -f "$here/target/routing-bench.txt"
# (surefire may complain about the fork's exit after the test passed; the figures file is what counts)
./mvnw -B -q -pl routing-service test -Drouting.excluded-groups=none -Dgroups=bench -Dtest=RoutingBenchmarkTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.messages="$messages" \
  "-Drouting.test.jvm-options=$jvm_options" > "$here/target/routing-bench.log" 2>&1 || true
if [ ! -s "$here/target/routing-bench.txt" ]; then
  echo "benchmark failed, see $here/target/routing-bench.log" >&2
  exit 1
fi
cat "$here/target/routing-bench.txt"
