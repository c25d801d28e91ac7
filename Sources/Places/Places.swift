import Foundation

/// Places of South Korea: every 시도, 시군구, 읍면동 and 리 with its legal code (법정동코드) and a point inside it,
/// from the national table `data/places.tsv` (NGII legal boundaries, base date 2023-09-15, made by
/// `scripts/dev/gen-places.py`), with the renames since (``Renames``) applied.
///
/// Pure data and lookups; no I/O. A center is bound to a county (``Gazetteer/county(_:)``); coordinators give a
/// farm's or a worker's location by village name (`"읍내리"`, `"진천읍 읍내리"`), or by full address for someone
/// living across a border (`"충청북도 음성군 금왕읍 무극리"`).
public enum Places {
    /// 진천군 Jincheon-gun, Chungcheongbuk-do: 2 읍 and 5 면 with their 83 법정리 (the demo's county).
    public static let jincheon: County = Gazetteer.korea.county(code: "43750")!
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

    /// Great-circle distance in km (mean earth radius 6371 km).
    public func km(to q: PlacePoint) -> Double {
        func rad(_ x: Double) -> Double { (x * Double.pi) / 180 }
        let s1 = sin(rad(q.lat - lat) / 2)
        let s2 = sin(rad(q.lon - lon) / 2)
        let a = s1 * s1 + cos(rad(lat)) * cos(rad(q.lat)) * s2 * s2
        return 2 * 6371.0 * asin(min(a, 1).squareRoot())
    }
}

/// A village (법정리; in a city, the 동 itself): the smallest named place a coordinator uses for an address.
public struct Village: Sendable, Hashable {
    /// Hangul name, with its `리` suffix (`"읍내리"`).
    public var name: String
    /// A point inside the village's legal area (its pole of inaccessibility).
    public var centre: PlacePoint
    /// The 10-digit legal code (8 digits for a 동 without 리).
    public var code: String
    /// Creates a village.
    public init(name: String, centre: PlacePoint, code: String = "") {
        self.name = name
        self.centre = centre
        self.code = code
    }
}

/// A town (읍, 면 or 동) with its villages.
public struct Town: Sendable, Hashable {
    /// Whether a town is an 읍 (urban-ish town), a 면 (rural township) or a 동 (city neighbourhood).
    public enum Kind: String, Sendable, Hashable {
        case eup = "읍"
        case myeon = "면"
        case dong = "동"
    }
    /// Hangul name with its suffix (`"진천읍"`, `"이월면"`), the current one.
    public var name: String
    /// The name without the 읍/면 suffix, as farm names use it (`"이월"`).
    public var shortName: String
    public var kind: Kind
    /// A point inside the town's legal area.
    public var centre: PlacePoint
    /// A weight for the generator, not a census count: 읍 18,000, 동 12,000, 면 4,500.
    public var population: Int
    /// The villages, in legal-code order.
    public var villages: [Village]
    /// The 8-digit legal code.
    public var code: String
    /// Former names of the town (`덕산면` for 덕산읍), accepted in lookups.
    public var formerNames: [String]

    /// Creates a town.
    public init(
        name: String, kind: Kind, centre: PlacePoint, population: Int, villages: [Village], code: String = "",
        formerNames: [String] = []
    ) {
        self.name = name
        self.shortName = kind == .dong ? name : String(name.dropLast())
        self.kind = kind
        self.centre = centre
        self.population = population
        self.villages = villages
        self.code = code
        self.formerNames = formerNames
    }

    func answers(to word: String) -> Bool {
        word == name || (kind != .dong && word == shortName) || formerNames.contains(word)
    }
}

