-- What routing decided besides the team, for the agent's screen: how sure it was (0..1) and the knowledge article
-- (VAC answer) it matched. Facts, not personal data: retention and erasure keep them, like the product. Rows written
-- before this migration have neither (null).
ALTER TABLE work_item ADD COLUMN routing_confidence DOUBLE PRECISION;
ALTER TABLE work_item ADD COLUMN article_id VARCHAR(100);
-- The team summary (GET /teams/{teamId}/summary) and the queue read only a team's unsettled items; resolved items
-- stay in the table for ever (their personal fields erased), so they are left out of this index.
CREATE INDEX work_item_team_unsettled ON work_item (team_id, due_at) WHERE status <> 'RESOLVED';
-- The summary counts the call-backs requested by a team as well as those asked of it (callback_target).
CREATE INDEX callback_team ON callback (team_id, status, due_at);
-- The summary's version includes the team's latest history entry.
CREATE INDEX work_item_event_team ON work_item_event (team_id, id);
