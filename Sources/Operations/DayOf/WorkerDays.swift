import Foundation
import Postgres
import Records
import Scheduling
import Storage

/// A worker's record for `ilson worker show`: recent days with their outcomes, and the totals.
public struct WorkerRecordOfDays: Sendable, Hashable {
    /// Newest first, up to today.
    public var days: [WorkerDayRow]
    public var completed: Int
    public var noShows: Int
    public var declined: Int
}

/// The record of what a worker did (`ilson worker show`).
public enum WorkerDays {
    /// A worker's last `limit` days up to today (approved, sent or cancelled rosters), and their totals.
    ///
    /// - Throws: `PostgresError`.
    public static func load(worker: Int64, limit: Int = 10, on db: Connection, clock: IlsonClock) throws
        -> WorkerRecordOfDays
    {
        let days = try AttendanceStore.recentDays(worker: worker, through: clock.today, limit: limit, on: db)
        let t = try AttendanceStore.totals(worker: worker, on: db)
        return WorkerRecordOfDays(days: days, completed: t.completed, noShows: t.noShows, declined: t.declined)
    }
}
