-- Routing that learns (issue #16): a model version also learns from the bundled example contacts (authored citizen
-- texts with their teams, routing-service's training/example-contacts.csv). How many it used; older versions: none.
ALTER TABLE routing_model ADD COLUMN example_contacts INTEGER NOT NULL DEFAULT 0;
