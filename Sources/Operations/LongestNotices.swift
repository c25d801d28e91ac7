import Messaging
import Records
import Vocabulary

/// The longest notices the text limits allow: every text field at its `TextLimits` length in Hangul (two CP949
/// bytes a character, the most any character takes once composed), the largest wage, and a list of the most
/// workers a request may ask for. With the default templates each composes (the tests show it); a center's own
/// template is refused when one of these would not (`CenterTemplates.save`).
public enum LongestNotices {
    /// The most workers one request may ask for (`request submit --headcount`).
    public static let maxHeadcount = 500

    /// The longest notice of each kind a template slot writes.
    public static func notices(for slot: TemplateSlot) -> [Notice] {
        switch slot {
        case .assignment: [.assignment(assignment)]
        case .assignmentChange: [.assignmentChange(assignment)]
        case .farmerList: [.farmerList(farmerList)]
        case .farmerListChange: [.farmerListChange(farmerList)]
        case .cancellation: [.cancellation(cancellation)]
        }
    }

    /// Every slot's longest notices.
    public static var all: [Notice] { TemplateSlot.allCases.flatMap(notices(for:)) }

    static func full(_ field: TextField) -> String { String(repeating: "가", count: field.maxLength) }

    static let day = Day(year: 2026, month: 12, day: 30)!
    static let start = TimeOfDay(hour: 23, minute: 58)!
    static let end = TimeOfDay(hour: 23, minute: 59)!

    static var assignment: AssignmentNotice {
        AssignmentNotice(
            centerName: full(TextLimits.centerName), workerName: full(TextLimits.workerName),
            workerPhone: "01012345678", date: day, start: start, end: end, farmName: full(TextLimits.farmName),
            farmAddress: full(TextLimits.address), meetingPoint: full(TextLimits.meetingPoint), meetingTime: start,
            task: full(TextLimits.task), wage: 2_000_000, farmerName: full(TextLimits.farmerName),
            farmerPhone: "01098765432")
    }

    static var farmerList: FarmerListNotice {
        FarmerListNotice(
            centerName: full(TextLimits.centerName), farmerName: full(TextLimits.farmerName),
            farmerPhone: "01098765432", farmName: full(TextLimits.farmName), date: day, start: start, end: end,
            task: full(TextLimits.task), headcountWanted: maxHeadcount,
            workers: (0..<maxHeadcount).map { i in
                ListedWorker(name: full(TextLimits.workerName), phone: "0101234" + String(1000 + i))
            })
    }

    static var cancellation: CancellationNotice {
        CancellationNotice(
            centerName: full(TextLimits.centerName), recipientName: full(TextLimits.workerName),
            recipientPhone: "01012345678", date: day, farmName: full(TextLimits.farmName), start: start,
            reason: full(TextLimits.reason))
    }
}
