import Foundation
import Testing
import Vocabulary

/// Statuses print as they are stored; a time of day is `HH:MM` in JSON, as a day is `YYYY-MM-DD`.
@Suite struct StatusTextTests {
    @Test func statusesPrintAsStored() {
        #expect("\(AssignmentStatus.noShow)" == "no_show")
        #expect("\(AttendanceOutcome.leftEarly)" == "left_early")
        #expect("\(MessageKind.farmerList)" == "farmer_list")
        #expect("\(RosterState.sending)" == "sending")
    }

    @Test func timeOfDayIsHHMMInJSON() throws {
        let time = try #require(TimeOfDay("06:30"))
        let data = try JSONEncoder().encode([time])
        #expect(String(decoding: data, as: UTF8.self) == #"["06:30"]"#)
        #expect(try JSONDecoder().decode([TimeOfDay].self, from: data) == [time])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([TimeOfDay].self, from: Data(#"["6:3"]"#.utf8)) }
    }
}
