-- One row per contact: the work item as it stands now. Its history (work_item_event) explains every change.
CREATE TABLE work_item (
    contact_id            VARCHAR(100) PRIMARY KEY,
    team_id               VARCHAR(64)  NOT NULL,
    tier                  VARCHAR(20)  NOT NULL,
    hop                   INTEGER      NOT NULL,
    channel               VARCHAR(20)  NOT NULL,
    municipality          VARCHAR(10),
    status                VARCHAR(30)  NOT NULL,
    assignee              VARCHAR(200),
    received_at           TIMESTAMPTZ  NOT NULL,
    assigned_at           TIMESTAMPTZ  NOT NULL,
    due_at                TIMESTAMPTZ  NOT NULL,
    approaching_at        TIMESTAMPTZ  NOT NULL,
    approaching_notified  BOOLEAN      NOT NULL DEFAULT FALSE,
    breached_notified     BOOLEAN      NOT NULL DEFAULT FALSE,
    callback_requested    BOOLEAN      NOT NULL DEFAULT FALSE,
    subject               VARCHAR(200),
    text                  TEXT         NOT NULL,
    language              VARCHAR(2),
    citizen_ref           VARCHAR(64),
    citizen_name          VARCHAR(200),
    citizen_email         VARCHAR(254),
    citizen_phone         VARCHAR(40),
    case_reference        VARCHAR(100),
    product_uri           VARCHAR(300),
    product_name          VARCHAR(300),
    category_id           VARCHAR(200),
    term_days             INTEGER,
    term_unit             VARCHAR(20),
    routing_reason        VARCHAR(1000),
    previous_team_id      VARCHAR(64),
    transfer_reason       VARCHAR(1000),
    follow_up_of          VARCHAR(100),
    outcome               VARCHAR(30),
    resolved_at           TIMESTAMPTZ,
    version               INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX work_item_team_due ON work_item (team_id, status, due_at);
CREATE INDEX work_item_open_deadlines ON work_item (due_at) WHERE status <> 'RESOLVED';

-- Every action on a work item, in order: who, when, what, and the item's state after it.
CREATE TABLE work_item_event (
    id               BIGSERIAL    PRIMARY KEY,
    contact_id       VARCHAR(100) NOT NULL,
    seq              INTEGER      NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    action           VARCHAR(40)  NOT NULL,
    actor            VARCHAR(200) NOT NULL,
    organisation     VARCHAR(200),
    team_id          VARCHAR(64)  NOT NULL,
    tier             VARCHAR(20),
    hop              INTEGER      NOT NULL,
    status_after     VARCHAR(30)  NOT NULL,
    assignee_after   VARCHAR(200),
    due_at           TIMESTAMPTZ,
    outcome          VARCHAR(30),
    note             VARCHAR(2000),
    reason           VARCHAR(1000),
    target_team_id   VARCHAR(64),
    target_member    VARCHAR(200),
    callback_id      VARCHAR(100),
    event_id         VARCHAR(100),
    UNIQUE (contact_id, seq)
);

-- Call-back requests (terugbelnotities).
CREATE TABLE callback (
    callback_id     VARCHAR(100) PRIMARY KEY,
    contact_id      VARCHAR(100) NOT NULL REFERENCES work_item (contact_id),
    team_id         VARCHAR(64)  NOT NULL,
    target_team_id  VARCHAR(64),
    target_member   VARCHAR(200),
    due_at          TIMESTAMPTZ  NOT NULL,
    note            VARCHAR(2000),
    status          VARCHAR(20)  NOT NULL,
    requested_by    VARCHAR(200) NOT NULL,
    requested_at    TIMESTAMPTZ  NOT NULL,
    reached         BOOLEAN,
    completed_by    VARCHAR(200),
    completed_at    TIMESTAMPTZ,
    completion_note VARCHAR(2000)
);
CREATE INDEX callback_target ON callback (target_team_id, status, due_at);
CREATE INDEX callback_contact ON callback (contact_id);

-- Event ids (ce_id) already applied: redelivered records are skipped (same transaction as the change).
CREATE TABLE processed_event (
    event_id     VARCHAR(100) PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL
);

-- Transactional outbox: written with the state change, published to contacts.lifecycle by the relay.
CREATE TABLE outbox_event (
    id            UUID         PRIMARY KEY,
    seq           BIGSERIAL    NOT NULL,
    aggregate_id  VARCHAR(100) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    payload       TEXT         NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    sent_at       TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
