-- Personal fields of a work item are erased (NULL, never a fake value) by the retention job once the item has been
-- resolved long enough, and by a data-subject erasure request at any time; the facts (ids, team, tier, hop, channel,
-- municipality, times, status, outcome, product) stay, so the KPIs do not change.
ALTER TABLE work_item ALTER COLUMN text DROP NOT NULL;
-- When the personal fields were erased (null: not erased). An erased item takes no personal data from a later
-- assignment, and the retention job skips it.
ALTER TABLE work_item ADD COLUMN personal_data_erased_at TIMESTAMPTZ;
-- The retention job's search: resolved items whose personal fields are still there, oldest resolution first.
CREATE INDEX work_item_retention ON work_item (resolved_at)
    WHERE status = 'RESOLVED' AND personal_data_erased_at IS NULL;
