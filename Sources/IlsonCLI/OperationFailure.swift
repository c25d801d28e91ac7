import Operations
import Storage

/// An `OperationError` as the person at the terminal sees it, with the exit code of `spec/cli.md`.
struct OperationFailure: IlsonFailure {
    let error: OperationError

    var message: String { error.description }

    var exitCode: IlsonExitCode {
        switch error {
        case .badInput, .notFound: .badInput
        case .conflict: .conflict
        case .permissionDenied: .permissionDenied
        case .partial: .partial
        }
    }
}
