-- 011_center_scoped_keys: unique keys that tell nothing about another center; names taken from the login;
-- reserved login names in any case.
--
-- 1. A unique index is checked before a composite foreign key (an AFTER trigger). With keys of global ids
--    (worker_id, farm_id, request_id, job_id …), a coordinator of center A inserting a row of A that names a
--    worker of center B learnt from a unique violation whether that worker works that day. Every such key now
--    starts with center_id: a row of A only ever conflicts with rows of A, and a row naming B's ids fails on the
--    foreign key alike whether B's rows exist or not. (The foreign keys already keep every row in one center, so
--    the keys say what they said before.)
-- 2. `rosters.approved_by` and `attendance.recorded_by` are the login that made the change (session_user), set by
--    a trigger whatever the client writes.
-- 3. ilson_create_login refuses PUBLIC, NONE, CURRENT_USER, SESSION_USER, CURRENT_ROLE and names starting with
--    pg_ or ilson_ in any mix of cases.

-- Keys scoped by center -------------------------------------------------------------------------------------------

DROP INDEX assignments_worker_date_live_key;
CREATE UNIQUE INDEX assignments_worker_date_live_key ON assignments (center_id, worker_id, work_date)
    WHERE status NOT IN ('declined', 'cancelled');
DROP INDEX assignments_request_worker_live_key;
CREATE UNIQUE INDEX assignments_request_worker_live_key ON assignments (center_id, request_id, worker_id)
    WHERE status NOT IN ('declined', 'cancelled');
DROP INDEX labor_requests_natural_key;
CREATE UNIQUE INDEX labor_requests_natural_key ON labor_requests (center_id, farm_id, work_date, task, start_time)
    WHERE status <> 'cancelled';
ALTER TABLE labor_requests DROP CONSTRAINT labor_requests_job_date_key,
    ADD CONSTRAINT labor_requests_job_date_key UNIQUE (center_id, job_id, work_date);
ALTER TABLE worker_skills DROP CONSTRAINT worker_skills_pkey,
    ADD CONSTRAINT worker_skills_pkey PRIMARY KEY (center_id, worker_id, skill_id);
ALTER TABLE worker_allowed_farms DROP CONSTRAINT worker_allowed_farms_pkey,
    ADD CONSTRAINT worker_allowed_farms_pkey PRIMARY KEY (center_id, worker_id, farm_id);
ALTER TABLE blocks DROP CONSTRAINT blocks_pkey,
    ADD CONSTRAINT blocks_pkey PRIMARY KEY (center_id, farm_id, worker_id);
ALTER TABLE roster_exclusions DROP CONSTRAINT roster_exclusions_pkey,
    ADD CONSTRAINT roster_exclusions_pkey PRIMARY KEY (center_id, request_id, worker_id);
-- attendance keeps its key (assignment_id, which `attendance record` upserts on) and refuses, before any key is
-- checked, an assignment that is not of the row's center.
CREATE FUNCTION ilson_attendance_same_center() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    -- As the caller: row-level security hides other centers' assignments, so "not of this center" and "not
    -- visible" are one answer.
    IF NOT EXISTS (SELECT 1 FROM public.assignments a WHERE a.id = NEW.assignment_id AND a.center_id = NEW.center_id)
    THEN
        RAISE EXCEPTION 'no assignment % in this center', NEW.assignment_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'attendance_assignment_fkey';
    END IF;
    NEW.recorded_by := session_user;
    RETURN NEW;
END
$$;
ALTER FUNCTION ilson_attendance_same_center() OWNER TO ilson_owner;
CREATE TRIGGER attendance_same_center BEFORE INSERT OR UPDATE ON attendance
    FOR EACH ROW EXECUTE FUNCTION ilson_attendance_same_center();

-- Names from the login ----------------------------------------------------------------------------------------------

CREATE FUNCTION ilson_roster_approved_by() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.approved_by IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.approved_by IS DISTINCT FROM OLD.approved_by) THEN
        NEW.approved_by := session_user;
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION ilson_roster_approved_by() OWNER TO ilson_owner;
CREATE TRIGGER rosters_approved_by BEFORE INSERT OR UPDATE ON rosters
    FOR EACH ROW EXECUTE FUNCTION ilson_roster_approved_by();

-- Reserved login names in any case ----------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION ilson_create_login(
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
    IF lower(login) ~ '^(pg_|ilson_)'
       OR lower(login) IN ('public', 'none', 'current_user', 'session_user', 'current_role') THEN
        RAISE EXCEPTION 'login names starting with pg_ or ilson_ (and public, none, current_user, session_user, '
            'current_role, in any case) are reserved'
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
