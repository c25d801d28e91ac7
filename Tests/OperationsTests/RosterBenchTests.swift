import Foundation
import Operations
import Postgres
import Scheduling
import Storage
import Testing
import Vocabulary

/// `roster plan` on a generated county (database load and save included). Runs only when
/// `ILSON_ROSTER_BENCH_INSTANCE` names an instance file, e.g. from
/// `ilson generate --workers 2000 --requests 500 --start <tomorrow>`.
private let rosterBenchPath = ProcessInfo.processInfo.environment["ILSON_ROSTER_BENCH_INSTANCE"]

@Suite(.enabled(if: TestDatabase.enabled && rosterBenchPath != nil))
struct RosterBenchTests {
    static var path: String? { rosterBenchPath }

    @Test func planAGeneratedCounty() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.path!))
        let instance = try InstanceDecoder.decode([UInt8](data))
        let date = try #require(instance.requests.map(\.date).min())
        // ILSON_ROSTER_BENCH_DATABASE_URL: import into that (migrated, empty) database and keep it, e.g. to time
        // the release CLI on it; otherwise a throwaway database.
        if let keep = ProcessInfo.processInfo.environment["ILSON_ROSTER_BENCH_DATABASE_URL"] {
            let db = try Connection(keep)
            try MigrationRunner(source: .embedded).migrate(on: db)
            try run(instance, date, db)
        } else {
            try TestDatabase.withMigratedDatabase { db, _ in try run(instance, date, db) }
        }
    }

    func run(_ instance: Instance, _ date: Day, _ db: Connection) throws {
        let c = try RosterFixtures.importInstance(instance, code: "BENCH", on: db)
        let clock = IlsonClock(today: date)
        let s = try RosterPlanner.plan(center: c.center, date: date, on: db, clock: clock)
        print(
            "roster plan: \(s.workers) workers, \(s.requests) requests, \(s.filled)/\(s.wanted) filled; load \(s.loadMillis) ms, "
                + "solve \(s.solveMillis) ms, save \(s.saveMillis) ms, total \(s.totalMillis) ms; score \(s.score)")
        #expect(s.score.hard == 0)
        // export-instance then solve gives the stored score.
        let exported = try ExportInstance.export(center: c.center, date: date, on: db)
        #expect(solve(try InstanceDecoder.decode(exported.json)).score == s.score)
    }
}
