package nl.loket.metrics.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RollupBucketTest {

    @Test
    void knownBucketsMapToFixedSqlExpressions() {
        assertThat(RollupRepository.bucketStart("day")).isEqualTo("period");
        assertThat(RollupRepository.bucketStart("week")).isEqualTo("cast(date_trunc('week', period) as date)");
        assertThat(RollupRepository.bucketStart("month")).isEqualTo("cast(date_trunc('month', period) as date)");
    }

    @Test
    void anyOtherBucketIsRefusedAndNeverReachesTheSql() {
        assertThatThrownBy(() -> RollupRepository.bucketStart("year")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollupRepository.bucketStart("day', period); drop table kpi_rollup; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollupRepository.bucketStart(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
