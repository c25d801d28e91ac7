import Foundation

/// Which catalogue: the tasks farms ask for (작업) or the skills workers hold (기술).
public enum CatalogueKind: String, Sendable, Hashable, CaseIterable {
    case task
    case skill

    /// The table that holds it.
    public var table: String { self == .task ? "tasks" : "skills" }
    /// What a coordinator calls it.
    public var korean: String { self == .task ? "작업" : "기술" }
}

/// One entry of a center's catalogue: a stable code and the Korean name people read and type.
public struct CatalogueEntry: Sendable, Hashable {
    /// The stored value (`harvest`): what the solver matches and problem files hold.
    public var code: String
    /// The Korean name (`수확`); nil only for a skill code added before it had one.
    public var name: String?

    public init(code: String, name: String?) {
        self.code = code
        self.name = name
    }

    /// What a person reads: the name, else the code.
    public var shown: String { name ?? code }
}

/// A center's tasks or skills, and how a typed word resolves to a code.
///
/// A word resolves when it is a code (any case), a Korean name, or one of the national aliases of a code
/// (`선별·포장` for `packing`, the Korean names the generator used before the catalogue); spaces and `·` are
/// ignored, so `트랙터운전` is `트랙터 운전`.
public struct Catalogue: Sendable, Hashable {
    public var kind: CatalogueKind
    public var entries: [CatalogueEntry]

    public init(kind: CatalogueKind, entries: [CatalogueEntry]) {
        self.kind = kind
        self.entries = entries
    }

    /// The code a word names, or nil.
    public func code(for word: String) -> String? {
        let key = Self.key(word)
        guard !key.isEmpty else { return nil }
        if let entry = entries.first(where: { $0.code == key }) { return entry.code }
        if let entry = entries.first(where: { $0.name.map(Self.key) == key }) { return entry.code }
        for (code, aliases) in NationalCatalogue.aliases where aliases.contains(where: { Self.key($0) == key }) {
            if entries.contains(where: { $0.code == code }) { return code }
        }
        return nil
    }

    /// The Korean name of a code (the code itself when it has none or is not in the catalogue).
    public func name(of code: String) -> String {
        entries.first { $0.code == code }?.shown ?? code
    }

    /// Up to five entries close to a word (sharing a character, or a prefix of a code), for an error message.
    public func closeMatches(_ word: String) -> [CatalogueEntry] {
        let key = Self.key(word)
        let scored = entries.compactMap { entry -> (Int, CatalogueEntry)? in
            let name = Self.key(entry.name ?? "")
            let shared = Set(key).intersection(Set(name)).count
            let prefix = entry.code.commonPrefix(with: key).count
            let score = shared * 2 + prefix
            return score > 0 ? (score, entry) : nil
        }
        return scored.sorted { ($0.0, $1.1.code) > ($1.0, $0.1.code) }.prefix(5).map(\.1)
    }

    /// The comparison key of a word: lowercased, without spaces and `·`.
    static func key(_ word: String) -> String {
        String(word.lowercased().filter { !$0.isWhitespace && $0 != "·" && $0 != "・" })
    }

    /// Whether a word has the form of a code: lowercase ASCII letters, digits, `-`, `_`, at most 32.
    public static func isCodeLike(_ word: String) -> Bool {
        let w = word.trimmingCharacters(in: .whitespaces).lowercased()
        return !w.isEmpty && w.count <= 32
            && w.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// The national list every center starts with (`sql/023_task_skill_catalogue.sql` seeds the same codes and
/// names), and the other words people use for them.
public enum NationalCatalogue {
    /// Code and Korean name, in the seed's order.
    public static let entries: [CatalogueEntry] = [
        ("harvest", "수확"), ("thinning", "적과"), ("bagging", "봉지씌우기"), ("packing", "포장"), ("weeding", "제초"),
        ("planting", "정식"), ("spraying", "방제"), ("pruning", "전정"), ("tractor", "트랙터 운전"),
        ("greenhouse", "시설하우스"), ("livestock", "축사관리"), ("sowing", "파종"), ("sorting", "선별"),
        ("pollination", "인공수분"), ("mulching", "멀칭"), ("transplanting", "모내기"), ("pinching", "순지르기"),
        ("drying", "건조"),
    ].map { CatalogueEntry(code: $0.0, name: $0.1) }

    /// Other words for a code: the generator's former Korean names and common synonyms.
    public static let aliases: [(code: String, words: [String])] = [
        ("harvest", ["수확작업", "따기"]),
        ("thinning", ["적과·순지르기", "솎기", "적화"]),
        ("bagging", ["봉지", "봉지 씌우기"]),
        ("packing", ["선별·포장", "선별포장", "포장작업"]),
        ("weeding", ["풀뽑기", "김매기", "제초작업"]),
        ("planting", ["정식·파종", "심기", "아주심기"]),
        ("spraying", ["방제(농약)", "농약살포", "농약 방제"]),
        ("pruning", ["가지치기"]),
        ("tractor", ["농기계(트랙터)", "트랙터", "농기계", "농기계 운전"]),
        ("greenhouse", ["하우스", "시설하우스 관리"]),
        ("livestock", ["축사", "축산"]),
    ]
}
