-- Event ids already applied (debezium MessageLog idiom): written in the same transaction as the fact change.
create table processed_event (
    event_id     varchar(200) primary key,
    event_type   varchar(100) not null,
    contact_id   varchar(100),
    processed_at timestamptz  not null default now()
);

-- One row per contact, folded from received, routed and lifecycle events in any order.
create table contact_fact (
    contact_id         varchar(100) primary key,
    received           boolean      not null default false,
    municipality       varchar(6),
    channel            varchar(20),
    received_at        timestamptz,
    received_day       date,
    first_contact      boolean,
    first_team         varchar(100),
    first_tier         varchar(20),
    max_hop            integer      not null default 0,
    transferred        boolean      not null default false,
    callback_requested boolean      not null default false,
    settled_at         timestamptz,
    settled_team       varchar(100),
    settled_tier       varchar(20),
    settled_hop        integer,
    breached_teams     varchar(2000) not null default '',
    updated_at         timestamptz  not null default now()
);
create index contact_fact_received_day on contact_fact (received_day, municipality);

-- Call-back requests (terugbelnotities), for "open call-backs past due".
create table callback_item (
    callback_id    varchar(100) primary key,
    contact_id     varchar(100) not null,
    team_id        varchar(100),
    target_team_id varchar(100),
    due_at         timestamptz,
    requested_at   timestamptz,
    completed_at   timestamptz
);
create index callback_item_open on callback_item (due_at) where requested_at is not null and completed_at is null;

-- Rollups, maintained incrementally in the same transaction as the fact change (retract the fact's old
-- contribution, add its new one). grain D = calendar day of receipt (Europe/Amsterdam), M = its month (first
-- day). municipality '*' = all municipalities, team '' = all teams; a contact also counts under its first team
-- and its settling team.
create table kpi_rollup (
    grain               char(1)      not null,
    municipality        varchar(6)   not null,
    team                varchar(100) not null,
    period              date         not null,
    channel             varchar(20)  not null,
    received            bigint       not null default 0,
    first_contacts      bigint       not null default 0,
    directly_handled    bigint       not null default 0,
    settled             bigint       not null default 0,
    settled_same_day    bigint       not null default 0,
    settled_first_line  bigint       not null default 0,
    settled_chain_team  bigint       not null default 0,
    settled_back_office bigint       not null default 0,
    transferred         bigint       not null default 0,
    callback_requested  bigint       not null default 0,
    settled_by_team     bigint       not null default 0,
    breached_by_team    bigint       not null default 0,
    -- time to settle (receipt → ContactHandled) of the settled contacts, a sparse histogram over the fixed buckets
    -- of SettleTimeBuckets: [bucket1, count1, bucket2, count2, …]; one array per row keeps the rollup one row per key
    settle_histogram    integer[]    not null default '{}',
    primary key (grain, municipality, team, period, channel)
);

-- Adds two sparse histograms stored as [bucket1, count1, bucket2, count2, …] (sorted by bucket, no zero counts).
create function loket_merge_histogram(a integer[], b integer[]) returns integer[]
    language sql immutable as
$$
select coalesce(array_agg(v.x order by s.bucket, v.k), '{}')
from (select p.bucket, cast(sum(p.n) as integer) as n
      from (select a[2 * i - 1] as bucket, a[2 * i] as n from generate_series(1, coalesce(array_length(a, 1), 0) / 2) i
            union all
            select b[2 * i - 1], b[2 * i] from generate_series(1, coalesce(array_length(b, 1), 0) / 2) i) p
      group by p.bucket
      having sum(p.n) <> 0) s
cross join lateral (values (1, s.bucket), (2, s.n)) v(k, x)
$$;
