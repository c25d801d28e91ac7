import ArgumentParser
import Foundation
import Postgres

/// The options every command that talks to the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "libpq connection string or postgresql:// URI.",
            discussion: "Default: $ILSON_DATABASE_URL, then the configuration file, then libpq's PG* variables."))
    var databaseURL: String?

    /// Opens the connection the settings name.
    ///
    /// - Parameter configuration: the loaded configuration.
    /// - Throws: `DatabaseFailure` (exit 3) when the database cannot be reached; `ConfigurationError` (exit 2)
    ///   for a malformed connection string.
    func connect(_ configuration: Configuration) throws -> Connection {
        let setting = configuration.value("ILSON_DATABASE_URL", flag: databaseURL)
        if let setting {
            do {
                _ = try ConnectionString.parse(setting.value)
            } catch {
                throw CommandFailure(
                    "the database URL from \(setting.origin) is not valid: \(error.message)", exitCode: .badInput)
            }
        }
        do {
            return try Connection(setting?.value, applicationName: "ilson")
        } catch {
            throw DatabaseFailure(error, origin: setting?.origin)
        }
    }
}
