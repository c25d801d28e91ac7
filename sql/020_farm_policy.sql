-- 020_farm_policy: the farm attributes the county's programs use, a per-center policy that turns them into a
-- request's priority, where each request's priority came from, and a reason on audit rows.
--
-- 1. Farms: area (ha), hit by disaster or illness until a date, the farmer's birth year, woman farmer, severely
--    disabled farmer, no family labor. All optional; a missing value makes no policy term apply.
-- 2. center_priority_policy: one row per center (none: the defaults below). A request's priority is
--    base + the points of every term that applies to its farm on its day, kept to 1..10:
--      small_farm    area_ha < small_farm_ha                                   (default under 1 ha: +2)
--      disaster      disaster_until >= the request's day                       (+4)
--      elderly_alone the farmer is elderly_age or older that year, no family labor  (75: +3)
--      woman         woman farmer                                              (+1)
--      disabled      severely disabled farmer                                  (+2)
--      no_family     no family labor                                           (+1)
--    A change of a farm's profile or of the policy gives the live requests on the policy from today on their new
--    priority at once (triggers below), whoever makes it.
-- 3. labor_requests.priority_source: `policy` (the database computes priority on every insert and update, whoever
--    writes the row) or `override` (a person set it, with a reason and who). Requests stored before this
--    migration, and rows inserted without a source (psql, bulk loads), keep their priority as an override with the
--    reason `입력` (it was typed in). ilson's own commands put a request without a given priority on the policy.
-- 4. audit_log.reason: why a person made a change (pins, unassigns, forced pins, priority overrides). The
--    requests' audit trigger copies `ilson.reason` (transaction-local, like `ilson.via`).

-- Farms -----------------------------------------------------------------------------------------------------------

ALTER TABLE farms
    ADD COLUMN area_ha numeric(8, 2)
        CONSTRAINT farms_area_ha_range CHECK (area_ha > 0 AND area_ha <= 10000),
    ADD COLUMN disaster_until date
        CONSTRAINT farms_disaster_until_range CHECK (disaster_until BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
    ADD COLUMN farmer_birth_year smallint
        CONSTRAINT farms_farmer_birth_year_range CHECK (farmer_birth_year BETWEEN 1900 AND 2100),
    ADD COLUMN woman_farmer boolean NOT NULL DEFAULT false,
    ADD COLUMN disabled_farmer boolean NOT NULL DEFAULT false,
    ADD COLUMN no_family_labor boolean NOT NULL DEFAULT false;

-- The policy ------------------------------------------------------------------------------------------------------

CREATE TABLE center_priority_policy (
    center_id         bigint PRIMARY KEY REFERENCES centers (id),
    base              smallint NOT NULL DEFAULT 1 CONSTRAINT center_priority_policy_base_range CHECK (base BETWEEN 1 AND 10),
    small_farm_ha     numeric(8, 2) NOT NULL DEFAULT 1
                      CONSTRAINT center_priority_policy_small_farm_ha_range CHECK (small_farm_ha > 0 AND small_farm_ha <= 10000),
    small_farm_points smallint NOT NULL DEFAULT 2,
    disaster_points   smallint NOT NULL DEFAULT 4,
    elderly_age       smallint NOT NULL DEFAULT 75
                      CONSTRAINT center_priority_policy_elderly_age_range CHECK (elderly_age BETWEEN 50 AND 100),
    elderly_points    smallint NOT NULL DEFAULT 3,
    woman_points      smallint NOT NULL DEFAULT 1,
    disabled_points   smallint NOT NULL DEFAULT 2,
    no_family_points  smallint NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        text NOT NULL DEFAULT session_user,
    CONSTRAINT center_priority_policy_points_range CHECK (
        small_farm_points BETWEEN 0 AND 9 AND disaster_points BETWEEN 0 AND 9 AND elderly_points BETWEEN 0 AND 9
        AND woman_points BETWEEN 0 AND 9 AND disabled_points BETWEEN 0 AND 9 AND no_family_points BETWEEN 0 AND 9)
);
SELECT ilson_protect_table('center_priority_policy');
SELECT ilson_center_policies('center_priority_policy');
GRANT SELECT, INSERT, UPDATE ON center_priority_policy TO ilson_coordinator;
GRANT SELECT ON center_priority_policy TO ilson_batch;
CREATE POLICY owner_reads ON center_priority_policy FOR SELECT TO ilson_owner USING (true);
-- A farmer reads their center's policy (`request show` explains their request's priority), as its skills.
CREATE POLICY farmer_center ON center_priority_policy FOR SELECT TO ilson_farmer
    USING (center_id = (SELECT ilson_center_id()));
