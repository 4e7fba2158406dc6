package nl.loket.metrics.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import nl.loket.metrics.domain.Counter;
import nl.loket.metrics.domain.MetricsQuery;
import nl.loket.metrics.domain.RollupKey;

/**
 * The rollup tables: incremental upserts (inside the caller's transaction) and the aggregate reads of the API.
 * Reads never touch {@code contact_fact}'s millions of rows, except for open call-backs (a partial index).
 */
@ApplicationScoped
public class RollupRepository {

    private static final String COUNTER_COLUMNS =
            java.util.Arrays.stream(Counter.values()).map(Counter::column).collect(Collectors.joining(", "));
    private static final String COUNTER_SUMS = java.util.Arrays.stream(Counter.values())
            .map(c -> "cast(sum(" + c.column() + ") as bigint)").collect(Collectors.joining(", "));
    /** The SQL of a bucket's first day, per bucket name: only these fixed expressions ever reach the SQL. */
    private static final Map<String, String> BUCKET_START = Map.of(
            "day", "period",
            "week", "cast(date_trunc('week', period) as date)",
            "month", "cast(date_trunc('month', period) as date)");

    /**
     * Rows per upsert statement. PostgreSQL takes at most 65,535 parameters per statement and a row has 18; a batch
     * of events touching many days, municipalities and teams can change thousands of rows.
     */
    static final int ROWS_PER_STATEMENT = 1000;

    /**
     * Adds counter and time-to-settle histogram deltas: one statement per {@link #ROWS_PER_STATEMENT} rows (one for
     * any ordinary batch); rows are written in primary-key order (the keys are sorted, the statements run one after
     * the other), so concurrent transactions lock them in the same order.
     */
    public Uni<Integer> add(Map<RollupKey, long[]> counters, Map<RollupKey, Map<Integer, Long>> histogram) {
        java.util.SortedSet<RollupKey> keys = new java.util.TreeSet<>(counters.keySet());
        keys.addAll(histogram.keySet());
        List<RollupKey> sorted = new ArrayList<>(keys);
        Uni<Integer> written = Uni.createFrom().item(0);
        for (int from = 0; from < sorted.size(); from += ROWS_PER_STATEMENT) {
            List<RollupKey> rows = sorted.subList(from, Math.min(from + ROWS_PER_STATEMENT, sorted.size()));
            written = written.chain(before -> upsert(rows, counters, histogram).map(n -> before + n));
        }
        return written;
    }

    private static Uni<Integer> upsert(List<RollupKey> keys, Map<RollupKey, long[]> counters,
            Map<RollupKey, Map<Integer, Long>> histogram) {
        StringBuilder sql = new StringBuilder("insert into kpi_rollup (grain, municipality, team, period, channel, ")
                .append(COUNTER_COLUMNS).append(", settle_histogram) values ");
        List<Object> params = new ArrayList<>();
        int row = 0;
        for (RollupKey key : keys) {
            sql.append(row++ == 0 ? "(" : ", (");
            appendParams(sql, params, String.valueOf(key.grain()), key.municipality(), key.team(), key.period(), key.channel());
            long[] values = counters.getOrDefault(key, new long[Counter.SIZE]);
            for (long value : values) {
                sql.append(", ");
                appendParams(sql, params, value);
            }
            sql.append(", cast(cast(").append(param(params, sparse(histogram.getOrDefault(key, Map.of())))).append(" as text) as integer[]))");
        }
        sql.append(" on conflict (grain, municipality, team, period, channel) do update set ");
        sql.append(java.util.Arrays.stream(Counter.values())
                .map(c -> c.column() + " = kpi_rollup." + c.column() + " + excluded." + c.column())
                .collect(Collectors.joining(", ")));
        sql.append(", settle_histogram = case when excluded.settle_histogram = '{}' then kpi_rollup.settle_histogram "
                + "else loket_merge_histogram(kpi_rollup.settle_histogram, excluded.settle_histogram) end");
        return execute(sql.toString(), params);
    }

