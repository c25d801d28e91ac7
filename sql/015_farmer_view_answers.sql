-- 015: the farmer's view (`ilson user workers`) tells the truth about each worker: whether they confirmed by SMS
-- (issue 17). ilson_farmer_workers gains the assignment's status ('approved' or 'confirmed'; declined and cancelled
-- workers are not listed, as before). A function's result type cannot be changed in place: dropped and created
-- again with the same owner and grants as 008_roles.sql.

DROP FUNCTION ilson_farmer_workers(date, date);

CREATE FUNCTION ilson_farmer_workers(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
    RETURNS TABLE (work_date date, farm_code text, farm_name text, request_id bigint, start_time time, task text,
                   worker_name text, worker_phone text, roster_state text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT a.work_date, f.code, f.name, r.id, r.start_time, r.task, w.name, w.phone, ro.state, a.status
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
