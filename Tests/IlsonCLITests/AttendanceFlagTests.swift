import Operations
import Testing
import Vocabulary

@testable import IlsonCLI

/// `attendance record`: --hours and --note belong to the workers named right before them, never to every worker of
/// the command (issue 13, item 11).
@Suite struct AttendanceFlagTests {
    static func entries(_ arguments: [String]) throws -> [AttendanceEntry] {
        try AttendanceCommand.Record.parse(["--date", "2026-07-08"] + arguments).entries()
    }

    @Test func hoursAndNoteGoToTheGroupRightBeforeThem() throws {
        let entries = try Self.entries([
            "--present", "a,b", "--late", "c", "--hours", "6.5", "--note", "버스 놓침", "--no-show", "d",
        ])
        let byWorker = Dictionary(uniqueKeysWithValues: entries.map { ($0.worker, $0) })
        #expect(byWorker.count == 4)
        for present in ["a", "b"] {
            #expect(byWorker[present]?.outcome == .present)
            #expect(byWorker[present]?.hours == nil, "present: the scheduled hours")
            #expect(byWorker[present]?.note == nil)
        }
        #expect(byWorker["c"]?.outcome == .late)
        #expect(byWorker["c"]?.hours == 6.5)
        #expect(byWorker["c"]?.note == "버스 놓침")
        #expect(byWorker["d"]?.outcome == .noShow)
        #expect(byWorker["d"]?.hours == nil)
        #expect(byWorker["d"]?.note == nil)
    }

    @Test func repeatedGroupsEachKeepTheirOwnHours() throws {
        let entries = try Self.entries([
            "--late", "c", "--hours", "6.5", "--left-early", "e,f", "--hours", "4", "--note", "병원", "--late", "g",
        ])
        let byWorker = Dictionary(uniqueKeysWithValues: entries.map { ($0.worker, $0) })
        #expect(byWorker["c"]?.hours == 6.5 && byWorker["c"]?.note == nil)
        #expect(byWorker["e"]?.hours == 4 && byWorker["e"]?.note == "병원" && byWorker["e"]?.outcome == .leftEarly)
        #expect(byWorker["f"]?.hours == 4 && byWorker["f"]?.note == "병원")
        #expect(byWorker["g"]?.outcome == .late && byWorker["g"]?.hours == nil)
    }

    @Test func hoursBeforeAnyWorkersOrTwiceForOneGroupAreRefused() throws {
        #expect {
            try Self.entries(["--hours", "6.5", "--late", "c"])
        } throws: { error in
            "\(error)".contains("--hours 6.5 comes before any workers")
        }
        #expect {
            try Self.entries(["--late", "c", "--hours", "6.5", "--hours", "5"])
        } throws: { error in
            "\(error)".contains("two --hours for the workers of --late c")
        }
        #expect {
            try Self.entries(["--note", "x", "--present", "a"])
        } throws: { error in
            "\(error)".contains("--note comes before any workers")
        }
        #expect(throws: (any Error).self) { try Self.entries(["--late", "c", "--hours", "0x24.8p0"]) }
        #expect(throws: (any Error).self) { try Self.entries(["--late", "c", "--hours", "inf"]) }
    }
}
