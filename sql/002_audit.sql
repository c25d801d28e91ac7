-- 002_audit: every change a person or a job makes, with what it was before and after.
--
-- Operations write one row per change in the same transaction as the change itself,
-- so the log never claims a change that was rolled back. `actor` is the database login
-- (session_user: a person's identity cannot be set by the client), `via` the command.

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id   bigint REFERENCES centers (id),
    actor       text NOT NULL DEFAULT session_user,
    via         text NOT NULL,                 -- e.g. "worker add", "roster approve"
    entity      text NOT NULL,                 -- e.g. "worker", "labor_request", "roster"
    entity_id   text NOT NULL,
    action      text NOT NULL
                CONSTRAINT audit_log_action_known CHECK (action IN ('create', 'update', 'delete', 'state')),
    before      jsonb,
    after       jsonb,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
CREATE INDEX audit_log_center_at_idx ON audit_log (center_id, at);
