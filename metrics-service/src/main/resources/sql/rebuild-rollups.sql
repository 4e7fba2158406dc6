-- Rebuilds kpi_rollup (counters and time-to-settle histograms) from contact_fact: the same contribution per contact as
-- nl.loket.metrics.domain.Contribution (which the service applies incrementally), in bulk. Used by the benchmark
-- (bench/run.sh) after generating facts, by RollupRebuildTest to check the incremental rollups, and by an operator
-- after a change of definitions (bump KpiDefinitions.VERSION). Time zone: Europe/Amsterdam (loket.metrics.zone).
-- Statements are separated by lines holding only ';;'.
truncate kpi_rollup
;;
drop table if exists rebuild_contribution
;;
create unlogged table rebuild_contribution as
select f.municipality,
       t.team,
       f.received_day as period,
       f.channel,
       1 as received,
       case when coalesce(f.first_contact, false) then 1 else 0 end as first_contacts,
       case when coalesce(f.first_contact, false) and f.settled_at is not null and f.first_tier = 'FIRST_LINE'
                 and f.settled_tier = 'FIRST_LINE' and not f.transferred and not f.callback_requested
            then 1 else 0 end as directly_handled,
       case when f.settled_at is not null then 1 else 0 end as settled,
       case when f.settled_at is not null
                 and cast(f.settled_at at time zone 'Europe/Amsterdam' as date) = f.received_day
            then 1 else 0 end as settled_same_day,
       case when f.settled_at is not null and f.settled_tier = 'FIRST_LINE' then 1 else 0 end as settled_first_line,
       case when f.settled_at is not null and f.settled_tier = 'CHAIN_TEAM' then 1 else 0 end as settled_chain_team,
       case when f.settled_at is not null and f.settled_tier = 'BACK_OFFICE' then 1 else 0 end as settled_back_office,
       case when f.transferred then 1 else 0 end as transferred,
       case when f.callback_requested then 1 else 0 end as callback_requested,
       case when f.settled_at is not null and (t.team = '' or t.team = f.settled_team) then 1 else 0 end as settled_by_team,
       case when f.settled_at is not null and (t.team = '' or t.team = f.settled_team)
                 and f.settled_team = any (string_to_array(nullif(f.breached_teams, ''), ','))
            then 1 else 0 end as breached_by_team,
       case when f.settled_at is null or f.received_at is null then null
            else (select case when m <= 60 then m
                              when m <= 1440 then 60 + (m - 60 + 29) / 30
                              when m <= 43200 then 106 + (m - 1440 + 359) / 360
                              else 223 end
                  from (select greatest(1, (greatest(0, floor(extract(epoch from f.settled_at - f.received_at)))::bigint + 59) / 60) as m) x)
       end as bucket
from contact_fact f
cross join lateral (
    select distinct team from (values (''), (f.first_team), (case when f.settled_at is not null then f.settled_team end)) v(team)
    where team is not null) t
where f.received and f.received_day is not null
;;
insert into kpi_rollup (grain, municipality, team, period, channel, received, first_contacts, directly_handled, settled, settled_same_day, settled_first_line, settled_chain_team, settled_back_office, transferred, callback_requested, settled_by_team, breached_by_team, settle_histogram)
select 'D', c.municipality, c.team, c.period, c.channel, c.received, c.first_contacts, c.directly_handled, c.settled, c.settled_same_day, c.settled_first_line, c.settled_chain_team, c.settled_back_office, c.transferred, c.callback_requested, c.settled_by_team, c.breached_by_team, coalesce(h.histogram, '{}')
from (select municipality, team, period, channel, sum(received) as received, sum(first_contacts) as first_contacts, sum(directly_handled) as directly_handled, sum(settled) as settled, sum(settled_same_day) as settled_same_day, sum(settled_first_line) as settled_first_line, sum(settled_chain_team) as settled_chain_team, sum(settled_back_office) as settled_back_office, sum(transferred) as transferred, sum(callback_requested) as callback_requested, sum(settled_by_team) as settled_by_team, sum(breached_by_team) as breached_by_team
      from rebuild_contribution group by municipality, team, period, channel) c
