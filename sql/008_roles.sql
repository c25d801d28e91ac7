-- 008_roles: who may see and change what, enforced by PostgreSQL (roles, grants, row-level security).
--
-- Roles (cluster-wide: created here only when missing, since several databases of one cluster share them):
--   ilson_owner        NOLOGIN; owns every table and the SECURITY DEFINER helpers. Nobody logs in as it.
--   ilson_farmer       NOLOGIN group: their own farms' jobs and requests; who comes to their farms (a function).
--   ilson_coordinator  NOLOGIN group: everything of their own center.
--   ilson_batch        NOLOGIN group: reads what planning and sending need; writes rosters, assignments,
--                      sms_outbox, batch_runs and audit_log, nothing else.
--   ilson_admin        NOLOGIN group: centers and users (logins).
-- People are LOGIN roles, members of exactly one group, mapped in ilson_users to a kind, a center and (for a
-- farmer) a farmer. `ilson user add` makes both through ilson_create_login(); nobody else holds CREATEROLE.
--
-- Identity: every policy asks the helpers below, which look up `session_user` (the login, which the client
-- cannot change; SET ROLE changes only current_user) in ilson_users. No setting the client can SET is read.
--
-- Every table: owned by ilson_owner, ROW LEVEL SECURITY enabled and FORCEd, no privilege for PUBLIC.
-- Superusers (the migrating role, the dev/test superuser) bypass row-level security: run migrations as one,
-- never the CLI in normal operation.
--
-- COPY FROM is refused under row-level security: bulk writes COPY into a temporary staging table
-- (TEMP is granted to PUBLIC on the database by default) and INSERT … SELECT from it.
--
-- ## A table added by a later migration (009 and on)
--
-- A new table is owned by the migrating role and has no row-level security until its migration says so.
-- Every migration that creates a table with personal or center data ends with:
--
--     SELECT ilson_protect_table('attendance');            -- owner ilson_owner, ENABLE + FORCE, no PUBLIC rights
--     SELECT ilson_center_policies('attendance');          -- coordinator: all of own center; batch: read its centers
--     GRANT SELECT, INSERT, UPDATE ON attendance TO ilson_coordinator;
--     GRANT SELECT ON attendance TO ilson_batch;
--     -- and any policy of its own (a farmer's, a column-level grant), as below.
--
-- A table created by a migration numbered before this one (e.g. 007, written in parallel) is caught by the
-- loop at the end of this file: it gets the same treatment with the default center policies.

-- Roles ----------------------------------------------------------------------------------------------------------

DO $roles$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['ilson_owner', 'ilson_farmer', 'ilson_coordinator', 'ilson_batch', 'ilson_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- another database of this cluster created it at the same moment
            END;
        END IF;
    END LOOP;
    -- A non-superuser deployer must be able to act as the owner to change the tables in later migrations.
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT ilson_owner TO %I', current_user);
    END IF;
END
$roles$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ilson_owner, ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;

-- The mapping of logins to people ---------------------------------------------------------------------------------

CREATE TABLE ilson_users (
    login       text PRIMARY KEY CONSTRAINT ilson_users_login_length CHECK (octet_length(login) BETWEEN 1 AND 63),
    kind        text NOT NULL CONSTRAINT ilson_users_kind_known CHECK (kind IN ('farmer', 'coordinator', 'batch', 'admin')),
    center_id   bigint REFERENCES centers (id),
    farmer_id   bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL DEFAULT session_user,
    CONSTRAINT ilson_users_farmer_fkey FOREIGN KEY (center_id, farmer_id) REFERENCES farmers (center_id, id),
    -- A farmer has a farmer and its center; a coordinator a center; a batch login may be limited to one
    -- center (NULL: every center); an admin has none.
    CONSTRAINT ilson_users_kind_shape CHECK (
        CASE kind
            WHEN 'farmer' THEN center_id IS NOT NULL AND farmer_id IS NOT NULL
            WHEN 'coordinator' THEN center_id IS NOT NULL AND farmer_id IS NULL
            WHEN 'batch' THEN farmer_id IS NULL
            ELSE center_id IS NULL AND farmer_id IS NULL
        END)
);

-- Making tables safe (also for later migrations, see the top) ----------------------------------------------------

-- Owner ilson_owner, row-level security enabled and forced, nothing for PUBLIC.
CREATE FUNCTION ilson_protect_table(t regclass) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s OWNER TO ilson_owner', t);
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('REVOKE ALL ON TABLE %s FROM PUBLIC', t);
END
$$;
REVOKE ALL ON FUNCTION ilson_protect_table(regclass) FROM PUBLIC;

-- The helpers policies ask: who is session_user? SECURITY DEFINER (they read ilson_users, which nobody else
-- may read whole), owned by ilson_owner, search_path pinned, STABLE. Policies call them as `(SELECT f())`
-- so they run once per statement, not once per row.

CREATE FUNCTION ilson_user_kind() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT u.kind FROM public.ilson_users u WHERE u.login = session_user $$;

CREATE FUNCTION ilson_center_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT u.center_id FROM public.ilson_users u WHERE u.login = session_user $$;

CREATE FUNCTION ilson_farmer_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT u.farmer_id FROM public.ilson_users u WHERE u.login = session_user AND u.kind = 'farmer' $$;

CREATE FUNCTION ilson_is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM public.ilson_users u WHERE u.login = session_user AND u.kind = 'admin') $$;

-- The center of a coordinator login (NULL for anyone else).
CREATE FUNCTION ilson_coordinator_center() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT u.center_id FROM public.ilson_users u WHERE u.login = session_user AND u.kind = 'coordinator' $$;

-- The centers a batch login works on: its own, or every center when it has none (empty for anyone else).
CREATE FUNCTION ilson_batch_centers() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce(array_agg(c.id), '{}')
    FROM public.centers c JOIN public.ilson_users u ON u.login = session_user AND u.kind = 'batch'
    WHERE u.center_id IS NULL OR u.center_id = c.id
$$;

-- The farms of a farmer login (empty for anyone else).
CREATE FUNCTION ilson_farmer_farms() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce(array_agg(f.id), '{}')
    FROM public.farms f JOIN public.ilson_users u ON u.login = session_user AND u.kind = 'farmer'
    WHERE f.farmer_id = u.farmer_id AND f.center_id = u.center_id
$$;

-- Default policies of a center table: coordinators all of their own center, batch logins read their centers.
CREATE FUNCTION ilson_center_policies(t regclass) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    EXECUTE format(
        'CREATE POLICY coordinator_center ON %s FOR ALL TO ilson_coordinator '
        'USING (center_id = (SELECT ilson_coordinator_center())) '
        'WITH CHECK (center_id = (SELECT ilson_coordinator_center()))', t);
    EXECUTE format(
        'CREATE POLICY batch_read ON %s FOR SELECT TO ilson_batch '
        'USING (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]))', t);
END
$$;
REVOKE ALL ON FUNCTION ilson_center_policies(regclass) FROM PUBLIC;

SELECT ilson_protect_table(t)
FROM unnest(ARRAY[
    'centers', 'farmers', 'farms', 'workers', 'skills', 'worker_skills', 'worker_allowed_farms',
    'worker_availability', 'blocks', 'labor_jobs', 'labor_requests', 'audit_log', 'rosters', 'assignments',
    'roster_exclusions', 'batch_runs', 'sms_outbox', 'message_templates', 'ilson_users'
]::regclass[]) AS t;

ALTER FUNCTION ilson_user_kind() OWNER TO ilson_owner;
ALTER FUNCTION ilson_center_id() OWNER TO ilson_owner;
ALTER FUNCTION ilson_farmer_id() OWNER TO ilson_owner;
ALTER FUNCTION ilson_is_admin() OWNER TO ilson_owner;
ALTER FUNCTION ilson_coordinator_center() OWNER TO ilson_owner;
ALTER FUNCTION ilson_batch_centers() OWNER TO ilson_owner;
ALTER FUNCTION ilson_farmer_farms() OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_user_kind(), ilson_center_id(), ilson_farmer_id(), ilson_is_admin(),
    ilson_coordinator_center(), ilson_batch_centers(), ilson_farmer_farms() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_user_kind(), ilson_center_id(), ilson_farmer_id(), ilson_is_admin(),
    ilson_coordinator_center(), ilson_batch_centers(), ilson_farmer_farms()
    TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;

-- The owner reads what its SECURITY DEFINER helpers read; the tables are FORCEd, so it needs a policy too.
CREATE POLICY owner_reads ON ilson_users FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON centers FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON farms FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON workers FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON labor_requests FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON rosters FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON assignments FOR SELECT TO ilson_owner USING (true);

-- Policies and grants, table by table ---------------------------------------------------------------------------

-- centers: admin manages them; a person sees their own center; a coordinator edits its name and sender number.
CREATE POLICY admin_all ON centers FOR ALL TO ilson_admin USING (true) WITH CHECK (true);
CREATE POLICY own_center ON centers FOR SELECT TO ilson_farmer, ilson_coordinator
    USING (id = (SELECT ilson_center_id()));
CREATE POLICY coordinator_edit ON centers FOR UPDATE TO ilson_coordinator
    USING (id = (SELECT ilson_coordinator_center())) WITH CHECK (id = (SELECT ilson_coordinator_center()));
CREATE POLICY batch_read ON centers FOR SELECT TO ilson_batch USING (id = ANY ((SELECT ilson_batch_centers())::bigint[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON centers TO ilson_admin;
GRANT SELECT ON centers TO ilson_farmer, ilson_coordinator, ilson_batch;
GRANT UPDATE (name, sms_sender) ON centers TO ilson_coordinator;

-- The registry of a center: coordinators all of it; batch reads it.
SELECT ilson_center_policies(t)
FROM unnest(ARRAY[
    'farmers', 'farms', 'workers', 'skills', 'worker_skills', 'worker_allowed_farms', 'worker_availability',
    'blocks', 'labor_jobs', 'labor_requests', 'rosters', 'assignments', 'roster_exclusions', 'sms_outbox',
    'message_templates'
]::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON farmers, farms, workers, skills, worker_skills, worker_allowed_farms,
    worker_availability, blocks, assignments, roster_exclusions, message_templates TO ilson_coordinator;
-- Requests, jobs, rosters and messages are never deleted: cancelled, withdrawn.
GRANT SELECT, INSERT, UPDATE ON labor_jobs, labor_requests, rosters, sms_outbox TO ilson_coordinator;
GRANT SELECT ON farmers, farms, workers, skills, worker_skills, worker_allowed_farms, worker_availability, blocks,
    labor_jobs, labor_requests, rosters, assignments, roster_exclusions, sms_outbox, message_templates
    TO ilson_batch;

-- farmers: a farmer sees themselves; admin reads them all (to map a farmer login).
CREATE POLICY farmer_self ON farmers FOR SELECT TO ilson_farmer USING (id = (SELECT ilson_farmer_id()));
CREATE POLICY admin_read ON farmers FOR SELECT TO ilson_admin USING (true);
GRANT SELECT ON farmers TO ilson_farmer, ilson_admin;

-- farms: a farmer sees their own.
CREATE POLICY farmer_own ON farms FOR SELECT TO ilson_farmer USING (id = ANY ((SELECT ilson_farmer_farms())::bigint[]));
GRANT SELECT ON farms TO ilson_farmer;

-- skills: a farmer reads the codes of their center (to ask for a skill).
CREATE POLICY farmer_center ON skills FOR SELECT TO ilson_farmer USING (center_id = (SELECT ilson_center_id()));
GRANT SELECT ON skills TO ilson_farmer;

-- labor_jobs, labor_requests: a farmer reads, submits and changes (cancels) their own farms' only.
CREATE POLICY farmer_read ON labor_jobs FOR SELECT TO ilson_farmer USING (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]));
CREATE POLICY farmer_submit ON labor_jobs FOR INSERT TO ilson_farmer
    WITH CHECK (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]));
GRANT SELECT, INSERT ON labor_jobs TO ilson_farmer;
CREATE POLICY farmer_read ON labor_requests FOR SELECT TO ilson_farmer
    USING (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]));
