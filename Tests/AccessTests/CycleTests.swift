import Foundation
import KoreanText
import Messaging
import Operations
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// The daily cycle with each command run by the login that runs it in real life: a coordinator imports, plans
/// and approves; the batch login sends (file gateway, the real binary); the farmer sees their own workers only.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CycleTests {
    @Test func coordinatorImportsPlansApprovesBatchSendsFarmerSees() throws {
        try AccessWorld.with { w in
            func run(_ person: Person, _ arguments: [String]) throws -> Int32 {
                IlsonCommand.runMain(arguments + ["--database-url", try w.url(as: person)])
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "ilson-access-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func file(_ name: String, _ text: String) throws -> String {
                let url = directory.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                return url.path
            }
            let day = try IlsonClock.current().today.adding(days: 3).description

            // Imports as the coordinator of JA (COPY into temporary staging tables, then INSERT … SELECT).
            let farms = try file("farms.csv", "농가코드,농가명,농업인,농업인전화,마을\nFN1,새 농장,박농부,010-9111-0001,진천읍 읍내리\n")
            #expect(try run(.coordinatorA, ["farm", "import", farms]) == 0)
            var workers = "name,phone,village\n"
            for i in 1...4 { workers += "일꾼\(i),010-7100-000\(i),진천읍 읍내리\n" }
            #expect(try run(.coordinatorA, ["worker", "import", try file("workers.csv", workers)]) == 0)
            let requests = try file(
                "requests.csv",
                "farm,date,start,end,task,headcount\nFA1,\(day),07:00,16:00,harvest,2\nFN1,\(day),08:00,17:00,harvest,1\n"
            )
            #expect(try run(.coordinatorA, ["request", "import", requests]) == 0)
            #expect(
                try w.db.query("SELECT count(*) AS n FROM workers WHERE center_id = \(w["cA"])")[0].decode(
                    "n", as: Int.self) == 6)
            // Coordinator B's imports land in B, never in A, and B cannot import A's farms.
            #expect(try run(.coordinatorB, ["request", "import", requests]) == 2)

            // Plan and approve as the coordinator: no --center needed, they see one center.
            #expect(try run(.coordinatorA, ["roster", "plan", "--date", day]) == 0)
            #expect(try run(.coordinatorA, ["roster", "show", "--date", day]) == 0)
            #expect(try run(.coordinatorB, ["roster", "approve", "--center", "JA", "--date", day]) != 0)
            #expect(try run(.coordinatorA, ["roster", "approve", "--date", day]) == 0)

            // The imported workers agree to SMS (the import leaves consent off), so they get notices and can answer.
            try w.db.query("UPDATE workers SET sms_consent = true WHERE center_id = \(w["cA"])")
            // The batch login sends through the file gateway (the real binary: the gateway comes from the environment).
            let sms = directory.appendingPathComponent("sms").path
            let send = try IlsonRun.run(
                ["batch", "send", "--date", day, "--center", "JA"],
                environment: [
                    "ILSON_DATABASE_URL": try w.url(as: .batch), "ILSON_SMS_GATEWAY": "file", "ILSON_SMS_DIR": sms,
                ])
            #expect(send.status == 0, "\(send)")
            let state: String = try w.db.query(
                "SELECT state FROM rosters WHERE center_id = \(w["cA"]) AND work_date = \(day)::date")[0].decode(
                    "state")
            #expect(state == "sent")
            #expect(try !FileManager.default.contentsOfDirectory(atPath: sms).isEmpty)

            // A farmer's own audit trail: who did what, by login.
            let actors = Set(
                try w.db.query("SELECT DISTINCT actor FROM audit_log WHERE center_id = \(w["cA"])").map {
                    try $0.decode("actor", as: String.self)
                })
            #expect(actors.isSuperset(of: [w.login(.coordinatorA), w.login(.batch)]))

            // Farmer A sees the two workers at FA1 that day, and nothing of FN1's; farmer B sees none that day.
            let seen = try Users.farmerWorkers(from: day, to: day, on: w.connect(as: .farmerA))
            #expect(seen.count == 2 && seen.allSatisfy { $0.farmCode == "FA1" && $0.workerName.hasPrefix("일꾼") })
            #expect(try Users.farmerWorkers(from: day, to: day, on: w.connect(as: .farmerB)).isEmpty)
            #expect(try run(.farmerA, ["user", "workers", "--date", day]) == 0)

            // Workers answer by SMS (issue 17): the coordinator turns automatic backfill on; a reply pushed to the
            // receiver is stored as the batch login, and the batch login acts on it as `roster decline` would.
            #expect(try run(.coordinatorA, ["replies", "settings", "--backfill", "on"]) == 0)
            #expect(try run(.coordinatorB, ["replies", "settings", "--center", "JA", "--backfill", "off"]) != 0)
            let placed: String = try w.db.query(
                """
                SELECT w.phone FROM assignments a JOIN workers w ON w.id = a.worker_id
                WHERE a.center_id = \(w["cA"]) AND a.work_date = \(day)::date AND a.status = 'approved'
                ORDER BY a.id LIMIT 1
                """)[0].decode("phone")
            let confirming = try #require(seen.first { Phone.normalize($0.workerPhone) != placed }?.workerPhone)
            let batchDB = try w.connect(as: .batch)
            #expect(
                try ReplyIntake.store(
                    [
                        InboundMessage(id: "in-1", from: "+82" + placed.dropFirst(), body: "못가요"),
                        InboundMessage(id: "in-2", from: confirming, body: "네"),
                    ], via: .push, on: batchDB) == 2)
            let replies = try IlsonRun.run(
                ["batch", "replies"],
                environment: [
                    "ILSON_DATABASE_URL": try w.url(as: .batch), "ILSON_SMS_GATEWAY": "file", "ILSON_SMS_DIR": sms,
                ])
            #expect(replies.status == 0, "\(replies)")
            let answered: String = try w.db.query("SELECT state FROM sms_inbound WHERE provider_id = 'in-1'")[0]
                .decode("state")
            #expect(answered == "declined")
            let statuses = try w.db.query(
                """
                SELECT a.status FROM assignments a JOIN workers w ON w.id = a.worker_id
                WHERE w.phone = \(placed) AND a.work_date = \(day)::date
                """
            ).map { try $0.decode("status", as: String.self) }
            #expect(statuses == ["declined"])
            // The farmer sees who confirmed.
            let after = try Users.farmerWorkers(from: day, to: day, on: w.connect(as: .farmerA))
            #expect(after.filter { $0.status == .confirmed }.map(\.workerPhone) == [confirming])
            #expect(!after.contains { $0.workerPhone == placed })
            // Coordinator B cannot read A's replies.
            #expect(
                try w.connect(as: .coordinatorB).query("SELECT count(*) AS n FROM sms_inbound")[0].decode(
                    "n", as: Int.self) == 0)
        }
    }
}
