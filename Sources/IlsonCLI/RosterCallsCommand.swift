import ArgumentParser
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson roster calls`: who to phone for a day, with full numbers (for the coordinator's eyes only).
/// Standalone; wired under `roster`.
struct RosterCallsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: T(.aboutRosterCalls),
        discussion: T(.helpRosterCalls0))

    @OptionGroup var options: RosterDayOptions

    func run(_ context: CommandContext) throws {
        let (day, c) = try (context.date, context.center)
        let calls = try RosterCalls.list(center: c, date: day, clock: context.clock, on: context.db)
        let gaps = try RosterCalls.gaps(center: c, date: day, on: context.db)
        defer { RosterGapsOutput.print(gaps, date: day) }
        guard !calls.isEmpty else {
            print(T(.callsNobody, ["center": c.code, "date": RequestText.day(day)]))
            if !gaps.isEmpty { throw ExitCode(IlsonExitCode.partial.rawValue) }
            return
        }
        var table = TextTable(
            headers: [
                T(.colNumber), T(.colName), T(.colPhone), T(.colFarm), T(.colStart), T(.colPickup), T(.colReason),
            ])
        for call in calls {
            table.append([
                String(call.workerId), call.name, Phone.format(call.phone), call.farmName, call.start,
                [call.meetingTime, call.meetingPoint].compactMap { $0 }.joined(separator: " "), call.reason,
            ])
        }
        print(T(.callsCount, ["center": c.code, "date": RequestText.day(day), "count": calls.count]))
        print(table.render())
        if !gaps.isEmpty { throw ExitCode(IlsonExitCode.partial.rawValue) }
    }
}

/// Requests a decline left below their minimum, as `roster show` and `roster calls` print them.
enum RosterGapsOutput {
    static func print(_ gaps: [ShortRequest], date: Day) {
        guard !gaps.isEmpty else { return }
        Swift.print(T(.gapsTitle))
        for g in gaps {
            Swift.print(
                "  "
                    + T(
                        .gapsLine,
                        [
                            "request": RequestText.number(g.requestId), "farm": g.farmName, "assigned": g.assigned,
                            "headcount": g.headcount, "minimum": g.minHeadcount, "date": date, "number": g.requestId,
                        ]))
        }
    }
}
