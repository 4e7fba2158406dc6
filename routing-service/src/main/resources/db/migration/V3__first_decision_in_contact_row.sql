-- The first decision (hop 0) moves into the contact's own row: on the hot path one tuple and one index entry per
-- contact instead of two tuples and three index entries. Its event ids are derived from contact id, hop and event
-- type (RoutingService.eventId), so they need no column. routing_decision keeps the transfers (hop >= 1), and the
-- hop-0 rows written before this version that stored their event documents instead of fields.
ALTER TABLE routed_contact
    ADD COLUMN team_id         VARCHAR(64),
    ADD COLUMN tier            VARCHAR(20),
    ADD COLUMN rule            VARCHAR(100),
    ADD COLUMN confidence      DOUBLE PRECISION,
    ADD COLUMN policy_name     VARCHAR(100),
    ADD COLUMN policy_version  INTEGER,
    ADD COLUMN routed_at       TIMESTAMPTZ,
    ADD COLUMN reason          TEXT,
    ADD COLUMN product_uri     VARCHAR(300),
    ADD COLUMN product_name    VARCHAR(300),
    ADD COLUMN article_id      VARCHAR(100),
    ADD COLUMN category_id     VARCHAR(200),
    ADD COLUMN term_days       INTEGER,
    ADD COLUMN term_unit       VARCHAR(20);

UPDATE routed_contact c
SET team_id = d.team_id, tier = d.tier, rule = d.rule, confidence = d.confidence, policy_name = d.policy_name,
    policy_version = d.policy_version, routed_at = d.routed_at, reason = d.reason, product_uri = d.product_uri,
    product_name = d.product_name, article_id = d.article_id, category_id = d.category_id, term_days = d.term_days,
    term_unit = d.term_unit
FROM routing_decision d
WHERE d.contact_id = c.contact_id AND d.hop = 0 AND d.routed_json IS NULL;

DELETE FROM routing_decision WHERE hop = 0 AND routed_json IS NULL;

-- the primary key (contact id # hop) already makes a contact's hop unique
ALTER TABLE routing_decision DROP CONSTRAINT routing_decision_contact_hop;
