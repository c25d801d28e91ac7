-- 009: a coordinator delivers at once with --send (roster decline / replace / cancel --send), which is a send run
-- of their own center, recorded in batch_runs like cron's (start, lock, finish, close abandoned runs). 008 let
-- coordinators only read batch_runs, so those commands failed with "permission denied for table batch_runs".
-- A coordinator writes runs of their own center only; no center-less runs, no deletes.
CREATE POLICY coordinator_insert ON batch_runs FOR INSERT TO ilson_coordinator
    WITH CHECK (center_id = (SELECT ilson_coordinator_center()));
CREATE POLICY coordinator_update ON batch_runs FOR UPDATE TO ilson_coordinator
    USING (center_id = (SELECT ilson_coordinator_center()))
    WITH CHECK (center_id = (SELECT ilson_coordinator_center()));
GRANT INSERT, UPDATE ON batch_runs TO ilson_coordinator;
