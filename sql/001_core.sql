-- 001_core: centers, the people and places they dispatch between, and labor requests.
--
-- Every row carries center_id (the dispatch center, usually one county): row-level
-- security and scale-out both key on it. Tables that other center-scoped rows point
-- at have UNIQUE (center_id, id), and those rows use composite foreign keys
-- (center_id, x_id) so a row can never point into another center.
-- Phone numbers are stored normalized: digits only, e.g. 01012345678.

CREATE TABLE centers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL CONSTRAINT centers_code_key UNIQUE
                CONSTRAINT centers_code_format CHECK (code ~ '^[A-Z0-9]{1,16}$'),
    name        text NOT NULL CONSTRAINT centers_name_present CHECK (btrim(name) <> ''),
    -- The registered SMS sender number (발신번호): landline, mobile or a 15xx/16xx/18xx number.
    sms_sender  text CONSTRAINT centers_sms_sender_format CHECK (sms_sender ~ '^(0[0-9]{8,10}|1[5-9][0-9]{6})$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE farmers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id   bigint NOT NULL REFERENCES centers (id),
    name        text NOT NULL CONSTRAINT farmers_name_present CHECK (btrim(name) <> ''),
    phone       text NOT NULL CONSTRAINT farmers_phone_format CHECK (phone ~ '^(010[0-9]{8}|01[16789][0-9]{7,8})$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT farmers_center_phone_key UNIQUE (center_id, phone),
    CONSTRAINT farmers_center_id_key UNIQUE (center_id, id)
);

CREATE TABLE farms (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id     bigint NOT NULL REFERENCES centers (id),
    code          text NOT NULL CONSTRAINT farms_code_format CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    name          text NOT NULL CONSTRAINT farms_name_present CHECK (btrim(name) <> ''),
    farmer_id     bigint NOT NULL,
    lat           double precision NOT NULL CONSTRAINT farms_lat_range CHECK (lat BETWEEN -90 AND 90),
    lon           double precision NOT NULL CONSTRAINT farms_lon_range CHECK (lon BETWEEN -180 AND 180),
    address       text,
    village       text,                 -- e.g. 이월면 중산리
    meeting_point text,                 -- where workers gather, for the SMS
    meeting_time  time,                 -- when they gather, local time (Asia/Seoul)
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT farms_center_code_key UNIQUE (center_id, code),
    CONSTRAINT farms_center_id_key UNIQUE (center_id, id),
    CONSTRAINT farms_farmer_fkey FOREIGN KEY (center_id, farmer_id) REFERENCES farmers (center_id, id)
);
CREATE INDEX farms_farmer_idx ON farms (farmer_id);

CREATE TABLE workers (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id          bigint NOT NULL REFERENCES centers (id),
    name               text NOT NULL CONSTRAINT workers_name_present CHECK (btrim(name) <> ''),
    phone              text NOT NULL CONSTRAINT workers_phone_format CHECK (phone ~ '^(010[0-9]{8}|01[16789][0-9]{7,8})$'),
    home_lat           double precision NOT NULL CONSTRAINT workers_home_lat_range CHECK (home_lat BETWEEN -90 AND 90),
    home_lon           double precision NOT NULL CONSTRAINT workers_home_lon_range CHECK (home_lon BETWEEN -180 AND 180),
    village            text,
    category           text NOT NULL DEFAULT 'general' CONSTRAINT workers_category_known
                       CHECK (category IN ('senior', 'youth', 'women', 'disabled', 'foreign', 'general')),
    max_travel_km      double precision NOT NULL DEFAULT 30
                       CONSTRAINT workers_max_travel_km_range CHECK (max_travel_km > 0 AND max_travel_km <= 500),
    max_days_per_week  smallint NOT NULL DEFAULT 6
                       CONSTRAINT workers_max_days_per_week_range CHECK (max_days_per_week BETWEEN 1 AND 7),
    sms_consent        boolean NOT NULL DEFAULT false,
    active             boolean NOT NULL DEFAULT true,
    -- Visa rule (E-8 seasonal workers): when true, the worker may go only to the farms
    -- in worker_allowed_farms (possibly none). When false, any farm.
    allowed_farms_only boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workers_center_phone_key UNIQUE (center_id, phone),
    CONSTRAINT workers_center_id_key UNIQUE (center_id, id)
);

-- The skills a center knows, e.g. harvest, packing, pruning.
CREATE TABLE skills (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id  bigint NOT NULL REFERENCES centers (id),
    code       text NOT NULL CONSTRAINT skills_code_format CHECK (code ~ '^[a-z0-9_-]{1,32}$'),
    name       text,
    CONSTRAINT skills_center_code_key UNIQUE (center_id, code),
    CONSTRAINT skills_center_id_key UNIQUE (center_id, id)
);

CREATE TABLE worker_skills (
    center_id  bigint NOT NULL,
    worker_id  bigint NOT NULL,
    skill_id   bigint NOT NULL,
    PRIMARY KEY (worker_id, skill_id),
    CONSTRAINT worker_skills_worker_fkey FOREIGN KEY (center_id, worker_id)
        REFERENCES workers (center_id, id) ON DELETE CASCADE,
    CONSTRAINT worker_skills_skill_fkey FOREIGN KEY (center_id, skill_id) REFERENCES skills (center_id, id)
);
CREATE INDEX worker_skills_skill_idx ON worker_skills (skill_id);

-- Farms a visa-restricted worker may go to (see workers.allowed_farms_only).
CREATE TABLE worker_allowed_farms (
    center_id  bigint NOT NULL,
    worker_id  bigint NOT NULL,
    farm_id    bigint NOT NULL,
    PRIMARY KEY (worker_id, farm_id),
    CONSTRAINT worker_allowed_farms_worker_fkey FOREIGN KEY (center_id, worker_id)
        REFERENCES workers (center_id, id) ON DELETE CASCADE,
    CONSTRAINT worker_allowed_farms_farm_fkey FOREIGN KEY (center_id, farm_id)
        REFERENCES farms (center_id, id) ON DELETE CASCADE
);
CREATE INDEX worker_allowed_farms_farm_idx ON worker_allowed_farms (farm_id);

-- When a worker can work. A worker with no 'available' row is available every day;
-- with some, only on the days they cover. 'off' rows (days off, holidays, illness)
-- take days away. available_to NULL means open-ended; a single day has from = to.
CREATE TABLE worker_availability (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id       bigint NOT NULL,
    worker_id       bigint NOT NULL,
    kind            text NOT NULL DEFAULT 'available'
                    CONSTRAINT worker_availability_kind_known CHECK (kind IN ('available', 'off')),
    available_from  date NOT NULL,
    available_to    date,
    note            text,
    CONSTRAINT worker_availability_range_order CHECK (available_to IS NULL OR available_to >= available_from),
    CONSTRAINT worker_availability_worker_fkey FOREIGN KEY (center_id, worker_id)
        REFERENCES workers (center_id, id) ON DELETE CASCADE
);
CREATE INDEX worker_availability_worker_idx ON worker_availability (worker_id, available_from);

-- A farm and a worker that must not be paired, whoever asked (the farm, the worker or the center).
CREATE TABLE blocks (
    center_id     bigint NOT NULL,
    farm_id       bigint NOT NULL,
    worker_id     bigint NOT NULL,
    requested_by  text NOT NULL DEFAULT 'center'
                  CONSTRAINT blocks_requested_by_known CHECK (requested_by IN ('farm', 'worker', 'center')),
    reason        text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (farm_id, worker_id),
    CONSTRAINT blocks_farm_fkey FOREIGN KEY (center_id, farm_id) REFERENCES farms (center_id, id) ON DELETE CASCADE,
    CONSTRAINT blocks_worker_fkey FOREIGN KEY (center_id, worker_id)
        REFERENCES workers (center_id, id) ON DELETE CASCADE
);
CREATE INDEX blocks_worker_idx ON blocks (worker_id);

-- A job groups the days of one multi-day request (one labor_requests row per day).
CREATE TABLE labor_jobs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id   bigint NOT NULL,
    farm_id     bigint NOT NULL,
    task        text NOT NULL CONSTRAINT labor_jobs_task_present CHECK (btrim(task) <> ''),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT labor_jobs_center_id_key UNIQUE (center_id, id),
    CONSTRAINT labor_jobs_center_id_farm_key UNIQUE (center_id, id, farm_id),
    CONSTRAINT labor_jobs_farm_fkey FOREIGN KEY (center_id, farm_id) REFERENCES farms (center_id, id)
);
CREATE INDEX labor_jobs_farm_idx ON labor_jobs (farm_id);

