import Foundation
import Scheduling
import Vocabulary

/// A center's pickup point (마을회관, 터미널 …): where a farm's or the center's van collects workers without a car.
public struct PickupPointRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var centerID: Int64
    /// Unique in the center: how coordinators and sheets name it.
    public var name: String
    public var village: String?
    public var lat: Double
    public var lon: Double
}

/// A van's stops and seats (a farm's default, or a request's own).
public struct PickupRecord: Sendable, Hashable {
    /// nil: no van.
    public var seats: Int?
    /// Pickup point names, sorted.
    public var points: [String]
    public init(seats: Int?, points: [String]) {
        self.seats = seats
        self.points = points
    }
}

/// The pools are stored by their raw value (`day`, `volunteer`, `seasonal`) and read like any status.
extension WorkerPool: StoredStatus {}

extension WorkerPool {
    /// The Korean name a coordinator reads: 일용, 봉사, 공공형 계절근로.
    public var korean: String {
        switch self {
        case .day: "일용"
        case .volunteer: "봉사"
        case .seasonal: "공공형 계절근로"
        }
    }

    /// The pool of an English or Korean name (`day`/`일용`, `volunteer`/`봉사`/`일손봉사`,
    /// `seasonal`/`계절`/`계절근로`/`공공형 계절근로`), nil when none.
    public init?(name: String) {
        let t = name.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "day", "일용", "일용직": self = .day
        case "volunteer", "봉사", "일손봉사": self = .volunteer
        case "seasonal", "계절", "계절근로", "공공형 계절근로", "공공형계절근로": self = .seasonal
        default: return nil
        }
    }
}
