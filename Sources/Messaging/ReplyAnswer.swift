import Vocabulary

/// What a worker's reply to a notice says: come or not. Anything else is for a person, never guessed.
///
/// Pure: no I/O.
public enum ReplyAnswer: String, Sendable, Hashable, CaseIterable {
    /// They will come (`1`, `예`, `네`, `ㅇㅇ`, `참석`, `갑니다`).
    case confirm
    /// They will not come (`2`, `아니오`, `못가요`, `불참`, `취소`).
    case decline

    /// The forms each answer is written in, after `key(_:)` (no spaces, no punctuation, digits in ASCII).
    public static let forms: [ReplyAnswer: Set<String>] = [
        .confirm: ["1", "예", "네", "ㅇㅇ", "참석", "갑니다", "참석합니다"],
        .decline: ["2", "아니오", "아니요", "못가요", "불참", "취소", "불참합니다"],
    ]

    /// The longest reply read as an answer (after `key`): a sentence is for a person.
    static let longest = 10

    /// Reads a reply: one of the usual answers, written with any spaces and punctuation (`참석!`, `네.`, `못 가요`,
    /// a full-width `１`); nil for anything else (a question, two answers, a sentence).
    ///
    /// - Parameter body: the reply's text as received.
    /// - Returns: the answer, or nil when the text is not one of the forms.
    public static func read(_ body: String) -> ReplyAnswer? {
        guard body.count <= 200 else { return nil }
        let key = key(body)
        guard !key.isEmpty, key.count <= longest else { return nil }
        for answer in allCases where forms[answer]!.contains(key) { return answer }
        return nil
    }

    /// The reply with spaces, punctuation, symbols and control characters removed, full-width digits and Latin
    /// letters made ASCII and lower case.
    public static func key(_ body: String) -> String {
        var out = String.UnicodeScalarView()
        for s in body.unicodeScalars {
            var s = s
            // Full-width ASCII (U+FF01…U+FF5E) as ASCII.
            if s.value >= 0xFF01 && s.value <= 0xFF5E, let ascii = Unicode.Scalar(s.value - 0xFEE0) { s = ascii }
            let p = s.properties
            if p.isWhitespace { continue }
            switch p.generalCategory {
            case .control, .format, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
                .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator,
                .nonspacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if s.value >= 0x41 && s.value <= 0x5A, let lower = Unicode.Scalar(s.value + 0x20) { s = lower }
            out.append(s)
        }
        return String(out)
    }
}

/// The answer prompt at the end of an assignment notice: `참석 1 / 불참 2 회신 (21:00까지)`.
public enum AnswerPrompt {
    /// The prompt line.
    ///
    /// - Parameter deadline: until when answers are expected (the evening before), shown when given.
    public static func text(deadline: TimeOfDay? = nil) -> String {
        "회신: 참석 1 / 불참 2" + (deadline.map { " (\($0)까지)" } ?? "")
    }
}
