-- 003_registry: what the registry commands (centers, farmers, farms, workers, requests, imports) add to 001.
--
-- `request cancel --reason` keeps its reason on the row; more CHECKs keep outside data as sane as the CLI's.

ALTER TABLE labor_requests ADD COLUMN cancel_reason text;
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_cancel_reason_only_cancelled
    CHECK (cancel_reason IS NULL OR status = 'cancelled');
-- The same bound as a worker's travel limit.
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_max_travel_km_range CHECK (max_travel_km <= 500);
-- A day's wage in KRW: a typo of three extra zeros is caught (DOMAIN.md: 75,000 to 180,000 a day).
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_wage_range CHECK (wage <= 2000000);
-- Nobody asks for more than a few hundred people at one farm on one day.
ALTER TABLE labor_requests ADD CONSTRAINT labor_requests_headcount_range CHECK (headcount <= 500);
-- Farm and worker names, villages and meeting points are words, not blanks.
ALTER TABLE farms ADD CONSTRAINT farms_village_present CHECK (village IS NULL OR btrim(village) <> '');
ALTER TABLE farms ADD CONSTRAINT farms_meeting_point_present CHECK (meeting_point IS NULL OR btrim(meeting_point) <> '');
ALTER TABLE workers ADD CONSTRAINT workers_village_present CHECK (village IS NULL OR btrim(village) <> '');
-- An 'off' range is always closed: an open-ended day off is a deactivation.
ALTER TABLE worker_availability ADD CONSTRAINT worker_availability_off_closed
    CHECK (kind <> 'off' OR available_to IS NOT NULL);

-- Listing a center's workers and farms in name/code order.
CREATE INDEX workers_center_active_idx ON workers (center_id, active);
CREATE INDEX labor_requests_job_idx ON labor_requests (job_id);
