-- 006_outbox: the SMS outbox, and the message templates a center can change.
--
-- Every message a roster sends is one sms_outbox row, written in the same transaction that moves
-- the roster to `sending` (or cancels it). The sender claims rows (pending → sending, attempts + 1,
-- committed before it calls the gateway), then records the outcome: sent (with the provider's id),
-- failed (a 4xx: final, with the reason), or back to pending with a later next_attempt_at (5xx,
-- timeout). A row left in `sending` by a sender that died is retried with the same idempotency key,
-- which the provider de-duplicates: a crash between the provider's accept and our commit sends nothing twice.
-- `withdrawn` is set in the transaction that cancels the roster the message belonged to.

CREATE TABLE sms_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id        bigint NOT NULL REFERENCES centers (id),
    roster_id        bigint NOT NULL,
    work_date        date NOT NULL,
    -- What the message is about: a worker's assignment, or a farmer's request (their list).
    assignment_id    bigint,
    request_id       bigint,
    recipient        text NOT NULL CONSTRAINT sms_outbox_recipient_format
                     CHECK (recipient ~ '^(010[0-9]{8}|01[16789][0-9]{7,8})$'),
    recipient_role   text NOT NULL CONSTRAINT sms_outbox_recipient_role_known
                     CHECK (recipient_role IN ('worker', 'farmer')),
    recipient_id     bigint NOT NULL,
    kind             text NOT NULL CONSTRAINT sms_outbox_kind_known
                     CHECK (kind IN ('assignment', 'farmer_list', 'cancellation', 'change')),
    type             text NOT NULL CONSTRAINT sms_outbox_type_known CHECK (type IN ('SMS', 'LMS')),
    body             text NOT NULL CONSTRAINT sms_outbox_body_present CHECK (body <> ''),
    -- CP949 bytes, as carriers count them.
    byte_count       integer NOT NULL,
    part             smallint,
    parts            smallint,
    state            text NOT NULL DEFAULT 'pending' CONSTRAINT sms_outbox_state_known
                     CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'withdrawn')),
    attempts         integer NOT NULL DEFAULT 0 CONSTRAINT sms_outbox_attempts_nonnegative CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claimed_at       timestamptz,
    claimed_by       text,
    -- One UUID per row, sent as the Idempotency-Key: the provider sends one message per key.
    idempotency_key  uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT sms_outbox_idempotency_key_key UNIQUE,
    provider_id      text,
    gateway          text,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    withdrawn_at     timestamptz,
    CONSTRAINT sms_outbox_byte_limit CHECK (
        byte_count > 0 AND byte_count <= CASE type WHEN 'SMS' THEN 90 ELSE 2000 END),
    CONSTRAINT sms_outbox_parts_order CHECK (
        (part IS NULL AND parts IS NULL) OR (part BETWEEN 1 AND parts)),
    CONSTRAINT sms_outbox_sent_has_time CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT sms_outbox_withdrawn_has_time CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL)),
    CONSTRAINT sms_outbox_roster_fkey FOREIGN KEY (center_id, roster_id, work_date)
        REFERENCES rosters (center_id, id, work_date),
    CONSTRAINT sms_outbox_assignment_fkey FOREIGN KEY (center_id, assignment_id)
        REFERENCES assignments (center_id, id),
    CONSTRAINT sms_outbox_request_fkey FOREIGN KEY (center_id, request_id)
        REFERENCES labor_requests (center_id, id)
);
-- The sender's queue: what is due, per center and day.
CREATE INDEX sms_outbox_due_idx ON sms_outbox (center_id, work_date, next_attempt_at, id)
    WHERE state = 'pending';
-- Claims to recover, and "is every message final?".
CREATE INDEX sms_outbox_open_idx ON sms_outbox (roster_id) WHERE state IN ('pending', 'sending');
CREATE INDEX sms_outbox_roster_idx ON sms_outbox (roster_id, state);

-- A center's own text for a kind of message (slots of Messaging.TemplateSlot); the defaults otherwise.
-- The CLI validates a template (placeholders, encodable characters) before it saves it.
CREATE TABLE message_templates (
    center_id   bigint NOT NULL REFERENCES centers (id),
    slot        text NOT NULL CONSTRAINT message_templates_slot_known CHECK (
                    slot IN ('assignment', 'farmer_list', 'cancellation', 'assignment_change', 'farmer_list_change')),
    body        text NOT NULL CONSTRAINT message_templates_body_present CHECK (btrim(body) <> ''),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (center_id, slot)
);
