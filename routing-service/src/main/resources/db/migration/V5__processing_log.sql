-- The processing log (VNG Verwerkingenlogging) of the service kit: who read or erased which contact's personal data,
-- when and why (nl.loket.kit.privacy.ProcessingLog; operator endpoint GET /api/v1/processing-log).
CREATE TABLE processing_log (
    id            BIGSERIAL    PRIMARY KEY,
    logged_at     TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    organisation  VARCHAR(200),
    roles         VARCHAR(200),
    purpose       VARCHAR(40)  NOT NULL,
    endpoint      VARCHAR(300) NOT NULL,
    request_id    VARCHAR(100),
    contact_id    VARCHAR(100)
);
CREATE INDEX processing_log_contact ON processing_log (contact_id, logged_at);
CREATE INDEX processing_log_logged_at ON processing_log (logged_at);
