import KoreanText

/// A named value a template can show: written `{이름}` (or its English alias, `{name}`).
public enum Placeholder: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The center's name.
    case center = "센터"
    /// The recipient's name (the worker's, or the farmer's in a farmer's list).
    case name = "이름"
    /// The day, `12/1(화)`.
    case date = "날짜"
    /// Start of work, `06:30`.
    case start = "시작"
    /// End of work, `15:00`.
    case end = "종료"
    /// The farm's name.
    case farm = "농가"
    /// The farm's address.
    case address = "주소"
    /// Where the worker is picked up; absent when there is none.
    case meetingPoint = "집결지"
    /// When to be at the pick-up point; absent when there is none.
    case meetingTime = "집결시각"
    /// The task, `사과 수확`.
    case task = "작업"
    /// The day wage, `13만원`.
    case wage = "일당"
    /// The farmer's name.
    case farmer = "농가주"
    /// The farmer's number in full, `010-1234-5678`.
    case farmerPhone = "농가전화"
    /// The workers coming, one line each: `1. 김똠 010-1234-5678`.
    case workers = "명단"
    /// How many workers are coming.
    case headcount = "인원"
    /// How many workers the farmer asked for.
    case wanted = "요청인원"
    /// Why it was cancelled; absent when no reason was given.
    case reason = "사유"

    /// The English alias: `{name}`, `{farmerPhone}`, ….
    public var alias: String {
        switch self {
        case .center: "center"
        case .name: "name"
        case .date: "date"
        case .start: "start"
        case .end: "end"
        case .farm: "farm"
        case .address: "address"
        case .meetingPoint: "meetingPoint"
        case .meetingTime: "meetingTime"
        case .task: "task"
        case .wage: "wage"
        case .farmer: "farmer"
        case .farmerPhone: "farmerPhone"
        case .workers: "workers"
        case .headcount: "headcount"
        case .wanted: "wanted"
        case .reason: "reason"
        }
    }

    /// The placeholder written `name` (Korean name, or English alias in any case), or nil.
    public init?(named name: String) {
        if let p = Placeholder(rawValue: name) {
            self = p
            return
        }
        let lower = name.lowercased()
        guard let p = Placeholder.allCases.first(where: { $0.alias.lowercased() == lower }) else { return nil }
        self = p
    }

    /// `{이름}`.
    public var description: String { "{\(rawValue)}" }
}

/// The templates a center can change: one per kind of notice and audience.
public enum TemplateSlot: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A new assignment, to a worker.
    case assignment
    /// The workers coming, to a farmer.
    case farmerList = "farmer_list"
    /// A cancellation, to a worker or a farmer.
    case cancellation
    /// A changed assignment, to a worker.
    case assignmentChange = "assignment_change"
    /// A changed list, to a farmer.
    case farmerListChange = "farmer_list_change"

    /// The placeholders a template of this slot may use.
    public var placeholders: [Placeholder] {
        switch self {
        case .assignment, .assignmentChange:
            [
                .center, .name, .date, .start, .end, .farm, .address, .meetingPoint, .meetingTime, .task, .wage,
                .farmer, .farmerPhone,
            ]
        case .farmerList, .farmerListChange:
            [.center, .name, .date, .start, .end, .farm, .task, .workers, .headcount, .wanted]
        case .cancellation:
            [.center, .name, .date, .start, .farm, .reason]
        }
    }

    public var description: String { rawValue }
}

/// Why a template was refused; each case names the line (1-based) and what to change.
public enum TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `{name}` is no placeholder at all.
    case unknownPlaceholder(name: String, line: Int, slot: TemplateSlot)
    /// A real placeholder that this kind of message has no value for (`{일당}` in a farmer's list).
    case unavailablePlaceholder(Placeholder, line: Int, slot: TemplateSlot)
    /// A `{` with no `}` on the same line.
    case unclosedBrace(line: Int)
    /// `{}`.
    case emptyPlaceholder(line: Int)
    /// A character carriers cannot carry (CP949 has no code for it), such as an emoji.
    case unencodableCharacter(String, line: Int)
    /// Nothing but whitespace.
    case empty(slot: TemplateSlot)

    public var description: String {
        switch self {
        case .unknownPlaceholder(let name, let line, let slot):
            "unknown placeholder {\(name)} on line \(line) of the \(slot) template; known: "
                + slot.placeholders.map(\.description).joined(separator: " ")
                + " (use {{ and }} for literal braces)"
        case .unavailablePlaceholder(let p, let line, let slot):
            "placeholder \(p) on line \(line) has no value in a \(slot) message; available: "
                + slot.placeholders.map(\.description).joined(separator: " ")
        case .unclosedBrace(let line):
            "unclosed { on line \(line): close the placeholder with }, or write {{ for a literal brace"
        case .emptyPlaceholder(let line):
            "empty placeholder {} on line \(line)"
        case .unencodableCharacter(let ch, let line):
            "character \(ch) on line \(line) cannot be sent by SMS (not in CP949): remove it"
        case .empty(let slot):
            "the \(slot) template is empty"
        }
    }
}

