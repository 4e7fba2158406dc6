package nl.loket.kit.messaging;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (database or broker away, restarting or shutting down, a deadlock) from a
 * failure caused by the record itself. Consumers retry the first kind with back-off for as long as it lasts — the
 * offset is not committed, so nothing is lost — and send only the second kind to the dead-letter topic: a valid
 * contact must never end up there because PostgreSQL restarted.
 */
public final class TransientFailures {

    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "java.net.ConnectException", "java.net.SocketException", "java.net.SocketTimeoutException",
            "java.nio.channels.ClosedChannelException", "java.util.concurrent.TimeoutException",
            "io.smallrye.mutiny.TimeoutException", "io.netty.channel.ConnectTimeoutException",
            "io.vertx.core.http.HttpClosedException", "org.apache.kafka.common.errors.RetriableException",
            "java.sql.SQLTransientException", "java.sql.SQLRecoverableException",
            // the Vert.x SQL client's "the underlying connection might get lost": the database went away mid-query
            "io.vertx.sqlclient.ClosedConnectionException");

    /** SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown). */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES = Set.of("08", "53", "57P");
    /** Serialization failure and deadlock: the same statement succeeds when retried. */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01");

    private static final Set<String> TRANSIENT_MESSAGES = Set.of(
            "connection is closed", "connection refused", "connection reset", "after shutdown", "shutting down",
            "pool closed", "pool is closed", "closed pool", "session is closed", "broken pipe");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (isTransientType(t.getClass())) {
                return true;
            }
            String state = sqlStateOf(t);
            if (state != null && (TRANSIENT_SQL_STATES.contains(state)
                    || TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(state::startsWith))) {
                return true;
            }
            if (isPoolWaitTimeout(t)) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (TRANSIENT_MESSAGES.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Vert.x SQL pool's "no connection within the wait time": every connection is busy (a load the database cannot
     * keep up with) — the same request succeeds later.
     */
    private static boolean isPoolWaitTimeout(Throwable t) {
        return "io.vertx.core.impl.NoStackTraceThrowable".equals(t.getClass().getName()) && "Timeout".equals(t.getMessage());
    }

    private static boolean isTransientType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE of a JDBC SQLException or a Vert.x PgException (by reflection: no driver dependency here). */
    private static String sqlStateOf(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        try {
            Method getter = t.getClass().getMethod("getSqlState");
            Object state = getter.invoke(t);
            return state instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }
}
