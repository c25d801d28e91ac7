/// Why an operation did nothing, in words a coordinator can act on. Every operation runs in one
/// transaction, so a thrown `OperationError` means nothing was written.
public enum OperationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Bad arguments, file contents or configuration (exit 2).
    case badInput(String)
    /// Something named does not exist (exit 2).
    case notFound(String)
    /// The roster changed since it was loaded, or its state forbids the change (exit 4).
    case conflict(String)
    /// This role may not do it (exit 5).
    case permissionDenied(String)
    /// Done in part: some rows need a person (exit 1). Holds what was done and what was not.
    case partial(String)
    /// The database cannot be reached (exit 3): names where it was looked for and libpq's reason.
    case unreachable(String)

    public var description: String {
        switch self {
        case .badInput(let m), .notFound(let m), .conflict(let m), .permissionDenied(let m), .partial(let m),
            .unreachable(let m):
            m
        }
    }
}
