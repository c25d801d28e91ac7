import ArgumentParser
import Foundation

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
    /// - Parameter arguments: the arguments without the program name.
    /// - Returns: the process exit code.
    public static func runMain(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return IlsonExitCode.done.rawValue
        } catch let failure as any IlsonFailure {
            printError("ilson: " + failure.message)
            return failure.exitCode.rawValue
        } catch let error where ilsonFailure(for: error) != nil {
            // Database and migration errors from the lower layers (see DatabaseFailure.swift).
            let failure = ilsonFailure(for: error)!
            printError("ilson: " + failure.message)
            return failure.exitCode.rawValue
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
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

/// Writes a line to standard error.
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}
