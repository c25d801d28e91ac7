/// Builds the pickup pages of a day from one row per rider: the hook for the pickups of workflow version 2
/// (`DaySheets.pickups` in Operations reads the rows; this groups them).
public enum PickupPages {
    /// One worker collected by a van.
    public struct Ride: Sendable, Hashable {
        /// The pickup point's name (`신척리 마을회관`).
        public var point: String
        /// When the van stops there (`06:50`).
        public var time: String
        /// The van or its driver, or empty.
        public var van: String
        public var rider: DaySheet.Rider
        public init(point: String, time: String, van: String = "", rider: DaySheet.Rider) {
            self.point = point
            self.time = time
            self.van = van
            self.rider = rider
        }
    }

    /// One page per point, time and van, in order of time then point; riders by farm, then name.
    public static func pages(_ rides: [Ride]) -> [DaySheet.PickupPage] {
        var order: [[String]] = []
        var riders: [[String]: [DaySheet.Rider]] = [:]
        for r in rides {
            let key = [r.time, r.point, r.van]
            if riders[key] == nil { order.append(key) }
            riders[key, default: []].append(r.rider)
        }
        return order.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            DaySheet.PickupPage(
                point: key[1], time: key[0], van: key[2],
                riders: riders[key]!.sorted { ($0.farm, $0.name) < ($1.farm, $1.name) })
        }
    }
}
