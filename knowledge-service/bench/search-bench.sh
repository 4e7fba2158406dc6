#!/usr/bin/env bash
# Search latency benchmark of knowledge-service: p50/p95 at the seeded size and with 10,000 generated articles.
# Runs nl.loket.knowledge.search.SearchBenchmark (test classpath) against the same KnowledgeIndex the service uses.
# Usage: knowledge-service/bench/search-bench.sh [generated-articles=10000] [rounds=100]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
./mvnw -B -q -o -pl knowledge-service test-compile dependency:build-classpath \
    -Dmdep.outputFile="$here/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/bench.classpath")"
exec java -Xmx512m -cp "$cp" nl.loket.knowledge.search.SearchBenchmark "${1:-10000}" "${2:-100}"
