-- 016_center_county: a center is bound to its county (시군구), by the 5-digit legal code of the national table
-- (data/places.tsv; a whole city of several 구 by the city's code, e.g. 43110 청주시). Optional: a center without
-- one resolves villages nationally. `ilson db migrate` gives an existing center the county of most of its farms.
ALTER TABLE centers ADD COLUMN county_code text
    CONSTRAINT centers_county_code_format CHECK (county_code ~ '^[0-9]{5}$');
-- A coordinator binds their own center (the coordinator_edit policy of 008 keeps it to their own).
GRANT UPDATE (county_code) ON centers TO ilson_coordinator;
