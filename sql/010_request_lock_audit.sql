-- 010_request_lock_audit: the database holds the roster lock for farmers, writes the audit row of every change
-- of a request itself, and keeps personal data out of audit_log.
--
-- 1. Farmers (psql or the CLI alike) change a request only under the CLI's rules, checked by a trigger:
--    a request of their own farm that is still `submitted`, not in the past (Asia/Seoul), and whose day's roster
--    is not approved, sending or sent; the only state change is to `cancelled`. A request on an announced roster is
--    cancelled by the center (`ilson request cancel` as a coordinator): that path tells the workers and the farmer
--    through the outbox, which a farmer may not write.
-- 2. Every INSERT and UPDATE of labor_requests writes its audit row from a trigger, whoever makes it (the CLI no
--    longer writes those rows itself). `via` is the command the CLI names for the transaction
--    (`set_config('ilson.via', …, true)`: a label, never an identity), else `sql`; `actor` stays session_user.
-- 3. Audit rows never hold a full phone number, a person's name or home coordinates: a trigger on audit_log masks
--    them in every row, whoever writes it (phones as Phone.mask does: 010-****-5678; names of workers and farmers
--    to their first character and `*`s; home coordinates dropped). Rows written before this migration are masked
--    here too.
-- 4. Who reads audit_log: a coordinator their center's rows; an admin only the rows of its own work (entities
--    `center` and `user`), never a center's operations; farmers and batch logins none.

-- Masking ---------------------------------------------------------------------------------------------------------

