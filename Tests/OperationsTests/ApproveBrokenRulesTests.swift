import Foundation
import Operations
import Postgres
import Records
import Scheduling
import Storage
import Testing
import Texts
import Vocabulary

/// `roster approve` refuses a draft that breaks a hard rule (`RosterRules.checkNoViolations`): a request left under
/// its minimum by hand is named in the refusal, in English by the scorer's words and in Korean by the rule's name,
/// and the roster stays a draft.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ApproveBrokenRulesTests {
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var date: Day { clock.tomorrow }

    /// The refusal's message of approving the small county's roster after taking all but one worker off the
    /// pruning request r3 (minimum 2), in `language`.
    static func refusal(in language: Language) throws -> (message: String, state: RosterState?) {
        var result: (String, RosterState?) = ("", nil)
        try TestDatabase.withMigratedDatabase { db, _ in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            _ = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            let ids = try DayLoader.load(center: c.center.id, date: Self.date, on: db).ids
            let r3 = try #require(c.requests["r3"])
            let pruners = try RosterFixtures.livePairs(c.center, Self.date, on: db).filter {
                try ids.requests.id($0.request).rawValue == r3
            }
            try #require(pruners.count >= 2)
            for pair in pruners.dropFirst() {
                _ = try RosterEditor.unassign(
                    center: c.center, date: Self.date, request: r3,
                    worker: .id(try ids.workers.id(pair.worker).rawValue),
                    on: db, clock: Self.clock)
            }
            let message = Language.$current.withValue(language) { () -> String in
                do {
                    _ = try RosterApproval.approve(center: c.center, date: Self.date, on: db, clock: Self.clock)
                    return "approved"
                } catch let error as OperationError {
                    guard case .conflict(let message) = error else { return "\(error)" }
                    return message
                } catch {
                    return "\(error)"
                }
            }
            result = (message, try RosterStore.find(center: c.center.id, date: Self.date, on: db)?.state)
        }
        return result
    }

    @Test func aRequestUnderItsMinimumIsNamedAndTheRosterStaysADraft() throws {
        let (message, state) = try Self.refusal(in: .en)
        #expect(message.contains("breaks 1 hard rule(s): rule 7 (under-min-headcount)"), "\(message)")
        #expect(message.hasSuffix("re-plan it or fix it by hand before approving"), "\(message)")
        #expect(state == .draft)
    }

    @Test func inKoreanTheRuleIsNamed() throws {
        let (message, state) = try Self.refusal(in: .ko)
        let name = Language.$current.withValue(.ko) { RequestText.ruleName(7) }
        #expect(message.contains(name), "\(message)")
        #expect(!message.contains("under-min-headcount"), "\(message)")
        #expect(state == .draft)
    }
}
