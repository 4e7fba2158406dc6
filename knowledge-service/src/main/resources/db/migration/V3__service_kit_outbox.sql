-- The service kit's outbox table (service-kit/README.md): seq orders publication and is taken by the INSERT itself.
alter table outbox_event rename column id to seq;
alter table outbox_event rename column created_at to occurred_at;
alter table outbox_event alter column event_id type varchar(100);
alter table outbox_event alter column message_key drop not null;
alter table outbox_event alter column event_type type varchar(100);
select setval('outbox_event_seq', coalesce((select max(seq) from outbox_event), 0) + 1, false);
alter sequence outbox_event_seq owned by outbox_event.seq;
alter table outbox_event alter column seq set default nextval('outbox_event_seq');
alter index outbox_unsent_idx rename to outbox_event_unsent;
