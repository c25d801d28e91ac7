/// Renames and moves since the boundaries of `data/places.tsv` were drawn, so that old and new names resolve and
/// the current one is printed.
///
/// The source (NGII, base date 2023-09-15) is of mixed vintage at the county level: it still has 청원군 (merged
/// into 청주시 in 2014), 여주군 (a city since 2013), 인천 남구 (미추홀구 since 2018) and 군위군 under 경상북도 (대구
/// since 2023-07). Each entry names the legal code the table has, the name there and the current one.
public enum Renames {
    /// One rename: the area with `code` in the table, once `old`, now `new` (and, for a move, in `province`).
    public struct Entry: Sendable, Hashable {
        /// The area's legal code in `data/places.tsv` (2, 5 or 8 digits).
        public var code: String
        public var old: String
        public var new: String
        /// The current province for a county that moved (군위군 → 대구광역시), else nil.
        public var province: String?
        /// When it took effect (`2024-01-18`).
        public var since: String
        /// The current legal code when it changed (전북 45 → 52), else nil.
        public var newCode: String?
    }

    /// The renames, by level then code.
    public static let all: [Entry] = [
        Entry(code: "45", old: "전라북도", new: "전북특별자치도", since: "2024-01-18", newCode: "52"),
        Entry(code: "28170", old: "남구", new: "미추홀구", since: "2018-07-01", newCode: "28177"),
        Entry(code: "41730", old: "여주군", new: "여주시", since: "2013-09-23", newCode: "41670"),
        Entry(code: "43710", old: "청원군", new: "청주시", since: "2014-07-01"),
        Entry(
            code: "47720", old: "군위군", new: "군위군", province: "대구광역시", since: "2023-07-01", newCode: "27720"),
        Entry(code: "43750310", old: "덕산면", new: "덕산읍", since: "2024-01-01"),
        Entry(code: "47900360", old: "호명면", new: "호명읍", since: "2024-07-01"),
        Entry(code: "44800310", old: "홍북면", new: "홍북읍", since: "2017-01-01"),
    ]

    /// A county made since the table from some of the table's 읍면동: its 읍면동 leave their old county.
    public struct Split: Sendable, Hashable {
        /// The new county's legal code.
        public var code: String
        public var name: String
        /// The table's 8-digit codes of its 읍면동.
        public var towns: [String]
        /// The counties its 읍면동 were in (`중구`, `동구`): a former name resolves to every county it became.
        public var formerNames: [String]
        public var since: String
    }

    /// Counties split or merged since 2023-09-15. Incheon's reorganisation of 2026-07-01 (law of 2024-01-09:
    /// 중구 inland + 동구 → 제물포구, 중구's 영종도·용유도 → 영종구, 서구 north of the 경인아라뱃길 → 검단구; the rest
    /// of 서구 renamed 서해구 the same day). At the level of legal 동: 백석동 goes to 검단구 whole; the bits of
    /// 시천동 and 검암동 north of the canal stay with 서해구. Codes as the national address data of 2026-08 give
    /// them (제물포구 28125, 영종구 28155, 서해구 28275, 검단구 28290).
    public static let splits: [Split] = {
        let yeongjong = (145...152).map { "28110\($0)" }  // 중산 운남 운서 운북 을왕 남북 덕교 무의
        let jung = (101...144).map { "28110\($0)" }
        let dong = (101...107).map { "28140\($0)" }
        let geomdan = [101, 113, 114, 115, 117, 118, 119, 120, 121].map { "28260\($0)" }
        let seo = [102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112].map { "28260\($0)" }
        return [
            Split(code: "28125", name: "제물포구", towns: jung + dong, formerNames: ["중구", "동구"], since: "2026-07-01"),
            Split(code: "28155", name: "영종구", towns: yeongjong, formerNames: ["중구"], since: "2026-07-01"),
            Split(code: "28275", name: "서해구", towns: seo, formerNames: ["서구"], since: "2026-07-01"),
            Split(code: "28290", name: "검단구", towns: geomdan, formerNames: ["서구"], since: "2026-07-01"),
        ]
    }()

    /// The 구 a city was divided into since the table, by the city's code: an address may name it (`화성시 만세구
    /// 향남읍 …`) and a village of it is printed with it; the city stays one county (`--county 화성시`). 화성시's four
    /// 구 of 2026-02-01 by their 읍면 and the legal 동 whose 구 is certain (남양 area to 만세구, 기안·배양 to 효행구,
    /// 진안·병점·반월 to 병점구, 동탄면·석우·반송 to 동탄구); the other legal 동 are printed without a 구.
    public static let districts: [String: [(name: String, towns: [String])]] = [
        "41590": [
            ("만세구", ["256", "259", "330", "340", "350", "360", "370", "400"] + (101...115).map(String.init)),
            ("효행구", ["253", "310", "320", "410", "123", "124"]),
            ("병점구", ["116", "117", "120"]),
            ("동탄구", ["420", "127", "128"]),
        ].map { ($0.0, $0.1.map { "41590" + $0 }) }
    ]

    /// The 구 of a town (8-digit code) of a city divided since the table, or nil.
    public static func district(ofTown code: String) -> String? {
        districts[String(code.prefix(5))]?.first { $0.towns.contains(code) }?.name
    }

    /// The codes of the counties made since the table.
    public static let splitCodes = Set(splits.map(\.code))

    /// The current name of the area with this code, or nil when it was not renamed.
    public static func currentName(_ code: String) -> String? { byCode[code]?.new }

    /// The former names of the area with this code (empty when it was not renamed).
    public static func formerNames(_ code: String) -> [String] {
        if let split = splits.first(where: { $0.code == code }) { return split.formerNames }
        return byCode[code].map { $0.old == $0.new ? [] : [$0.old] } ?? []
    }

    /// Former names of a county, or of any of the counties a city joins (청원군 for 청주시).
    static func formerCountyNames(_ code: String) -> [String] {
        all.filter { $0.code.count == 5 && ($0.code == code || $0.code.prefix(4) == code.prefix(4)) }.map(\.old)
    }

    /// The table's province code of a county, after a move (`47720` 군위군 → `27` 대구).
    static func provinceCode(ofCounty code: String) -> String {
        if let entry = byCode[code], entry.province != nil, let new = entry.newCode { return String(new.prefix(2)) }
        return String(code.prefix(2))
    }

    /// The current province of a county that moved, else nil.
    public static func province(ofCounty code: String) -> String? { byCode[code]?.province }

    /// The table's code for a current code that changed (`52` → `45`, `52710` → `45710`, `27720` → `47720`).
    public static func tableCode(_ code: String) -> String {
        for e in all {
            if let n = e.newCode, code.hasPrefix(n) { return e.code + code.dropFirst(n.count) }
        }
        return code
    }

    private static let byCode: [String: Entry] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
}