/// A village found by name, with the town it belongs to.
public struct VillageRef: Sendable, Hashable {
    public var town: Town
    public var village: Village
    /// The county's current name (`"진천군"`) and province (`"충청북도"`).
    public var countyName: String = ""
    public var provinceName: String = ""
    /// `"진천읍 읍내리"` (a city 동 alone: `"청운동"`).
    public var qualifiedName: String {
        !village.code.isEmpty && village.code == town.code ? town.name : "\(town.name) \(village.name)"
    }
    /// `"충청북도 진천군 진천읍 읍내리"`.
    public var fullName: String {
        [provinceName, countyName, qualifiedName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// The answer of a lookup by name.
public enum VillageLookup: Sendable, Hashable {
    /// Exactly one village has this name.
    case found(VillageRef)
    /// Several villages have this name: ask for `"읍면 리"` (or the county); the candidates are listed.
    case ambiguous([VillageRef])
    /// No village has this name; the closest names, if any.
    case notFound(close: [VillageRef])

    /// The village when the lookup found exactly one, else nil.
    public var village: VillageRef? {
        if case .found(let ref) = self { return ref }
        return nil
    }
}

/// A county (시군구; a city's 구 together when named by the city): its towns and villages.
public struct County: Sendable, Hashable {
    /// The 5-digit legal code (for a whole city of several 구, the city's code, e.g. `43110` 청주시).
    public var code: String
    /// Current Hangul name (`"진천군"`, `"청주시 상당구"`).
    public var name: String
    /// Current province (`"충청북도"`).
    public var province: String
    /// The towns: the 읍 first, then the 면 and 동, each group in legal-code order.
    public var towns: [Town]

    /// Creates a county.
    public init(name: String, province: String, towns: [Town], code: String = "") {
        self.code = code
        self.name = name
        self.province = province
        self.towns = towns
    }

    /// `"충청북도 진천군"`.
    public var fullName: String { "\(province) \(name)" }

    /// Every village with its town, in town order then village order.
    public var villages: [VillageRef] {
        towns.flatMap { town in
            town.villages.map {
                VillageRef(
                    town: town, village: $0,
                    countyName: name + (Renames.district(ofTown: town.code).map { " " + $0 } ?? ""),
                    provinceName: province)
            }
        }
    }

    /// The smallest latitude/longitude box holding every village and town point.
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

    /// The village whose point is nearest `p` (ties: the first in order), with its distance in km.
    public func nearestVillage(to p: PlacePoint) -> (village: VillageRef, km: Double)? {
        var best: (VillageRef, Double)?
        for v in villages {
            let d = p.km(to: v.village.centre)
            if best == nil || d < best!.1 { best = (v, d) }
        }
        return best.map { (village: $0.0, km: $0.1) }
    }

    /// Finds a village by its Hangul name.
    ///
    /// - Parameter name: a village name (`"읍내리"`), or a town and a village separated by whitespace
    ///   (`"진천읍 읍내리"`, `"진천 읍내리"`, the town's former name too). A leading province and county
    ///   (`"충북 진천군 진천읍 읍내리"`) are accepted. A city 동 answers to its own name.
    /// - Returns: `.found` when exactly one village matches, `.ambiguous` with the candidates when a bare name is
    ///   shared by several towns, `.notFound` with close names otherwise.
    public func lookup(_ name: String) -> VillageLookup {
        var parts = Gazetteer.words(name)
        if parts.count >= 2, Gazetteer.provinceCode(parts[0]) != nil { parts.removeFirst() }
        let nameWords = self.name.split(separator: " ").map(String.init)
        if parts.count > nameWords.count, Array(parts.prefix(nameWords.count)) == nameWords {
            parts.removeFirst(nameWords.count)
        } else if parts.count >= 2, nameWords.count == 2, parts[0] == nameWords[1] {
            parts.removeFirst()
        } else if parts.count >= 2, Renames.formerCountyNames(code).contains(parts[0]) {
            parts.removeFirst()
        }
        let all = villages
        switch parts.count {
        case 1:
            let matches = all.filter {
                $0.village.name == parts[0]
                    || (!$0.village.code.isEmpty && $0.village.code == $0.town.code && $0.town.answers(to: parts[0]))
            }
            if matches.count == 1 { return .found(matches[0]) }
            return matches.isEmpty ? .notFound(close: Gazetteer.close(parts[0], among: all)) : .ambiguous(matches)
        case 2:
            let matches = all.filter { $0.town.answers(to: parts[0]) && $0.village.name == parts[1] }
            if matches.count == 1 { return .found(matches[0]) }
            if matches.count > 1 { return .ambiguous(matches) }
            return .notFound(close: Gazetteer.close(parts[1], among: all))
        default:
            return .notFound(close: [])
        }
    }
}
