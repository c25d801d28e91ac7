-- 013: a message batch send could not compose (a center's template makes a line longer than an LMS can carry)
-- is recorded in the outbox as `failed` with its reason, beside the roster's other messages, instead of stopping
-- the send for every center. Such a row has no body (''), no type and no byte count; it was never sendable, so it
-- is `failed` from the start, with the reason in last_error and no attempt. `roster calls` lists it as a call to
-- make (as any failed message); the roster becomes `sent` when its other messages are final.
--
-- No new table and no new column: the policies and grants of sms_outbox (008_roles.sql) cover these rows.

ALTER TABLE sms_outbox ALTER COLUMN "type" DROP NOT NULL;

ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_body_present;
ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_byte_limit;

-- A composed message has a body, a type and 1 to 90 (SMS) or 2,000 (LMS) bytes; an uncomposed one has none of
-- them and is failed for good, with its reason, never attempted.
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_composed_or_failed CHECK (
    CASE WHEN body = '' THEN
        type IS NULL AND byte_count = 0 AND part IS NULL AND parts IS NULL AND state = 'failed'
        AND last_error IS NOT NULL AND btrim(last_error) <> '' AND attempts = 0
    ELSE
        type IS NOT NULL AND byte_count > 0 AND byte_count <= CASE type WHEN 'SMS' THEN 90 ELSE 2000 END
    END);