/// A parsed, validated template: text with named placeholders, one line at a time.
///
/// The language, kept small so a coordinator can edit it:
/// - `{이름}` or `{name}` is replaced by the value; the placeholders a slot may use are `TemplateSlot.placeholders`.
/// - `{{` and `}}` are a literal `{` and `}`.
/// - A line whose placeholders all have no value (no meeting point, no reason) is left out; an absent value on
///   a line that still shows others renders as nothing, and doubled spaces it leaves are closed up.
/// - `{명단}` expands to one line per worker.
public struct Template: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case text(String)
        case placeholder(Placeholder)
    }

    /// The slot this template was validated for.
    public let slot: TemplateSlot
    /// The text as written.
    public let source: String
    let lines: [[Segment]]

    /// Parses and validates a template for one slot.
    ///
    /// - Parameters:
    ///   - source: the template text (`\r\n` is read as `\n`).
    ///   - slot: the kind of notice it writes.
    /// - Throws: `TemplateError` naming the first problem and its line.
    public init(_ source: String, for slot: TemplateSlot) throws(TemplateError) {
        self.slot = slot
        self.source = source
        let text = source.replacingCRLF
        guard text.contains(where: { !$0.isWhitespace }) else { throw .empty(slot: slot) }
        var lines: [[Segment]] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = index + 1
            var segments: [Segment] = []
            var literal = ""
            var chars = rawLine[...]
            while let ch = chars.first {
                chars.removeFirst()
                if ch == "{" {
                    if chars.first == "{" {
                        chars.removeFirst()
                        literal.append("{")
                        continue
                    }
                    guard let close = chars.firstIndex(of: "}") else { throw .unclosedBrace(line: lineNo) }
                    let rawName = chars[..<close]
                    if rawName.contains("{") { throw .unclosedBrace(line: lineNo) }
                    chars = chars[chars.index(after: close)...]
                    let name = rawName.trimming(" \t")
                    guard !name.isEmpty else { throw .emptyPlaceholder(line: lineNo) }
                    guard let p = Placeholder(named: name) else {
                        throw .unknownPlaceholder(name: name, line: lineNo, slot: slot)
                    }
                    guard slot.placeholders.contains(p) else {
                        throw .unavailablePlaceholder(p, line: lineNo, slot: slot)
                    }
                    if !literal.isEmpty { segments.append(.text(literal)) }
                    literal = ""
                    segments.append(.placeholder(p))
                } else if ch == "}" {
                    if chars.first == "}" { chars.removeFirst() }
                    literal.append("}")
                } else {
                    guard CP949.canEncode(String(ch)) else { throw .unencodableCharacter(String(ch), line: lineNo) }
                    literal.append(ch)
                }
            }
            if !literal.isEmpty { segments.append(.text(literal)) }
            lines.append(segments)
        }
        self.lines = lines
    }

    /// The placeholders this template uses, in order of first use.
    public var placeholders: [Placeholder] {
        var seen: [Placeholder] = []
        for line in lines {
            for case .placeholder(let p) in line where !seen.contains(p) { seen.append(p) }
        }
        return seen
    }

    /// A rendered line and whether it is one entry of a multi-line value (a worker of `{명단}`).
    struct RenderedLine: Sendable, Hashable {
        var text: String
        var isListEntry: Bool
    }

    /// Renders with the values; a placeholder missing from `values` has no value.
    func render(_ values: [Placeholder: TemplateValue]) -> [RenderedLine] {
        var out: [RenderedLine] = []
        for line in lines {
            let used = line.compactMap { seg -> Placeholder? in
                if case .placeholder(let p) = seg { return p }
                return nil
            }
            if !used.isEmpty, used.allSatisfy({ values[$0] == nil }) { continue }
            let hadAbsent = used.contains { values[$0] == nil }
            // The line's text, split where a multi-line value puts its entries.
            var current = ""
            var pieces: [RenderedLine] = []
            for seg in line {
                switch seg {
                case .text(let t): current += t
                case .placeholder(let p):
                    switch values[p] {
                    case nil: break
                    case .text(let t): current += t
                    case .lines(let entries):
                        for (i, entry) in entries.enumerated() {
                            if i == 0 && !current.isEmpty && current.contains(where: { !$0.isWhitespace }) {
                                // `명단: {명단}`: the first entry shares the line with its label.
                                pieces.append(RenderedLine(text: current + entry, isListEntry: true))
                            } else {
                                // Whitespace before the list is dropped.
                                pieces.append(RenderedLine(text: entry, isListEntry: true))
                            }
                            current = ""
                        }
                    }
                }
            }
            if !current.isEmpty || pieces.isEmpty { pieces.append(RenderedLine(text: current, isListEntry: false)) }
            for var piece in pieces {
                if hadAbsent { piece.text = piece.text.closingUpSpaces }
                piece.text = piece.text.trimmingTrailingSpaces
                out.append(piece)
            }
        }
        return out
    }
}

