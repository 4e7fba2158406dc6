-- Privacy (issue #14). The citizen's global reference (intake's citizenRef) in its own indexed column, so that a
-- data-subject request finds the citizen's contacts without reading every contact's JSON, and when the contact's
-- personal data was erased (by retention or by a request); both NULL/unset for contacts without a citizen.
ALTER TABLE routed_contact
    ADD COLUMN citizen_ref              VARCHAR(64),
    ADD COLUMN personal_data_erased_at  TIMESTAMPTZ;

UPDATE routed_contact
SET citizen_ref = CAST(contact_json AS jsonb) #>> '{citizen,citizenRef}'
WHERE contact_json LIKE '%"citizenRef"%';

CREATE INDEX routed_contact_citizen_ref ON routed_contact (citizen_ref) WHERE citizen_ref IS NOT NULL;
-- the retention job's scan: contacts received before the cut-off whose personal data is still there
CREATE INDEX routed_contact_personal_data ON routed_contact (received_at) WHERE personal_data_erased_at IS NULL;

-- Transfers decided before this version named the requesting agent's free-text reason in the decision's reason,
-- which went to contacts.routed. That text now goes to the new team alone (ContactAssigned.transferReason); it is
-- taken out of the stored reasons and of the stored ContactRouted and ContactAssigned documents.
UPDATE routing_decision d
SET reason = CASE WHEN d.reason IS NULL THEN NULL ELSE r.cleaned END,
    routed_json = CAST(jsonb_set(CAST(d.routed_json AS jsonb), '{reason}', to_jsonb(r.cleaned)) AS text),
    assigned_json = CAST(jsonb_set(CAST(d.assigned_json AS jsonb), '{reason}', to_jsonb(r.cleaned)) AS text)
FROM (SELECT id, CAST(routed_json AS jsonb) ->> 'reason' AS original,
             replace(CAST(routed_json AS jsonb) ->> 'reason',
                     ' (' || (CAST(assigned_json AS jsonb) ->> 'transferReason') || ')', '') AS cleaned
      FROM routing_decision
      WHERE hop > 0 AND routed_json IS NOT NULL AND assigned_json IS NOT NULL
        AND CAST(assigned_json AS jsonb) ->> 'transferReason' IS NOT NULL) r
WHERE d.id = r.id AND r.cleaned <> r.original;
