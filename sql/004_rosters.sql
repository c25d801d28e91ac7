-- 004_rosters: the day's plan per center, its assignments, and the batch runs that make and send it.
--
-- A roster is one center's day: draft (the solver's proposal, edited by coordinators),
-- approved, sending (its messages are in the outbox), sent (every message final), or
-- cancelled. `version` grows with every change, so a second coordinator's stale edit
-- fails instead of overwriting (optimistic locking).

-- Assignments point at a request *and its date*, so the date of an assignment is always its request's.
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_center_id_date_key UNIQUE (center_id, id, work_date);

CREATE TABLE rosters (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id      bigint NOT NULL REFERENCES centers (id),
    work_date      date NOT NULL,
    state          text NOT NULL DEFAULT 'draft'
                   CONSTRAINT rosters_state_known CHECK (state IN ('draft', 'approved', 'sending', 'sent', 'cancelled')),
    version        integer NOT NULL DEFAULT 1 CONSTRAINT rosters_version_positive CHECK (version >= 1),
    planned_at     timestamptz,
    approved_at    timestamptz,
    approved_by    text,
    cancelled_at   timestamptz,
    cancel_reason  text,
    -- The last plan's score and solver numbers, and its unfilled requests with their reasons:
    -- [{"request": id, "missing": n, "reasons": ["…"]}], and pinned-pair warnings.
    score_hard     integer,
    score_medium   bigint,
    score_soft     bigint,
    solver_stats   jsonb,
    unfilled       jsonb NOT NULL DEFAULT '[]',
    warnings       jsonb NOT NULL DEFAULT '[]',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rosters_center_date_key UNIQUE (center_id, work_date),
    CONSTRAINT rosters_center_id_key UNIQUE (center_id, id),
    CONSTRAINT rosters_center_id_date_key UNIQUE (center_id, id, work_date),
    CONSTRAINT rosters_approved_at_set CHECK (state NOT IN ('approved', 'sending', 'sent') OR approved_at IS NOT NULL),
    CONSTRAINT rosters_cancelled_at_set CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL))
);

CREATE TABLE assignments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id    bigint NOT NULL,
    roster_id    bigint NOT NULL,
    request_id   bigint NOT NULL,
    worker_id    bigint NOT NULL,
    work_date    date NOT NULL,
    -- Made or kept by a coordinator: re-planning keeps it.
    pinned       boolean NOT NULL DEFAULT false,
    -- Pinned although it breaks one of rules 1-4 (`--force`); the rules broken are in `warnings`.
    forced       boolean NOT NULL DEFAULT false,
    warnings     jsonb NOT NULL DEFAULT '[]',
    status       text NOT NULL DEFAULT 'proposed'
                 CONSTRAINT assignments_status_known CHECK (
                     status IN ('proposed', 'approved', 'confirmed', 'declined', 'cancelled', 'no_show', 'completed')),
    distance_km  double precision CONSTRAINT assignments_distance_nonnegative CHECK (distance_km >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assignments_center_id_key UNIQUE (center_id, id),
    CONSTRAINT assignments_forced_is_pinned CHECK (NOT forced OR pinned),
    CONSTRAINT assignments_roster_fkey FOREIGN KEY (center_id, roster_id, work_date)
        REFERENCES rosters (center_id, id, work_date) ON DELETE CASCADE,
    CONSTRAINT assignments_request_fkey FOREIGN KEY (center_id, request_id, work_date)
        REFERENCES labor_requests (center_id, id, work_date),
    CONSTRAINT assignments_worker_fkey FOREIGN KEY (center_id, worker_id) REFERENCES workers (center_id, id)
);
-- A worker can never hold two live assignments on one date: the database says so, not only the solver.
CREATE UNIQUE INDEX assignments_worker_date_live_key ON assignments (worker_id, work_date)
    WHERE status NOT IN ('declined', 'cancelled');
-- One live assignment per request and worker.
CREATE UNIQUE INDEX assignments_request_worker_live_key ON assignments (request_id, worker_id)
    WHERE status NOT IN ('declined', 'cancelled');
CREATE INDEX assignments_roster_idx ON assignments (roster_id);
CREATE INDEX assignments_request_idx ON assignments (request_id);

-- `roster unassign` is remembered: a re-plan does not put the same worker back on that request.
CREATE TABLE roster_exclusions (
    center_id   bigint NOT NULL,
    roster_id   bigint NOT NULL,
    request_id  bigint NOT NULL,
    worker_id   bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, worker_id),
    CONSTRAINT roster_exclusions_roster_fkey FOREIGN KEY (center_id, roster_id)
        REFERENCES rosters (center_id, id) ON DELETE CASCADE,
    CONSTRAINT roster_exclusions_request_fkey FOREIGN KEY (center_id, request_id)
        REFERENCES labor_requests (center_id, id),
    CONSTRAINT roster_exclusions_worker_fkey FOREIGN KEY (center_id, worker_id) REFERENCES workers (center_id, id)
);

-- One row per run of a batch command (plan or send), per center it worked on.
CREATE TABLE batch_runs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id    bigint REFERENCES centers (id),
    job          text NOT NULL CONSTRAINT batch_runs_job_known CHECK (job IN ('plan', 'send')),
    work_date    date NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    outcome      text NOT NULL DEFAULT 'running'
                 CONSTRAINT batch_runs_outcome_known CHECK (
                     outcome IN ('running', 'done', 'partial', 'skipped', 'failed')),
    counts       jsonb NOT NULL DEFAULT '{}',
    message      text,
    host         text,
    pid          integer
);
CREATE INDEX batch_runs_date_idx ON batch_runs (work_date, job);
