import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Testing
import Texts
import Vocabulary

@testable import Operations

/// Pins, unassigns and forced pins take a reason (required for a forced pin), and `audit show` prints it.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ChangeReasonTests {
    static let clock = RosterPlanTests.clock
    static var date: Day { RosterPlanTests.date }

    @Test func aForcedPinNeedsAReasonAndTheAuditSaysWhoAndWhy() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let c = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            _ = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            let before = try RosterStore.find(center: c.center.id, date: Self.date, on: db)!.version
            let audits = try Fixtures.count(db, "audit_log")
            // 한순자 (w7) is not available and lacks the skill: a forced pin, without a reason.
            do {
                _ = try RosterEditor.assign(
                    center: c.center, date: Self.date, request: c.requests["r3"]!, worker: .id(c.workers["w7"]!),
                    force: true, on: db, clock: Self.clock)
                Issue.record("a forced pin without a reason was made")
            } catch let OperationError.badInput(message) {
                #expect(message.contains("--reason") && message.contains("사유"))
            }
            // A reason that is too long or holds a line break is refused as well.
            #expect(throws: OperationError.self) {
                try RosterEditor.assign(
                    center: c.center, date: Self.date, request: c.requests["r3"]!, worker: .id(c.workers["w7"]!),
                    force: true, reason: "줄\n바꿈", on: db, clock: Self.clock)
            }
            #expect(try RosterStore.find(center: c.center.id, date: Self.date, on: db)!.version == before)
            #expect(try Fixtures.count(db, "audit_log") == audits)

            let forced = try RosterEditor.assign(
                center: c.center, date: Self.date, request: c.requests["r3"]!, worker: .id(c.workers["w7"]!),
                force: true, reason: "농가가 직접 요청", on: db, clock: Self.clock)
            #expect(!forced.warnings.isEmpty)
            let roster = try #require(try RosterStore.find(center: c.center.id, date: Self.date, on: db))
            let other = try #require(
                try AssignmentStore.live(roster: roster.id, on: db).first { $0.workerID != c.workers["w7"]! })
            _ = try RosterEditor.unassign(
                center: c.center, date: Self.date, request: other.requestID, worker: .id(other.workerID),
                reason: "본인 사정", on: db, clock: Self.clock)

            // In the coordinator's language (Korean by default; the suite runs with ILSON_LANG=en).
            let (_, lines) = try Language.$current.withValue(.ko) {
                try AuditTrail.show(date: Self.date, worker: nil, farm: nil, center: nil, on: db)
            }
            let forcedLine = try #require(lines.first { $0.action == "강제 배정" })
            #expect(forcedLine.reason == "농가가 직접 요청")
            #expect(forcedLine.subject.contains("한순자") && forcedLine.subject.contains("010-****-"))
            #expect(forcedLine.subject.contains(Self.date.description))
            #expect(!forcedLine.subject.contains("r\(c.requests["r3"]!)"))
            let unassigned = try #require(lines.first { $0.action == "배정 해제" })
            #expect(unassigned.reason == "본인 사정")
            // By worker: only that worker's changes.
            let phone = c.phones["w7"]!
            let (_, mine) = try AuditTrail.show(date: nil, worker: phone, farm: nil, center: nil, on: db)
            #expect(mine.contains { $0.action == "forced pin" }, "in English on request")
            #expect(mine.allSatisfy { $0.subject.contains("한순자") })
        }
    }
}
