import Foundation
import Operations
import Postgres
import Testing
import Vocabulary

@testable import IlsonCLI

/// The one command context: its clock follows the configuration (environment over file), `--date` is read
/// with it, and every command, `batch plan` and `roster plan` alike, sees the same day.
@Suite struct CommandContextTests {
    static let fileToday = Day("2031-03-10")!

    /// A configuration file setting `ILSON_TODAY` (and nothing else).
    static func configurationFile() throws -> String {
        try ConfigurationTests.temporaryFile("ILSON_TODAY=\(fileToday)\n")
    }

    static func context(_ environment: [String: String], arguments: [String] = []) throws -> CommandContext {
        CommandContext(try DatabaseOptions.parse(arguments), environment: environment)
    }

    @Test func clockTakesTheFilesTodayAndTheEnvironmentsOverIt() throws {
        let path = try Self.configurationFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.context(["ILSON_CONFIG": path]).clock.today == Self.fileToday)
        let both = try Self.context(["ILSON_CONFIG": path, "ILSON_TODAY": "2031-04-01"])
        #expect(try both.clock.today == Day("2031-04-01")!)
        // An empty variable counts as unset: the file's value holds.
        #expect(try Self.context(["ILSON_CONFIG": path, "ILSON_TODAY": ""]).clock.today == Self.fileToday)
        // Neither: the real date in Asia/Seoul.
        #expect(try Self.context([:]).clock.today == IlsonClock.seoulDay(of: Date()))
    }

    @Test func dateArgumentsAreReadWithTheContextsClock() throws {
        let path = try Self.configurationFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = try Self.context(["ILSON_CONFIG": path])
        #expect(try context.day(DateArgument(argument: "tomorrow")) == Self.fileToday.next)
        #expect(try context.day(DateArgument(argument: "내일")) == Self.fileToday.next)
        #expect(try context.day(DateArgument(argument: "오늘")) == Self.fileToday)
        #expect(try context.day(DateArgument(argument: "2031-01-05")) == Day("2031-01-05")!)
        #expect(
            throws: OperationError.badInput("--from \"2031-02-30\" is not a date: use YYYY-MM-DD, today or tomorrow")
        ) {
            try context.day(DateArgument(argument: "2031-02-30"), field: "--from")
        }
        #expect(
            try context.days(DateRangeArgument(argument: "today..tomorrow")) == Self.fileToday...Self.fileToday.next)
    }

    @Test func badTodayFailsOnlyTheCommandsThatAskTheClock() throws {
        let context = try Self.context(["ILSON_TODAY": "2031-13-01"])
        #expect(throws: OperationError.self) { try context.clock }
        #expect(try context.configuration.value("ILSON_TODAY")?.value == "2031-13-01")
        // Exit 2 with the clock's message, before the database is looked at.
        #expect(
            IlsonCommand.runMain(["roster", "show", "--date", "today"], environment: ["ILSON_TODAY": "2031-13-01"]) == 2
        )
        #expect(IlsonCommand.runMain(["roster", "show", "--date", "2031-02-30"], environment: [:]) == 2)
    }

    @Test func oneErrorMappingForTheLowerLayers() {
        #expect(ilsonFailure(for: OperationError.conflict("x"))?.exitCode == .conflict)
        #expect(ilsonFailure(for: OperationError.permissionDenied("x"))?.exitCode == .permissionDenied)
        #expect(ilsonFailure(for: OperationError.partial("x"))?.exitCode == .partial)
        #expect(ilsonFailure(for: OperationError.notFound("no center JC"))?.message == "no center JC")
        #expect(ilsonFailure(for: CommandFailure("m", exitCode: .conflict))?.exitCode == .conflict)
        #expect(ilsonFailure(for: ConfigurationError.missingFile("/x"))?.exitCode == .badInput)
        #expect(ilsonFailure(for: CocoaError(.fileNoSuchFile)) == nil)
    }
}

/// `ILSON_TODAY` set only in the configuration file: `batch plan` and `roster plan` (and every command) read
/// the same "tomorrow", the file's, in-process against a throwaway database.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ConfiguredTodayTests {
    @Test func batchPlanAndRosterPlanAgreeOnTheFilesTomorrow() throws {
        let path = try CommandContextTests.configurationFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tomorrow = CommandContextTests.fileToday.next
        try TestDatabase.withMigratedDatabase { db, url in
            // No ILSON_TODAY in the environment: only the file's.
            func run(_ arguments: [String]) -> Int32 {
                IlsonCommand.runMain(arguments + ["--database-url", url], environment: ["ILSON_CONFIG": path])
            }
            func dates(_ table: String) throws -> [String] {
                try db.query("SELECT DISTINCT work_date::text AS d FROM \(identifier: table) ORDER BY 1")
                    .map { try $0.decode("d") }
            }
            #expect(run(["center", "add", "--code", "JC", "--name", "진천"]) == 0)
            #expect(run(["farmer", "add", "--name", "이월순", "--phone", "010-9876-5432"]) == 0)
            #expect(
                run([
                    "farm", "add", "--code", "F012", "--name", "딸기농장", "--farmer", "01098765432",
                    "--village", "이월면 중산리",
                ]) == 0)
            #expect(
                run([
                    "worker", "add", "--name", "김영숙", "--phone", "010-1234-5678", "--village", "이월면 중산리",
                    "--skills", "harvest",
                ]) == 0)
            #expect(
                run([
                    "request", "submit", "--farm", "F012", "--date", "내일", "--start", "07:00", "--end", "16:00",
                    "--task", "harvest", "--headcount", "1",
                ]) == 0)
            #expect(try dates("labor_requests") == [tomorrow.description])

            #expect(run(["batch", "plan", "--date", "tomorrow"]) == 0)
            #expect(try dates("batch_runs") == [tomorrow.description])
            #expect(try dates("rosters") == [tomorrow.description])
            #expect(run(["roster", "plan", "--date", "tomorrow"]) == 0)
            #expect(try dates("rosters") == [tomorrow.description])
            let version: Int = try db.query("SELECT version FROM rosters")[0].decode("version")
            #expect(version >= 2)  // roster plan re-planned batch plan's draft, on the same day
            #expect(run(["roster", "show", "--date", "tomorrow", "--format", "json"]) == 0)
        }
    }
}
