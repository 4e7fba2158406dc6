-- The re-publisher looks for receipts still PENDING, oldest first (ReceiptRepublisher).
CREATE INDEX contact_receipt_pending ON contact_receipt (accepted_at) WHERE status = 'PENDING';