/// A placeholder's value when rendering.
enum TemplateValue: Sendable, Hashable {
    case text(String)
    case lines([String])
}

/// The templates of one center: the defaults, with the slots the center changed.
public struct TemplateSet: Sendable, Hashable {
    var templates: [TemplateSlot: Template]

    /// The default Korean templates: concise, informational only (no advertising, so no `(광고)` is needed).
    public static let defaults = TemplateSet()

    /// The default text of each slot.
    public static let defaultSources: [TemplateSlot: String] = [
        .assignment: """
        {이름}님 {날짜} {시작} 배정
        {집결시각} {집결지} 집결
        {농가} 작업: {작업} {일당}
        """,
        .assignmentChange: """
        {이름}님 {날짜} {시작} 변경
        {집결시각} {집결지} 집결
        {농가} 작업: {작업} {일당}
        """,
        .farmerList: """
        [{센터}] {이름}님 {날짜} 일손 명단
        {농가} {시작}~{종료} {작업}
        {인원}명 배정 (요청 {요청인원}명)
        {명단}
        """,
        .farmerListChange: """
        [{센터}] {이름}님 {날짜} 일손 명단 변경
        {농가} {시작}~{종료} {작업}
        {인원}명 배정 (요청 {요청인원}명)
        {명단}
        """,
        .cancellation: """
        {이름}님 {날짜} {농가} 일 취소
        사유: {사유}
        """,
    ]

    private init() {
        var t: [TemplateSlot: Template] = [:]
        for slot in TemplateSlot.allCases {
            // The defaults are tested; a failure here is a programming error.
            t[slot] = try! Template(TemplateSet.defaultSources[slot]!, for: slot)
        }
        templates = t
    }

    /// The defaults with some slots replaced by a center's own text.
    ///
    /// - Parameter overrides: template text per slot; slots left out keep the default.
    /// - Throws: `TemplateError` for the first template that does not parse (it names the line and placeholder).
    public init(overrides: [TemplateSlot: String]) throws(TemplateError) {
        self.init()
        for slot in TemplateSlot.allCases {
            if let source = overrides[slot] { templates[slot] = try Template(source, for: slot) }
        }
    }

    /// The template used for a slot.
    public subscript(slot: TemplateSlot) -> Template { templates[slot]! }
}

extension String {
    var replacingCRLF: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in self {
            // "\r\n" is one Character in Swift.
            if ch == "\r\n" { out.append("\n") } else { out.append(ch) }
        }
        return out
    }

    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }

    /// Doubled spaces closed up, and the space an absent value leaves before a closing bracket or at the start.
    var closingUpSpaces: String {
        var out = ""
        var lastSpace = false
        for ch in self {
            if ch == " " {
                if lastSpace || out.isEmpty { continue }
                lastSpace = true
            } else {
                if lastSpace, ch == ")" { out.removeLast() }
                lastSpace = false
            }
            out.append(ch)
        }
        return out
    }
}

extension Substring {
    func trimming(_ set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
