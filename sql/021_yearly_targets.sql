-- 021_yearly_targets: the county plan's yearly targets per target group and pool, in worker-days (연인원).
--
-- One row per center, year, category and pool. `category` is a worker category (workers.category) or `all`;
-- `pool` is a worker pool (`day`, `volunteer`, `seasonal`: workers.pool of version 2) or `all`. `report targets`
-- compares each with the attended days of the year (attendance rules as for `report placements`).

CREATE TABLE yearly_targets (
    center_id   bigint NOT NULL REFERENCES centers (id),
    year        smallint NOT NULL CONSTRAINT yearly_targets_year_range CHECK (year BETWEEN 2000 AND 2100),
    category    text NOT NULL CONSTRAINT yearly_targets_category_known
                CHECK (category IN ('all', 'senior', 'youth', 'women', 'disabled', 'foreign', 'general', 'midlife')),
    pool        text NOT NULL DEFAULT 'all' CONSTRAINT yearly_targets_pool_known
                CHECK (pool IN ('all', 'day', 'volunteer', 'seasonal')),
    days        integer NOT NULL CONSTRAINT yearly_targets_days_range CHECK (days BETWEEN 0 AND 10000000),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT session_user,
    PRIMARY KEY (center_id, year, category, pool)
);
SELECT ilson_protect_table('yearly_targets');
SELECT ilson_center_policies('yearly_targets');
GRANT SELECT, INSERT, UPDATE, DELETE ON yearly_targets TO ilson_coordinator;
GRANT SELECT ON yearly_targets TO ilson_batch;
