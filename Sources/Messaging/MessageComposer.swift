import KoreanText
import Vocabulary

/// One SMS or LMS ready for the outbox: recipient, body, type and the body's CP949 byte count.
public struct ComposedMessage: Sendable, Hashable {
    /// The recipient's digits, `01012345678`.
    public var to: String
    public var kind: MessageKind
    /// The body: only characters CP949 can carry.
    public var body: String
    public var type: MessageType
    /// The body's size in CP949 bytes, as carriers count it (stored with the outbox row).
    public var byteCount: Int
    /// For a list sent in several parts: this part's number (1-based) and the number of parts; nil when whole.
    public var part: Part?

    /// Part `index` of `count`.
    public struct Part: Sendable, Hashable {
        public var index: Int
        public var count: Int
    }
}

/// Why a notice could not be composed. Descriptions mask phone numbers.
public enum ComposeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The recipient's number is not a Korean mobile number (SMS needs one); carries the masked number.
    case invalidRecipient(masked: String, kind: MessageKind)
    /// One line alone is over what an LMS part can hold, so the message cannot be split without cutting it.
    case lineTooLong(kind: MessageKind, line: Int, bytes: Int, limit: Int)
    /// A wage below zero, a headcount below zero: the input is wrong.
    case invalidValue(String)

    public var description: String {
        switch self {
        case .invalidRecipient(let masked, let kind):
            "cannot send the \(kind) message: \(masked) is not a mobile number; correct the number or call instead"
        case .lineTooLong(let kind, let line, let bytes, let limit):
            "the \(kind) message has a line of \(bytes) bytes (line \(line)), over the \(limit) bytes an LMS "
                + "can carry with its part number: shorten that field or the template"
        case .invalidValue(let what):
            "cannot compose the message: \(what)"
        }
    }
}

/// Turns notices into messages: fills a center's templates, makes the text sendable, counts bytes, and splits
/// what is over an LMS into numbered parts at line ends.
///
/// Pure: no I/O, no clock.
public struct MessageComposer: Sendable, Hashable {
    public var templates: TemplateSet

    /// A composer with the center's templates (default: `TemplateSet.defaults`).
    public init(templates: TemplateSet = .defaults) {
        self.templates = templates
    }

    /// Composes a notice into one message, or into numbered LMS parts when it is over 2,000 bytes.
    ///
    /// Characters CP949 cannot carry are removed (emoji) or replaced by `?` (`CP949.sanitize`); control characters
    /// inside values (a newline in a farm name) become spaces, so values never add lines.
    ///
    /// - Parameter notice: what to say, to whom.
    /// - Returns: the messages to send, in order; one unless the body had to be split.
    /// - Throws: `ComposeError` when the recipient is not a mobile number, or a single line is too long to split.
    public func compose(_ notice: Notice) throws(ComposeError) -> [ComposedMessage] {
        guard let to = Phone.normalize(notice.recipientPhone) else {
            throw .invalidRecipient(masked: Phone.mask(notice.recipientPhone), kind: notice.kind)
        }
        let values = try Self.values(of: notice)
        let lines = templates[notice.templateSlot].render(values).map {
            Template.RenderedLine(text: CP949.sanitize($0.text), isListEntry: $0.isListEntry)
        }
        // Leading and trailing empty lines (left by omitted lines) say nothing.
        var trimmed = lines[...]
        while let f = trimmed.first, f.text.isEmpty { trimmed.removeFirst() }
        while let l = trimmed.last, l.text.isEmpty { trimmed.removeLast() }
        var packed = Array(trimmed)
        // The answer prompt comes last, after every fact: when all do not fit an SMS, `pack` makes it an LMS
        // rather than dropping anything.
        // Version 2: the ride and the day's other jobs, after the template's facts and before the prompt.
        if case .assignment(let n) = notice {
            for line in (n.ride.map { [$0] } ?? []) + n.otherJobs {
                let text = CP949.sanitize(line.singleLine)
                if !text.isEmpty { packed.append(Template.RenderedLine(text: text, isListEntry: false)) }
            }
        }
        // One list per farm and day: the farm's other requests, each a heading and its numbered workers.
        if case .farmerList(let n) = notice { packed += Self.sections(n.more) }
        if case .farmerListChange(let n) = notice { packed += Self.sections(n.more) }
        if case .assignment(let n) = notice, let prompt = n.answerPrompt.map({ CP949.sanitize($0.singleLine) }),
            !prompt.isEmpty
        {
            packed.append(Template.RenderedLine(text: prompt, isListEntry: false))
        }
        return try Self.pack(packed, to: to, kind: notice.kind)
    }

    /// The lines of a farmer's list's further sections (`FarmerListNotice.more`).
    static func sections(_ more: [FarmerListSection]) -> [Template.RenderedLine] {
        more.flatMap { section in
            [Template.RenderedLine(text: CP949.sanitize(section.heading), isListEntry: false)]
                + listLines(section.workers).map {
                    Template.RenderedLine(text: CP949.sanitize($0), isListEntry: true)
                }
        }
    }

    /// `1. 김영숙 010-1234-5678 (이월 마을회관 승차) 참석확인`: a farmer's list, one line a worker.
    static func listLines(_ workers: [ListedWorker]) -> [String] {
        workers.enumerated().map { i, w in
            "\(i + 1). \(w.name.singleLine) \(Phone.format(w.phone))"
                + (w.ridesFrom.map { " (\($0.singleLine) 승차)" } ?? "")
                + (w.confirmed ? " 참석확인" : "")
        }
    }