CREATE TABLE labor_requests (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id      bigint NOT NULL,
    job_id         bigint NOT NULL,
    farm_id        bigint NOT NULL,
    work_date      date NOT NULL,
    start_time     time NOT NULL,
    end_time       time NOT NULL,
    task           text NOT NULL CONSTRAINT labor_requests_task_present CHECK (btrim(task) <> ''),
    skills         text[] NOT NULL DEFAULT '{}'
                   CONSTRAINT labor_requests_skills_no_nulls CHECK (array_position(skills, NULL) IS NULL),
    headcount      integer NOT NULL CONSTRAINT labor_requests_headcount_positive CHECK (headcount >= 1),
    min_headcount  integer NOT NULL DEFAULT 1,
    priority       smallint NOT NULL DEFAULT 1 CONSTRAINT labor_requests_priority_range CHECK (priority BETWEEN 1 AND 10),
    max_travel_km  double precision CONSTRAINT labor_requests_max_travel_km_positive CHECK (max_travel_km > 0),
    wage           integer CONSTRAINT labor_requests_wage_nonnegative CHECK (wage >= 0),  -- KRW per day
    status         text NOT NULL DEFAULT 'submitted'
                   CONSTRAINT labor_requests_status_known CHECK (status IN ('submitted', 'cancelled', 'closed')),
    submitted_at   timestamptz NOT NULL DEFAULT now(),
    cancelled_at   timestamptz,
    CONSTRAINT labor_requests_time_order CHECK (start_time < end_time),
    CONSTRAINT labor_requests_min_headcount_range CHECK (min_headcount BETWEEN 1 AND headcount),
    CONSTRAINT labor_requests_cancelled_at_set CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    -- One request per day of a job.
    CONSTRAINT labor_requests_job_date_key UNIQUE (job_id, work_date),
    CONSTRAINT labor_requests_center_id_key UNIQUE (center_id, id),
    -- The job's farm is the request's farm, in the same center.
    CONSTRAINT labor_requests_job_fkey FOREIGN KEY (center_id, job_id, farm_id)
        REFERENCES labor_jobs (center_id, id, farm_id),
    CONSTRAINT labor_requests_farm_fkey FOREIGN KEY (center_id, farm_id) REFERENCES farms (center_id, id)
);
-- The natural key of an import (farm, date, task, start) among live requests.
CREATE UNIQUE INDEX labor_requests_natural_key ON labor_requests (farm_id, work_date, task, start_time)
    WHERE status <> 'cancelled';
-- The batch loads one center's day.
CREATE INDEX labor_requests_center_date_idx ON labor_requests (center_id, work_date) WHERE status = 'submitted';
