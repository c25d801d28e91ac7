-- 023_task_skill_catalogue: tasks and skills as a per-center catalogue with Korean names.
--
-- The stored value stays a stable ASCII code (`harvest`), the Korean name (`수확`) is what people read and may
-- type (docs/csv-formats.md, "Tasks and skills"). Codes are what the solver matches (worker skills through
-- worker_skills → skills.code, request skills as labor_requests.skills), what problem files and generated
-- counties hold, and what old scripts pass; renaming a Korean name changes one catalogue row, never history.
--
-- Every center gets the national list (ilson_seed_catalogue): the centers that exist now here, a new one by the
-- trigger on centers. Requests whose task was typed as one of the Korean names become that name's code.

-- The tasks a center's farms ask for (작업), like skills (기술).
CREATE TABLE tasks (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id  bigint NOT NULL REFERENCES centers (id),
    code       text NOT NULL CONSTRAINT tasks_code_format CHECK (code ~ '^[a-z0-9_-]{1,32}$'),
    name       text NOT NULL CONSTRAINT tasks_name_present CHECK (btrim(name) <> ''),
    CONSTRAINT tasks_center_code_key UNIQUE (center_id, code),
    CONSTRAINT tasks_center_name_key UNIQUE (center_id, name)
);
ALTER TABLE tasks ADD CONSTRAINT tasks_name_limit
    CHECK (char_length(name) <= 40 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]');

-- A skill's Korean name is unique in its center (it is typed in place of the code).
CREATE UNIQUE INDEX skills_center_name_key ON skills (center_id, name) WHERE name IS NOT NULL;

SELECT ilson_protect_table('tasks');
SELECT ilson_center_policies('tasks');
GRANT SELECT, INSERT, UPDATE ON tasks TO ilson_coordinator;
GRANT SELECT ON tasks TO ilson_batch;
-- A farmer reads the catalogue of their center (to ask for a task), as skills.
CREATE POLICY farmer_center ON tasks FOR SELECT TO ilson_farmer USING (center_id = (SELECT ilson_center_id()));
GRANT SELECT ON tasks TO ilson_farmer;

-- The national list: every center starts with it (codes of the generator and of version 1 first).
CREATE FUNCTION ilson_seed_catalogue(center bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH national (code, name) AS (
        VALUES ('harvest', '수확'), ('thinning', '적과'), ('bagging', '봉지씌우기'), ('packing', '포장'),
               ('weeding', '제초'), ('planting', '정식'), ('spraying', '방제'), ('pruning', '전정'),
               ('tractor', '트랙터 운전'), ('greenhouse', '시설하우스'), ('livestock', '축사관리'),
               ('sowing', '파종'), ('sorting', '선별'), ('pollination', '인공수분'), ('mulching', '멀칭'),
               ('transplanting', '모내기'), ('pinching', '순지르기'), ('drying', '건조')
    ), skills_seeded AS (
        INSERT INTO skills (center_id, code, name)
        SELECT center, n.code, n.name FROM national n
        WHERE NOT EXISTS (SELECT 1 FROM skills s WHERE s.center_id = center AND s.name = n.name)
        ON CONFLICT (center_id, code) DO UPDATE SET name = EXCLUDED.name WHERE skills.name IS NULL
    )
    INSERT INTO tasks (center_id, code, name)
    SELECT center, n.code, n.name FROM national n
    WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.center_id = center AND t.name = n.name)
    ON CONFLICT (center_id, code) DO NOTHING;
$$;
ALTER FUNCTION ilson_seed_catalogue(bigint) OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_seed_catalogue(bigint) FROM PUBLIC;
-- The owner seeds (tables are FORCEd: it needs policies too).
CREATE POLICY owner_seeds ON skills FOR ALL TO ilson_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_seeds ON tasks FOR ALL TO ilson_owner USING (true) WITH CHECK (true);

CREATE FUNCTION ilson_seed_new_center() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM ilson_seed_catalogue(NEW.id);
    RETURN NULL;
END
$$;
ALTER FUNCTION ilson_seed_new_center() OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_seed_new_center() FROM PUBLIC;
CREATE TRIGGER centers_seed_catalogue AFTER INSERT ON centers FOR EACH ROW EXECUTE FUNCTION ilson_seed_new_center();

SELECT ilson_seed_catalogue(id) FROM centers;

-- A task as a person reads it: the catalogue's Korean name of a code, else the text as stored.
CREATE FUNCTION ilson_task_name(center bigint, task text) RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce((SELECT t.name FROM tasks t WHERE t.center_id = center AND t.code = task), task);
$$;
GRANT EXECUTE ON FUNCTION ilson_task_name(bigint, text) TO ilson_farmer, ilson_coordinator, ilson_batch, ilson_admin;

-- Requests typed with a Korean task name before the catalogue: stored as its code, unless that would collide
-- with a live request of the same farm, day and start that already has the code.
UPDATE labor_requests r SET task = t.code
FROM tasks t
WHERE t.center_id = r.center_id AND t.name = r.task
  AND NOT EXISTS (
      SELECT 1 FROM labor_requests o
      WHERE o.farm_id = r.farm_id AND o.work_date = r.work_date AND o.start_time = r.start_time
        AND o.task = t.code AND o.status <> 'cancelled');
UPDATE labor_jobs j SET task = t.code
FROM tasks t WHERE t.center_id = j.center_id AND t.name = j.task;
