#!/usr/bin/env bash
# Scale benchmark of metrics-service: N contacts of one year generated straight into PostgreSQL (facts with
# generate_series, rollups with src/main/resources/sql/rebuild-rollups.sql), the packaged service started against
# it, the API measured; prints a table with p50/p95/p99. See nl.loket.metrics.bench.Benchmark for the settings
# (BENCH_CONTACTS=10000000, BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_URL, LOKET_DB_URL, …).
#   metrics-service/bench/run.sh                     # 10M contacts, embedded throw-away PostgreSQL
#   BENCH_CONTACTS=1000000 metrics-service/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${BENCH_SKIP_BUILD:-false}" != "true" ]]; then
  ./mvnw -B -q -pl metrics-service package -DskipTests
  ./mvnw -B -q -pl metrics-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
fi
cd metrics-service
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.loket.metrics.bench.Benchmark "$@"
