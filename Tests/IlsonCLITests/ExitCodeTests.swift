import ArgumentParser
import Operations
import Postgres
import Testing

@testable import IlsonCLI

@Suite struct ExitCodeTests {
    @Test func unknownOptionIsBadInputNot64() {
        #expect(IlsonCommand.runMain(["solve", "--no-such-flag"]) == 2)
    }

    @Test func helpExitsZero() {
        #expect(IlsonCommand.runMain(["--help"]) == 0)
    }

    /// Every command's options parse together (no two groups claim one name): each `--help` exits 0.
    @Test func everyCommandsHelpExitsZero() {
        func paths(_ command: any ParsableCommand.Type, _ prefix: [String]) -> [[String]] {
            let name = command.configuration.commandName ?? command._commandName
            let path = prefix + [name]
            let children = command.configuration.subcommands
            return children.isEmpty ? [path] : children.flatMap { paths($0, path) }
        }
        let all = IlsonCommand.configuration.subcommands.flatMap { paths($0, []) }
        #expect(all.count > 40)
        for path in all {
            #expect(IlsonCommand.runMain(path + ["--help"]) == 0, "\(path.joined(separator: " "))")
        }
    }

    /// Connection-level failures are exit 3 (the database cannot be reached) through the one mapping, whatever
    /// statement met them: libpq's broken connection, SQLSTATE class 08, the server's shutdown codes.
    @Test(arguments: [
        PostgresError(kind: .connectionFailure, message: "server closed the connection unexpectedly"),
        PostgresError(kind: .server("08006"), sqlState: "08006", message: "connection failure"),
        PostgresError(kind: .server("08003"), sqlState: "08003", message: "connection does not exist"),
        PostgresError(
            kind: .server("57P01"), sqlState: "57P01", message: "terminating connection due to administrator command"),
        PostgresError(kind: .server("57P02"), sqlState: "57P02", message: "crash of another server process"),
        PostgresError(kind: .server("57P03"), sqlState: "57P03", message: "the database system is shutting down"),
    ])
    func connectionLossIsUnreachable(_ error: PostgresError) throws {
        let failure = try #require(ilsonFailure(for: error))
        #expect(failure.exitCode == .databaseUnreachable, "\(error)")
        #expect(failure.message.contains("cannot reach the database"), "\(failure.message)")
        #expect(!failure.message.contains("client error"))
    }

    /// The classification of the server's codes: class 08 and 57P01-57P03 are a lost connection; a statement
    /// cancelled (57014) or a client-side misuse is not.
    @Test func sqlStatesOfALostConnection() {
        for code in ["08000", "08003", "08006", "08P01", "57P01", "57P02", "57P03"] {
            #expect(SQLState(rawValue: code).isConnectionLoss, "\(code)")
        }
        for code in ["57014", "23505", "40001", "42501"] { #expect(!SQLState(rawValue: code).isConnectionLoss) }
        let client = PostgresError(kind: .client, message: "a bind value contains a NUL character")
        #expect(ilsonFailure(for: client)?.exitCode == .badInput)
        let cancelled = PostgresError(kind: .server("57014"), sqlState: "57014", message: "canceling statement")
        #expect(ilsonFailure(for: cancelled)?.exitCode == .badInput)
    }
}
