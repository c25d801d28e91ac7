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

    /// The current name of the area with this code, or nil when it was not renamed.
    public static func currentName(_ code: String) -> String? { byCode[code]?.new }

    /// The former names of the area with this code (empty when it was not renamed).
    public static func formerNames(_ code: String) -> [String] {
        byCode[code].map { $0.old == $0.new ? [] : [$0.old] } ?? []
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
