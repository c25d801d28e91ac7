/// One yearly target (sql/021): worker-days (연인원) a center plans for a target group and pool in a year.
public struct YearlyTarget: Sendable, Hashable, Decodable {
    public var year: Int
    /// A worker category code, or `all`.
    public var category: String
    /// A worker pool (`day`, `volunteer`, `seasonal`), or `all`.
    public var pool: String
    public var days: Int
    /// The login that set it last.
    public var updatedBy: String

    public init(year: Int, category: String, pool: String, days: Int, updatedBy: String) {
        self.year = year
        self.category = category
        self.pool = pool
        self.days = days
        self.updatedBy = updatedBy
    }
}
