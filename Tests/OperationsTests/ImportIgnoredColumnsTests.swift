import Foundation
import Postgres
import Storage
import Testing
import Texts

@testable import Operations

/// Every import's summary names the columns it does not read (`ImportSummary(_:of:)`), and says nothing of them
/// when every column is known.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ImportIgnoredColumnsTests {
    /// The CSV text with one more column, `비고`, on its header and every row.
    static func withRemarks(_ csv: String) -> [UInt8] {
        let lines = csv.split(separator: "\n").enumerated().map {
            $0.offset == 0 ? $0.element + ",비고" : $0.element + ",x"
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test func farmsWorkersAndRequestsNameTheColumnTheyDoNotRead() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            try Language.$current.withValue(.en) {
                let known = try Fixtures.importCounty(db)
                #expect(known.allSatisfy { !$0.notes.contains { $0.contains("ignored column") } }, "\(known)")
                let summaries = [
                    try FarmImport.run(
                        bytes: Self.withRemarks(Fixtures.farmsKoreanWithPlaces), file: "farms.csv", center: nil, on: db
                    ),
                    try WorkerImport.run(
                        bytes: Self.withRemarks(Fixtures.workersEnglish), file: "workers.csv", center: nil,
                        clock: Fixtures.clock, on: db),
                    try RequestImport.run(
                        bytes: Self.withRemarks(Fixtures.requestsKorean(first: Fixtures.clock.tomorrow)),
                        file: "requests.csv", center: nil, clock: Fixtures.clock, on: db),
                ]
                #expect(summaries.map(\.what) == ["farms", "workers", "requests"])
                for summary in summaries {
                    let note = summary.notes.first { $0.hasPrefix("ignored column(s): ") }
                    #expect(note?.contains("비고") == true, "\(summary)")
                    // The rows are read all the same: nothing new, nothing changed.
                    #expect(summary.created == 0 && summary.updated == 0, "\(summary)")
                }
            }
        }
    }
}
