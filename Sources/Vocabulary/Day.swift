/// A calendar date without time or zone, as the problem format writes it (`YYYY-MM-DD`).
///
/// Stored as days since 1970-01-01 in the proleptic Gregorian calendar, so arithmetic,
/// comparison and hashing are integer operations. The one calendar of the project: the
/// scheduler, messages and storage all use it (Storage converts it to and from PostgreSQL's `date`).
public struct Day: Sendable, Hashable, Comparable, TextCodable {
    /// How messages name the form: a `YYYY-MM-DD` date.
    public static let textForm = "a YYYY-MM-DD date"

    /// Days since 1970-01-01 (negative before it).
    public var ordinal: Int

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from year, month and day, or nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.ordinal = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real date).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month (1-12) and day of month (1-31).
    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(ordinal) }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The ISO 8601 week this day belongs to (weeks run Monday to Sunday; week 1 holds the year's first Thursday).
    public var isoWeek: ISOWeek {
        let thursday = self.adding(days: 4 - isoWeekday)
        let year = thursday.components.year
        let jan1 = Day(year: year, month: 1, day: 1)!
        return ISOWeek(year: year, week: (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Weekday: 0 = Sunday … 6 = Saturday.
    public var weekday: Int { isoWeekday % 7 }

    /// The Korean weekday letter: 일 월 화 수 목 금 토.
    public var koreanWeekday: String { ["일", "월", "화", "수", "목", "금", "토"][weekday] }

    /// The form messages and coordinators read: `12월 1일(화)`.
    public var korean: String {
        let (_, m, d) = components
        return "\(m)월 \(d)일(\(koreanWeekday))"
    }

    /// The day before.
    public var previous: Day { adding(days: -1) }
    /// The day after.
    public var next: Day { adding(days: 1) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Whether `y` is a leap year of the Gregorian calendar.
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// The number of days of a month (1-12) in a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
