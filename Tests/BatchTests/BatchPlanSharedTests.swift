import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// Several `batch plan` processes at once against one database (the same cron on several machines): every center
/// with requests is planned exactly once, none is skipped.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct BatchPlanSharedTests {
    static let counties = [
        ("JC", "진천군"), ("GS", "괴산군"), ("ES", "음성군"), ("BE", "보은군"), ("OC", "옥천군"), ("YD", "영동군"),
        ("US", "의성군"), ("HN", "해남군"),
    ]

    /// Adds each county's center and loads a generated day (`workers`, `requests`, seed = its place + 1) through the
    /// real imports, each step a process that must succeed.
    static func addCenters(
        _ counties: [(String, String)], workers: Int, requests: Int, date: String, dir: String,
        environment env: [String: String]
    ) throws {
        for (i, (code, county)) in counties.enumerated() {
            let csv = "\(dir)/\(code)"
            let steps: [[String]] = [
                ["center", "add", "--code", code, "--name", "\(county) 농촌인력중개센터", "--county", county],
                [
                    "generate", "--workers", String(workers), "--requests", String(requests), "--seed", String(i + 1),
                    "--start", date, "--county", county, "--csv-dir", csv, "--out", "\(csv)/instance.json",
                ],
                ["farm", "import", "\(csv)/farms.csv", "--center", code],
                ["worker", "import", "\(csv)/workers.csv", "--center", code],
                ["request", "import", "\(csv)/requests.csv", "--center", code],
            ]
            for step in steps {
                let out = try IlsonProcess.run(step, environment: env)
                #expect(out.status == 0, "\(step.joined(separator: " ")): \(out)")
            }
        }
    }

    @Test func threeProcessesPlanEveryCenterOnce() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let env = IlsonProcess.environment(url: url, provider: nil)
            let date = Fixtures.day.description
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-shared-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try Self.addCenters(Self.counties, workers: 60, requests: 15, date: date, dir: dir, environment: env)
            let runs = try (0..<3).map { _ in
                try IlsonProcess(["batch", "plan", "--date", date], environment: env)
            }
            for run in runs {
                let out = run.wait()
                #expect(out.status == 0, "\(out)")
            }
            // One finished plan per center, and one draft roster each.
            let done = try db.query(
                """
                SELECT c.code, count(r.id)::int AS n FROM centers c
                LEFT JOIN batch_runs r ON r.center_id = c.id AND r.job = 'plan' AND r.outcome = 'done'
                GROUP BY c.code ORDER BY c.code
                """
            ).map { "\(try $0.decode("code", as: String.self)) \(try $0.decode("n", as: Int.self))" }
            #expect(done == Self.counties.map { "\($0.0) 1" }.sorted())
            let rosters: Int = try db.query(
                "SELECT count(DISTINCT center_id)::int AS n FROM rosters WHERE work_date = \(Fixtures.day)"
            ).first!.decode("n")
            #expect(rosters == Self.counties.count)
        }
    }

    /// A run that starts late, after another has planned every center (the cron on a slow machine): it is of the same
    /// round, so it leaves every center alone — one plan each — and says so.
    @Test func aLateRunOfTheSameRoundPlansNothingAgain() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let env = IlsonProcess.environment(url: url, provider: nil)
            let date = Fixtures.day.description
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-late-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try Self.addCenters(
                Array(Self.counties.prefix(2)), workers: 30, requests: 8, date: date, dir: dir, environment: env)
            let first = try IlsonProcess.run(["batch", "plan", "--date", date], environment: env)
            #expect(first.status == 0, "\(first)")
            let late = try IlsonProcess.run(["batch", "plan", "--date", date], environment: env)
            #expect(late.status == 0, "\(late)")
            #expect(late.stdout.contains("planned by another batch plan of this round"), "\(late)")
            let done: Int = try db.query(
                "SELECT count(*)::int AS n FROM batch_runs WHERE job = 'plan' AND outcome = 'done'"
            ).first!.decode("n")
            #expect(done == 2)
        }
    }
}
