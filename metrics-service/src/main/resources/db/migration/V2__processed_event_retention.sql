-- The retention job deletes applied event ids by age; without this index every round would scan the whole table.
create index processed_event_processed_at on processed_event (processed_at);
