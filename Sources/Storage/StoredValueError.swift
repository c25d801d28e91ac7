/// A stored value Storage could not turn into its domain type: a status no enum of ilson knows, or a
/// time that is not `HH:MM` (a bug, a hand-edited row or a newer schema; never user input).
///
/// Names the table, the column and, for a status, the value (statuses are not personal data).
public struct StoredValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The table the record reads, e.g. `rosters`.
    public var table: String
    /// The column, e.g. `state`.
    public var column: String
    /// The unknown status, when the column is a status; nil for other values (they are not shown).
    public var value: String?

    /// An error naming the table, the column and (for a status) the value.
    public init(table: String, column: String, value: String? = nil) {
        self.table = table
        self.column = column
        self.value = value
    }

    /// `rosters.state holds "frozen", which ilson does not know`.
    public var description: String {
        if let value { return "\(table).\(column) holds \"\(value)\", which ilson does not know" }
        return "\(table).\(column) holds a value ilson cannot read"
    }
}
