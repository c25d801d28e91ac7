import Foundation
import Operations
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// The priority, targets and audit commands in-process: exit codes, and bad input writes nothing.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct PolicyCommandTests {
    @Test func policyTargetAndAuditCommandsAndTheirBadInput() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            func run(_ arguments: [String]) -> Int32 { IlsonCommand.runMain(arguments + ["--database-url", url]) }
            func count(_ table: String) throws -> Int {
                try db.query("SELECT count(*) AS n FROM \(identifier: table)")[0].decode("n")
            }
            let today = try IlsonClock.current().today
            #expect(run(["center", "add", "--code", "JC", "--name", "진천군 농촌인력중개센터", "--county", "진천군"]) == 0)
            #expect(run(["farmer", "add", "--name", "이월순", "--phone", "010-9876-5432"]) == 0)
            #expect(
                run([
                    "farm", "add", "--code", "F012", "--name", "이월 딸기농장", "--farmer", "01098765432",
                    "--village", "이월면 중산리", "--area-ha", "0.6", "--woman-farmer", "예",
                ]) == 0)
            #expect(run(["farm", "show", "F012"]) == 0)
            #expect(
                run([
                    "request", "submit", "--farm", "F012", "--date", "\(today.next)", "--start", "07:00", "--end",
                    "12:00", "--task", "harvest", "--headcount", "2",
                ]) == 0)
            let id: Int64 = try db.query("SELECT min(id) AS id FROM labor_requests")[0].decode("id")
            // Base 1, under 1 ha +2, woman +1.
            #expect(
                try db.query("SELECT priority FROM labor_requests WHERE id = \(id)")[0].decode("priority", as: Int.self)
                    == 4)
            #expect(run(["center", "policy", "show"]) == 0)
            #expect(run(["request", "show", String(id)]) == 0)

            // Bad input: exit 2, nothing written.
            let audits = try count("audit_log")
            #expect(run(["farm", "update", "F012", "--area-ha=-1"]) == 2)
            #expect(run(["farm", "update", "F012", "--farmer-birth-year", "1800"]) == 2)
            #expect(
                run([
                    "farm", "add", "--code", "F013", "--name", "x", "--farmer", "01098765432", "--village",
                    "이월면 중산리", "--farmer-birth-year", "1800",
                ]) == 2)
            #expect(run(["request", "update", String(id), "--priority", "9"]) == 2)
            #expect(
                run(["request", "update", String(id), "--priority", "9", "--policy-priority", "--reason", "x"]) == 2)
            #expect(run(["center", "policy", "set", "--base", "0"]) == 2)
            #expect(run(["center", "policy", "set", "--elderly-age", "30"]) == 2)
            #expect(run(["target", "set", "--year", "2027", "--category", "외계인", "--days", "5"]) == 2)
            #expect(run(["target", "set", "--year", "2027", "--category", "고령", "--pool", "택배", "--days", "5"]) == 2)
            #expect(run(["target", "set", "--year", "2027", "--category", "고령", "--days=-5"]) == 2)
            #expect(run(["audit", "show"]) == 2)
            #expect(run(["audit", "show", "--farm", "F999"]) == 2)
            #expect(try count("audit_log") == audits)
            #expect(try count("yearly_targets") == 0)
            #expect(try count("farms") == 1)

            // The good ones.
            #expect(run(["request", "update", String(id), "--priority", "9", "--reason", "태풍 피해"]) == 0)
            #expect(
                try db.query("SELECT priority FROM labor_requests WHERE id = \(id)")[0].decode("priority", as: Int.self)
                    == 9)
            #expect(run(["center", "policy", "set", "--woman-points", "3"]) == 0)
            #expect(run(["request", "edit", String(id), "--policy-priority"]) == 0)
            #expect(
                try db.query("SELECT priority FROM labor_requests WHERE id = \(id)")[0].decode("priority", as: Int.self)
                    == 6)
            #expect(run(["target", "set", "--year", "2027", "--category", "고령", "--days", "1200"]) == 0)
            #expect(run(["target", "set", "--year", "2027", "--category", "전체", "--pool", "봉사", "--days", "300"]) == 0)
            #expect(run(["target", "list"]) == 0)
            #expect(run(["report", "targets", "--year", "2027"]) == 0)
            #expect(run(["report", "targets", "--year", "2027", "--format", "csv"]) == 0)
            #expect(run(["report", "placements", "--from", "\(today)", "--to", "\(today.next)", "--by", "pool"]) == 0)
            #expect(run(["audit", "show", "--farm", "F012"]) == 0)
            #expect(run(["audit", "show", "--date", "\(today.next)"]) == 0)
            #expect(try count("yearly_targets") == 2)
        }
    }
}
