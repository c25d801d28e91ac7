/// A text field a farmer or coordinator fills, with the most it may hold.
///
/// Lengths count characters as PostgreSQL's `char_length` does (Unicode scalars); the database holds the same
/// rule as a CHECK on every column listed (`sql/012_text_limits.sql`, constraint `<table>_<column>_limit`).
public struct TextField: Sendable, Hashable, CustomStringConvertible {
    /// What a coordinator calls it: `farm name`, `meeting point`.
    public var label: String
    /// The most characters it may hold.
    public var maxLength: Int
    /// Whether it is one line: line breaks, tabs, NUL and other control characters are refused.
    public var singleLine: Bool
    /// The columns that hold it, `table.column`.
    public var columns: [String]

    public var description: String { label }

    /// Why a text does not fit this field, or nil when it fits.
    ///
    /// - Parameter text: the value as it will be stored (trimmed).
    public func problem(with text: String) -> TextProblem? {
        for scalar in text.unicodeScalars where TextField.isControl(scalar, allowingLineBreaks: !singleLine) {
            return .controlCharacter(scalar)
        }
        let length = text.unicodeScalars.count
        return length > maxLength ? .tooLong(length: length) : nil
    }

    /// Control characters (Unicode `Cc`) and the Unicode line and paragraph separators; a multi-line field may
    /// still hold line feeds, carriage returns and tabs.
    static func isControl(_ scalar: Unicode.Scalar, allowingLineBreaks: Bool) -> Bool {
        if allowingLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
        return scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

/// Why a text does not fit its field.
public enum TextProblem: Sendable, Hashable {
    /// More characters than the field's `maxLength`.
    case tooLong(length: Int)
    /// A control character (a line break in a one-line field, a NUL, a tab …).
    case controlCharacter(Unicode.Scalar)
}

/// The one table of text limits: every text field a farmer or coordinator fills. Operations checks input against
/// it, the database holds the same limits as CHECKs, and the tests compare the two and compose the longest
/// possible SMS with these lengths.
///
/// The limits fit the use: a name as a person writes it, a farm's name and meeting point as the evening SMS
/// shows them; with every field at its limit, every notice still fits one LMS line by line.
public enum TextLimits {
    public static let centerName = TextField(
        label: "center name", maxLength: 60, singleLine: true, columns: ["centers.name"])
    public static let farmerName = TextField(
        label: "farmer name", maxLength: 40, singleLine: true, columns: ["farmers.name"])
    public static let workerName = TextField(
        label: "worker name", maxLength: 40, singleLine: true, columns: ["workers.name"])
    public static let farmName = TextField(label: "farm name", maxLength: 40, singleLine: true, columns: ["farms.name"])
    public static let address = TextField(
        label: "farm address", maxLength: 100, singleLine: true, columns: ["farms.address"])
    public static let village = TextField(
        label: "village", maxLength: 40, singleLine: true,
        columns: ["farms.village", "workers.village", "pickup_points.village"])
    public static let meetingPoint = TextField(
        label: "meeting point", maxLength: 60, singleLine: true, columns: ["farms.meeting_point"])
    public static let task = TextField(
        label: "task", maxLength: 40, singleLine: true, columns: ["labor_jobs.task", "labor_requests.task"])
    public static let skillName = TextField(
        label: "skill or task name", maxLength: 40, singleLine: true, columns: ["skills.name", "tasks.name"])
    /// A reason sent in a cancellation notice (`request cancel`, `roster cancel`, `roster decline`).
    public static let reason = TextField(
        label: "reason", maxLength: 100, singleLine: true,
        columns: ["labor_requests.cancel_reason", "rosters.cancel_reason", "assignments.status_reason"])
    /// Why a person overrode a request's priority or changed a roster by hand (sql/020), kept in the audit log.
    public static let changeReason = TextField(
        label: "reason", maxLength: 100, singleLine: true,
        columns: ["labor_requests.priority_reason", "audit_log.reason"])
    public static let blockReason = TextField(
        label: "block reason", maxLength: 200, singleLine: true, columns: ["blocks.reason"])
    public static let availabilityNote = TextField(
        label: "availability note", maxLength: 200, singleLine: true, columns: ["worker_availability.note"])
    public static let attendanceNote = TextField(
        label: "attendance note", maxLength: 200, singleLine: true, columns: ["attendance.note"])
    /// A center's message template: several lines; `batch templates set` also checks that it composes.
    public static let template = TextField(
        label: "message template", maxLength: 1000, singleLine: false, columns: ["message_templates.body"])

    /// A pickup point's name (마을회관, 터미널 …), shown in a rider's notice.
    public static let pickupPointName = TextField(
        label: "pickup point name", maxLength: 40, singleLine: true, columns: ["pickup_points.name"])

    /// Every field, each once.
    public static let all: [TextField] = [
        centerName, farmerName, workerName, farmName, address, village, meetingPoint, task, skillName, reason,
        changeReason, blockReason, availabilityNote, attendanceNote, template, pickupPointName,
    ]
}