left join (select municipality, team, period, channel, array_agg(v.x order by b.bucket, v.k) as histogram
           from (select municipality, team, period, channel, bucket, cast(count(*) as integer) as n
                 from rebuild_contribution where bucket is not null
                 group by municipality, team, period, channel, bucket) b
           cross join lateral (values (1, b.bucket), (2, b.n)) v(k, x)
           group by municipality, team, period, channel) h using (municipality, team, period, channel)
;;
drop table rebuild_contribution
;;
insert into kpi_rollup (grain, municipality, team, period, channel, received, first_contacts, directly_handled, settled, settled_same_day, settled_first_line, settled_chain_team, settled_back_office, transferred, callback_requested, settled_by_team, breached_by_team, settle_histogram)
select 'D', c.municipality, c.team, c.period, c.channel, c.received, c.first_contacts, c.directly_handled, c.settled, c.settled_same_day, c.settled_first_line, c.settled_chain_team, c.settled_back_office, c.transferred, c.callback_requested, c.settled_by_team, c.breached_by_team, coalesce(h.histogram, '{}')
from (select cast('*' as varchar(6)) as municipality, team, period as period, channel, sum(received) as received, sum(first_contacts) as first_contacts, sum(directly_handled) as directly_handled, sum(settled) as settled, sum(settled_same_day) as settled_same_day, sum(settled_first_line) as settled_first_line, sum(settled_chain_team) as settled_chain_team, sum(settled_back_office) as settled_back_office, sum(transferred) as transferred, sum(callback_requested) as callback_requested, sum(settled_by_team) as settled_by_team, sum(breached_by_team) as breached_by_team
      from kpi_rollup where grain = 'D' group by 1, 2, 3, 4) c
left join (select municipality, team, period, channel, array_agg(v.x order by b.bucket, v.k) as histogram
           from (select cast('*' as varchar(6)) as municipality, team, period as period, channel,
                        settle_histogram[2 * i - 1] as bucket, cast(sum(settle_histogram[2 * i]) as integer) as n
                 from kpi_rollup
                 cross join lateral generate_series(1, coalesce(array_length(settle_histogram, 1), 0) / 2) i
                 where grain = 'D' group by 1, 2, 3, 4, 5) b
           cross join lateral (values (1, b.bucket), (2, b.n)) v(k, x)
           group by municipality, team, period, channel) h using (municipality, team, period, channel)
;;
insert into kpi_rollup (grain, municipality, team, period, channel, received, first_contacts, directly_handled, settled, settled_same_day, settled_first_line, settled_chain_team, settled_back_office, transferred, callback_requested, settled_by_team, breached_by_team, settle_histogram)
select 'M', c.municipality, c.team, c.period, c.channel, c.received, c.first_contacts, c.directly_handled, c.settled, c.settled_same_day, c.settled_first_line, c.settled_chain_team, c.settled_back_office, c.transferred, c.callback_requested, c.settled_by_team, c.breached_by_team, coalesce(h.histogram, '{}')
from (select municipality as municipality, team, cast(date_trunc('month', period) as date) as period, channel, sum(received) as received, sum(first_contacts) as first_contacts, sum(directly_handled) as directly_handled, sum(settled) as settled, sum(settled_same_day) as settled_same_day, sum(settled_first_line) as settled_first_line, sum(settled_chain_team) as settled_chain_team, sum(settled_back_office) as settled_back_office, sum(transferred) as transferred, sum(callback_requested) as callback_requested, sum(settled_by_team) as settled_by_team, sum(breached_by_team) as breached_by_team
      from kpi_rollup where grain = 'D' group by 1, 2, 3, 4) c
left join (select municipality, team, period, channel, array_agg(v.x order by b.bucket, v.k) as histogram
           from (select municipality as municipality, team, cast(date_trunc('month', period) as date) as period, channel,
                        settle_histogram[2 * i - 1] as bucket, cast(sum(settle_histogram[2 * i]) as integer) as n
                 from kpi_rollup
                 cross join lateral generate_series(1, coalesce(array_length(settle_histogram, 1), 0) / 2) i
                 where grain = 'D' group by 1, 2, 3, 4, 5) b
           cross join lateral (values (1, b.bucket), (2, b.n)) v(k, x)
           group by municipality, team, period, channel) h using (municipality, team, period, channel)
;;
analyze kpi_rollup
