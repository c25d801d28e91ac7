/// What a message announces; stored with each outbox row (`sms_outbox.kind`) and sent as the contract's `kind`.
public enum MessageKind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// To a worker: where and when to work.
    case assignment
    /// To a farmer: the workers coming, with their numbers.
    case farmerList = "farmer_list"
    /// To a worker or a farmer: the roster or the request was cancelled (rain, …).
    case cancellation
    /// To a worker or a farmer: an updated assignment or list (a replacement, a changed time).
    case change

    public var description: String { rawValue }
}

/// The carrier message type: `SMS` up to 90 bytes, `LMS` up to 2,000 bytes, counted in CP949.
public enum MessageType: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case sms = "SMS"
    case lms = "LMS"

    /// The most bytes a body of this type may take in CP949: 90 for SMS, 2,000 for LMS.
    public var byteLimit: Int {
        switch self {
        case .sms: 90
        case .lms: 2_000
        }
    }

    /// The cheapest type that carries a body of `byteCount` CP949 bytes, or nil when it is over 2,000.
    public static func fitting(byteCount: Int) -> MessageType? {
        if byteCount <= MessageType.sms.byteLimit { return .sms }
        if byteCount <= MessageType.lms.byteLimit { return .lms }
        return nil
    }

    public var description: String { rawValue }
}

/// A calendar date (`YYYY-MM-DD`) without time or zone: the day a message is about.
public struct MessageDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when it does not exist (month 1-12, day within the month, leap years included).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= MessageDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real date); nil otherwise.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Weekday: 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (ordinal + 4) % 7
        return r < 0 ? r + 7 : r
    }

    /// The Korean weekday letter: 일 월 화 수 목 금 토.
    public var koreanWeekday: String { ["일", "월", "화", "수", "목", "금", "토"][weekday] }

    /// The form messages use: `12월 1일(화)`.
    public var korean: String { "\(month)월 \(day)일(\(koreanWeekday))" }

    public static func < (a: MessageDate, b: MessageDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = MessageDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a YYYY-MM-DD date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A time of day, `HH:MM` (24-hour, as work notices write it: `06:30`).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// Creates a time, or nil when hour is not 0-23 or minute not 0-59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (also `H:MM`); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// `HH:MM`.
    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
}

/// Formatting of amounts for messages.
public enum Won {
    /// `130,000원`: digits grouped by thousands, then 원 (negative amounts keep their sign).
    public static func format(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (amount < 0 ? "-" : "") + out + "원"
    }
}