-- The SQL twin of KoreanText's Phone.mask (Tests/StorageTests checks they agree): a Korean mobile number, written
-- in any of the forms Phone.normalize accepts, becomes `010-****-5678` (`011-***-4567`); anything else has every
-- ASCII digit but the last four replaced by `*`.
CREATE FUNCTION ilson_mask_phone(phone text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    -- Unicode White_Space, as Swift's Character.isWhitespace.
    space constant text := '[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]';
    rest text;
    digits text := '';
    mid int;
    total int;
    seen int := 0;
    result text := '';
    ch text;
BEGIN
    rest := regexp_replace(regexp_replace(phone, '^' || space || '+', ''), space || '+$', '');
    IF left(rest, 3) = '+82' THEN
        rest := substr(rest, 4);
        digits := '0';
    END IF;
    IF rest ~ '^[0-9 .()-]*$' THEN
        digits := digits || regexp_replace(rest, '[^0-9]', '', 'g');
        IF left(digits, 2) = '00' THEN
            digits := substr(digits, 2);
        END IF;
        IF digits ~ '^(010[0-9]{8}|01[16789][0-9]{7,8})$' THEN
            mid := CASE length(digits) WHEN 11 THEN 4 ELSE 3 END;
            RETURN substr(digits, 1, 3) || '-' || repeat('*', mid) || '-' || substr(digits, 4 + mid);
        END IF;
    END IF;
    total := length(regexp_replace(phone, '[^0-9]', '', 'g'));
    FOREACH ch IN ARRAY regexp_split_to_array(phone, '') LOOP
        IF ch ~ '^[0-9]$' THEN
            seen := seen + 1;
            result := result || CASE WHEN seen > total - 4 THEN ch ELSE '*' END;
        ELSE
            result := result || ch;
        END IF;
    END LOOP;
    RETURN result;
END
$$;

-- A person's name in the audit log: its first character, then one `*` per further character (박순자 → 박**).
CREATE FUNCTION ilson_mask_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$ SELECT left(name, 1) || repeat('*', greatest(length(name) - 1, 0)) $$;

-- A before/after value of audit_log with its personal data masked, at any depth: keys ending in `phone` (any
-- case) and `recipient` masked as phones; `name` of a worker, farmer or user and keys `worker_name`, `workerName`,
-- `farmer_name`, `farmerName` masked as names; keys starting with `home` (home_lat, homeLon …) dropped.
CREATE FUNCTION ilson_audit_mask(entity text, value jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    person constant boolean := entity IN ('worker', 'farmer', 'user');
    k text;
    v jsonb;
    result jsonb := '{}';
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    CASE jsonb_typeof(value)
    WHEN 'object' THEN
        FOR k, v IN SELECT e.key, e.value FROM jsonb_each(value) e LOOP
            IF k ~* '^home' THEN
                CONTINUE;
            ELSIF (k ~* 'phone$' OR k = 'recipient') AND jsonb_typeof(v) = 'string' THEN
                result := result || jsonb_build_object(k, public.ilson_mask_phone(v #>> '{}'));
            ELSIF (k ~* '^(worker|farmer)_?name$' OR (person AND k = 'name')) AND jsonb_typeof(v) = 'string' THEN
                result := result || jsonb_build_object(k, public.ilson_mask_name(v #>> '{}'));
            ELSE
                result := result || jsonb_build_object(k, public.ilson_audit_mask(entity, v));
            END IF;
        END LOOP;
        RETURN result;
    WHEN 'array' THEN
        RETURN (SELECT coalesce(jsonb_agg(public.ilson_audit_mask(entity, e.value) ORDER BY e.n), '[]')
                FROM jsonb_array_elements(value) WITH ORDINALITY AS e (value, n));
    ELSE
        RETURN value;
    END CASE;
END
$$;

CREATE FUNCTION ilson_audit_log_mask() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    NEW.before := public.ilson_audit_mask(NEW.entity, NEW.before);
    NEW.after := public.ilson_audit_mask(NEW.entity, NEW.after);
    RETURN NEW;
END
$$;
ALTER FUNCTION ilson_audit_log_mask() OWNER TO ilson_owner;
CREATE TRIGGER audit_log_mask BEFORE INSERT OR UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION ilson_audit_log_mask();

-- The rows written before this migration.
UPDATE audit_log SET before = before, after = after WHERE before IS NOT NULL OR after IS NOT NULL;

-- Who reads the audit log --------------------------------------------------------------------------------------

DROP POLICY admin_read ON audit_log;
CREATE POLICY admin_read ON audit_log FOR SELECT TO ilson_admin USING (entity IN ('center', 'user'));
-- The owner (the SECURITY DEFINER trigger below) appends rows for everyone.
CREATE POLICY owner_appends ON audit_log FOR INSERT TO ilson_owner WITH CHECK (true);
-- Retention: an admin deletes old rows of every center with ilson_audit_prune (it cannot read them).
CREATE POLICY owner_prunes ON audit_log FOR DELETE TO ilson_owner USING (true);
CREATE POLICY owner_reads ON audit_log FOR SELECT TO ilson_owner USING (true);

-- Deletes the audit rows older than `older_than` (at most yesterday's), for an admin login; returns how many.
CREATE FUNCTION ilson_audit_prune(older_than timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    n bigint;
BEGIN
    IF NOT public.ilson_is_admin() THEN
        RAISE EXCEPTION 'only an admin login deletes old audit rows' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF older_than IS NULL OR older_than > now() - interval '1 day' THEN
        RAISE EXCEPTION 'audit rows of the last day are kept' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM public.audit_log WHERE at < older_than;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
ALTER FUNCTION ilson_audit_prune(timestamptz) OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_audit_prune(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_audit_prune(timestamptz) TO ilson_admin;

-- Requests: the farmer's rules ------------------------------------------------------------------------------------

CREATE FUNCTION ilson_request_farmer_rules() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    roster_state text;
BEGIN
    IF public.ilson_user_kind() IS DISTINCT FROM 'farmer' THEN
        RETURN NEW;
    END IF;
    IF OLD.status <> 'submitted' THEN
        RAISE EXCEPTION 'request % is % and cannot be changed', OLD.id, OLD.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF OLD.work_date < (now() AT TIME ZONE 'Asia/Seoul')::date THEN
        RAISE EXCEPTION 'request % is for %, in the past: it cannot be changed', OLD.id, OLD.work_date
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF NEW.status NOT IN ('submitted', 'cancelled') THEN
        RAISE EXCEPTION 'a farmer may only cancel a request, not make it %', NEW.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- FOR SHARE: an approval under way (its UPDATE holds the row) is waited for, then its outcome is read; an
    -- approval that starts later waits for this change to commit.
    SELECT r.state INTO roster_state FROM public.rosters r
    WHERE r.center_id = OLD.center_id AND r.work_date = OLD.work_date
    FOR SHARE;
    IF roster_state IN ('approved', 'sending', 'sent') THEN
        RAISE EXCEPTION 'the roster of % is %: request % is locked', OLD.work_date, roster_state, OLD.id
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'ask the center: a coordinator changes or cancels it and tells the workers';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION ilson_request_farmer_rules() OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_request_farmer_rules() FROM PUBLIC;
-- Row locks need an UPDATE policy: the owner may lock any roster row (USING), and change none (WITH CHECK false).
CREATE POLICY owner_locks ON rosters FOR UPDATE TO ilson_owner USING (true) WITH CHECK (false);
CREATE TRIGGER labor_requests_farmer_rules BEFORE UPDATE ON labor_requests
    FOR EACH ROW EXECUTE FUNCTION ilson_request_farmer_rules();

-- Requests: one audit row per change, whoever makes it --------------------------------------------------------------

CREATE FUNCTION ilson_request_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    via constant text := coalesce(nullif(current_setting('ilson.via', true), ''), 'sql');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.audit_log (center_id, via, entity, entity_id, action, after)
        VALUES (NEW.center_id, via, 'labor_request', NEW.id::text, 'create', to_jsonb(NEW));
    ELSIF to_jsonb(OLD) IS DISTINCT FROM to_jsonb(NEW) THEN
        INSERT INTO public.audit_log (center_id, via, entity, entity_id, action, before, after)
        VALUES (NEW.center_id, via, 'labor_request', NEW.id::text,
                CASE WHEN OLD.status IS DISTINCT FROM NEW.status THEN 'state' ELSE 'update' END,
                to_jsonb(OLD), to_jsonb(NEW));
    END IF;
    RETURN NULL;
END
$$;
ALTER FUNCTION ilson_request_audit() OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_request_audit() FROM PUBLIC;
CREATE TRIGGER labor_requests_audit AFTER INSERT OR UPDATE ON labor_requests
    FOR EACH ROW EXECUTE FUNCTION ilson_request_audit();