    /** A histogram delta as the text of an integer[]: {bucket1,count1,bucket2,count2,…}. */
    static String sparse(Map<Integer, Long> buckets) {
        return new TreeMap<>(buckets).entrySet().stream()
                .map(e -> e.getKey() + "," + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Counter sums per channel over the query's period and filters. */
    @WithSession
    public Uni<Map<String, long[]>> sumsByChannel(MetricsQuery query) {
        List<Object> params = new ArrayList<>();
        String rows = scoped("channel, " + COUNTER_COLUMNS, "kpi_rollup", query, query.teamKey(), params);
        String sql = "select channel, " + COUNTER_SUMS + " from (" + rows + ") r group by channel order by channel";
        return list(sql, params).map(result -> {
            Map<String, long[]> sums = new TreeMap<>();
            for (Object[] r : result) {
                sums.put((String) r[0], counters(r, 1));
            }
            return sums;
        });
    }

    /** Settled-by-team and breached-by-team per team (the team filter, if any, restricts to that team). */
    @WithSession
    public Uni<Map<String, long[]>> complianceByTeam(MetricsQuery query) {
        List<Object> params = new ArrayList<>();
        String rows = scoped("team, settled_by_team, breached_by_team", "kpi_rollup", query, query.team(), params);
        String sql = "select team, cast(sum(settled_by_team) as bigint), cast(sum(breached_by_team) as bigint) from ("
                + rows + ") r" + (query.team() == null ? " where team <> ''" : "") + " group by team order by team";
        return list(sql, params).map(result -> {
            Map<String, long[]> byTeam = new LinkedHashMap<>();
            for (Object[] r : result) {
                byTeam.put((String) r[0], new long[] {toLong(r[1]), toLong(r[2])});
            }
            return byTeam;
        });
    }

    /** Time-to-settle histogram (bucket → contacts) over the query. */
    @WithSession
    public Uni<Map<Integer, Long>> histogram(MetricsQuery query) {
        List<Object> params = new ArrayList<>();
        String rows = scoped("settle_histogram", "kpi_rollup", query, query.teamKey(), params);
        String sql = "select r.settle_histogram[2 * i - 1] as bucket, cast(sum(r.settle_histogram[2 * i]) as bigint) from ("
                + rows + ") r cross join lateral generate_series(1, coalesce(array_length(r.settle_histogram, 1), 0) / 2) i "
                + "group by 1 order by 1";
        return list(sql, params).map(result -> {
            Map<Integer, Long> histogram = new TreeMap<>();
            for (Object[] r : result) {
                histogram.put(((Number) r[0]).intValue(), toLong(r[1]));
            }
            return histogram;
        });
    }

    /** Counter sums per bucket start (day, ISO week or month of receipt) and channel, from the day rows. */
    @WithSession
    public Uni<Map<LocalDate, Map<String, long[]>>> series(MetricsQuery query, String bucket) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("grain = 'D'");
        dimensions(query, query.teamKey(), where, params);
        where.append(" and period >= ").append(param(params, query.from()));
        where.append(" and period <= ").append(param(params, query.to()));
        String sql = "select " + bucketStart(bucket) + " as bucket_start, channel, " + COUNTER_SUMS
                + " from kpi_rollup where "
                + where + " group by 1, 2 order by 1, 2";
        return list(sql, params).map(rows -> {
            Map<LocalDate, Map<String, long[]>> series = new TreeMap<>();
            for (Object[] r : rows) {
                series.computeIfAbsent(toDate(r[0]), d -> new TreeMap<>()).put((String) r[1], counters(r, 2));
            }
            return series;
        });
    }

    /** Counter sums per municipality and channel over the day rows of [from, to] (all teams). */
    @WithSession
    public Uni<Map<String, Map<String, long[]>>> byMunicipalityAndChannel(LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String sql = "select municipality, channel, " + COUNTER_SUMS + " from kpi_rollup where grain = 'D' "
                + "and team = '' and municipality <> '*' and period >= " + param(params, from)
                + " and period <= " + param(params, to) + " group by 1, 2";
        return list(sql, params).map(rows -> {
            Map<String, Map<String, long[]>> result = new TreeMap<>();
            for (Object[] r : rows) {
                result.computeIfAbsent((String) r[0], m -> new TreeMap<>()).put((String) r[1], counters(r, 2));
            }
            return result;
        });
    }

    /** Municipalities with contacts (from the month rows: small). */
    @WithSession
    public Uni<List<String>> municipalities() {
        return list("select distinct municipality, 0 from kpi_rollup where grain = 'M' and team = '' "
                + "and municipality <> '*' order by 1", List.of())
                .map(rows -> rows.stream().map(r -> (String) r[0]).toList());
    }

    /** Open call-backs past due of the contacts the query selects. */
    @WithSession
    public Uni<Long> openCallbacksPastDue(MetricsQuery query, Instant now) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select count(*), 0 from callback_item c join contact_fact f "
                + "on f.contact_id = c.contact_id where c.requested_at is not null and c.completed_at is null and c.due_at < ")
                .append(param(params, now));
        sql.append(" and f.received and f.received_day >= ").append(param(params, query.from()));
        sql.append(" and f.received_day <= ").append(param(params, query.to()));
        if (!query.municipalities().isEmpty()) {
            sql.append(" and f.municipality in (").append(params(params, query.municipalities())).append(")");
        }
        if (query.channel() != null) {
            sql.append(" and f.channel = ").append(param(params, query.channel()));
        }
        if (query.team() != null) {
            String p = param(params, query.team());
            sql.append(" and (f.first_team = ").append(p).append(" or f.settled_team = ").append(p).append(")");
        }
        return list(sql.toString(), params).map(rows -> rows.isEmpty() ? 0L : toLong(rows.get(0)[0]));
    }

    /**
     * The rows of the query's period and filters as a UNION ALL of index range scans: whole months from the month
     * rows, the days before and after them from the day rows. {@code team} null = every team row.
     */
    private static String scoped(String columns, String table, MetricsQuery query, String team, List<Object> params) {
        MetricsQuery.Split split = query.split();
        List<String> parts = new ArrayList<>();
        if (split.monthsFrom().isBefore(split.monthsTo())) {
            parts.add(range(columns, table, 'M', query, team, split.monthsFrom(), split.monthsTo(), params));
        }
        if (query.from().isBefore(split.monthsFrom())) {
            LocalDate end = split.monthsFrom().isAfter(query.to()) ? query.to().plusDays(1) : split.monthsFrom();
            parts.add(range(columns, table, 'D', query, team, query.from(), end, params));
        }
        if (split.monthsFrom().isBefore(split.monthsTo()) && !split.monthsTo().isAfter(query.to())) {
            parts.add(range(columns, table, 'D', query, team, split.monthsTo(), query.to().plusDays(1), params));
        }
        return String.join(" union all ", parts);
    }

    /** Rows of one grain with period in [from, until). */
    private static String range(String columns, String table, char grain, MetricsQuery query, String team,
            LocalDate from, LocalDate until, List<Object> params) {
        StringBuilder where = new StringBuilder("grain = '").append(grain).append("'");
        dimensions(query, team, where, params);
        where.append(" and period >= ").append(param(params, from));
        where.append(" and period < ").append(param(params, until));
        return "select " + columns + " from " + table + " where " + where;
    }

    /** municipalities (summed; '*' = all), team (null = any team row, '' = all teams), channel. */
    private static void dimensions(MetricsQuery query, String team, StringBuilder where, List<Object> params) {
        where.append(" and municipality in (").append(params(params, query.municipalityKeys())).append(")");
        if (team != null) {
            where.append(" and team = ").append(param(params, team));
        }
        if (query.channel() != null) {
            where.append(" and channel = ").append(param(params, query.channel()));
        }
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    /** One parameter per value, comma-separated: the inside of an {@code in (…)}. */
    private static String params(List<Object> params, List<String> values) {
        return values.stream().map(v -> param(params, v)).collect(Collectors.joining(", "));
    }

    private static void appendParams(StringBuilder sql, List<Object> params, Object... values) {
        for (int i = 0; i < values.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(param(params, values[i]));
        }
    }

    private static Uni<Integer> execute(String sql, List<Object> params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> list(String sql, List<Object> params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query.getResultList().map(rows -> (List<Object[]>) (List<?>) rows);
        });
    }

    /** The SQL expression of a bucket's first day; an unknown bucket is refused, never pasted into the SQL. */
    static String bucketStart(String bucket) {
        String start = bucket == null ? null : BUCKET_START.get(bucket);
        if (start == null) {
            throw new IllegalArgumentException("Unknown bucket '" + bucket + "'; known: " + BUCKET_START.keySet());
        }
        return start;
    }

    /** The counter sums of a result row, in {@link Counter} order, starting at column {@code first}. */
    private static long[] counters(Object[] row, int first) {
        long[] values = new long[Counter.SIZE];
        for (int i = 0; i < Counter.SIZE; i++) {
            values[i] = toLong(row[first + i]);
        }
        return values;
    }

    private static long toLong(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
