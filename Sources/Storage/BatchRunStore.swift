import Foundation
import Postgres
import Vocabulary

extension BatchJob {
    /// The job's part of the advisory lock key.
    var lockCode: Int32 {
        switch self {
        case .plan: 0x11
        case .send: 0x12
        case .replies: 0x13
        }
    }
}

/// How a batch run of one center ended (`batch_runs.outcome`).
public enum BatchOutcome: String, StoredStatus, PGEncodable {
    case running, done, partial, skipped, failed
}

/// `batch_runs` rows and the advisory locks that keep two runs off one center's day.
public enum BatchRunStore {
    /// The two keys of `pg_try_advisory_lock(int, int)` for a job, date and center.
    static func lockKeys(job: BatchJob, date: Day, center: Int64) -> (Int32, Int32) {
        // 8 bits of job, 24 bits of the day number (about 45,000 years), and the center id.
        let day = Int32(truncatingIfNeeded: date.ordinal & 0xFF_FFFF)
        return ((job.lockCode << 24) | day, Int32(truncatingIfNeeded: center))
    }

    /// Runs `body` holding the session-level advisory lock of a job, date and center, taken without waiting,
    /// and releases the lock however `body` ends (returns or throws).
    ///
    /// - Returns: what `body` returned, or nil when another session holds the lock (another run works on
    ///   that center's day) and `body` did not run.
    /// - Throws: what `body` throws (the lock released first), or `PostgresError` taking the lock.
    public static func withAdvisoryLock<T>(
        job: BatchJob, date: Day, center: Int64, on db: Connection, _ body: () throws -> T
    ) throws -> T? {
        guard try tryLock(job: job, date: date, center: center, on: db) else { return nil }
        defer { try? unlock(job: job, date: date, center: center, on: db) }
        return try body()
    }

    /// Takes the session-level advisory lock of a job, date and center without waiting; prefer
    /// `withAdvisoryLock`, which always releases it.
    ///
    /// - Returns: false when another session holds it (another run works on that center's day).
    static func tryLock(job: BatchJob, date: Day, center: Int64, on db: Connection) throws -> Bool {
        let (a, b) = lockKeys(job: job, date: date, center: center)
        let row = try db.query("SELECT pg_try_advisory_lock(\(Int(a))::int, \(Int(b))::int) AS locked").first
        return try row?.decode("locked", as: Bool.self) ?? false
    }

    /// Releases a lock `tryLock` took (closing the connection releases it too).
    static func unlock(job: BatchJob, date: Day, center: Int64, on db: Connection) throws {
        let (a, b) = lockKeys(job: job, date: date, center: center)
        try db.query("SELECT pg_advisory_unlock(\(Int(a))::int, \(Int(b))::int)")
    }

    /// Marks as failed the runs of this job, date and center left `running` by a process that died.
    ///
    /// Call it holding the lock: no live run of that job and center can be `running` then.
    /// - Returns: how many runs were closed.
    @discardableResult
    public static func closeAbandoned(job: BatchJob, date: Day, center: Int64, on db: Connection) throws -> Int {
        try db.query(
            """
            UPDATE batch_runs SET outcome = 'failed', finished_at = now(),
                   message = coalesce(message || '; ', '') || 'abandoned: the process ended without finishing'
            WHERE job = \(job) AND work_date = \(date) AND center_id = \(center) AND outcome = 'running'
            """
        ).rowsAffected
    }

    /// The database's clock `seconds` ago (now by default), to compare with runs' times (`finishedSince`).
    public static func databaseNow(minusSeconds seconds: Int = 0, on db: Connection) throws -> String {
        try db.fetchValue("SELECT (clock_timestamp() - make_interval(secs => \(seconds)::int))::text") ?? ""
    }

    /// Whether a run of this job finished `done` for the center's day at or after `since` (a `databaseNow` value):
    /// another process did the work while this one was on its way to it.
    public static func finishedSince(
        job: BatchJob, date: Day, center: Int64, since: String, on db: Connection
    ) throws -> Bool {
        try db.fetchValue(
            """
            SELECT EXISTS (SELECT 1 FROM batch_runs
                           WHERE job = \(job) AND work_date = \(date) AND center_id = \(center) AND outcome = 'done'
                             AND finished_at >= \(since)::timestamptz)
            """) ?? false
    }

    /// Records the start of a run on one center's day.
    ///
    /// - Returns: the run's id.
    public static func start(
        job: BatchJob, date: Day, center: Int64?, outcome: BatchOutcome = .running, message: String? = nil,
        on db: Connection
    ) throws -> Int64 {
        let host = ProcessInfo.processInfo.hostName
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        let finished = outcome == .running ? "NULL" : "now()"
        let row = try db.query(
            """
            INSERT INTO batch_runs (center_id, job, work_date, outcome, message, host, pid, finished_at)
            VALUES (\(center), \(job), \(date), \(outcome), \(message), \(host), \(pid), \
            \(unescaped: finished))
            RETURNING id
            """
        ).first
        return try row!.decode("id", as: Int64.self)
    }

    /// Records the end of a run: its outcome, counts (a JSON object) and a message.
    public static func finish(
        run: Int64, outcome: BatchOutcome, countsJSON: String, message: String?, on db: Connection
    ) throws {
        try db.query(
            """
            UPDATE batch_runs SET finished_at = now(), outcome = \(outcome), counts = \(countsJSON)::jsonb,
                   message = \(message)
            WHERE id = \(run)
            """)
    }

    /// One recorded run, for reports and tests.
    public struct Run: StoredRecord, Hashable {
        public static let table = "batch_runs"
        public var id: Int64
        public var centerId: Int64?
        public var job: BatchJob
        public var outcome: BatchOutcome
        public var countsJSON: String
        public var message: String?
    }

    /// The runs of a job on a date, oldest first.
    public static func runs(job: BatchJob, date: Day, on db: Connection) throws -> [Run] {
        try Run.fetchAll(
            db,
            """
            SELECT id, center_id, job, outcome, counts::text AS counts_json, message FROM batch_runs
            WHERE job = \(job) AND work_date = \(date) ORDER BY id
            """)
    }
}
