import Postgres
import Records
import Vocabulary

/// The planner of the roster workflow, as `batch plan` calls it.
public struct RosterWorkflowPlanner: DraftPlanner {
    var clock: IlsonClock

    /// A planner whose "today" is the clock's.
    public init(clock: IlsonClock) { self.clock = clock }

    /// Plans and stores the center's draft roster (`RosterPlanner.plan`); returns the line `batch plan` logs.
    public func planDraft(center: CenterRecord, date: Day, on db: Connection) throws -> String {
        let s = try RosterPlanner.plan(center: center, date: date, on: db, clock: clock, via: "batch plan")
        return "\(s.filled) of \(s.wanted) places filled, \(s.unfilled) request(s) not full, "
            + "\(s.pinsKept) pin(s) kept" + (s.droppedPins.isEmpty ? "" : ", \(s.droppedPins.count) pin(s) dropped")
            + " (\(s.totalMillis) ms); review with `ilson roster show --date \(date) --center \(center.code)`"
    }
}
