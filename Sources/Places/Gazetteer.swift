/// The national table of legal areas, parsed once from the embedded `data/places.tsv`, with lookups of counties
/// and villages by name or code.
public final class Gazetteer: Sendable {
    /// One row of the table: an area's legal code, its current name and a point inside it.
    public struct Area: Sendable, Hashable {
        /// 2 digits (시도), 5 (시군구), 8 (읍면동) or 10 (리).
        public var code: String
        /// The current name (renames applied).
        public var name: String
        public var point: PlacePoint
    }

    /// The whole country.
    public static let korea = Gazetteer(tsv: embeddedPlacesTSV)

    /// Areas by code.
    public let areas: [String: Area]
    /// Codes of the children of each code, in code order.
    let children: [String: [String]]
    /// Codes of every 시군구, in code order.
    public let countyCodes: [String]
    /// Village (리, or 동 without 리) codes by name.
    let villagesByName: [String: [String]]
    /// Province codes by current name.
    let provinceCodes: [String: String]
    /// The county of a 읍면동 that moved to a county made since the table (`Renames.splits`).
    let townCounty: [String: String]
    /// The points of the 읍면동 and 리 by 0.1° cell (``cell(_:)``), for ``isInKorea(_:)``.
    let grid: [Int: [PlacePoint]]

    /// Parses the table (`code<TAB>name<TAB>lat<TAB>lon`; `#` lines are comments).
    init(tsv: String) {
        var areas: [String: Area] = [:]
        var children: [String: [String]] = [:]
        var counties: [String] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 4, let lat = Double(f[2]), let lon = Double(f[3]) else { continue }
            let code = String(f[0])
            let name = Renames.currentName(code) ?? String(f[1])
            areas[code] = Area(code: code, name: name, point: PlacePoint(lat: lat, lon: lon))
            if let parent = Gazetteer.parentCode(code) { children[parent, default: []].append(code) }
            if code.count == 5 { counties.append(code) }
        }
        // Counties made since the table: their 읍면동 leave the old county, which goes when none is left.
        var townCounty: [String: String] = [:]
        for split in Renames.splits {
            let points = split.towns.compactMap { areas[$0]?.point }
            guard !points.isEmpty else { continue }
            let centre = PlacePoint(
                lat: points.map(\.lat).reduce(0, +) / Double(points.count),
                lon: points.map(\.lon).reduce(0, +) / Double(points.count))
            areas[split.code] = Area(code: split.code, name: split.name, point: centre)
            for town in split.towns where areas[town] != nil {
                let old = String(town.prefix(5))
                children[old]?.removeAll { $0 == town }
                if children[old]?.isEmpty == true {
                    children[old] = nil
                    counties.removeAll { $0 == old }
                }
                children[split.code, default: []].append(town)
                townCounty[town] = split.code
            }
            counties.append(split.code)
        }
        self.townCounty = townCounty
        var byName: [String: [String]] = [:]
        for (code, area) in areas where code.count == 10 || (code.count == 8 && children[code] == nil) {
            byName[area.name, default: []].append(code)
        }
        for key in byName.keys { byName[key]!.sort() }
        var grid: [Int: [PlacePoint]] = [:]
        for (code, area) in areas where code.count >= 8 {
            grid[Gazetteer.cell(area.point), default: []].append(area.point)
        }
        self.grid = grid
        self.provinceCodes = Dictionary(
            areas.values.filter { $0.code.count == 2 }.map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
        self.areas = areas
        self.children = children.mapValues { $0.sorted() }
        self.countyCodes = counties.sorted()
        self.villagesByName = byName
    }

    static func parentCode(_ code: String) -> String? {
        switch code.count {
        case 10: String(code.prefix(8))
        case 8: String(code.prefix(5))
        case 5: String(code.prefix(2))
        default: nil
        }
    }

