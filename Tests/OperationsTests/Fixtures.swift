import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Vocabulary

@testable import Operations

/// A small county for registry tests: the center JC, farms, workers and requests as CSV text.
/// Dates come from `clock` (a fixed "today" injected into the operations), never from the calendar.
enum Fixtures {
    static let clock = IlsonClock(today: Day("2026-12-01")!)

    /// Adds the center JC.
    @discardableResult
    static func center(_ db: Connection, code: String = "JC") throws -> CenterRecord {
        try Centers.add(code: code, name: "진천군 농촌인력중개센터", smsSender: "0435391234", county: "진천군", on: db)
    }

    /// farms.csv rows need a place: F003 gets lat/lon (the Korean header names 위도/경도).
    static let farmsKoreanWithPlaces = """
        농가명,농가코드,농업인,농업인전화,마을,주소,집결지,위도,경도
        이월 딸기농장,F001,이월순,010-9876-5432,이월면 중산리,충북 진천군 이월면 중산리 12,마을회관 앞,,
        문백 수박농장,F002,박문백,01033334444,문백면 평산리,,,,
        광혜원 배농장,F003,최광혜,010-5555-1212,,,,36.99,127.43
        """

    /// workers.csv with English headers.
    static let workersEnglish = """
        phone,name,village,skills,category,max_travel_km,sms_consent,allowed_farms,available_from,available_to
        010-1234-5678,김영숙,진천읍 읍내리,harvest;packing,고령,20,y,,2026-12-01,2026-12-31
        01022223333,박민수,이월면 중산리,harvest,youth,,n,,,
        010-5555-6666,Nguyen Van An,광혜원면 광혜원리,,foreign,,,F001;F002,,
        010 7777 8888,이순자,문백면 평산리,packing,여성,15,예,,,
        """

    /// requests.csv with Korean headers; `first` is the first day.
    static func requestsKorean(first: Day) -> String {
        """
        농가코드,날짜,일수,시작,종료,작업,기술,인원,최소인원,일당
        F001,\(first),3,07:00,16:00,harvest,harvest,4,2,130000
        F002,\(first.next),,06:00,12:00,weeding,,2,,"90,000"
        F003,\(first),1,08:00,17:00,packing,packing,3,1,
        """
    }

    static func utf8BOM(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    static func cp949(_ text: String) -> [UInt8] { CP949.encode(text)! }

    static func count(_ db: Connection, _ table: String, where condition: String = "true") throws -> Int {
        try db.query("SELECT count(*) AS n FROM \(identifier: table) WHERE \(unescaped: condition)")[0].decode("n")
    }

    /// Imports the whole small county: farms (Korean, UTF-8 BOM), workers (English, CP949), requests (Korean, CP949).
    static func importCounty(_ db: Connection) throws -> [ImportSummary] {
        [
            try FarmImport.run(bytes: utf8BOM(farmsKoreanWithPlaces), file: "farms.csv", center: nil, on: db),
            try WorkerImport.run(bytes: cp949(workersEnglish), file: "workers.csv", center: nil, clock: clock, on: db),
            try RequestImport.run(
                bytes: cp949(requestsKorean(first: clock.tomorrow)), file: "requests.csv", center: nil, clock: clock,
                on: db),
        ]
    }
}
