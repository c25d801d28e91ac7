import Postgres
import Scheduling
import Vocabulary

/// A stored value Storage could not turn into its domain type (a bug or a hand-edited row, never user input).
public struct StoredValueError: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: String
    public var description: String { "column \(column) holds a value ilson cannot read" }
}

extension PostgresRow {
    /// A time of day from a column written as `to_char(t, 'HH24:MI')`.
    func timeOfDay(_ column: String) throws -> TimeOfDay? {
        guard let text = try decode(column, as: String?.self) else { return nil }
        guard let time = TimeOfDay(text) else { throw StoredValueError(column: column) }
        return time
    }

    /// A time of day that must be there.
    func requiredTimeOfDay(_ column: String) throws -> TimeOfDay {
        guard let time = try timeOfDay(column) else { throw StoredValueError(column: column) }
        return time
    }
}