    /// Number of rows per level: 시도, 시군구, 읍면동, 리.
    public var counts: (provinces: Int, counties: Int, towns: Int, villages: Int) {
        var c = (0, 0, 0, 0)
        for code in areas.keys where !Renames.splitCodes.contains(code) {
            switch code.count {
            case 2: c.0 += 1
            case 5: c.1 += 1
            case 8: c.2 += 1
            default: c.3 += 1
            }
        }
        return c
    }

    // MARK: provinces

    /// The province codes of the short and old names people write (`충북`, `전라북도`, `전북`).
    static let provinceAliases: [String: String] = [
        "서울": "11", "서울시": "11", "부산": "26", "대구": "27", "인천": "28", "광주": "29", "대전": "30", "울산": "31",
        "세종": "36", "세종시": "36", "경기": "41", "강원": "42", "강원도": "42", "충북": "43", "충남": "44", "전북": "45",
        "전라북도": "45", "전남": "46", "경북": "47", "경남": "48", "제주": "50", "제주도": "50",
    ]

    /// The table's province code of a province name (current, former or short), or nil.
    static func provinceCode(_ word: String) -> String? {
        provinceAliases[word] ?? korea.provinceCodes[word]
    }

    /// The current province name of a county code (군위군 → 대구광역시).
    public func provinceName(ofCounty code: String) -> String {
        Renames.province(ofCounty: code) ?? areas[String(code.prefix(2))]?.name ?? ""
    }

    // MARK: counties

    /// The county with this 5-digit code (the table's, or a current one such as `52710`), or a whole city by its
    /// city code (`43110` 청주시: its 구 and the former 청원군), or nil.
    public func county(code given: String) -> County? {
        let code = Renames.tableCode(given)
        guard code.count == 5, code.allSatisfy(\.isASCIIDigit) else { return nil }
        if let area = areas[code], children[code] != nil {
            return makeCounty(code: code, name: area.name, members: [code])
        }
        let members = countyCodes.filter { $0.prefix(4) == code.prefix(4) && children[$0] != nil }
        guard let first = members.first, let city = cityName(first) else { return nil }
        // Counties merged into the city since (청원군, now 청주시).
        let merged = countyCodes.filter {
            $0.prefix(2) == code.prefix(2) && !members.contains($0) && areas[$0]?.name == city && children[$0] != nil
        }
        return makeCounty(code: code, name: city, members: members + merged)
    }

    /// The city part of a county name (`청주시` of `청주시 상당구`, or of 청원군 renamed `청주시`), or nil.
    func cityName(_ code: String) -> String? {
        guard let name = areas[code]?.name else { return nil }
        if let space = name.firstIndex(of: " ") { return String(name[..<space]) }
        return name.hasSuffix("시") ? name : nil
    }

    /// Finds a county by name or code: `괴산군`, `43760`, `충북 괴산군`, `청주시` (the whole city),
    /// `청주시 상당구`, `대구 중구`; former names too (`청원군`, `여주군`).
    public func county(_ text: String) -> CountyLookup {
        let words = Gazetteer.words(text)
        guard !words.isEmpty else { return .notFound(close: []) }
        if words.count == 1, words[0].allSatisfy(\.isASCIIDigit) {
            if let c = county(code: words[0]) { return .found(c) }
            return .notFound(close: [])
        }
        var rest = words
        var province: String?
        if rest.count >= 2, let p = Gazetteer.provinceCode(rest[0]) {
            province = p
            rest.removeFirst()
        }
        let query = rest.joined(separator: " ")
        let inProvince = countyCodes.filter { province == nil || Renames.provinceCode(ofCounty: $0) == province }
        // A whole city of several 구 (or a city and a former county merged into it).
        var cities: [String: [String]] = [:]
        for code in inProvince where cityName(code) == query && children[code] != nil {
            cities[String(code.prefix(2)), default: []].append(code)
        }
        var found: [County] = []
        for (_, members) in cities.sorted(by: { $0.key < $1.key }) {
            let cityCode = String(members[0].prefix(4)) + "0"
            found.append(makeCounty(code: cityCode, name: query, members: members))
        }
        if found.isEmpty {
            for code in inProvince where children[code] != nil {
                guard let name = areas[code]?.name else { continue }
                let gu = name.split(separator: " ").last.map(String.init)
                if name == query || gu == query || Renames.formerNames(code).contains(query) {
                    found.append(makeCounty(code: code, name: name, members: [code]))
                }
            }
        }
        if found.count == 1 { return .found(found[0]) }
        if found.count > 1 { return .ambiguous(found.map(\.fullName)) }
        let close = inProvince.compactMap { code -> String? in
            guard let name = areas[code]?.name, children[code] != nil else { return nil }
            let last = name.split(separator: " ").last.map(String.init) ?? name
            return Gazetteer.editDistance(last, query) <= 1 || Gazetteer.editDistance(name, query) <= 1
                ? "\(provinceName(ofCounty: code)) \(name)" : nil
        }
        return .notFound(close: Array(close.prefix(8)))
    }

