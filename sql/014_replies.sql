-- 014_replies: workers answer their notice by SMS (spec/sms-gateway.md, "Replies (inbound messages)").
--
-- Every reply is one sms_inbound row, stored once per provider id (polled by `batch replies` or pushed to
-- `replies serve`): the provider may repeat or reorder them. `batch replies` then reads each new row once, in
-- its own transaction (FOR UPDATE SKIP LOCKED: two runs never take the same reply), matches it by number to the
-- worker's latest notice and acts on it (confirm, decline, decline and backfill) or leaves it for a person
-- (`unclear`, `late`, `unknown`, `conflict`), in the same transaction that records what it did. A reply acted on
-- stays acted on: a crash before the commit leaves it `new`, and the next run does it again from the start.
--
-- A carrier may deliver one reply twice under two ids: at most one reply is acted on per assignment and answer
-- (sms_inbound_acted_once); the other is stored as `duplicate`.

-- What a center asks in its notices, and what it lets the batch do.
ALTER TABLE centers
    ADD COLUMN reply_prompt boolean NOT NULL DEFAULT true,
    -- Answers are expected by this time on the day before the work day; after it, the silent are listed.
    ADD COLUMN reply_deadline time NOT NULL DEFAULT '21:00',
    -- A decline by SMS is backfilled with `roster replace --best`'s pick (off: the coordinator decides).
    ADD COLUMN auto_backfill boolean NOT NULL DEFAULT false;

CREATE TABLE sms_inbound (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The provider's message id: unique and stable (the spec), so a repeat is stored once.
    provider_id    text NOT NULL CONSTRAINT sms_inbound_provider_id_key UNIQUE
                   CONSTRAINT sms_inbound_provider_id_length CHECK (length(provider_id) BETWEEN 1 AND 200),
    -- The number as the carrier gave it, and its normal form (NULL when it is not a Korean mobile number).
    sender         text NOT NULL CONSTRAINT sms_inbound_sender_length CHECK (length(sender) <= 40),
    sender_digits  text CONSTRAINT sms_inbound_sender_digits_format
                   CHECK (sender_digits ~ '^(010[0-9]{8}|01[16789][0-9]{7,8})$'),
    -- The center's number it was sent to.
    recipient      text NOT NULL DEFAULT '' CONSTRAINT sms_inbound_recipient_length CHECK (length(recipient) <= 40),
    body           text NOT NULL CONSTRAINT sms_inbound_body_length CHECK (length(body) <= 2000),
    received_at    timestamptz,
    stored_at      timestamptz NOT NULL DEFAULT now(),
    via            text NOT NULL CONSTRAINT sms_inbound_via_known CHECK (via IN ('poll', 'push')),
    -- new: not read yet. confirmed / declined: acted on. duplicate: the same answer again (nothing done).
    -- unclear: not an answer ilson understands. late: for a cancelled roster, a past day, an assignment already
    -- ended, or a notice that was a cancellation. unknown: no notice went to that number. conflict: an answer
    -- that contradicts what already happened (a confirmation after a decline). Everything but new, confirmed
    -- and duplicate is for a person (`roster calls`, `replies list`).
    state          text NOT NULL DEFAULT 'new' CONSTRAINT sms_inbound_state_known CHECK (
                       state IN ('new', 'confirmed', 'declined', 'duplicate', 'unclear', 'late', 'unknown',
                             'conflict')),
    answer         text CONSTRAINT sms_inbound_answer_known CHECK (answer IN ('confirm', 'decline')),
    center_id      bigint REFERENCES centers (id),
    worker_id      bigint,
    -- The notice it answers (its latest to that number) and the assignment(s) of that notice.
    notice_id      bigint,
    assignment_id  bigint,
    work_date      date,
    -- What was done, for the coordinator: "declined; replaced by 이햏 (automatic)".
    note           text CONSTRAINT sms_inbound_note_length CHECK (length(note) <= 500),
    handled_at     timestamptz,
    CONSTRAINT sms_inbound_handled CHECK ((state = 'new') = (handled_at IS NULL)),
    CONSTRAINT sms_inbound_worker_fkey FOREIGN KEY (center_id, worker_id) REFERENCES workers (center_id, id),
    CONSTRAINT sms_inbound_notice_fkey FOREIGN KEY (notice_id) REFERENCES sms_outbox (id),
    CONSTRAINT sms_inbound_assignment_fkey FOREIGN KEY (center_id, assignment_id)
        REFERENCES assignments (center_id, id)
);
CREATE INDEX sms_inbound_new_idx ON sms_inbound (id) WHERE state = 'new';
CREATE INDEX sms_inbound_center_date_idx ON sms_inbound (center_id, work_date, id);
-- Act once per assignment and answer.
CREATE UNIQUE INDEX sms_inbound_acted_once ON sms_inbound (assignment_id, answer)
    WHERE state IN ('confirmed', 'declined');

-- The worker's latest notice, by number.
CREATE INDEX sms_outbox_worker_recipient_idx ON sms_outbox (recipient, id) WHERE recipient_role = 'worker';

-- Where polling goes on: one cursor per provider (its base URL), moved in the transaction that stores the page.
CREATE TABLE sms_inbound_cursor (
    source      text PRIMARY KEY CONSTRAINT sms_inbound_cursor_source_length CHECK (length(source) <= 500),
    cursor      text NOT NULL CONSTRAINT sms_inbound_cursor_length CHECK (length(cursor) <= 500),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- batch_runs records `batch replies` too.
ALTER TABLE batch_runs DROP CONSTRAINT batch_runs_job_known;
ALTER TABLE batch_runs ADD CONSTRAINT batch_runs_job_known CHECK (job IN ('plan', 'send', 'replies'));

-- Access: the batch stores and handles replies (a reply from an unknown number may have no center yet);
-- coordinators read their center's and change their center's reply settings; admins read all.
SELECT ilson_protect_table('sms_inbound');
SELECT ilson_protect_table('sms_inbound_cursor');
CREATE POLICY batch_all ON sms_inbound FOR ALL TO ilson_batch
    USING (center_id IS NULL OR center_id = ANY ((SELECT ilson_batch_centers())::bigint[]))
    WITH CHECK (center_id IS NULL OR center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
CREATE POLICY coordinator_read ON sms_inbound FOR SELECT TO ilson_coordinator
    USING (center_id = (SELECT ilson_coordinator_center()));
CREATE POLICY admin_read ON sms_inbound FOR SELECT TO ilson_admin USING (true);
GRANT SELECT, INSERT, UPDATE ON sms_inbound TO ilson_batch;
GRANT SELECT ON sms_inbound TO ilson_coordinator, ilson_admin;
CREATE POLICY batch_all ON sms_inbound_cursor FOR ALL TO ilson_batch USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON sms_inbound_cursor TO ilson_batch;
GRANT UPDATE (reply_prompt, reply_deadline, auto_backfill) ON centers TO ilson_coordinator;
