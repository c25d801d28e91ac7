import Foundation

/// `timestamptz` in PostgreSQL's text format, without Foundation formatters
/// (which are slow and not thread-safe on every platform). Dates convert through a UTC Gregorian
/// `Calendar`: this module keeps no calendar arithmetic of its own.
enum PGTimestampFormat {
    /// The proleptic Gregorian calendar in UTC.
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Midnight UTC of a day.
    private static func midnight(_ date: PGDate) -> Date? {
        utc.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00` in UTC, rounded to the microsecond (PostgreSQL's precision).
    static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = floorDivMod(micros, 1_000_000)
        let (days, secondOfDay) = floorDivMod(seconds, 86_400)
        let parts = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
        let date = PGDate(year: parts.year!, month: parts.month!, day: parts.day!)
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let second = secondOfDay % 60
        return "\(date) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(fraction, 6))+00"
    }

    /// Parses what PostgreSQL prints for a `timestamptz` with `DateStyle` ISO, in any `TimeZone`:
    /// `2026-05-14 06:30:00+09`, `…06:30:00.25+05:30`, `infinity`, `-infinity`.
    static func parse(_ text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        guard !text.hasSuffix(" BC") else { return nil }
        let halves = text.split(separator: " ", maxSplits: 1)
        guard halves.count == 2, let date = PGDate(halves[0]) else { return nil }
        let rest = halves[1]
        guard let signIndex = rest.firstIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
        let time = rest[..<signIndex]
        let offsetText = rest[rest.index(after: signIndex)...]
        let sign: Int64 = rest[signIndex] == "-" ? -1 : 1

        let timeParts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 3, let hour = Int64(timeParts[0]), let minute = Int64(timeParts[1]) else {
            return nil
        }
        let secondParts = timeParts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard let second = Int64(secondParts[0]), secondParts.count <= 2 else { return nil }
        var micros: Int64 = 0
        if secondParts.count == 2 {
            let digits = secondParts[1]
            guard !digits.isEmpty, digits.count <= 6, let value = Int64(digits) else { return nil }
            micros = value * Int64(pow(10.0, Double(6 - digits.count)))
        }
        var offsetSeconds: Int64 = 0
        var multiplier: Int64 = 3600
        for part in offsetText.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = Int64(part), multiplier >= 1 else { return nil }
            offsetSeconds += value * multiplier
            multiplier /= 60
        }
        guard let midnight = midnight(date) else { return nil }
        let localSeconds = Int64(midnight.timeIntervalSince1970) + hour * 3600 + minute * 60 + second
        let utcMicros = (localSeconds - sign * offsetSeconds) * 1_000_000 + micros
        return Date(timeIntervalSince1970: Double(utcMicros) / 1_000_000)
    }

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let quotient = a >= 0 ? a / b : -((-a + b - 1) / b)
        return (quotient, a - quotient * b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// One-dimensional arrays in PostgreSQL's text format.
enum PGArrayFormat {
    /// `{"a","b \"c\""}`: every element quoted, `\` and `"` escaped.
    static func format(_ elements: [String]) -> String {
        var out = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for character in element.unicodeScalars {
                if character == "\\" || character == "\"" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    /// Parses `{a,"b c",NULL}`; `nil` for a multi-dimensional or malformed array.
    static func parse(_ text: String) -> [String?]? {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "[" {  // dimension decoration, e.g. [0:1]={…}
            guard let equals = scalars.firstIndex(of: "=") else { return nil }
            scalars = scalars[scalars.index(after: equals)...]
        }
        guard scalars.popFirst() == "{", scalars.popLast() == "}" else { return nil }
        var elements: [String?] = []
        if scalars.isEmpty { return elements }
        while true {
            var element = String.UnicodeScalarView()
            var quoted = false
            if scalars.first == "\"" {
                quoted = true
                scalars.removeFirst()
                var closed = false
                while let scalar = scalars.popFirst() {
                    if scalar == "\\" {
                        guard let escaped = scalars.popFirst() else { return nil }
                        element.append(escaped)
                    } else if scalar == "\"" {
                        closed = true
                        break
                    } else {
                        element.append(scalar)
                    }
                }
                guard closed else { return nil }
            } else {
                while let scalar = scalars.first, scalar != "," {
                    if scalar == "{" || scalar == "\"" { return nil }
                    if scalar == "\\" {
                        scalars.removeFirst()
                        guard let escaped = scalars.first else { return nil }
                        element.append(escaped)
                    } else {
                        element.append(scalar)
                    }
                    scalars.removeFirst()
                }
            }
            let string = String(element)
            elements.append(!quoted && string == "NULL" ? nil : string)
            guard let separator = scalars.popFirst() else { return elements }
            guard separator == "," else { return nil }
        }
    }
}