    func makeCounty(code: String, name: String, members: [String]) -> County {
        var towns: [Town] = []
        for member in members {
            for townCode in children[member] ?? [] {
                guard let t = areas[townCode] else { continue }
                let kind: Town.Kind = t.name.hasSuffix("읍") ? .eup : t.name.hasSuffix("면") ? .myeon : .dong
                let villageCodes = children[townCode] ?? []
                let villages =
                    villageCodes.isEmpty
                    ? [Village(name: t.name, centre: t.point, code: townCode)]
                    : villageCodes.compactMap { c in areas[c].map { Village(name: $0.name, centre: $0.point, code: c) }
                    }
                let weight = kind == .eup ? 18_000 : kind == .dong ? 12_000 : 4_500
                towns.append(
                    Town(
                        name: t.name, kind: kind, centre: t.point, population: weight, villages: villages,
                        code: townCode, formerNames: Renames.formerNames(townCode)))
            }
        }
        let order: [Town.Kind: Int] = [.eup: 0, .myeon: 1, .dong: 2]
        towns = towns.enumerated().sorted {
            (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset)
        }.map(\.element)
        return County(name: name, province: provinceName(ofCounty: members[0]), towns: towns, code: code)
    }

    // MARK: villages

    /// Resolves a village: within `county` first (`동부리`, `괴산읍 동부리`), then as a full address anywhere
    /// (`충청북도 음성군 금왕읍 무극리`, `음성군 금왕읍 무극리`); with no county, a bare name nationally.
    ///
    /// - Returns: the lookup — `.found` with the village, `.ambiguous` with the candidates, or `.notFound` with close
    ///   names — and whether it was found outside `county` (as an address, or nationally).
    public func village(_ text: String, within county: County?) -> (lookup: VillageLookup, address: Bool) {
        var local: VillageLookup = .notFound(close: [])
        if let county {
            local = county.lookup(text)
            if case .found = local { return (local, false) }
            if case .ambiguous = local { return (local, false) }
        }
        let address = fullAddress(text)
        switch address {
        case .found, .ambiguous: return (address, true)
        case .notFound: break
        }
        if county != nil { return (local, false) }
        let words = Gazetteer.words(text)
        if words.count == 1 || words.count == 2 {
            // A bare village, or a town and a village (`이월면 중산리`), when the country has one such.
            let refs = (villagesByName[words[words.count - 1]] ?? []).compactMap(villageRef).filter {
                words.count == 1 || $0.town.answers(to: words[0])
            }
            if refs.count == 1 { return (.found(refs[0]), true) }
            if refs.count > 1 { return (.ambiguous(refs), true) }
        }
        return (address, true)
    }

