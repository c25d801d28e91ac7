import Postgres
import Records
import Scheduling
import Storage
import Vocabulary

/// `export-instance`: a center's day as an instance of `spec/problem-format.md`, pins, history and remembered
/// unassigns included, so that any day can be replayed with `ilson solve`.
public enum ExportInstance {
    /// The day's instance exactly as `roster plan` would solve it now, and its JSON.
    ///
    /// - Returns: the instance, its JSON bytes, and the pins `roster plan` would drop (with why).
    /// - Throws: `PostgresError`.
    public static func export(
        center: CenterRecord, date: Day, on db: Connection
    ) throws -> (instance: Instance, json: [UInt8], droppedPins: [String]) {
        let day = try db.transaction(isolation: .repeatableRead) { db in
            try PlanningDay.load(center: center, date: date, on: db)
        }
        return (day.instance, InstanceJSONWriter.encode(day.instance), day.droppedPins.map(\.reason))
    }
}
