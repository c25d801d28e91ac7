-- 018: the farmer's view (`ilson user workers`) shows each job's hours (half days) and who rides the farm's van from
-- which pickup point (version 2). ilson_farmer_workers gains end_time and ride_point; dropped and created again with
-- the same owner and grants as 015. Its owner reads the pickup tables as it reads the others (008's owner_reads).

CREATE POLICY owner_reads ON pickup_points FOR SELECT TO ilson_owner USING (true);
CREATE POLICY owner_reads ON request_pickup_points FOR SELECT TO ilson_owner USING (true);

DROP FUNCTION ilson_farmer_workers(date, date);

CREATE FUNCTION ilson_farmer_workers(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
    RETURNS TABLE (work_date date, farm_code text, farm_name text, request_id bigint, start_time time, task text,
                   worker_name text, worker_phone text, roster_state text, status text, end_time time,
                   ride_point text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT a.work_date, f.code, f.name, r.id, r.start_time, r.task, w.name, w.phone, ro.state, a.status, r.end_time,
           CASE WHEN NOT w.car AND r.pickup_seats IS NOT NULL
                 AND EXISTS (SELECT 1 FROM public.request_pickup_points rp
                             WHERE rp.request_id = r.id AND rp.pickup_point_id = w.pickup_point_id)
                 -- Farther than walking (2 km, spec "Travel, walking and riding"), great-circle.
                 AND 2 * 6371.0 * asin(least(1, sqrt(
                       sin(radians(f.lat - w.home_lat) / 2) ^ 2
                       + cos(radians(w.home_lat)) * cos(radians(f.lat)) * sin(radians(f.lon - w.home_lon) / 2) ^ 2)))
                     > 2.0
                THEN (SELECT p.name FROM public.pickup_points p WHERE p.id = w.pickup_point_id) END
    FROM public.ilson_users u
    JOIN public.farms f ON f.farmer_id = u.farmer_id AND f.center_id = u.center_id
    JOIN public.labor_requests r ON r.farm_id = f.id
    JOIN public.assignments a ON a.request_id = r.id AND a.status NOT IN ('declined', 'cancelled')
    JOIN public.rosters ro ON ro.id = a.roster_id AND ro.state IN ('approved', 'sending', 'sent')
    JOIN public.workers w ON w.id = a.worker_id AND w.center_id = a.center_id
    WHERE u.login = session_user AND u.kind = 'farmer'
      AND (from_date IS NULL OR a.work_date >= from_date)
      AND (to_date IS NULL OR a.work_date <= to_date)
    ORDER BY a.work_date, f.code, r.start_time, r.id, w.name
$$;
ALTER FUNCTION ilson_farmer_workers(date, date) OWNER TO ilson_owner;
REVOKE ALL ON FUNCTION ilson_farmer_workers(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ilson_farmer_workers(date, date) TO ilson_farmer;
