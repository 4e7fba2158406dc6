-- The service kit's inbox (service-kit/README.md) records only the event id and when it was processed.
alter table processed_event drop column event_type;
alter table processed_event drop column contact_id;
