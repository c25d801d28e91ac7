-- 029_lookup_indexes: a national database (issue 18) made every center's day load scan other centers' rows.
--
-- 011 re-keyed worker_skills and worker_allowed_farms as (center_id, worker_id, …), and 017 keyed the van stops
-- (center_id, request_id / farm_id, …); the day loader, the worker list and the request list look them up per row by
-- worker, request or farm alone, which those keys cannot serve. With one county in the database nobody noticed; with
-- 100 centers (168,533 workers, 559,202 skill rows) loading one center's day took 1-3.5 minutes, nearly all of it
-- scanning worker_skills once per worker. These indexes serve those lookups (measured: scripts/bench --national).

CREATE INDEX worker_skills_worker_idx ON worker_skills (worker_id);
CREATE INDEX worker_allowed_farms_worker_idx ON worker_allowed_farms (worker_id);
CREATE INDEX request_pickup_points_request_idx ON request_pickup_points (request_id);
CREATE INDEX farm_pickup_points_farm_idx ON farm_pickup_points (farm_id);
