import Vocabulary

/// The pool a worker belongs to (version 2): who may fill which requests.
public enum WorkerPool: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 일용: a paid day worker (the default).
    case day
    /// 일손봉사: an unpaid volunteer, usually for 4 hours.
    case volunteer
    /// 공공형 계절근로: a seasonal worker, usually on an E-8 visa.
    case seasonal

    public static func < (a: WorkerPool, b: WorkerPool) -> Bool { a.rawValue < b.rawValue }
}

/// A window of one date, in minutes after midnight: `from < to`, `to` at most 1440 (`24:00`).
public struct ClockWindow: Sendable, Hashable, Comparable {
    public var from: Int
    public var to: Int
    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
    /// The whole day, 00:00-24:00 (an `available` entry that is a bare date).
    public static let wholeDay = ClockWindow(from: 0, to: 24 * 60)
    /// Whether `[start, end]` lies inside the window (bounds inclusive).
    public func contains(start: Int, end: Int) -> Bool { from <= start && end <= to }
    public static func < (a: ClockWindow, b: ClockWindow) -> Bool { (a.from, a.to) < (b.from, b.to) }
    /// `HH:MM-HH:MM`, or `whole day`.
    public var text: String {
        self == .wholeDay ? "whole day" : "\(clockText(from))-\(clockText(to))"
    }
}

/// `HH:MM` of minutes after midnight (up to `24:00`).
public func clockText(_ minutes: Int) -> String {
    let h = minutes / 60
    let m = minutes % 60
    return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
}

/// A gathering place where a farm's (or the center's) van collects workers without a car (마을회관, 터미널).
public struct PickupPoint: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var location: GeoPoint
    public init(id: String, name: String? = nil, location: GeoPoint) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// A request's van: the pickup points it stops at and its seats for riders.
public struct Pickup: Sendable, Hashable {
    public var points: Set<String>
    public var seats: Int
    public init(points: Set<String>, seats: Int) {
        self.points = points
        self.seats = seats
    }
}

/// How a worker reaches a request's farm (version 2's travel rules), decided per pair from the worker's home.
public enum TravelMode: Sendable, Hashable {
    /// Own means: travel is the home-farm distance.
    case drive
    /// No car, the farm within `walkKm`: travel is the home-farm distance.
    case walk
    /// No car, the request's van stops at the worker's pickup point: travel is home to that point.
    case ride(point: String)
    /// No car, too far to walk and no van stop: the pair breaks rule 3 (costed at the home-farm distance).
    case unreachable

    /// Whether the worker takes a seat in the request's van.
    public var rides: Bool {
        if case .ride = self { return true }
        return false
    }
}

/// The default start and end of a request, 07:00 and 16:00, in minutes.
public enum RequestDefaults {
    public static let start = 7 * 60
    public static let end = 16 * 60
}

extension LaborRequest {
    /// The start in minutes after midnight (default 07:00).
    public var startMinute: Int { start?.minutes ?? RequestDefaults.start }
    /// The end in minutes after midnight, up to 1440 (default 16:00).
    public var endMinute: Int { end?.minutes ?? RequestDefaults.end }
    /// The job's length in minutes.
    public var lengthMinutes: Int { endMinute - startMinute }
}

extension Worker {
    /// The windows of a date the worker is available on (the whole day unless `windows` narrows it); empty when not
    /// available.
    public func windows(on date: Day) -> [ClockWindow] {
        guard available.contains(date) else { return [] }
        return windows[date] ?? [.wholeDay]
    }
}

extension Instance {
    /// Whether the instance uses any field of version 2 (or says it is version 2): then it is written as version 2.
    public var usesVersion2: Bool {
        if version == 2 || weights.share != 0 || speedKmh != 30 || walkKm != 2.0 || !pickupPoints.isEmpty {
            return true
        }
        // By index: `contains(where:)` would hand each worker to the test as a copy.
        for w in workers.indices where Self.usesVersion2(workers[w]) { return true }
        return requests.contains { $0.pools != nil || $0.pickup != nil || $0.end.map { $0.minutes > 1439 } ?? false }
    }

    /// Whether a worker has a field of version 2 set.
    private static func usesVersion2(_ w: Worker) -> Bool {
        !w.windows.isEmpty || w.pool != .day || w.stayUntil != nil || w.maxJobsPerDay != 1 || w.maxMinutesPerDay != nil
            || !w.car || w.pickupPoint != nil || w.category == .midlife
    }
}
