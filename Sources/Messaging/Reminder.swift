import KoreanText
import Vocabulary

/// The one reminder to a worker who was told to come and has not answered by the deadline
/// (`replies settings --reminder on`).
public struct ReminderNotice: Sendable, Hashable {
    public var centerName: String
    /// The recipient's number, any written form `Phone.normalize` accepts.
    public var workerPhone: String
    public var date: Day
    /// The farm and start of the worker's (first) job that day.
    public var farmName: String
    public var start: TimeOfDay

    /// Creates a reminder; every field as named.
    public init(centerName: String, workerPhone: String, date: Day, farmName: String, start: TimeOfDay) {
        self.centerName = centerName
        self.workerPhone = workerPhone
        self.date = date
        self.farmName = farmName
        self.start = start
    }
}

/// Composes reminders: the facts a worker needs to recognise the job, then the answer prompt, as one SMS when it
/// fits 90 bytes, else one LMS (no fact is dropped).
public enum Reminders {
    /// The reminder's text:
    ///
    ///     [진천군농촌인력중개센터] 7/8(목) 06:00 이월 딸기하우스
    ///     회신 바랍니다: 참석 1 / 불참 2
    public static func body(_ n: ReminderNotice) -> String {
        let (_, m, d) = n.date.components
        let head = "[\(n.centerName.singleLine)] \(m)/\(d)(\(n.date.koreanWeekday)) \(n.start) \(n.farmName.singleLine)"
        return CP949.sanitize(head + "\n회신 바랍니다: 참석 1 / 불참 2")
    }

    /// The reminder as a message for the outbox.
    ///
    /// - Throws: `ComposeError.invalidRecipient` for a number that is not a Korean mobile number.
    public static func compose(_ n: ReminderNotice) throws(ComposeError) -> ComposedMessage {
        guard let to = Phone.normalize(n.workerPhone), Phone.isMobile(to) else {
            throw .invalidRecipient(masked: Phone.mask(n.workerPhone), kind: .reminder)
        }
        var text = body(n)
        var bytes = MessageComposer.byteCount(text)
        if bytes > MessageType.lms.byteLimit {
            // Only a farm or center name of absurd length gets here (both are limited far below): cut the farm.
            text = String(text.prefix(400))
            bytes = MessageComposer.byteCount(text)
        }
        return ComposedMessage(
            to: to, kind: .reminder, body: text, type: MessageType.fitting(byteCount: bytes) ?? .lms,
            byteCount: bytes, part: nil)
    }
}
