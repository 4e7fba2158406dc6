-- The kit's tables as every service that uses them has them (see service-kit/README.md).
create table outbox_event (
    seq          bigserial     primary key,
    event_id     varchar(100)  not null unique,
    topic        varchar(255)  not null,
    message_key  varchar(300),
    event_type   varchar(100)  not null,
    payload      text,
    occurred_at  timestamptz   not null,
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

create table processed_event (
    event_id     varchar(200)  primary key,
    processed_at timestamptz   not null
);
create index processed_event_processed_at on processed_event (processed_at);

-- What the test listeners did, so the tests can see it.
create table kit_test_applied (
    record_key   varchar(100)  primary key,
    applied_at   timestamptz   not null default now()
);
