import Foundation
import Scheduling
import Vocabulary

/// One `worker_availability` row: a range of days a worker is available, or off.
public struct AvailabilityRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var kind: AvailabilityKind
    public var from: Day
    /// nil: open-ended.
    public var to: Day?
    public var note: String?
}
