-- First decisions (hop 0) of the batch path store the decision's fields instead of the two event documents; the
-- events are rebuilt from these fields and the stored contact on redelivery (same content, same ids). Less to
-- write per contact on the hot path. Transfers keep storing the documents.
ALTER TABLE routing_decision
    ADD COLUMN reason           TEXT,
    ADD COLUMN product_uri      VARCHAR(300),
    ADD COLUMN product_name     VARCHAR(300),
    ADD COLUMN article_id       VARCHAR(100),
    ADD COLUMN category_id      VARCHAR(200),
    ADD COLUMN term_days        INTEGER,
    ADD COLUMN term_unit        VARCHAR(20),
    ALTER COLUMN routed_json DROP NOT NULL,
    ALTER COLUMN assigned_json DROP NOT NULL;
