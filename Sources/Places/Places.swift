/// Places of the region ilson serves: the towns (읍·면) and villages (법정리) of a county,
/// each village with an approximate centre.
///
/// Pure data and a name lookup; no I/O. The generator scatters workers and farms around these
/// centres, and coordinators may give a farm's location by village name (`"읍내리"`, or
/// `"진천읍 읍내리"` when a bare name is ambiguous).
public enum Places {
    /// 진천군 Jincheon-gun, Chungcheongbuk-do: 2 읍 and 5 면 with their 83 법정리.
    public static let jincheon: County = JincheonData.county
}

/// A point in degrees (WGS 84). Places keeps its own tiny type so it depends on nothing.
public struct PlacePoint: Sendable, Hashable {
    /// Latitude in degrees, north positive.
    public var lat: Double
    /// Longitude in degrees, east positive.
    public var lon: Double
    /// Creates a point from latitude and longitude in degrees.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}

/// A village (법정리): the smallest named place a coordinator uses for an address.
public struct Village: Sendable, Hashable {
    /// Hangul name, with its `리` suffix (`"읍내리"`).
    public var name: String
    /// Approximate centre of the village's settled area.
    public var centre: PlacePoint
    /// Creates a village.
    public init(name: String, centre: PlacePoint) {
        self.name = name
        self.centre = centre
    }
}

/// A town (읍 or 면) with its villages.
public struct Town: Sendable, Hashable {
    /// Whether a town is an 읍 (urban-ish town) or a 면 (rural township).
    public enum Kind: String, Sendable, Hashable {
        case eup = "읍"
        case myeon = "면"
    }
    /// Hangul name with its suffix (`"진천읍"`, `"이월면"`).
    public var name: String
    /// The name without the 읍/면 suffix, as farm names use it (`"이월"`).
    public var shortName: String
    public var kind: Kind
    /// Approximate centre (the town office's neighbourhood).
    public var centre: PlacePoint
    /// Registered residents, approximate (2016 resident registration, foreigners excluded);
    /// the generator uses it as a weight.
    public var population: Int
    /// The villages, in the order the county lists them.
    public var villages: [Village]

    /// Creates a town.
    public init(name: String, kind: Kind, centre: PlacePoint, population: Int, villages: [Village]) {
        self.name = name
        self.shortName = String(name.dropLast())
        self.kind = kind
        self.centre = centre
        self.population = population
        self.villages = villages
    }
}

/// A village found by name, with the town it belongs to.
public struct VillageRef: Sendable, Hashable {
    public var town: Town
    public var village: Village
    /// `"진천읍 읍내리"`.
    public var qualifiedName: String { "\(town.name) \(village.name)" }
}

/// The answer of a lookup by name.
public enum VillageLookup: Sendable, Hashable {
    /// Exactly one village has this name.
    case found(VillageRef)
    /// Several towns have a village of this name: ask for `"읍면 리"`; the candidates are listed.
    case ambiguous([VillageRef])
    /// No village has this name.
    case notFound

    /// The village when the lookup found exactly one, else nil.
    public var village: VillageRef? {
        if case .found(let ref) = self { return ref }
        return nil
    }
}

/// A county (군) with its towns.
public struct County: Sendable, Hashable {
    /// Hangul name (`"진천군"`).
    public var name: String
    /// Province (`"충청북도"`).
    public var province: String
    /// The towns, the 읍 first, then the 면 in the county's order.
    public var towns: [Town]

    /// Creates a county.
    public init(name: String, province: String, towns: [Town]) {
        self.name = name
        self.province = province
        self.towns = towns
    }

    /// Every village with its town, in town order then village order.
    public var villages: [VillageRef] {
        towns.flatMap { town in town.villages.map { VillageRef(town: town, village: $0) } }
    }

    /// The smallest latitude/longitude box holding every village and town centre.
    public var bounds: (minLat: Double, maxLat: Double, minLon: Double, maxLon: Double) {
        var b = (minLat: Double.infinity, maxLat: -Double.infinity, minLon: Double.infinity, maxLon: -Double.infinity)
        for p in towns.map(\.centre) + villages.map(\.village.centre) {
            b.minLat = min(b.minLat, p.lat)
            b.maxLat = max(b.maxLat, p.lat)
            b.minLon = min(b.minLon, p.lon)
            b.maxLon = max(b.maxLon, p.lon)
        }
        return b
    }

    /// Finds a village by its Hangul name.
    ///
    /// - Parameter name: a village name (`"읍내리"`), or a town and a village separated by
    ///   whitespace (`"진천읍 읍내리"`). A leading county name (`"진천군 진천읍 읍내리"`) is
    ///   accepted too. Surrounding whitespace is ignored.
    /// - Returns: `.found` when exactly one village matches, `.ambiguous` with the candidates
    ///   when a bare name is shared by several towns, `.notFound` otherwise.
    public func lookup(_ name: String) -> VillageLookup {
        var parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        if parts.count >= 2, parts[0] == self.name { parts.removeFirst() }
        switch parts.count {
        case 1:
            let matches = villages.filter { $0.village.name == parts[0] }
            if matches.count == 1 { return .found(matches[0]) }
            return matches.isEmpty ? .notFound : .ambiguous(matches)
        case 2:
            let town = parts[0]
            let match = villages.first {
                ($0.town.name == town || $0.town.shortName == town) && $0.village.name == parts[1]
            }
            return match.map { .found($0) } ?? .notFound
        default:
            return .notFound
        }
    }
}