    /// A village by full address: `[시도] 시군구 [읍면] 리` (a county shared by several 시도 is tried in each).
    func fullAddress(_ text: String) -> VillageLookup {
        var words = Gazetteer.words(text)
        var province: String?
        if words.count >= 3, let p = Gazetteer.provinceCode(words[0]) {
            province = p
            words.removeFirst()
        }
        // A 구 a city was divided into since the table (`화성시 만세구 향남읍 …`): the city is the county.
        if words.count >= 3, words[0].hasSuffix("시"),
            Renames.districts.values.contains(where: { $0.contains { $0.name == words[1] } })
        {
            words.remove(at: 1)
        }
        guard words.count >= 2 else { return .notFound(close: []) }
        var results: [VillageRef] = []
        var close: [VillageRef] = []
        for k in 1...min(2, words.count - 1) {
            let name = words.prefix(k).joined(separator: " ")
            let counties: [County]
            switch county(([province.flatMap { areas[$0]?.name }].compactMap { $0 } + [name]).joined(separator: " ")) {
            case .found(let c):
                counties = [c]
            case .ambiguous:
                counties = countyCodes.filter { code in
                    guard province == nil || Renames.provinceCode(ofCounty: code) == province,
                        let full = areas[code]?.name
                    else { return false }
                    return full == name || full.split(separator: " ").last.map(String.init) == name
                        || Renames.formerNames(code).contains(name)
                }.compactMap { county(code: $0) }
            case .notFound:
                counties = []
            }
            let rest = words.dropFirst(k).joined(separator: " ")
            for c in counties {
                switch c.lookup(rest) {
                case .found(let ref): results.append(ref)
                case .ambiguous(let refs): results += refs
                case .notFound(let near): close += near
                }
            }
        }
        var seen = Set<String>()
        results = results.filter { seen.insert($0.village.code).inserted }
        if results.count == 1 { return .found(results[0]) }
        if results.count > 1 { return .ambiguous(results) }
        return .notFound(close: Array(close.prefix(5)))
    }

    /// The village with this legal code, with its town and county names.
    public func villageRef(_ code: String) -> VillageRef? {
        guard let v = areas[code] else { return nil }
        let townCode = code.count == 10 ? String(code.prefix(8)) : code
        guard let t = areas[townCode] else { return nil }
        let countyCode = townCounty[townCode] ?? String(code.prefix(5))
        let kind: Town.Kind = t.name.hasSuffix("읍") ? .eup : t.name.hasSuffix("면") ? .myeon : .dong
        let town = Town(
            name: t.name, kind: kind, centre: t.point, population: 0, villages: [], code: townCode,
            formerNames: Renames.formerNames(townCode))
        return VillageRef(
            town: town, village: Village(name: v.name, centre: v.point, code: code),
            countyName: (areas[countyCode]?.name ?? "") + (Renames.district(ofTown: townCode).map { " " + $0 } ?? ""),
            provinceName: provinceName(ofCounty: countyCode))
    }

    /// Whether a point lies in South Korea: within 15 km of the point of one of its 읍면동 or 리.
    public func isInKorea(_ p: PlacePoint) -> Bool {
        guard (32.8...38.9).contains(p.lat), (124.0...132.0).contains(p.lon) else { return false }
        let lat = Int((p.lat * 10).rounded(.down))
        let lon = Int((p.lon * 10).rounded(.down))
        for dLat in -2...2 {
            for dLon in -2...2 {
                for q in grid[(lat + dLat) * 10_000 + lon + dLon] ?? [] where q.km(to: p) <= 15 { return true }
            }
        }
        return false
    }

    /// The 0.1° cell of a point (15 km is within two cells in every direction at Korea's latitudes).
    static func cell(_ p: PlacePoint) -> Int {
        Int((p.lat * 10).rounded(.down)) * 10_000 + Int((p.lon * 10).rounded(.down))
    }

    // MARK: text

    /// Whitespace-separated words of a name.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{3000}" }).map(String.init)
    }

    /// Villages whose name is one edit away from `word`, at most five.
    static func close(_ word: String, among refs: [VillageRef]) -> [VillageRef] {
        Array(refs.filter { editDistance($0.village.name, word) <= 1 }.prefix(5))
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > 2 { return 3 }
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}

/// The answer of a county lookup.
public enum CountyLookup: Sendable, Hashable {
    case found(County)
    /// Several counties have this name (중구, 동구): give the province; their full names.
    case ambiguous([String])
    /// No county has this name; the closest names (`충청북도 괴산군`).
    case notFound(close: [String])
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
