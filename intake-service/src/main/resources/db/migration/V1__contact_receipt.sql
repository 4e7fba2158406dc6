-- Receipts of accepted contacts; kept for the idempotency window (loket.intake.idempotency-retention).
CREATE TABLE contact_receipt (
    contact_id      VARCHAR(36)  PRIMARY KEY,
    idempotency_key VARCHAR(320) UNIQUE,
    request_hash    VARCHAR(64)  NOT NULL,
    event_id        VARCHAR(36)  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    accepted_at     TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    event_data      JSONB        NOT NULL
);

CREATE INDEX contact_receipt_accepted_at ON contact_receipt (accepted_at);
