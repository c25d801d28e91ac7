-- 007_attendance: what really happened on a day, and why an assignment was declined.
--
-- The day after (or the evening of) a day, a coordinator records each assignment's outcome
-- (`ilson attendance record | import`). The assignment's status carries what the county counts:
-- `completed` (present, late, left early) or `no_show`; this table carries the detail: the outcome as
-- recorded, the hours worked and a note. One row per assignment; a correction updates the row (and
-- writes its before/after to audit_log).
--
-- `ilson roster decline` keeps the worker's reason on the assignment itself.

ALTER TABLE assignments ADD COLUMN status_reason text;
ALTER TABLE assignments ADD COLUMN status_changed_at timestamptz;

CREATE TABLE attendance (
    assignment_id  bigint PRIMARY KEY,
    center_id      bigint NOT NULL,
    work_date      date NOT NULL,
    outcome        text NOT NULL CONSTRAINT attendance_outcome_known
                   CHECK (outcome IN ('present', 'no_show', 'late', 'left_early')),
    -- Hours worked; a no-show worked none.
    hours          numeric(4, 2) CONSTRAINT attendance_hours_range CHECK (hours >= 0 AND hours <= 24),
    note           text,
    recorded_by    text NOT NULL DEFAULT session_user,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT attendance_no_show_no_hours CHECK (outcome <> 'no_show' OR coalesce(hours, 0) = 0),
    CONSTRAINT attendance_assignment_fkey FOREIGN KEY (center_id, assignment_id)
        REFERENCES assignments (center_id, id) ON DELETE CASCADE
);
CREATE INDEX attendance_center_date_idx ON attendance (center_id, work_date);
-- A worker's recent days (`ilson worker show`).
CREATE INDEX assignments_worker_date_idx ON assignments (worker_id, work_date DESC);
