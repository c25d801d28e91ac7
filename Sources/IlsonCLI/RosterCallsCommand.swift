import ArgumentParser
import KoreanText
import Operations
import Records
import Vocabulary

/// `ilson roster calls`: who to phone for a day, with full numbers (for the coordinator's eyes only).
/// Standalone; wired under `roster`.
struct RosterCallsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Workers to phone for a day (no SMS consent, or a message failed), with full numbers.")

    @OptionGroup var options: RosterDayOptions

    func run(_ context: CommandContext) throws {
        let (day, c) = try (context.date, context.center)
        let calls = try RosterCalls.list(center: c, date: day, on: context.db)
        guard !calls.isEmpty else {
            print("\(c.code) \(day): nobody to call")
            return
        }
        var table = TextTable(headers: ["id", "이름", "전화", "농가", "시작", "집결", "사유"])
        for call in calls {
            table.append([
                String(call.workerId), call.name, Phone.format(call.phone), call.farmName, call.start,
                [call.meetingTime, call.meetingPoint].compactMap { $0 }.joined(separator: " "), call.reason,
            ])
        }
        print("\(c.code) \(day): \(calls.count) call(s)")
        print(table.render())
    }
}
