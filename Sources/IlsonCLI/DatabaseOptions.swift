import ArgumentParser
import Operations
import Records
import Vocabulary

/// `--database-url`, shared by every command that talks to the database (`CommandContext.connect` uses it).
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "libpq connection string or postgresql:// URI.",
            discussion: "Default: $ILSON_DATABASE_URL, then the configuration file, then libpq's PG* variables."))
    var databaseURL: String?
}
