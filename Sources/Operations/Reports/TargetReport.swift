import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// The worker pools of version 2 (`workers.pool`), with their Korean names.
public enum PoolLabels {
    public static let all: [(code: String, korean: String)] = [
        ("day", "일용"), ("volunteer", "봉사"), ("seasonal", "공공형 계절근로"),
    ]

    /// `일용` for `day`; the code itself when unknown.
    public static func korean(_ code: String) -> String {
        code == "all" ? "전체" : all.first { $0.code == code }?.korean ?? code
    }
}

/// Yearly targets per target group and pool (`ilson target set|list`, `report targets`).
///
/// Compared with worker-days (연인원: a person once per day however many jobs) on approved, sending or sent
/// rosters. **Done** counts only days recorded as attended; days from `today` on are **scheduled**; past days
/// without attendance are **unrecorded** (shown, not counted); no-shows never count.
public struct TargetReport: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        /// A category code or `all`; a pool code or `all`.
        public var category: String
        public var pool: String
        /// `고령`, `전체`; `일용`, `전체`.
        public var categoryLabel: String
        public var poolLabel: String
        public var target: Int
        public var done = 0
        public var scheduled = 0
        public var unrecorded = 0
        /// Hours of the attended days.
        public var doneHours = 0.0
        /// done / target (0 when the target is 0).
        public var progress: Double { target > 0 ? Double(done) / Double(target) : 0 }
    }

    public var center: String
    public var year: Int
    public var today: Day
    /// The share of the year that has passed before `today` (0 before the year, 1 after it).
    public var yearElapsed: Double
    public var lines: [Line]

    /// The share of `year` that has passed before `today`.
    public static func elapsed(year: Int, today: Day) -> Double {
        let first = Day(year: year, month: 1, day: 1)!
        let next = Day(year: year + 1, month: 1, day: 1)!
        let passed = Double(min(max(today.ordinal - first.ordinal, 0), next.ordinal - first.ordinal))
        return passed / Double(next.ordinal - first.ordinal)
    }

    /// Builds the report from the year's targets and worker-days (pure).
    public static func build(
        center: String, year: Int, today: Day, targets: [YearlyTarget], days: [PersonDayRow]
    ) -> TargetReport {
        var lines = targets.map {
            Line(
                category: $0.category, pool: $0.pool,
                categoryLabel: $0.category == "all" ? "전체" : RegistryInput.categoryLabels[$0.category] ?? "신중년",
                poolLabel: PoolLabels.korean($0.pool), target: $0.days)
        }
        for d in days {
            for i in lines.indices
            where (lines[i].category == "all" || lines[i].category == d.category.rawValue)
                && (lines[i].pool == "all" || lines[i].pool == d.pool)
            {
                if d.attended {
                    lines[i].done += 1
                    lines[i].doneHours += d.hours
                } else if d.date >= today {
                    lines[i].scheduled += 1
                } else if !d.noShow {
                    lines[i].unrecorded += 1
                }
            }
        }
        return TargetReport(
            center: center, year: year, today: today, yearElapsed: elapsed(year: year, today: today), lines: lines)
    }
}

/// `ilson target set|list` and `report targets`.
public enum Targets {
    /// Reads a target group: a category in Korean or English, or `전체`/`all`.
    static func category(_ text: String) throws(OperationError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if ["전체", "all"].contains(t.lowercased()) { return "all" }
        if ["신중년", "midlife"].contains(t.lowercased()) { return "midlife" }
        do {
            return try RegistryInput.category(t, field: "--category").rawValue
        } catch {
            throw .badInput(T(.errTargetCategory, ["value": t]))
        }
    }

    /// Reads a pool: `일용`, `봉사`, `공공형 계절근로` (or day, volunteer, seasonal), or `전체`/`all`.
    static func pool(_ text: String?) throws(OperationError) -> String {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return "all" }
        if ["전체", "all"].contains(t.lowercased()) { return "all" }
        if let p = PoolLabels.all.first(where: { $0.code == t.lowercased() || $0.korean == t || $0.korean.hasSuffix(t) }
        ) {
            return p.code
        }
        throw .badInput(T(.errTargetPool, ["value": t]))
    }

    static func year(_ year: Int) throws(OperationError) -> Int {
        guard (2000...2100).contains(year) else { throw .badInput(T(.errTargetYear, ["value": year])) }
        return year
    }

    /// Sets a yearly target (replacing the one of the same year, group and pool), with an audit row.
    ///
    /// - Throws: `.badInput` for a bad year, group, pool or number of days (nothing written).
    public static func set(
        year: Int, category: String, pool: String?, days: Int, center: String?, on db: Connection
    ) throws -> YearlyTarget {
        let year = try Self.year(year)
        let category = try Self.category(category)
        let pool = try Self.pool(pool)
        guard (0...10_000_000).contains(days) else {
            throw OperationError.badInput(T(.errTargetDays, ["value": days]))
        }
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let old = try TargetStore.list(center: center.id, year: year, on: db).first {
                $0.category == category && $0.pool == pool
            }
            try TargetStore.save(center: center.id, year: year, category: category, pool: pool, days: days, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "target set", entity: "yearly_target",
                id: "\(year)/\(category)/\(pool)", action: old == nil ? .create : .update,
                before: old.map {
                    AuditJSON.object(["year": year, "category": category, "pool": pool, "days": $0.days])
                },
                after: AuditJSON.object(["year": year, "category": category, "pool": pool, "days": days]))
            return try TargetStore.list(center: center.id, year: year, on: db).first {
                $0.category == category && $0.pool == pool
            }!
        }
    }

    /// The center's targets (of one year, or all).
    public static func list(year: Int?, center: String?, on db: Connection) throws -> [YearlyTarget] {
        let year = try year.map { y throws(OperationError) in try Self.year(y) }
        let center = try Centers.resolve(center, on: db)
        return try TargetStore.list(center: center.id, year: year, on: db)
    }

    /// The year's targets against the worker-days of the year.
    public static func report(year: Int, center: String?, today: Day, on db: Connection) throws -> TargetReport {
        let year = try Self.year(year)
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let targets = try TargetStore.list(center: center.id, year: year, on: db)
            let days = try TargetStore.workerDays(
                center: center.id, from: Day(year: year, month: 1, day: 1)!, to: Day(year: year, month: 12, day: 31)!,
                on: db)
            return TargetReport.build(center: center.code, year: year, today: today, targets: targets, days: days)
        }
    }
}
