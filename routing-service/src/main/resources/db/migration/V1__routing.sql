-- Contacts as routing received them (no BSN: the contract has none), so that a transfer can be routed again.
CREATE TABLE routed_contact (
    contact_id    VARCHAR(100) PRIMARY KEY,
    municipality  VARCHAR(10)  NOT NULL,
    channel       VARCHAR(20)  NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    contact_json  TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);

-- One decision per contact and hop (hop 0 first, one more per transfer). The published events are stored with
-- their deterministic ids, so a redelivered input is answered with the same events, never a second decision.
CREATE TABLE routing_decision (
    id                 VARCHAR(120) PRIMARY KEY,
    contact_id         VARCHAR(100) NOT NULL,
    hop                INTEGER      NOT NULL,
    team_id            VARCHAR(64)  NOT NULL,
    tier               VARCHAR(20)  NOT NULL,
    rule               VARCHAR(100) NOT NULL,
    confidence         DOUBLE PRECISION NOT NULL,
    policy_name        VARCHAR(100) NOT NULL,
    policy_version     INTEGER      NOT NULL,
    routed_event_id    VARCHAR(64)  NOT NULL,
    assigned_event_id  VARCHAR(64)  NOT NULL,
    routed_json        TEXT         NOT NULL,
    assigned_json      TEXT         NOT NULL,
    routed_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT routing_decision_contact_hop UNIQUE (contact_id, hop)
);
