/// A time of day, `HH:MM`, local time (Asia/Seoul for a center): a job's start and end, a message's meeting time.
public struct TimeOfDay: Sendable, Hashable, Comparable, TextCodable {
    /// How messages name the form: an `HH:MM` time.
    public static let textForm = "an HH:MM time"

    /// Minutes after midnight, 0 ..< 1440.
    public var minutes: Int

    /// Creates a time, or nil when hour is not 0-23 or minute not 0-59.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (two digits each, 00:00 to 23:59), as the problem format and the database write it.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"),
            b.enumerated().allSatisfy({ $0.offset == 2 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
            )
        else { return nil }
        let digit = { (i: Int) in Int(b[i] - UInt8(ascii: "0")) }
        self.init(hour: digit(0) * 10 + digit(1), minute: digit(3) * 10 + digit(4))
    }

    /// The end of a day, `24:00` (minutes 1440): allowed only as the end of a range (a job's end, a window's end).
    public static let endOfDay = TimeOfDay(minutesAfterMidnight: 24 * 60)

    private init(minutesAfterMidnight m: Int) { minutes = m }

    /// Parses `HH:MM` as the end of a range: every time ``init(_:)`` reads, and `24:00`.
    public init?(rangeEnd text: String) {
        if text == "24:00" {
            self = .endOfDay
            return
        }
        self.init(text)
    }

    /// The hour, 0-23.
    public var hour: Int { minutes / 60 }
    /// The minute, 0-59.
    public var minute: Int { minutes % 60 }

    /// `HH:MM`.
    public var description: String {
        let h = minutes / 60
        let m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
