import Postgres
import Scheduling
import Vocabulary

// The vocabulary's values as PostgreSQL reads and writes them (GRDB's `DatabaseValueConvertible` approach):
// Postgres keeps `PGDate` as its wire type and knows nothing of ilson; Storage's API speaks `Day` only.

extension Day: PGDecodable, PGEncodable {
    /// A `date` column.
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool { PGDate.acceptsPostgresType(oid) }
    public init?(postgresText text: String) {
        guard let date = PGDate(text), let day = Day(year: date.year, month: date.month, day: date.day) else {
            return nil
        }
        self = day
    }
    /// Bound as a `date`.
    public var pgValue: PGValue {
        let (year, month, day) = components
        return .date(PGDate(year: year, month: month, day: day))
    }
}

extension StoredStatus {
    /// Bound as its stored text.
    public var pgValue: PGValue { .text(rawValue) }
}

extension RosterState: PGEncodable {}
extension AssignmentStatus: PGEncodable {}
extension OutboxState: PGEncodable {}
extension AttendanceOutcome: PGEncodable {}
extension RequestStatus: PGEncodable {}
extension MessageKind: PGEncodable {}
extension RecipientRole: PGEncodable {}
extension AvailabilityKind: PGEncodable {}
extension BatchJob: PGEncodable {}

/// `workers.category`: stored as its raw value and read like any status (an unknown one is an error).
extension WorkerCategory: PGEncodable {}

/// `workers.pool` and the elements of `labor_requests.pools`.
extension WorkerPool: PGEncodable {}
