-- The service kit's outbox table (service-kit/README.md), without losing a row: every unsent row keeps its event id
-- (its ce_id), its key and its place in the order of publication (seq), and is published by the kit's relay.
ALTER TABLE outbox_event ADD COLUMN event_id VARCHAR(100);
ALTER TABLE outbox_event ADD COLUMN topic VARCHAR(200);
UPDATE outbox_event SET event_id = id::text, topic = 'contacts.lifecycle';
ALTER TABLE outbox_event ALTER COLUMN event_id SET NOT NULL;
ALTER TABLE outbox_event ALTER COLUMN topic SET NOT NULL;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_event_id_key UNIQUE (event_id);
ALTER TABLE outbox_event RENAME COLUMN aggregate_id TO message_key;
ALTER TABLE outbox_event ALTER COLUMN message_key DROP NOT NULL;
-- null = a tombstone (not used on contacts.lifecycle, but the kit's table allows it)
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
-- seq (BIGSERIAL) becomes the key; it keeps its sequence outbox_event_seq_seq as default, so the kit's INSERT,
-- which names no seq, takes the next value after the rows written so far.
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_pkey;
ALTER TABLE outbox_event DROP COLUMN id;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_pkey PRIMARY KEY (seq);
ALTER TABLE outbox_event ALTER COLUMN seq SET DEFAULT nextval('outbox_event_seq_seq');
-- outbox_unsent (seq) WHERE sent_at IS NULL stays: the kit's relay reads unsent rows by it.