CREATE POLICY farmer_submit ON labor_requests FOR INSERT TO ilson_farmer
    WITH CHECK (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]) AND status = 'submitted');
CREATE POLICY farmer_change ON labor_requests FOR UPDATE TO ilson_farmer
    USING (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]))
    WITH CHECK (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]));
GRANT SELECT, INSERT ON labor_requests TO ilson_farmer;
GRANT UPDATE (start_time, end_time, task, skills, headcount, min_headcount, priority, max_travel_km, wage, status,
    cancelled_at, cancel_reason) ON labor_requests TO ilson_farmer;

-- rosters: a farmer sees only the state of their center's rosters (a request on an approved day is locked);
-- batch plans and sends them.
CREATE POLICY farmer_state ON rosters FOR SELECT TO ilson_farmer USING (center_id = (SELECT ilson_center_id()));
GRANT SELECT (id, center_id, work_date, state) ON rosters TO ilson_farmer;
CREATE POLICY batch_insert ON rosters FOR INSERT TO ilson_batch
    WITH CHECK (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
CREATE POLICY batch_update ON rosters FOR UPDATE TO ilson_batch
    USING (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]))
    WITH CHECK (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
GRANT INSERT, UPDATE ON rosters TO ilson_batch;

-- assignments: batch replaces a draft's proposals and moves states.
CREATE POLICY batch_insert ON assignments FOR INSERT TO ilson_batch
    WITH CHECK (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
CREATE POLICY batch_update ON assignments FOR UPDATE TO ilson_batch
    USING (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]))
    WITH CHECK (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
CREATE POLICY batch_delete ON assignments FOR DELETE TO ilson_batch
    USING (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
GRANT INSERT, UPDATE, DELETE ON assignments TO ilson_batch;

-- sms_outbox: batch writes and delivers; coordinators (roster cancel, replace) write too; farmers never.
CREATE POLICY batch_insert ON sms_outbox FOR INSERT TO ilson_batch
    WITH CHECK (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
CREATE POLICY batch_update ON sms_outbox FOR UPDATE TO ilson_batch
    USING (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]))
    WITH CHECK (center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
GRANT INSERT, UPDATE ON sms_outbox TO ilson_batch;

-- batch_runs: batch writes them (center NULL: a run that found nothing); coordinators read their center's.
CREATE POLICY batch_all ON batch_runs FOR ALL TO ilson_batch
    USING (center_id IS NULL OR center_id = ANY ((SELECT ilson_batch_centers())::bigint[]))
    WITH CHECK (center_id IS NULL OR center_id = ANY ((SELECT ilson_batch_centers())::bigint[]));
CREATE POLICY coordinator_read ON batch_runs FOR SELECT TO ilson_coordinator
    USING (center_id = (SELECT ilson_coordinator_center()));
CREATE POLICY admin_read ON batch_runs FOR SELECT TO ilson_admin USING (true);
GRANT SELECT, INSERT, UPDATE ON batch_runs TO ilson_batch;
GRANT SELECT ON batch_runs TO ilson_coordinator, ilson_admin;

-- audit_log: everyone appends rows in their own scope, as themselves (actor = session_user, not forgeable);
-- coordinators read their center's, admin all; nobody changes a row, only admin deletes (retention).
CREATE POLICY append_own ON audit_log FOR INSERT TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin
    WITH CHECK (
        actor = session_user
        AND (
            (SELECT ilson_is_admin())
            OR center_id = (SELECT ilson_coordinator_center())
            OR (ilson_farmer_id() IS NOT NULL AND center_id = (SELECT ilson_center_id()))
            OR ((SELECT ilson_user_kind()) = 'batch' AND (center_id IS NULL OR center_id = ANY ((SELECT ilson_batch_centers())::bigint[])))
        ));
CREATE POLICY coordinator_read ON audit_log FOR SELECT TO ilson_coordinator
    USING (center_id = (SELECT ilson_coordinator_center()));
CREATE POLICY admin_read ON audit_log FOR SELECT TO ilson_admin USING (true);
CREATE POLICY admin_delete ON audit_log FOR DELETE TO ilson_admin USING (true);
GRANT INSERT ON audit_log TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;
GRANT SELECT ON audit_log TO ilson_coordinator, ilson_admin;
GRANT DELETE ON audit_log TO ilson_admin;

-- ilson_users: everyone reads their own row; admin reads all and removes mappings; rows are added only by
-- ilson_create_login (no INSERT grant), and never changed (no UPDATE grant: a kind must match its group).
CREATE POLICY own_row ON ilson_users FOR SELECT TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin
    USING (login = session_user);
CREATE POLICY admin_read ON ilson_users FOR SELECT TO ilson_admin USING (true);
CREATE POLICY admin_delete ON ilson_users FOR DELETE TO ilson_admin USING (true);
GRANT SELECT ON ilson_users TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;
GRANT DELETE ON ilson_users TO ilson_admin;

-- schema_migrations: no personal data; `ilson db status` for anyone.
GRANT SELECT ON schema_migrations TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;

-- Who comes to a farmer's farms ----------------------------------------------------------------------------------

-- The workers on a farmer's own farms on their center's approved, sending or sent rosters: name and phone, and
-- nothing else of a worker. A farmer has no other way to read workers, assignments or rosters.
CREATE FUNCTION ilson_farmer_workers(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
    RETURNS TABLE (work_date date, farm_code text, farm_name text, request_id bigint, start_time time, task text,
                   worker_name text, worker_phone text, roster_state text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT a.work_date, f.code, f.name, r.id, r.start_time, r.task, w.name, w.phone, ro.state
    FROM public.ilson_users u
    JOIN public.farms f ON f.farmer_id = u.farmer_id AND f.center_id = u.center_id
    JOIN public.labor_requests r ON r.farm_id = f.id
    JOIN public.assignments a ON a.request_id = r.id AND a.status NOT IN ('declined', 'cancelled')
    JOIN public.rosters ro ON ro.id = a.roster_id AND ro.state IN ('approved', 'sending', 'sent')
    JOIN public.workers w ON w.id = a.worker_id AND w.center_id = a.center_id
    WHERE u.login = session_user AND u.kind = 'farmer'
      AND (from_date IS NULL OR a.work_date >= from_date)
      AND (to_date IS NULL OR a.work_date <= to_date)
    ORDER BY a.work_date, f.code, r.start_time, r.id, w.name
$$;
ALTER FUNCTION ilson_farmer_workers(date, date) OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_farmer_workers(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_farmer_workers(date, date) TO ilson_farmer;

-- Creating logins ------------------------------------------------------------------------------------------------

-- Creates a LOGIN role in the group of its kind and maps it; for `ilson user add`. Owned by the migrating role
-- (it needs CREATEROLE; people never get it), executable by ilson_admin only, and by superusers.
--
-- `password` must be a SCRAM-SHA-256 verifier (the client hashes with PQencryptPasswordConn), so the password
-- itself never reaches the server, its logs or pg_stat_activity. Names are quoted with %I, the verifier with %L;
-- the group comes from a fixed list, never from the caller's text.
CREATE FUNCTION ilson_create_login(
    login text, password text, kind text, center bigint DEFAULT NULL, farmer bigint DEFAULT NULL
) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    grp text;
    farmer_center bigint;
BEGIN
    IF NOT (public.ilson_is_admin()
            OR coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false)) THEN
        RAISE EXCEPTION 'only an admin login can add users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    grp := CASE kind
        WHEN 'farmer' THEN 'ilson_farmer' WHEN 'coordinator' THEN 'ilson_coordinator'
        WHEN 'batch' THEN 'ilson_batch' WHEN 'admin' THEN 'ilson_admin' END;
    IF grp IS NULL THEN
        RAISE EXCEPTION 'unknown kind of user' USING ERRCODE = 'invalid_parameter_value',
            HINT = 'farmer, coordinator, batch or admin';
    END IF;
    IF login IS NULL OR octet_length(login) NOT BETWEEN 1 AND 63 OR login ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'a login name has 1 to 63 bytes and no control characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF login ~* '^(pg_|ilson_)' OR login IN ('public', 'none', 'current_user', 'session_user', 'current_role') THEN
        RAISE EXCEPTION 'login names starting with pg_ or ilson_ (and public, none, …) are reserved'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = login) THEN
        RAISE EXCEPTION 'a role with this name exists already' USING ERRCODE = 'duplicate_object';
    END IF;
    IF password IS NULL OR password !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'the password must be a SCRAM-SHA-256 verifier (PQencryptPasswordConn), never plain text'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF kind = 'farmer' THEN
        SELECT f.center_id INTO farmer_center FROM public.farmers f WHERE f.id = farmer;
        IF farmer_center IS NULL OR (center IS NOT NULL AND center <> farmer_center) THEN
            RAISE EXCEPTION 'no such farmer in this center' USING ERRCODE = 'foreign_key_violation';
        END IF;
        center := farmer_center;
    ELSIF farmer IS NOT NULL THEN
        RAISE EXCEPTION 'only a farmer login has a farmer' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF kind = 'coordinator' AND center IS NULL THEN
        RAISE EXCEPTION 'a coordinator login needs a center' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF kind = 'admin' AND center IS NOT NULL THEN
        RAISE EXCEPTION 'an admin login has no center' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF center IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.centers c WHERE c.id = center) THEN
        RAISE EXCEPTION 'no such center' USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format(
        'CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
        login, password);
    EXECUTE format('GRANT %I TO %I', grp, login);
    INSERT INTO public.ilson_users (login, kind, center_id, farmer_id) VALUES (login, kind, center, farmer);
    INSERT INTO public.audit_log (center_id, via, entity, entity_id, action, after)
    VALUES (center, 'user add', 'user', login, 'create',
            jsonb_build_object('login', login, 'kind', kind, 'center_id', center, 'farmer_id', farmer));
END
$$;
REVOKE ALL ON FUNCTION ilson_create_login(text, text, text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_create_login(text, text, text, bigint, bigint) TO ilson_admin;

-- Tables of earlier migrations not named above (e.g. 007, written in parallel) ------------------------------------

DO $catchall$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND c.relname <> 'schema_migrations' AND NOT c.relrowsecurity
    LOOP
        PERFORM ilson_protect_table(t);
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                   WHERE a.attrelid = t AND a.attname = 'center_id' AND NOT a.attisdropped) THEN
            PERFORM ilson_center_policies(t);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %s TO ilson_coordinator', t);
            EXECUTE format('GRANT SELECT ON %s TO ilson_batch', t);
        END IF;
        RAISE NOTICE '008_roles: % protected with the default center policies; give it its own in 009', t;
    END LOOP;
END
$catchall$;
