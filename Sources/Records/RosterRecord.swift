import Foundation
import Scheduling
import Vocabulary

/// An unfilled request as a roster stores it (`rosters.unfilled`).
public struct StoredUnfilled: Sendable, Hashable, Codable {
    /// The request's database id.
    public var request: Int64
    public var missing: Int
    /// The reasons in English, as the solver wrote them (kept for rosters planned before `details`).
    public var reasons: [String]
    /// The same reasons as kinds with numbers and database ids, which the edges render in the coordinator's
    /// language (nil in rosters stored before they were kept).
    public var details: [StoredReason]?
    public init(request: Int64, missing: Int, reasons: [String], details: [StoredReason]? = nil) {
        self.request = request
        self.missing = missing
        self.reasons = reasons
        self.details = details
    }
}

/// One reason why a request is short, as stored: `UnfilledReason` with the other requests as database ids.
public struct StoredReason: Sendable, Hashable, Codable {
    /// Another request holding some of the candidates.
    public struct Taken: Sendable, Hashable, Codable {
        /// Its database id.
        public var request: Int64
        public var workers: Int
        public init(request: Int64, workers: Int) {
            self.request = request
            self.workers = workers
        }
    }
    /// `UnfilledReason.Kind`'s raw value, or `changedByHand`.
    public var kind: String
    public var numbers: [String: Int]
    public var radiusKm: Double
    public var skills: [String]
    public var taken: [Taken]
    /// The job's hours (minutes after midnight) for `outsideWindow`.
    public var windowStart: Int?
    public var windowEnd: Int?
    public var seats: Int?

    public init(
        kind: String, numbers: [String: Int] = [:], radiusKm: Double = 0, skills: [String] = [], taken: [Taken] = [],
        windowStart: Int? = nil, windowEnd: Int? = nil, seats: Int? = nil
    ) {
        self.kind = kind
        self.numbers = numbers
        self.radiusKm = radiusKm
        self.skills = skills
        self.taken = taken
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.seats = seats
    }

    /// The kind of a reason kept after a change by hand, when the plan's reasons no longer apply.
    public static let changedByHand = "changedByHand"

    /// A solver's reason, its other requests mapped to database ids by `id` (which throws for an unknown one).
    public init(_ reason: UnfilledReason, id: (String) throws -> Int64) rethrows {
        self.init(
            kind: reason.kind.rawValue,
            numbers: Dictionary(reason.numbers, uniquingKeysWith: { a, _ in a }), radiusKm: reason.radiusKm,
            skills: reason.skills,
            taken: try reason.takenBy.map { Taken(request: try id($0.request), workers: $0.workers) },
            windowStart: reason.window?.lowerBound, windowEnd: reason.window?.upperBound, seats: reason.seats)
    }
}

/// A warning as a roster stores it (`rosters.warnings`): a kept pin that breaks a rule, or a dropped pin.
public struct StoredWarning: Sendable, Hashable, Codable {
    public var request: Int64?
    public var worker: Int64?
    /// 1 to 4 for a pin kept against a rule; nil for a dropped pin.
    public var rule: Int?
    public var message: String
    public init(request: Int64?, worker: Int64?, rule: Int?, message: String) {
        self.request = request
        self.worker = worker
        self.rule = rule
        self.message = message
    }
}

/// One roster row: a center's day.
public struct RosterRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var centerID: Int64
    public var date: Day
    public var state: RosterState
    public var version: Int
    /// The score of the stored assignments (nil before the first plan).
    public var score: Score?
    /// The solver's numbers of the last plan, as JSON text.
    public var solverStats: String?
    public var unfilled: [StoredUnfilled]
    public var warnings: [StoredWarning]
    public var plannedAt: Date?
    public var approvedAt: Date?
    public var approvedBy: String?

    private enum CodingKeys: String, CodingKey {
        case id, centerID, date, state, version, scoreHard, scoreMedium, scoreSoft, solverStats, unfilled, warnings
        case plannedAt, approvedAt, approvedBy
    }

    /// Reads the row; the score from its three columns, and JSON lists that no longer decode as empty.
    public init(from decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: CodingKeys.self)
        id = try row.decode(Int64.self, forKey: .id)
        centerID = try row.decode(Int64.self, forKey: .centerID)
        date = try row.decode(Day.self, forKey: .date)
        state = try row.decode(RosterState.self, forKey: .state)
        version = try row.decode(Int.self, forKey: .version)
        if let hard = try row.decodeIfPresent(Int.self, forKey: .scoreHard) {
            score = Score(
                hard: hard, medium: try row.decodeIfPresent(Int.self, forKey: .scoreMedium) ?? 0,
                soft: try row.decodeIfPresent(Int.self, forKey: .scoreSoft) ?? 0)
        }
        solverStats = try row.decodeIfPresent(String.self, forKey: .solverStats)
        unfilled = (try? row.decode([StoredUnfilled].self, forKey: .unfilled)) ?? []
        warnings = (try? row.decode([StoredWarning].self, forKey: .warnings)) ?? []
        plannedAt = try row.decodeIfPresent(Date.self, forKey: .plannedAt)
        approvedAt = try row.decodeIfPresent(Date.self, forKey: .approvedAt)
        approvedBy = try row.decodeIfPresent(String.self, forKey: .approvedBy)
    }
}
