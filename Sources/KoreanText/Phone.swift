/// Korean mobile phone numbers: the one place that parses, formats and masks them.
///
/// Phone numbers are personal information. Every log line, and every output for a role that need not
/// see them, shows `Phone.mask(...)`: `010-****-5678`.
public enum Phone {
    /// The digits of a Korean mobile number (`01012345678`), from any of `010-1234-5678`, `01012345678`,
    /// `010 1234 5678`, `010.1234.5678` or `+82 10-1234-5678`; nil when it is not a Korean mobile number.
    public static func normalize(_ text: String) -> String? {
        var digits = ""
        var rest = Substring(text.trimmingSpaces)
        if rest.hasPrefix("+82") {
            rest = rest.dropFirst(3)
            digits = "0"
        }
        for ch in rest {
            if let a = ch.asciiValue, a >= 0x30, a <= 0x39 {
                digits.append(ch)
            } else if ch == "-" || ch == " " || ch == "." || ch == "(" || ch == ")" {
                continue
            } else {
                return nil
            }
        }
        if digits.hasPrefix("00") { digits.removeFirst() }
        return isMobile(digits) ? digits : nil
    }

    /// Whether the digits are a Korean mobile number: `010` then 8 digits, or `01[16789]` then 7 or 8
    /// (the older numbers that still exist).
    public static func isMobile(_ digits: String) -> Bool {
        let b = Array(digits.utf8)
        guard b.count == 10 || b.count == 11, b.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        guard b[0] == 0x30, b[1] == 0x31 else { return false }
        if b[2] == 0x30 { return b.count == 11 }
        return [0x31, 0x36, 0x37, 0x38, 0x39].contains(b[2])
    }

    /// `010-1234-5678` (or `011-123-4567` for ten digits); the input unchanged when it is not a mobile number.
    public static func format(_ text: String) -> String {
        guard let d = normalize(text) else { return text }
        let c = Array(d)
        let mid = c.count == 11 ? 4 : 3
        return String(c[0..<3]) + "-" + String(c[3..<(3 + mid)]) + "-" + String(c[(3 + mid)...])
    }

    /// The masked form for logs and for roles that need not see the number: `010-****-5678`.
    /// Anything that is not a mobile number has every digit but the last four masked.
    public static func mask(_ text: String) -> String {
        if let d = normalize(text) {
            let c = Array(d)
            let mid = c.count == 11 ? 4 : 3
            return String(c[0..<3]) + "-" + String(repeating: "*", count: mid) + "-" + String(c[(3 + mid)...])
        }
        let digitCount = text.filter { $0.isASCII && $0.isNumber }.count
        var seen = 0
        return String(
            text.map { ch -> Character in
                guard ch.isASCII && ch.isNumber else { return ch }
                seen += 1
                return seen > digitCount - 4 ? ch : "*"
            })
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
