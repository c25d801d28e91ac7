import ArgumentParser
import Foundation
import Operations
import Records
import Texts
import Vocabulary

/// `ilson db`: database migrations and status.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: T(.aboutDB),
        subcommands: [Migrate.self, Status.self, Roles.self, Check.self])

    /// `ilson db migrate`: applies the pending migrations.
    struct Migrate: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: T(.aboutDBMigrate),
            discussion: T(.helpDB0))

        @OptionGroup var options: DatabaseOptions
        @OptionGroup var source: MigrationSourceOptions

        func run(_ context: CommandContext) throws {
            let directory = try source.directory(context)
            let report = try Schema.migrate(directory: directory, on: context.db) { file, checksum in
                print(T(.dbApplying, ["file": file, "checksum": checksum]))
            }
            if report.applied.isEmpty {
                print(T(.dbAlreadyUpToDate, ["count": report.alreadyApplied]))
            } else {
                print(T(.dbApplied, ["count": report.applied.count, "already": report.alreadyApplied]))
            }
            for line in report.countiesAssigned { print(T(.dbCountyAssigned, ["line": line])) }
        }
    }

    /// `ilson db status`: lists applied and pending migrations.
    struct Status: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: T(.aboutDBStatus))

        @OptionGroup var options: DatabaseOptions
        @OptionGroup var source: MigrationSourceOptions

        func run(_ context: CommandContext) throws {
            let directory = try source.directory(context)
            let statuses = try Schema.status(directory: directory, on: context.db)
            if statuses.isEmpty { print(T(.dbNoMigrations)) }
            for status in statuses {
                let version =
                    String(repeating: "0", count: max(0, 3 - String(status.version).count))
                    + String(status.version)
                let state: String
                switch status.state {
                case .applied(let at): state = T(.dbStateApplied, ["at": Status.format(at)])
                case .pending: state = T(.dbStatePending)
                case .checksumMismatch(let at): state = T(.dbStateChanged, ["at": Status.format(at)])
                case .unknownFile(let at): state = T(.dbStateUnknownFile, ["at": Status.format(at)])
                }
                print(
                    "\(version)  \(status.name.padding(toLength: max(status.name.count, 20), withPad: " ", startingAt: 0))  \(state)"
                )
            }
            let pending = statuses.filter { $0.state == .pending }.count
            print(pending == 0 ? T(.dbUpToDate) : T(.dbPending, ["count": pending]))
        }

        static func format(_ date: Date) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return String(
                format: "%04d-%02d-%02d %02d:%02d:%02d KST", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        }
    }
}

extension DBCommand {
    /// `ilson db roles`: the SQL that recreates this database's roles on a new server, for the backup.
    struct Roles: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "roles",
            abstract: T(.aboutDBRoles),
            discussion: T(.helpDB1))

        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpWriteScriptFileInstead))) var out: String?

        func run(_ context: CommandContext) throws {
            let text = try Schema.roleScript(on: context.db).joined(separator: "\n") + "\n"
            guard let out else {
                print(text, terminator: "")
                return
            }
            let created = FileManager.default.createFile(
                atPath: out, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            guard created else { throw CommandFailure(T(.errCannotWrite, ["path": out]), exitCode: .badInput) }
            print(T(.dbRolesWritten, ["path": out]))
        }
    }
}

/// Where `db migrate` and `db status` take the migrations from.
struct MigrationSourceOptions: ParsableArguments {
    @Option(
        name: .customLong("sql-dir"),
        help: ArgumentHelp(T(.helpTakeMigrationsDirectoryInstead)))
    var sqlDirectory: String?

    /// The directory of `--sql-dir` or `ILSON_SQL_DIR` (nil: the migrations built in), after printing the
    /// database the command works on.
    func directory(_ context: CommandContext) throws -> String? {
        let directory = try context.configuration.value("ILSON_SQL_DIR", flag: sqlDirectory)?.value
        print(T(.dbTarget, ["target": DatabaseAccess.target(of: try context.db)]))
        return directory
    }
}
