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
