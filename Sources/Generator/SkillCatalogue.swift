/// The farm tasks of the region and the skills they call for.
///
/// Skill codes are the strings the problem format uses. `spraying` (pesticide certificate) and
/// `tractor` (machinery licence) are certified and rare; the rest are learned on the job.
public enum SkillCatalogue {
    /// A skill code with how common it is among workers.
    public struct Skill: Sendable, Hashable {
        /// The code written in instances (`"harvest"`).
        public var code: String
        /// Korean name (`"수확"`), as the national catalogue of `sql/023_task_skill_catalogue.sql` names it.
        public var korean: String
        /// Share of (non-foreign) workers who hold it.
        public var holderRate: Double
        /// Needs a certificate or licence.
        public var certified: Bool
    }

    /// Every skill, common ones first.
    public static let skills: [Skill] = [
        Skill(code: "harvest", korean: "수확", holderRate: 0.64, certified: false),
        Skill(code: "weeding", korean: "제초", holderRate: 0.60, certified: false),
        Skill(code: "planting", korean: "정식", holderRate: 0.50, certified: false),
        Skill(code: "packing", korean: "포장", holderRate: 0.44, certified: false),
        Skill(code: "greenhouse", korean: "시설하우스", holderRate: 0.30, certified: false),
        Skill(code: "thinning", korean: "적과", holderRate: 0.30, certified: false),
        Skill(code: "pruning", korean: "전정", holderRate: 0.24, certified: false),
        Skill(code: "livestock", korean: "축사관리", holderRate: 0.12, certified: false),
        Skill(code: "spraying", korean: "방제", holderRate: 0.08, certified: true),
        Skill(code: "tractor", korean: "트랙터 운전", holderRate: 0.05, certified: true),
    ]

    /// The skill with this code.
    public static func skill(_ code: String) -> Skill? { skills.first { $0.code == code } }
}

/// A crop grown in the region, with the tasks its farms ask for.
struct Crop: Sendable {
    /// Korean name used in farm names (`"수박"`).
    var korean: String
    /// Farm name suffix (`"농장"`, `"하우스"`, `"과수원"`).
    var place: String
    /// Tasks (skill codes) with weights.
    var tasks: Weighted<String>
    /// Relative number of farms.
    var share: Double
}

enum Crops {
    static let all: [Crop] = [
        Crop(
            korean: "수박", place: "하우스",
            tasks: Weighted([
                ("harvest", 4), ("planting", 2), ("thinning", 2), ("packing", 2), ("greenhouse", 2), ("weeding", 1),
            ]), share: 14),
        Crop(
            korean: "고추", place: "밭",
            tasks: Weighted([("harvest", 5), ("planting", 2), ("weeding", 3), ("spraying", 1), ("packing", 1)]),
            share: 16),
        Crop(
            korean: "벼", place: "논",
            tasks: Weighted([("planting", 2), ("weeding", 2), ("tractor", 2), ("spraying", 1), ("harvest", 1)]),
            share: 12),
        Crop(
            korean: "딸기", place: "하우스",
            tasks: Weighted([("harvest", 4), ("planting", 2), ("greenhouse", 3), ("packing", 2)]), share: 8),
        Crop(
            korean: "인삼", place: "밭",
            tasks: Weighted([("harvest", 3), ("weeding", 3), ("planting", 2), ("spraying", 1)]), share: 7),
        Crop(
            korean: "사과", place: "과수원",
            tasks: Weighted([("thinning", 4), ("pruning", 3), ("harvest", 3), ("spraying", 1), ("packing", 1)]),
            share: 6),
        Crop(
            korean: "복숭아", place: "과수원",
            tasks: Weighted([("thinning", 4), ("harvest", 4), ("pruning", 2), ("packing", 2)]), share: 5),
        Crop(
            korean: "토마토", place: "하우스",
            tasks: Weighted([("harvest", 4), ("greenhouse", 4), ("thinning", 2), ("packing", 2)]), share: 6),
        Crop(
            korean: "오이", place: "하우스", tasks: Weighted([("harvest", 5), ("greenhouse", 3), ("planting", 1)]), share: 4),
        Crop(
            korean: "감자", place: "밭",
            tasks: Weighted([("harvest", 4), ("planting", 3), ("weeding", 2), ("tractor", 1)]), share: 6),
        Crop(
            korean: "배추", place: "밭",
            tasks: Weighted([("planting", 3), ("harvest", 3), ("weeding", 2), ("packing", 2)]), share: 6),
        Crop(korean: "블루베리", place: "농원", tasks: Weighted([("harvest", 5), ("pruning", 2), ("packing", 2)]), share: 3),
        Crop(korean: "한우", place: "축사", tasks: Weighted([("livestock", 6), ("tractor", 1)]), share: 4),
        Crop(korean: "양돈", place: "농장", tasks: Weighted([("livestock", 6)]), share: 3),
    ]
    static let weighted = Weighted(all.map { ($0, $0.share) })

    /// A base day wage in KRW for a task (heavy and certified work pays more).
    static func baseWage(_ task: String) -> Int {
        switch task {
        case "tractor": return 170_000
        case "spraying": return 160_000
        case "pruning", "livestock": return 140_000
        case "harvest": return 130_000
        case "planting", "thinning", "greenhouse": return 120_000
        default: return 110_000
        }
    }
}
