-- Routing that learns (issue #16). The trained team model's versions: every routing instance uses the same one (the
-- newest LIVE, unless a version is pinned by configuration). The model holds hashed feature buckets and weights,
-- never a citizen's words. KEPT: trained but not better than the live one on the held-back outcomes; RETIRED: live
-- before.
CREATE TABLE routing_model (
    version              INTEGER      PRIMARY KEY,
    status               VARCHAR(10)  NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    seed                 BIGINT       NOT NULL,
    knowledge_examples   INTEGER      NOT NULL,
    outcome_examples     INTEGER      NOT NULL,
    holdout              INTEGER      NOT NULL,
    candidate_accuracy   DOUBLE PRECISION,
    live_accuracy        DOUBLE PRECISION,
    live_version         INTEGER,
    note                 TEXT         NOT NULL,
    model                BYTEA        NOT NULL
);
CREATE INDEX routing_model_live ON routing_model (status, version);

-- What became of each contact, from contacts.lifecycle: the team that settled it (its label for training) and the
-- teams it was transferred away from (comma-separated, each once: evidence against them). Team ids and times only; the text stays in
-- routed_contact and is erased there by retention, after which the contact no longer trains a model.
CREATE TABLE routing_outcome (
    contact_id      VARCHAR(100) PRIMARY KEY,
    settled_team    VARCHAR(64),
    settled_at      TIMESTAMPTZ,
    transferred_from VARCHAR(300),
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX routing_outcome_settled ON routing_outcome (settled_at) WHERE settled_team IS NOT NULL;

-- The model version consulted for a decision (ContactRouted.modelVersion), for first decisions in the contact's row
-- (so a redelivery republishes it) and for transfers.
ALTER TABLE routed_contact ADD COLUMN model_version INTEGER;
ALTER TABLE routing_decision ADD COLUMN model_version INTEGER;
