import Vocabulary

/// Dates as a coordinator types them, on the command line and in sheets: `2026-12-03`, `today`/`tomorrow`,
/// `오늘`/`내일`/`모레`, a month and day without the year (`12/3`, `12월 3일`: the next such date, today included),
/// and a full date as Excel in Korean shows one (`2026. 12. 3.`, `2026.12.03`, `2026/12/3`).
extension IlsonClock {
    /// `text` as `YYYY-MM-DD` when it is one of the forms above other than `today`/`tomorrow`/`오늘`/`내일` (the
    /// clock reads those itself), else as typed, for `parse` to read or refuse. A month and day is the next such
    /// date on or after `onOrAfter` (default today; a 2월 29일 the next leap year's).
    public func normalized(_ text: String, onOrAfter: Day? = nil) -> String {
        let start = onOrAfter ?? today
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "모레" || trimmed.lowercased() == "overmorrow" { return today.adding(days: 2).description }
        if let (year, month, day) = Self.fullDate(trimmed), let date = Day(year: year, month: month, day: day) {
            return date.description
        }
        guard let (month, day) = Self.monthAndDay(trimmed) else { return text }
        let year = start.components.year
        for y in year...(year + 8) {
            if let date = Day(year: y, month: month, day: day), date >= start { return date.description }
        }
        return text
    }

    /// A day written in full, needing no clock: `2026-12-03`, or as Excel shows one (`2026. 12. 3.`, `2026/12/3`).
    public static func calendarDay(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(trimmed) { return day }
        return fullDate(trimmed).flatMap { Day(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// `12/3`, `12월 3일`, `12월3일` → (12, 3); nil for anything else.
    public static func monthAndDay(_ text: String) -> (month: Int, day: Int)? {
        guard text.count <= 12 else { return nil }
        let parts: [Substring]
        if text.contains("/") {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
        } else if text.hasSuffix("일"), let m = text.firstIndex(of: "월") {
            parts = [text[..<m], text[text.index(after: m)..<text.index(before: text.endIndex)]]
        } else {
            return nil
        }
        guard let numbers = digits(parts, widths: [2, 2]), (1...12).contains(numbers[0]), (1...31).contains(numbers[1])
        else { return nil }
        return (numbers[0], numbers[1])
    }

    /// `2026. 12. 3.`, `2026.12.03`, `2026/12/3` → (2026, 12, 3); nil for anything else (`2026-12-03` is `Day`'s).
    static func fullDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard text.count <= 16 else { return nil }
        var body = Substring(text)
        let separator: Character
        if body.contains(".") {
            separator = "."
            if body.last == "." { body = body.dropLast() }
        } else if body.contains("/") {
            separator = "/"
        } else {
            return nil
        }
        let parts = body.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].trimmingCharacters(in: .whitespaces).count == 4,
            let n = digits(parts, widths: [4, 2, 2]), (1...12).contains(n[1]), (1...31).contains(n[2])
        else { return nil }
        return (n[0], n[1], n[2])
    }

    /// The parts as numbers when each is ASCII digits (spaces around allowed) no wider than its width.
    private static func digits(_ parts: [Substring], widths: [Int]) -> [Int]? {
        guard parts.count == widths.count else { return nil }
        var out: [Int] = []
        for (part, width) in zip(parts, widths) {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard !p.isEmpty, p.count <= width, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(p) else {
                return nil
            }
            out.append(n)
        }
        return out
    }
}
