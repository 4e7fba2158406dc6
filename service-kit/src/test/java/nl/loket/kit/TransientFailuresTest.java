package nl.loket.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import nl.loket.kit.messaging.TransientFailures;

class TransientFailuresTest {

    @Test
    void infrastructureFailuresAreTransientAlsoWhenWrapped() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Error Occurred After Shutdown"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException("wrapped", new SQLException("no connection", "08006")))).isTrue();
    }

    @Test
    void anExhaustedConnectionPoolIsTransient() {
        // what the Vert.x SQL pool fails with when no connection frees up within its wait time (a load it cannot keep up with)
        assertThat(TransientFailures.isTransient(new RuntimeException(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")))).isTrue();
        assertThat(TransientFailures.isTransient(new io.vertx.core.impl.NoStackTraceThrowable("something else"))).isFalse();
    }

    @Test
    void failuresCausedByTheRecordAreNot() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("missing ce_id header"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("value too long for type character varying(36)", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }
}
