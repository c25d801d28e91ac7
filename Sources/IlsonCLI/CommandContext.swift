import ArgumentParser
import Foundation
import Operations
import Records
import Texts
import Vocabulary

/// What one command runs with, built once per command from its shared options (as SwiftPM's
/// `SwiftCommandState`): the configuration (flag > environment > file > libpq defaults), the one
/// clock, the database connection, the center and the output format.
///
/// Everything is worked out at first use, so a command fails on the first thing it really needs
/// (a command that never asks for the clock does not fail on a bad `ILSON_TODAY`), and opens the
/// database at most once. Errors are thrown as they are; `IlsonCommand.runMain` maps them to
/// messages and exit codes.
final class CommandContext {
    /// The process environment, or the one a test runs a command with (`IlsonCommand.runMain(_:environment:)`).
    @TaskLocal static var environment: [String: String]?

    /// `--database-url`, if given.
    let databaseURL: String?
    /// `--center`, if the command takes it and it was given.
    let centerCode: String?
    /// `--date`, if the command takes it.
    let dateArgument: DateArgument?
    /// `--format`, or `.table` for a command without it.
    let format: OutputFormat

    private let environment: [String: String]
    private var loadedConfiguration: Configuration?
    private var loadedClock: IlsonClock?
    private var openConnection: Database?
    private var resolvedCenter: CenterRecord?

    /// A context from the command's options; nothing is loaded or opened yet.
    ///
    /// - Parameter environment: the environment to read settings from (default: the process's).
    init(_ options: some ContextOptions, format: OutputFormat = .table, environment: [String: String]? = nil) {
        self.databaseURL = options.database.databaseURL
        self.centerCode = options.center
        self.dateArgument = options.day
        self.format = format
        self.environment = environment ?? Self.environment ?? ProcessInfo.processInfo.environment
    }

    /// The settings (flag > environment > configuration file), loaded once.
    ///
    /// - Throws: `ConfigurationError` (exit 2) for a missing or bad configuration file.
    var configuration: Configuration {
        get throws {
            if let loadedConfiguration { return loadedConfiguration }
            let configuration = try Configuration.load(environment: environment)
            loadedConfiguration = configuration
            return configuration
        }
    }

    /// The one clock: `ILSON_TODAY` from the environment, else from the configuration file, else the real
    /// date in Asia/Seoul.
    ///
    /// - Throws: `OperationError.badInput` (exit 2) when `ILSON_TODAY` is not a date.
    var clock: IlsonClock {
        get throws {
            if let loadedClock { return loadedClock }
            let clock = try IlsonClock.current(override: try configuration.value("ILSON_TODAY")?.value)
            loadedClock = clock
            return clock
        }
    }

    /// The command's connection, opened at first use.
    var db: Database {
        get throws {
            if let openConnection { return openConnection }
            let connection = try connect()
            openConnection = connection
            return connection
        }
    }

    /// The center of `--center`, or the only center of the database (`Centers.resolve`), found once.
    var center: CenterRecord {
        get throws {
            if let resolvedCenter { return resolvedCenter }
            let center = try Centers.resolve(centerCode, on: try db)
            resolvedCenter = center
            return center
        }
    }

    /// The day of `--date`, read with this command's clock.
    ///
    /// - Throws: `OperationError.badInput` (exit 2) naming the text; `CommandFailure` for a command without
    ///   `--date` (a bug).
    var date: Day {
        get throws {
            guard let dateArgument else { throw CommandFailure(T(.errNoDateOption), exitCode: .badInput) }
            return try day(dateArgument)
        }
    }

    /// A day typed on the command line, read with this command's clock.
    ///
    /// - Parameter field: how the message names the option (`--from`, `date`, …).
    /// - Throws: `OperationError.badInput` (exit 2) naming the text.
    func day(_ argument: DateArgument, field: String = "date") throws -> Day {
        try clock.parse(DateArgument.normalized(argument.text, today: clock.today), field: field)
    }

    /// A day or a range typed on the command line (`D1..D2`), read with this command's clock.
    func days(_ argument: DateRangeArgument, field: String = "dates") throws -> ClosedRange<Day> {
        try clock.parseRange(DateRangeArgument.normalized(argument.text, today: clock.today), field: field)
    }

    /// Opens a new connection to the database the settings name: the one place ilson connects.
    /// `db` is the command's own; a batch send reconnects through this after losing it.
    ///
    /// - Throws: `OperationError.unreachable` (exit 3) when the database cannot be reached; `.badInput` (exit 2)
    ///   for a malformed connection string.
    func connect() throws -> Database {
        let setting = try configuration.value("ILSON_DATABASE_URL", flag: databaseURL)
        return try DatabaseAccess.open(url: setting?.value, source: setting?.origin.description)
    }
}

/// A command that runs with a `CommandContext` (as SwiftPM's `SwiftCommand`): `run()` builds the context
/// from the command's options and calls `run(_:)`.
protocol ContextCommand: ParsableCommand {
    associatedtype Options: ContextOptions
    /// `--database-url`, and `--center` and `--date` where the command takes them.
    var options: Options { get }
    /// `--format`, for a command that takes it.
    var format: OutputFormat { get }
    /// The command itself.
    func run(_ context: CommandContext) throws
}

extension ContextCommand {
    var format: OutputFormat { .table }

    func run() throws {
        try run(CommandContext(options, format: format))
    }
}