GRANT SELECT ON center_priority_policy TO ilson_farmer;

-- The terms of a center's policy that apply to a farm on a day, with their points (base first). SECURITY DEFINER:
-- the farm's profile is read whoever asks (a farmer's request of their own farm, a batch login).
CREATE FUNCTION ilson_priority_terms(center bigint, farm bigint, day date)
    RETURNS TABLE (term text, points integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH p AS (
        SELECT coalesce(c.base, 1) AS base, coalesce(c.small_farm_ha, 1) AS small_farm_ha,
               coalesce(c.small_farm_points, 2) AS small_farm_points, coalesce(c.disaster_points, 4) AS disaster_points,
               coalesce(c.elderly_age, 75) AS elderly_age, coalesce(c.elderly_points, 3) AS elderly_points,
               coalesce(c.woman_points, 1) AS woman_points, coalesce(c.disabled_points, 2) AS disabled_points,
               coalesce(c.no_family_points, 1) AS no_family_points
        FROM (SELECT 1) AS one LEFT JOIN public.center_priority_policy c ON c.center_id = center
    ), f AS (
        SELECT * FROM public.farms WHERE id = farm AND center_id = center
    )
    SELECT t.term, t.points FROM p, f, LATERAL (VALUES
        (0, 'base', p.base::integer, true),
        (1, 'small_farm', p.small_farm_points::integer, f.area_ha < p.small_farm_ha),
        (2, 'disaster', p.disaster_points::integer, f.disaster_until >= day),
        (3, 'elderly_alone', p.elderly_points::integer,
            f.no_family_labor AND extract(year FROM day)::integer - f.farmer_birth_year >= p.elderly_age),
        (4, 'woman', p.woman_points::integer, f.woman_farmer),
        (5, 'disabled', p.disabled_points::integer, f.disabled_farmer),
        (6, 'no_family', p.no_family_points::integer, f.no_family_labor)
    ) AS t (n, term, points, applies)
    WHERE t.applies IS TRUE AND (t.points > 0 OR t.term = 'base')
    ORDER BY t.n
$$;
ALTER FUNCTION ilson_priority_terms(bigint, bigint, date) OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_priority_terms(bigint, bigint, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_priority_terms(bigint, bigint, date)
    TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;

-- The policy's priority of a farm on a day: the sum of its terms, kept to 1..10.
CREATE FUNCTION ilson_policy_priority(center bigint, farm bigint, day date) RETURNS smallint
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT greatest(1, least(10, coalesce(sum(points), 1)))::smallint FROM public.ilson_priority_terms(center, farm, day)
$$;
REVOKE ALL ON FUNCTION ilson_policy_priority(bigint, bigint, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_policy_priority(bigint, bigint, date)
    TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;

-- Where a request's priority came from ----------------------------------------------------------------------------

-- No default: ilson names the source of every request it writes; a row written without one (psql, a bulk load)
-- took its priority from its writer, so the trigger below keeps it as an override with the reason `입력`.
ALTER TABLE labor_requests
    ADD COLUMN priority_source text
        CONSTRAINT labor_requests_priority_source_known CHECK (priority_source IN ('policy', 'override')),
    ADD COLUMN priority_reason text,
    ADD COLUMN priority_by text;
-- (No audit row for each: the migration is not a person's change.)
ALTER TABLE labor_requests DISABLE TRIGGER labor_requests_audit;
UPDATE labor_requests SET priority_source = 'override', priority_reason = '입력', priority_by = 'ilson db migrate';
ALTER TABLE labor_requests ENABLE TRIGGER labor_requests_audit;
ALTER TABLE labor_requests ALTER COLUMN priority_source SET NOT NULL;
ALTER TABLE labor_requests
    ADD CONSTRAINT labor_requests_priority_reason_set
        CHECK ((priority_source = 'override') = (priority_reason IS NOT NULL)),
    ADD CONSTRAINT labor_requests_priority_reason_limit
        CHECK (char_length(priority_reason) <= 100 AND priority_reason !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');

-- Every insert and update of a request on the policy takes the policy's priority, whoever writes it; a row
-- inserted without a source keeps its priority as an override (`입력`).
CREATE FUNCTION ilson_request_priority() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NEW.priority_source IS NULL THEN
        NEW.priority_source := 'override';
        NEW.priority_reason := coalesce(NEW.priority_reason, '입력');
    END IF;
    IF NEW.priority_source = 'policy' THEN
        NEW.priority := public.ilson_policy_priority(NEW.center_id, NEW.farm_id, NEW.work_date);
        NEW.priority_reason := NULL;
        NEW.priority_by := NULL;
    ELSIF NEW.priority_by IS NULL THEN
        NEW.priority_by := session_user;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ilson_request_priority() FROM PUBLIC;
CREATE TRIGGER labor_requests_priority BEFORE INSERT OR UPDATE ON labor_requests
    FOR EACH ROW EXECUTE FUNCTION ilson_request_priority();

-- A farm's profile or the center's policy changed (through ilson or not): the live requests on the policy from
-- today on (Asia/Seoul) take their new priority at once, each with its audit row. Run as the writer (a
-- coordinator changes their own center's requests).
CREATE FUNCTION ilson_refresh_policy_priorities() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    farm bigint;
BEGIN
    IF TG_TABLE_NAME = 'farms' THEN
        farm := NEW.id;
    END IF;
    UPDATE public.labor_requests r SET priority_source = r.priority_source
    WHERE r.center_id = NEW.center_id AND (farm IS NULL OR r.farm_id = farm)
      AND r.priority_source = 'policy' AND r.status = 'submitted'
      AND r.work_date >= (now() AT TIME ZONE 'Asia/Seoul')::date
      AND r.priority <> public.ilson_policy_priority(r.center_id, r.farm_id, r.work_date);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ilson_refresh_policy_priorities() FROM PUBLIC;
CREATE TRIGGER farms_refresh_policy_priorities
    AFTER UPDATE OF area_ha, disaster_until, farmer_birth_year, woman_farmer, disabled_farmer, no_family_labor
    ON farms FOR EACH ROW EXECUTE FUNCTION ilson_refresh_policy_priorities();
CREATE TRIGGER center_priority_policy_refresh
    AFTER INSERT OR UPDATE ON center_priority_policy FOR EACH ROW EXECUTE FUNCTION ilson_refresh_policy_priorities();

-- Reasons on audit rows -------------------------------------------------------------------------------------------

ALTER TABLE audit_log ADD COLUMN reason text
    CONSTRAINT audit_log_reason_limit CHECK (char_length(reason) <= 100 AND reason !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');
CREATE INDEX audit_log_center_entity_idx ON audit_log (center_id, entity, at);

-- The requests' audit rows (sql/010) now carry the transaction's `ilson.reason`.
CREATE OR REPLACE FUNCTION ilson_request_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    via constant text := coalesce(nullif(current_setting('ilson.via', true), ''), 'sql');
    why constant text := left(nullif(current_setting('ilson.reason', true), ''), 100);
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.audit_log (center_id, via, entity, entity_id, action, after, reason)
        VALUES (NEW.center_id, via, 'labor_request', NEW.id::text, 'create', to_jsonb(NEW), why);
    ELSIF to_jsonb(OLD) IS DISTINCT FROM to_jsonb(NEW) THEN
        INSERT INTO public.audit_log (center_id, via, entity, entity_id, action, before, after, reason)
        VALUES (NEW.center_id, via, 'labor_request', NEW.id::text,
                CASE WHEN OLD.status IS DISTINCT FROM NEW.status THEN 'state' ELSE 'update' END,
                to_jsonb(OLD), to_jsonb(NEW), why);
    END IF;
    RETURN NULL;
END
$$;
