-- Data-subject requests find a citizen's receipts by the pseudonymous citizen reference in the stored event
-- (POST /api/v1/privacy/inzage and /erasure); erased receipts no longer hold one.
CREATE INDEX contact_receipt_citizen_ref ON contact_receipt ((event_data -> 'citizen' ->> 'citizenRef'))
    WHERE event_data -> 'citizen' ->> 'citizenRef' IS NOT NULL;
