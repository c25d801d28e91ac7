import Vocabulary

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

extension Won {
    /// As Korean centers write a day wage in a text message: `13만원`, `12만5천원`, `9만원`; an amount that is not
    /// whole thousands, or under 10,000 won, as `format` writes it (`7,500원`).
    public static func short(_ amount: Int) -> String {
        guard amount >= 10_000, amount % 1_000 == 0 else { return format(amount) }
        let man = amount / 10_000
        let cheon = (amount % 10_000) / 1_000
        return "\(man)만" + (cheon > 0 ? "\(cheon)천" : "") + "원"
    }
}

/// The day as a text message writes it: `12/1(화)`, 8 bytes where `12월 1일(화)` takes 12.
public enum SMSDate {
    public static func format(_ day: Day) -> String {
        let parts = day.description.split(separator: "-")
        return "\(Int(parts[1])!)/\(Int(parts[2])!)(\(day.koreanWeekday))"
    }
}
