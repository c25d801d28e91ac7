-- 028_reply_reminder: one reminder to a silent worker once the answer deadline has passed (issue 17, "Silence").
--
-- A center may ask `batch replies` to send one short SMS to every worker who was told to come before the answer
-- deadline and has not answered by it (confirmed, declined or any reply at all). Nobody is dropped: the silent stay
-- on `roster calls` all the same. At most one reminder per worker, center and work day, whatever runs at once or
-- crashes (sms_outbox_reminder_once; the batch inserts with ON CONFLICT DO NOTHING). Off by default: a reminder
-- costs a message.

ALTER TABLE centers ADD COLUMN reply_reminder boolean NOT NULL DEFAULT false;
GRANT UPDATE (reply_reminder) ON centers TO ilson_coordinator;

ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_kind_known;
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_kind_known
    CHECK (kind IN ('assignment', 'farmer_list', 'cancellation', 'change', 'reminder'));
-- A reminder goes to a worker (never a farmer).
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_reminder_to_worker
    CHECK (kind <> 'reminder' OR recipient_role = 'worker');

CREATE UNIQUE INDEX sms_outbox_reminder_once ON sms_outbox (center_id, work_date, recipient_id)
    WHERE kind = 'reminder';
