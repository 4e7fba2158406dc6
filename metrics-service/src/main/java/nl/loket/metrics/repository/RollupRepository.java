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
import nl.loket.metrics.domain.Contribution.HistogramCell;
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

    /** Adds counter deltas; rows are written in primary-key order (the map is sorted), one statement. */
    public Uni<Integer> addCounters(Map<RollupKey, long[]> delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("insert into kpi_rollup (grain, municipality, team, period, channel, ")
                .append(COUNTER_COLUMNS).append(") values ");
        List<Object> params = new ArrayList<>();
        int row = 0;
        for (var entry : delta.entrySet()) {
            sql.append(row++ == 0 ? "(" : ", (");
            RollupKey key = entry.getKey();
            appendParams(sql, params, String.valueOf(key.grain()), key.municipality(), key.team(), key.period(), key.channel());
            for (long value : entry.getValue()) {
                sql.append(", ");
                appendParams(sql, params, value);
            }
            sql.append(")");
        }
        sql.append(" on conflict (grain, municipality, team, period, channel) do update set ");
        sql.append(java.util.Arrays.stream(Counter.values())
                .map(c -> c.column() + " = kpi_rollup." + c.column() + " + excluded." + c.column())
                .collect(Collectors.joining(", ")));
        return execute(sql.toString(), params);
    }

    /** Adds histogram deltas, in primary-key order, one statement. */
    public Uni<Integer> addHistogram(Map<HistogramCell, Long> delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder(
                "insert into settle_time_histogram (grain, municipality, team, period, channel, bucket, contacts) values ");
        List<Object> params = new ArrayList<>();
        int row = 0;
        for (var entry : delta.entrySet()) {
            sql.append(row++ == 0 ? "(" : ", (");
            RollupKey key = entry.getKey().key();
            appendParams(sql, params, String.valueOf(key.grain()), key.municipality(), key.team(), key.period(),
                    key.channel(), (short) entry.getKey().bucket(), entry.getValue());
            sql.append(")");
        }
        sql.append(" on conflict (grain, municipality, team, period, channel, bucket) do update set "
                + "contacts = settle_time_histogram.contacts + excluded.contacts");
        return execute(sql.toString(), params);
    }

    /** Counter sums per channel over the query's period and filters. */
    @WithSession
    public Uni<Map<String, long[]>> sumsByChannel(MetricsQuery query) {
        Filter filter = Filter.of(query, query.teamKey());
        String sql = "select channel, " + COUNTER_SUMS + " from kpi_rollup where " + filter.where
                + " group by channel order by channel";
        return list(sql, filter.params).map(rows -> {
            Map<String, long[]> sums = new TreeMap<>();
            for (Object[] r : rows) {
                long[] values = new long[Counter.SIZE];
                for (int i = 0; i < Counter.SIZE; i++) {
                    values[i] = toLong(r[i + 1]);
                }
                sums.put((String) r[0], values);
            }
            return sums;
        });
    }

    /** Settled-by-team and breached-by-team per team (the team filter, if any, restricts to that team). */
    @WithSession
    public Uni<Map<String, long[]>> complianceByTeam(MetricsQuery query) {
        Filter filter = Filter.of(query, query.team());
        String where = filter.where + (query.team() == null ? " and team <> ''" : "");
        String sql = "select team, cast(sum(settled_by_team) as bigint), cast(sum(breached_by_team) as bigint) "
                + "from kpi_rollup where " + where + " group by team order by team";
        return list(sql, filter.params).map(rows -> {
            Map<String, long[]> byTeam = new LinkedHashMap<>();
            for (Object[] r : rows) {
                byTeam.put((String) r[0], new long[] {toLong(r[1]), toLong(r[2])});
            }
            return byTeam;
        });
    }

    /** Time-to-settle histogram (bucket → contacts) over the query. */
    @WithSession
    public Uni<Map<Integer, Long>> histogram(MetricsQuery query) {
        Filter filter = Filter.of(query, query.teamKey());
        String sql = "select bucket, cast(sum(contacts) as bigint) from settle_time_histogram where " + filter.where
                + " group by bucket order by bucket";
        return list(sql, filter.params).map(rows -> {
            Map<Integer, Long> histogram = new TreeMap<>();
            for (Object[] r : rows) {
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
        Filter.dimensions(query, query.teamKey(), where, params);
        where.append(" and period >= ").append(param(params, query.from()));
        where.append(" and period <= ").append(param(params, query.to()));
        String start = "day".equals(bucket) ? "period" : "cast(date_trunc('" + bucket + "', period) as date)";
        String sql = "select " + start + " as bucket_start, channel, " + COUNTER_SUMS + " from kpi_rollup where "
                + where + " group by 1, 2 order by 1, 2";
        return list(sql, params).map(rows -> {
            Map<LocalDate, Map<String, long[]>> series = new TreeMap<>();
            for (Object[] r : rows) {
                long[] values = new long[Counter.SIZE];
                for (int i = 0; i < Counter.SIZE; i++) {
                    values[i] = toLong(r[i + 2]);
                }
                series.computeIfAbsent(toDate(r[0]), d -> new TreeMap<>()).put((String) r[1], values);
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
                long[] values = new long[Counter.SIZE];
                for (int i = 0; i < Counter.SIZE; i++) {
                    values[i] = toLong(r[i + 2]);
                }
                result.computeIfAbsent((String) r[0], m -> new TreeMap<>()).put((String) r[1], values);
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
        if (query.municipality() != null) {
            sql.append(" and f.municipality = ").append(param(params, query.municipality()));
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

    /** The WHERE clause over both grains for a period split and the dimension filters. */
    private record Filter(String where, List<Object> params) {

        static Filter of(MetricsQuery query, String team) {
            List<Object> params = new ArrayList<>();
            StringBuilder where = new StringBuilder("1 = 1");
            dimensions(query, team, where, params);
            MetricsQuery.Split split = query.split();
            String from = param(params, query.from());
            String to = param(params, query.to());
            String monthsFrom = param(params, split.monthsFrom());
            String monthsTo = param(params, split.monthsTo());
            where.append(" and ((grain = 'M' and period >= ").append(monthsFrom).append(" and period < ").append(monthsTo)
                    .append(") or (grain = 'D' and ((period >= ").append(from).append(" and period < ").append(monthsFrom)
                    .append(") or (period >= ").append(monthsTo).append(" and period <= ").append(to).append("))))");
            return new Filter(where.toString(), params);
        }

        /** municipality ('*' = all), team (null = any team row, '' = all teams), channel. */
        static void dimensions(MetricsQuery query, String team, StringBuilder where, List<Object> params) {
            where.append(" and municipality = ").append(param(params, query.municipalityKey()));
            if (team != null) {
                where.append(" and team = ").append(param(params, team));
            }
            if (query.channel() != null) {
                where.append(" and channel = ").append(param(params, query.channel()));
            }
        }
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
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
