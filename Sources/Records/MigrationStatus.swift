import Foundation

/// The state of one migration in a database.
public struct MigrationStatus: Sendable, Hashable {
    /// Applied, pending, changed since applied, or applied by a newer ilson (no such file here).
    public enum State: Sendable, Hashable {
        case applied(at: Date)
        case pending
        case checksumMismatch(appliedAt: Date)
        case unknownFile(appliedAt: Date)
    }
    public var version: Int
    public var name: String
    public var state: State

    public init(version: Int, name: String, state: State) {
        self.version = version
        self.name = name
        self.state = state
    }
}
