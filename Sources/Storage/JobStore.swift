import Postgres

/// SQL for `labor_jobs`: the days of one multi-day request.
public enum JobStore {
    /// Inserts a job; returns its id.
    public static func insert(center: Int64, farm: Int64, task: String, on db: Connection) throws -> Int64 {
        try db.query(
            "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(center), \(farm), \(task)) RETURNING id"
        )[0].decode("id")
    }
}
