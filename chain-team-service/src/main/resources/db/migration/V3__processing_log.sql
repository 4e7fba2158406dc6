-- The service kit's processing log (nl.loket.kit.privacy.ProcessingLog, VNG Verwerkingenlogging): who read which
-- contact's personal data, when, through which endpoint and why. Ids and the employee's name, never the data itself.
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
