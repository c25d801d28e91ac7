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
    /// Version 2: the window of each date, `HH:MM` (the end may be `24:00`); nil for the whole day.
    public var fromTime: String?
    public var toTime: String?
}
