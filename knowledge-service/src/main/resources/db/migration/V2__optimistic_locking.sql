-- Concurrent edits of the same entity: the second one fails (409) instead of silently overwriting, so the outbox
-- never carries two competing states of one key.
alter table team add column version integer not null default 0;
alter table product add column version integer not null default 0;
alter table category add column version integer not null default 0;
alter table article add column version integer not null default 0;
-- Outbox ids are taken one by one, so their order follows the order in which changes were made, across replicas.
alter sequence outbox_event_seq increment by 1;