    /// Splits rendered lines into messages of at most 2,000 bytes.
    static func pack(_ lines: [Template.RenderedLine], to: String, kind: MessageKind) throws(ComposeError)
        -> [ComposedMessage]
    {
        let body = lines.map(\.text).joined(separator: "\n")
        let bytes = byteCount(body)
        if let type = MessageType.fitting(byteCount: bytes) {
            return [ComposedMessage(to: to, kind: kind, body: body, type: type, byteCount: bytes, part: nil)]
        }
        // Numbered parts: "(k/n) " before each part's first line; every part after the first repeats the title
        // (the first line) unless the title is itself a list entry, so each part makes sense alone.
        let limit = MessageType.lms.byteLimit
        let title: Template.RenderedLine? = lines.first.flatMap { $0.isListEntry ? nil : $0 }
        var guess = 2
        while true {
            let prefixBytes = "(\(guess)/\(guess)) ".utf8.count  // ASCII: bytes = UTF-8 length
            var parts: [[Template.RenderedLine]] = []
            var current: [Template.RenderedLine] = []
            var currentBytes = 0
            for (i, line) in lines.enumerated() {
                let lineBytes = byteCount(line.text)
                let startBytes = prefixBytes + (title.map { byteCount($0.text) + 1 } ?? 0)
                if current.isEmpty {
                    current = [line]
                    currentBytes = prefixBytes + lineBytes
                    if currentBytes > limit {
                        throw .lineTooLong(kind: kind, line: i + 1, bytes: lineBytes, limit: limit - prefixBytes)
                    }
                } else if currentBytes + 1 + lineBytes <= limit {
                    current.append(line)
                    currentBytes += 1 + lineBytes
                } else {
                    parts.append(current)
                    if let title {
                        current = [title, line]
                        currentBytes = startBytes + lineBytes
                    } else {
                        current = [line]
                        currentBytes = prefixBytes + lineBytes
                    }
                    if currentBytes > limit {
                        throw .lineTooLong(kind: kind, line: i + 1, bytes: lineBytes, limit: limit - startBytes)
                    }
                }
            }
            if !current.isEmpty { parts.append(current) }
            guard String(parts.count).count == String(guess).count else {
                guess = parts.count
                continue
            }
            let n = parts.count
            return parts.enumerated().map { index, partLines in
                let text = "(\(index + 1)/\(n)) " + partLines.map(\.text).joined(separator: "\n")
                // Every part is an LMS, even a short last one: one channel keeps the parts in order on the phone.
                return ComposedMessage(
                    to: to, kind: kind, body: text, type: .lms, byteCount: byteCount(text),
                    part: .init(index: index + 1, count: n))
            }
        }
    }

    /// CP949 bytes of sanitized text (every character encodable).
    static func byteCount(_ text: String) -> Int {
        CP949.byteCount(text) ?? CP949.byteCount(CP949.sanitize(text)) ?? 0
    }

    static func values(of notice: Notice) throws(ComposeError) -> [Placeholder: TemplateValue] {
        var v: [Placeholder: TemplateValue] = [:]
        func put(_ p: Placeholder, _ text: String?) {
            guard let text else { return }
            let clean = text.singleLine
            if !clean.isEmpty { v[p] = .text(clean) }
        }
        switch notice {
        case .assignment(let n), .assignmentChange(let n):
            guard n.wage >= 0 else { throw .invalidValue("the wage is negative (\(n.wage))") }
            put(.center, n.centerName)
            put(.name, n.workerName)
            put(.date, SMSDate.format(n.date))
            put(.start, n.start.description)
            put(.end, n.end.description)
            put(.farm, n.farmName)
            put(.address, n.farmAddress)
            put(.meetingPoint, n.meetingPoint)
            put(.meetingTime, n.meetingTime?.description)
            put(.task, n.task)
            put(.wage, Won.short(n.wage))
            put(.farmer, n.farmerName)
            put(.farmerPhone, Phone.format(n.farmerPhone))
        case .farmerList(let n), .farmerListChange(let n):
            guard n.headcountWanted >= 0 else { throw .invalidValue("the headcount is negative") }
            put(.center, n.centerName)
            put(.name, n.farmerName)
            put(.date, SMSDate.format(n.date))
            put(.start, n.start.description)
            put(.end, n.end.description)
            put(.farm, n.farmName)
            put(.task, n.task)
            put(.headcount, String(n.workers.count))
            put(.wanted, String(n.headcountWanted))
            if !n.workers.isEmpty {
                v[.workers] = .lines(listLines(n.workers))
            }
        case .cancellation(let n):
            put(.center, n.centerName)
            put(.name, n.recipientName)
            put(.date, SMSDate.format(n.date))
            put(.start, n.start?.description)
            put(.farm, n.farmName)
            put(.reason, n.reason)
        }
        return v
    }
}

extension String {
    /// Control characters (newlines, tabs) as spaces, runs of spaces closed up, trimmed.
    var singleLine: String {
        var out = ""
        var lastSpace = true
        for s in unicodeScalars {
            let isSpace = s.properties.generalCategory == .control || s.properties.isWhitespace
            if isSpace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.unicodeScalars.append(s)
                lastSpace = false
            }
        }
        if out.last == " " { out.removeLast() }
        return out
    }
}
