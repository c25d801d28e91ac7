import Foundation
import Operations
import Postgres
import Storage
import Testing
import Texts

@testable import IlsonCLI

/// `ilson audit show`: who changed what, when and why; a coordinator sees their own center only.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct AuditShowTests {
    @Test func aCoordinatorReadsTheirCentersChangesAndNoOtherCenters() throws {
        try AccessWorld.with { w in
            // Coordinator A changes farm FA1's profile; coordinator B changes farm FC1's.
            #expect(try CommandTests.run(w, .coordinatorA, ["farm", "update", "FA1", "--area-ha", "0.5"]) == 0)
            #expect(try CommandTests.run(w, .coordinatorB, ["farm", "update", "FC1", "--area-ha", "0.7"]) == 0)
            #expect(
                try CommandTests.run(
                    w, .coordinatorA, ["target", "set", "--year", "2027", "--category", "고령", "--days", "900"]) == 0)

            let ca = try w.connect(as: .coordinatorA)
            // In the coordinator's language (Korean by default; the suite runs with ILSON_LANG=en).
            let (centerA, lines) = try Language.$current.withValue(.ko) {
                try AuditTrail.show(date: nil, worker: nil, farm: "FA1", center: nil, on: ca)
            }
            #expect(centerA.code == "JA")
            let change = try #require(lines.first { $0.action == "농가 정보 변경" })
            #expect(change.actor == w.login(.coordinatorA))
            #expect(change.subject.contains("FA1"))
            #expect(change.change.contains("경작 면적(ha) - → 0.5"), "\(change.change)")
            // No internal id or field name reaches the coordinator.
            #expect(!lines.contains { $0.change.contains("area_ha") || $0.subject.contains("farm_id") })

            // Coordinator B: center A is not theirs to name, and its rows are not theirs to read.
            let cb = try w.connect(as: .coordinatorB)
            #expect(throws: OperationError.self) {
                try AuditTrail.show(date: nil, worker: nil, farm: "FA1", center: "JA", on: cb)
            }
            let leaked = try AuditTrailStore.entries(center: w["cA"], AuditFilter(farm: w["farmA"]), on: cb)
            #expect(leaked.isEmpty)
            #expect(try cb.query("SELECT id FROM audit_log WHERE center_id = \(w["cA"])").isEmpty)
            let (_, own) = try AuditTrail.show(date: nil, worker: nil, farm: "FC1", center: nil, on: cb)
            #expect(own.contains { $0.change.contains("0.7") })
            #expect(!own.contains { $0.subject.contains("FA1") })
            #expect(try CommandTests.run(w, .coordinatorB, ["audit", "show", "--farm", "FA1", "--center", "JA"]) != 0)
            #expect(try CommandTests.run(w, .coordinatorB, ["audit", "show", "--farm", "FC1"]) == 0)
            // Nothing asked: a clear error.
            #expect(try CommandTests.run(w, .coordinatorB, ["audit", "show"]) == 2)
        }
    }

    @Test func aFarmersRequestTakesThePolicyAndTheyCannotOverrideIt() throws {
        try AccessWorld.with { w in
            // Farm FA1 hit by a disaster; center A's policy has base 2 (the world's row).
            try w.db.query("UPDATE farms SET disaster_until = DATE '2100-01-01' WHERE id = \(w["farmA"])")
            let fa = try w.connect(as: .farmerA)
            // They read their own center's policy only.
            #expect(
                try fa.query("SELECT center_id FROM center_priority_policy").map {
                    try $0.decode("center_id", as: Int64.self)
                }
                    == [w["cA"]])
            let job = try Requests.submit(
                RequestInput(
                    farm: "FA1", date: w.day2, start: "07:00", end: "12:00", task: "제초", headcount: 1),
                center: nil, clock: try IlsonClock.current(), on: fa)
            let row = try w.db.query(
                "SELECT priority, priority_source FROM labor_requests WHERE id = \(job.requestIDs[0])")[0]
            #expect(try row.decode("priority", as: Int.self) == 6)
            #expect(try row.decode("priority_source", as: String.self) == "policy")
            // `request show` explains it to the farmer; a change of theirs keeps it on the policy.
            #expect(try CommandTests.run(w, .farmerA, ["request", "show", String(job.requestIDs[0])]) == 0)
            #expect(
                try CommandTests.run(w, .farmerA, ["request", "edit", String(job.requestIDs[0]), "--headcount", "2"])
                    == 0)
            #expect(
                try w.db.query("SELECT priority FROM labor_requests WHERE id = \(job.requestIDs[0])")[0].decode(
                    "priority", as: Int.self) == 6)
            // A farmer cannot make their own request an override.
            #expect(throws: PostgresError.self) {
                try fa.query(
                    """
                    UPDATE labor_requests SET priority_source = 'override', priority_reason = 'x', priority = 10
                    WHERE id = \(job.requestIDs[0])
                    """)
            }
        }
    }
}
