-- Idempotency keys are scoped per channel adapter (the token's adapter_id): adapter B using the key adapter A used is
-- a contact of its own, never A's replay (nor a 422). A receipt is only ever shown to the adapter that handed it in.
ALTER TABLE contact_receipt ADD COLUMN adapter_id VARCHAR(100);

-- Receipts from before sign-in: the adapterId they named, else none ('' matches no adapter, so they are found only
-- by the re-publisher, and purged after the retention like any other).
UPDATE contact_receipt SET adapter_id = COALESCE(event_data ->> 'adapterId', '');
ALTER TABLE contact_receipt ALTER COLUMN adapter_id SET NOT NULL;

ALTER TABLE contact_receipt DROP CONSTRAINT contact_receipt_idempotency_key_key;
ALTER TABLE contact_receipt ADD CONSTRAINT contact_receipt_adapter_idempotency_key UNIQUE (adapter_id, idempotency_key);
