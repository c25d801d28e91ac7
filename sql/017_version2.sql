-- 017_version2: the real shape of a day (spec/problem-format.md, "Version 2") in the database.
--
-- Workers gain a pool (일용 day, 봉사 volunteer, 공공형 계절근로 seasonal), the category 신중년 (midlife), caps on jobs
-- and minutes a day, a stay end (visa or contract) with the visa type, a car or not, and the pickup point they can
-- reach. Availability rows may narrow a date to a window of hours. A center keeps its pickup points (마을회관,
-- 터미널 …); a farm keeps a default pickup (points and seats), copied by ilson onto its new requests; a request has
-- its own pickup and the pools that may fill it.
--
-- Several jobs a day: a worker may hold several live assignments on one date (different requests); the rules of
-- the day (jobs, minutes, transfer time between farms) are checked by ilson as the solver checks them. The unique
-- key per request and worker (assignments_request_worker_live_key) stays.
--
-- Legal limits (stay end, allowed farms, a request's pools) are never overridden by ilson; a row written around it
-- is listed by `ilson db check`.

-- Pickup points ------------------------------------------------------------------------------------------------------

CREATE TABLE pickup_points (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id   bigint NOT NULL REFERENCES centers (id),
    name        text NOT NULL CONSTRAINT pickup_points_name_present CHECK (btrim(name) <> '')
                CONSTRAINT pickup_points_name_limit
                CHECK (char_length(name) <= 40 AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
    village     text CONSTRAINT pickup_points_village_limit
                CHECK (char_length(village) <= 40 AND village !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
    lat         double precision NOT NULL CONSTRAINT pickup_points_lat_range CHECK (lat BETWEEN -90 AND 90),
    lon         double precision NOT NULL CONSTRAINT pickup_points_lon_range CHECK (lon BETWEEN -180 AND 180),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pickup_points_center_name_key UNIQUE (center_id, name),
    CONSTRAINT pickup_points_center_id_key UNIQUE (center_id, id)
);

-- Workers ------------------------------------------------------------------------------------------------------------

ALTER TABLE workers DROP CONSTRAINT workers_category_known;
ALTER TABLE workers ADD CONSTRAINT workers_category_known
    CHECK (category IN ('senior', 'youth', 'women', 'disabled', 'foreign', 'general', 'midlife'));
ALTER TABLE workers
    ADD COLUMN pool text NOT NULL DEFAULT 'day'
        CONSTRAINT workers_pool_known CHECK (pool IN ('day', 'volunteer', 'seasonal')),
    ADD COLUMN max_jobs_per_day smallint NOT NULL DEFAULT 1
        CONSTRAINT workers_max_jobs_per_day_range CHECK (max_jobs_per_day BETWEEN 1 AND 4),
    ADD COLUMN max_minutes_per_day smallint
        CONSTRAINT workers_max_minutes_per_day_range CHECK (max_minutes_per_day BETWEEN 1 AND 1440),
    -- The last date the worker may work (visa stay, contract end), inclusive.
    ADD COLUMN stay_until date
        CONSTRAINT workers_stay_until_range CHECK (stay_until BETWEEN '2000-01-01' AND '2100-12-31'),
    -- E-8, E-9, H-2 …
    ADD COLUMN visa_type text CONSTRAINT workers_visa_type_format CHECK (visa_type ~ '^[A-Z][A-Z0-9-]{0,9}$'),
    ADD COLUMN car boolean NOT NULL DEFAULT true,
    ADD COLUMN pickup_point_id bigint,
    ADD CONSTRAINT workers_pickup_point_fkey FOREIGN KEY (center_id, pickup_point_id)
        REFERENCES pickup_points (center_id, id);
CREATE INDEX workers_pickup_point_idx ON workers (pickup_point_id) WHERE pickup_point_id IS NOT NULL;

-- An 'available' range may hold only a window of each of its dates (from_time < to_time; to_time may be 24:00).
ALTER TABLE worker_availability
    ADD COLUMN from_time time,
    ADD COLUMN to_time time,
    ADD CONSTRAINT worker_availability_window_whole CHECK ((from_time IS NULL) = (to_time IS NULL)),
    ADD CONSTRAINT worker_availability_window_order CHECK (from_time < to_time),
    ADD CONSTRAINT worker_availability_window_available CHECK (from_time IS NULL OR kind = 'available');

-- Farms and requests: pickups and pools ----------------------------------------------------------------------------

-- A farm's default van: seats (NULL = no van) and the points it stops at; copied onto the farm's new requests.
ALTER TABLE farms ADD COLUMN pickup_seats smallint
    CONSTRAINT farms_pickup_seats_range CHECK (pickup_seats BETWEEN 0 AND 60);
CREATE TABLE farm_pickup_points (
    center_id        bigint NOT NULL,
    farm_id          bigint NOT NULL,
    pickup_point_id  bigint NOT NULL,
    PRIMARY KEY (center_id, farm_id, pickup_point_id),
    CONSTRAINT farm_pickup_points_farm_fkey FOREIGN KEY (center_id, farm_id)
        REFERENCES farms (center_id, id) ON DELETE CASCADE,
    CONSTRAINT farm_pickup_points_point_fkey FOREIGN KEY (center_id, pickup_point_id)
        REFERENCES pickup_points (center_id, id)
);
CREATE INDEX farm_pickup_points_point_idx ON farm_pickup_points (pickup_point_id);

ALTER TABLE labor_requests
    -- The pools that may fill the request; NULL = every pool, '{}' = none.
    ADD COLUMN pools text[]
        CONSTRAINT labor_requests_pools_known CHECK (pools <@ ARRAY['day', 'volunteer', 'seasonal']
                                                     AND array_position(pools, NULL) IS NULL),
    -- The request's van: seats (NULL = no van) and the points it stops at (request_pickup_points).
    ADD COLUMN pickup_seats smallint
        CONSTRAINT labor_requests_pickup_seats_range CHECK (pickup_seats BETWEEN 0 AND 60);
CREATE TABLE request_pickup_points (
    center_id        bigint NOT NULL,
    request_id       bigint NOT NULL,
    pickup_point_id  bigint NOT NULL,
    PRIMARY KEY (center_id, request_id, pickup_point_id),
    CONSTRAINT request_pickup_points_request_fkey FOREIGN KEY (center_id, request_id)
        REFERENCES labor_requests (center_id, id) ON DELETE CASCADE,
    CONSTRAINT request_pickup_points_point_fkey FOREIGN KEY (center_id, pickup_point_id)
        REFERENCES pickup_points (center_id, id)
);
CREATE INDEX request_pickup_points_point_idx ON request_pickup_points (pickup_point_id);

-- Several jobs a day ---------------------------------------------------------------------------------------------

DROP INDEX assignments_worker_date_live_key;
CREATE INDEX assignments_worker_date_live_idx ON assignments (center_id, worker_id, work_date)
    WHERE status NOT IN ('declined', 'cancelled');

-- Access: like the registry (008): coordinators all of their center's, batch logins read; farmers read their
-- center's points and their own farms' vans, and a request a farmer submits gets its farm's van stops (ilson copies
-- them in the same transaction, as the farmer).

SELECT ilson_protect_table(t)
FROM unnest(ARRAY['pickup_points', 'farm_pickup_points', 'request_pickup_points']::regclass[]) AS t;
SELECT ilson_center_policies(t)
FROM unnest(ARRAY['pickup_points', 'farm_pickup_points', 'request_pickup_points']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON pickup_points, farm_pickup_points, request_pickup_points
    TO ilson_coordinator;
GRANT SELECT ON pickup_points, farm_pickup_points, request_pickup_points TO ilson_batch;
CREATE POLICY farmer_center ON pickup_points FOR SELECT TO ilson_farmer USING (center_id = (SELECT ilson_center_id()));
CREATE POLICY farmer_read ON request_pickup_points FOR SELECT TO ilson_farmer
    USING (request_id IN (SELECT id FROM labor_requests));
CREATE POLICY farmer_submit ON request_pickup_points FOR INSERT TO ilson_farmer
    WITH CHECK (center_id = (SELECT ilson_center_id()) AND request_id IN (SELECT id FROM labor_requests));
CREATE POLICY farmer_own ON farm_pickup_points FOR SELECT TO ilson_farmer
    USING (farm_id = ANY ((SELECT ilson_farmer_farms())::bigint[]));
GRANT SELECT ON pickup_points, request_pickup_points, farm_pickup_points TO ilson_farmer;
GRANT INSERT ON request_pickup_points TO ilson_farmer;
