-- Teams of the taxonomy. Lists are stored as newline-separated text (see StringListConverter).
create table team (
    id            varchar(64)  primary key,
    name          varchar(200) not null,
    tier          varchar(20)  not null,
    organisations text         not null default '',
    channels      text         not null default '',
    updated_at    timestamptz  not null
);

-- UPL products; id is the last segment of the UPL URI (URL-safe), uri is the Kafka key.
create table product (
    id           varchar(200)  primary key,
    uri          varchar(300)  not null unique,
    name         varchar(300)  not null,
    kind         varchar(50),
    legal_basis  varchar(1000),
    keywords     text          not null default '',
    team_id      varchar(64)   not null references team (id),
    term_days    integer       not null,
    term_unit    varchar(20)   not null,
    mapping_rule varchar(500),
    updated_at   timestamptz   not null
);
create index product_team_idx on product (team_id);

-- Signalen report categories; id is "main" or "main/sub" (slugs).
create table category (
    id           varchar(200)  primary key,
    parent_id    varchar(200)  references category (id),
    name         varchar(300)  not null,
    description  varchar(4000),
    keywords     text          not null default '',
    team_id      varchar(64)   not null references team (id),
    term_days    integer       not null,
    term_unit    varchar(20)   not null,
    mapping_rule varchar(500),
    updated_at   timestamptz   not null
);
create index category_team_idx on category (team_id);

-- Knowledge articles (vraag-antwoordcombinaties).
create table article (
    id           varchar(100)  primary key,
    question     varchar(2000) not null,
    answer       text          not null,
    product_uris text          not null default '',
    subjects     text          not null default '',
    source       varchar(500),
    valid_from   date,
    valid_until  date,
    updated_at   timestamptz   not null
);

-- Case status reported by back offices on cases.status.
create table case_status (
    reference              varchar(100)  primary key,
    municipality           varchar(10),
    product_uri            varchar(300),
    team_id                varchar(64),
    status                 varchar(100)  not null,
    status_text            varchar(1000),
    expected_decision_date date,
    changed_at             timestamptz   not null,
    updated_at             timestamptz   not null
);

-- Event ids (ce_id) already applied, written in the same transaction as the state change.
create table processed_event (
    event_id     varchar(200) primary key,
    processed_at timestamptz  not null
);

-- Transactional outbox: written with the change, published and marked sent by the relay.
create sequence outbox_event_seq increment by 50;
create table outbox_event (
    id           bigint        primary key,
    event_id     varchar(64)   not null unique,
    topic        varchar(200)  not null,
    message_key  varchar(300)  not null,
    event_type   varchar(200)  not null,
    payload      text,
    created_at   timestamptz   not null,
    sent_at      timestamptz
);
create index outbox_unsent_idx on outbox_event (id) where sent_at is null;

-- One row once the seed data has been loaded (and its full state written to the outbox).
create table seed_run (
    id         integer      primary key,
    applied_at timestamptz  not null,
    summary    varchar(500) not null
);
