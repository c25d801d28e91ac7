import Postgres
import Records
import Texts
import Vocabulary

/// The planner of the roster workflow, as `batch plan` calls it.
public struct RosterWorkflowPlanner: DraftPlanner {
    var clock: IlsonClock

    /// A planner whose "today" is the clock's.
    public init(clock: IlsonClock) { self.clock = clock }

    /// Plans and stores the center's draft roster (`RosterPlanner.plan`); returns the line `batch plan` logs.
    public func planDraft(center: CenterRecord, date: Day, on db: Connection) throws -> String {
        let s = try RosterPlanner.plan(center: center, date: date, on: db, clock: clock, via: "batch plan")
        return T(
            .planSummary,
            [
                "filled": s.filled, "wanted": s.wanted, "unfilled": s.unfilled, "kept": s.pinsKept,
                "dropped": s.droppedPins.isEmpty ? "" : T(.planDropped, ["count": s.droppedPins.count]),
                "ms": s.totalMillis, "date": date, "center": center.code,
            ])
    }
}
