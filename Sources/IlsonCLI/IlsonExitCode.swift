import ArgumentParser
import Foundation
import Operations
import Records
import Texts
import Vocabulary

/// The exit codes of `spec/cli.md`, the same for every command.
public enum IlsonExitCode: Int32, Sendable {
    /// Done (also: a batch run found another run in progress and did nothing).
    case done = 0
    /// Done in part: some messages failed for good, or some rows need a person.
    case partial = 1
    /// Bad input: arguments, file contents, configuration; nothing was written.
    case badInput = 2
    /// The database cannot be reached.
    case databaseUnreachable = 3
    /// Conflict: the roster changed since it was loaded, or its state forbids the change.
    case conflict = 4
    /// Permission denied for this role.
    case permissionDenied = 5
}

/// An error a command reports to the person at the terminal: a message that says what to do,
/// and the exit code of `spec/cli.md`.
public protocol IlsonFailure: Error {
    /// One or more lines for stderr. Never holds a password, a bind value or a full phone number.
    var message: String { get }
    var exitCode: IlsonExitCode { get }
}

/// A plain failure with a message and an exit code.
public struct CommandFailure: IlsonFailure, CustomStringConvertible {
    public var message: String
    public var exitCode: IlsonExitCode
    public init(_ message: String, exitCode: IlsonExitCode) {
        self.message = message
        self.exitCode = exitCode
    }
    public var description: String { message }
}

extension IlsonCommand {
    /// Parses and runs one command line, and maps every outcome to the exit codes of `spec/cli.md`
    /// (argument-parser alone would exit 64 on a usage error).
    ///
    /// - Parameters:
    ///   - arguments: the arguments without the program name.
    ///   - environment: the environment the command reads its settings from (default: the process's; tests
    ///     pass their own).
    /// - Returns: the process exit code.
    public static func runMain(_ arguments: [String], environment: [String: String]? = nil) -> Int32 {
        let (language, arguments) = LanguageOption.take(from: arguments, environment: environment)
        return Language.$current.withValue(language) { run(arguments, environment: environment) }
    }

    /// `runMain` in the chosen language.
    private static func run(_ arguments: [String], environment: [String: String]?) -> Int32 {
        CommandContext.$environment.withValue(environment) {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                return IlsonExitCode.done.rawValue
            } catch let code as ExitCode {
                return code.rawValue
            } catch {
                if let failure = ilsonFailure(for: error) {
                    printError("ilson: " + failure.message)
                    return failure.exitCode.rawValue
                }
                let parserCode = exitCode(for: error)
                let text = fullMessage(for: error)
                if parserCode == .success {
                    if !text.isEmpty { print(text) }
                    return 0
                }
                if !text.isEmpty { printError(text) }
                // Usage and validation errors are bad input (2), never 64.
                return IlsonExitCode.badInput.rawValue
            }
        }
    }
}

/// The one mapping of errors to what the person at the terminal reads and the exit code of `spec/cli.md`:
/// ilson's own failures as they are, and every error of the layers below (database, migrations, operations,
/// references, stored values), which Operations turns into an `OperationError` first
/// (`OperationError(lowerLayer:)`). Other errors (argument-parser's) are nil.
func ilsonFailure(for error: any Error) -> (any IlsonFailure)? {
    if let failure = error as? any IlsonFailure { return failure }
    guard let error = OperationError(lowerLayer: error) else { return nil }
    return CommandFailure(error.description, exitCode: exitCode(of: error))
}

/// The exit code of an `OperationError`.
private func exitCode(of error: OperationError) -> IlsonExitCode {
    switch error {
    case .badInput, .notFound: .badInput
    case .conflict: .conflict
    case .permissionDenied: .permissionDenied
    case .partial: .partial
    case .unreachable: .databaseUnreachable
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}
