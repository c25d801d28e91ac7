import KoreanText
import Testing
import Vocabulary

@testable import Messaging

@Suite struct CompositionTests {
    @Test func weekdaysAndFormats() {
        #expect(Day("2026-12-01")!.korean == "12월 1일(화)")
        #expect(Day("2024-02-29")!.korean == "2월 29일(목)")
        #expect(Day("1970-01-01")!.korean == "1월 1일(목)")
        #expect(Day("2000-01-01")!.koreanWeekday == "토")
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2026-1-01") == nil)
        #expect(Won.format(130_000) == "130,000원")
        #expect(Won.format(7_000) == "7,000원")
        #expect(Won.format(1_234_567) == "1,234,567원")
        #expect(Won.format(0) == "0원")
        #expect(TimeOfDay("06:30")?.description == "06:30")
        #expect(TimeOfDay("24:00") == nil)
    }

    /// The default assignment notice fits one SMS with the facts a worker needs (issue 15): the day, the start, where
    /// and when to meet, the farm, the task and the wage as centers write it (`13만원`).
    @Test func defaultAssignmentShowsTheFactsAWorkerNeedsInOneSMS() throws {
        let m = try MessageComposer().compose(.assignment(Fixtures.assignment(meetingPoint: "진천 터미널")))
        #expect(m.count == 1)
        let body = m[0].body
        #expect(body == "김똠님 12/1(화) 07:00 배정\n06:30 진천 터미널 집결\n햇살사과농원 작업: 사과 수확 13만원")
        for piece in ["김똠님", "12/1(화)", "07:00", "햇살사과농원", "06:30 진천 터미널", "작업: 사과 수확", "13만원"] {
            #expect(body.contains(piece), "missing \(piece) in \(body)")
        }
        #expect(!body.contains("광고"))
        #expect(!body.contains("{"))
        #expect(m[0].to == "01012345678")
        #expect(m[0].kind == .assignment)
        #expect(m[0].type == .sms, "\(m[0].byteCount) bytes")
        #expect(m[0].byteCount == CP949.byteCount(body))
    }

    @Test func wagesAndDatesAsATextMessageWritesThem() {
        #expect(Won.short(130_000) == "13만원")
        #expect(Won.short(125_000) == "12만5천원")
        #expect(Won.short(90_000) == "9만원")
        #expect(Won.short(7_500) == "7,500원")
        #expect(Won.short(123_456) == "123,456원")
        #expect(SMSDate.format(Day("2026-12-01")!) == "12/1(화)")
        #expect(SMSDate.format(Day("2027-01-09")!) == "1/9(토)")
    }

    @Test func noMeetingPointLeavesItsLineOut() throws {
        let m = try MessageComposer().compose(.assignment(Fixtures.assignment(meetingPoint: nil, meetingTime: nil)))
        #expect(!m[0].body.contains("집결"))
        let onlyPoint = try MessageComposer().compose(
            .assignment(Fixtures.assignment(meetingPoint: "마을회관", meetingTime: nil)))
        #expect(onlyPoint[0].body.contains("\n마을회관 집결\n"), "\(onlyPoint[0].body)")
    }

    @Test func changeAndCancellationKinds() throws {
        let c = MessageComposer()
        #expect(try c.compose(.assignmentChange(Fixtures.assignment()))[0].kind == .change)
        #expect(try c.compose(.assignmentChange(Fixtures.assignment()))[0].body.contains("변경"))
        #expect(try c.compose(.farmerListChange(Fixtures.farmerList(workers: 3)))[0].kind == .change)
        let cancel = try c.compose(
            .cancellation(
                CancellationNotice(
                    centerName: "진천센터", recipientName: "김똠", recipientPhone: "010-1234-5678",
                    date: Fixtures.date, farmName: "햇살사과농원", reason: "우천")))
        #expect(cancel[0].kind == .cancellation)
        #expect(cancel[0].body == "김똠님 12/1(화) 햇살사과농원 일 취소\n사유: 우천")
        #expect(cancel[0].type == .sms)
        let noReason = try c.compose(
            .cancellation(
                CancellationNotice(
                    centerName: "진천센터", recipientName: "김똠", recipientPhone: "010-1234-5678",
                    date: Fixtures.date, farmName: "햇살사과농원")))
        #expect(!noReason[0].body.contains("사유"))
    }

    @Test func farmerListOfSixtySplitsIntoNumberedPartsWithEveryWorkerOnce() throws {
        let notice = Fixtures.farmerList(workers: 60)
        let parts = try MessageComposer().compose(.farmerList(notice))
        #expect(parts.count >= 2)
        let n = parts.count
        for (i, p) in parts.enumerated() {
            #expect(p.body.hasPrefix("(\(i + 1)/\(n)) "))
            #expect(p.byteCount <= 2_000)
            #expect(p.byteCount == CP949.byteCount(p.body))
            #expect(p.type == .lms)
            #expect(p.part == ComposedMessage.Part(index: i + 1, count: n))
            #expect(p.body.contains("박햏님 12/1(화) 일손 명단"), "each part carries the title")
        }
        let allLines = parts.flatMap { $0.body.split(separator: "\n").map(String.init) }
        for (i, w) in notice.workers.enumerated() {
            let line = "\(i + 1). \(w.name) \(Phone.format(w.phone))"
            #expect(allLines.filter { $0 == line }.count == 1, "\(line) must appear exactly once, whole")
        }
        #expect(parts[0].body.contains("60명 배정 (요청 60명)"))
    }

    @Test func longListOfKoreanNamesSplitsToo() throws {
        var notice = Fixtures.farmerList(workers: 200)
        notice.workers = notice.workers.filter { $0.name.unicodeScalars.first!.value >= 0xAC00 }  // 100 Korean names
        let parts = try MessageComposer().compose(.farmerList(notice))
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { $0.byteCount <= 2_000 })
        let lines = parts.flatMap { $0.body.split(separator: "\n") }
        #expect(lines.filter { $0.contains(" 010-") }.count == notice.workers.count)
    }

    @Test func smallFarmerListIsOneMessage() throws {
        let m = try MessageComposer().compose(.farmerList(Fixtures.farmerList(workers: 3)))
        #expect(m.count == 1 && m[0].part == nil)
        #expect(m[0].body.contains("1. 김똠 010-2000-7000"))
        #expect(m[0].body.contains("3. 박똠 010-2002-7002"))
    }

    @Test func newlinesInValuesDoNotAddLines() throws {
        let m = try MessageComposer().compose(.assignment(Fixtures.assignment(farm: "햇살\n사과\t농원")))
        #expect(m[0].body.contains("\n햇살 사과 농원 작업: "), "\(m[0].body)")
    }

    @Test func recipientMustBeMobile() {
        var n = Fixtures.assignment()
        n.workerPhone = "043-539-1234"
        #expect(throws: ComposeError.invalidRecipient(masked: Phone.mask("043-539-1234"), kind: .assignment)) {
            try MessageComposer().compose(.assignment(n))
        }
    }
}

@Suite struct TemplateTests {
    @Test func unknownPlaceholderIsRejectedByName() {
        do {
            _ = try Template("{이름}님\n{농장이름} 작업", for: .assignment)
            Issue.record("accepted an unknown placeholder")
        } catch {
            #expect(error == .unknownPlaceholder(name: "농장이름", line: 2, slot: .assignment))
            #expect(error.description.contains("{농장이름}"))
            #expect(error.description.contains("line 2"))
        }
    }

    @Test func placeholderOfAnotherKindIsRejected() {
        #expect(throws: TemplateError.unavailablePlaceholder(.wage, line: 1, slot: .farmerList)) {
            try Template("{명단} {일당}", for: .farmerList)
        }
    }

    @Test func englishAliasesBracesAndErrors() throws {
        let t = try TemplateSet(overrides: [.assignment: "{{{name}}} {farmerPhone} {wage}"])
        let m = try MessageComposer(templates: t).compose(.assignment(Fixtures.assignment()))
        #expect(m[0].body == "{김똠} 010-9876-5432 13만원")
        #expect(throws: TemplateError.unclosedBrace(line: 1)) { try Template("{이름", for: .assignment) }
        #expect(throws: TemplateError.emptyPlaceholder(line: 1)) { try Template("{}", for: .assignment) }
        #expect(throws: TemplateError.empty(slot: .cancellation)) { try Template(" \n", for: .cancellation) }
        #expect(throws: TemplateError.unencodableCharacter("🍎", line: 1)) { try Template("🍎 {이름}", for: .assignment) }
    }

    @Test func defaultsParseAndUseOnlyTheirSlotsPlaceholders() {
        for slot in TemplateSlot.allCases {
            let t = TemplateSet.defaults[slot]
            #expect(t.placeholders.allSatisfy { slot.placeholders.contains($0) })
        }
        // The assignment default carries the facts a worker needs in one SMS; a center adds the others.
        #expect(
            Set(TemplateSet.defaults[.assignment].placeholders)
                == [.name, .date, .start, .meetingTime, .meetingPoint, .farm, .task, .wage])
    }
}

/// The byte counts the README's table of default messages quotes (CP949, as carriers count).
@Suite struct DefaultTemplateBytesTests {
    static let notice = AssignmentNotice(
        centerName: "진천군 농촌인력중개센터", workerName: "김영숙", workerPhone: "010-1234-5678", date: Day("2026-12-04")!,
        start: TimeOfDay("07:00")!, end: TimeOfDay("16:00")!, farmName: "이월 딸기하우스",
        farmAddress: "충북 진천군 이월면 중산리 12", meetingPoint: "마을회관 앞", meetingTime: TimeOfDay("06:30"), task: "수확",
        wage: 130_000, farmerName: "김영수", farmerPhone: "01023456789")

    @Test func theReadmeExamplesAreOneSMSEach() throws {
        let c = MessageComposer()
        var noPoint = Self.notice
        noPoint.meetingPoint = nil
        noPoint.meetingTime = nil
        let cancellation = CancellationNotice(
            centerName: "진천군 농촌인력중개센터", recipientName: "김영숙", recipientPhone: "010-1234-5678",
            date: Day("2026-12-04")!, farmName: "이월 딸기하우스", reason: "우천")
        let counts = [
            try c.compose(.assignment(Self.notice))[0], try c.compose(.assignment(noPoint))[0],
            try c.compose(.assignmentChange(Self.notice))[0], try c.compose(.cancellation(cancellation))[0],
        ]
        #expect(counts.map(\.byteCount) == [85, 62, 85, 52], "\(counts.map(\.body))")
        #expect(counts.allSatisfy { $0.type == .sms })
        // A farm name of 40 characters (the limit) no longer fits: LMS, never cut.
        var long = Self.notice
        long.farmName = String(repeating: "가", count: 40)
        let lms = try c.compose(.assignment(long))[0]
        #expect(lms.type == .lms && lms.body.contains(long.farmName))
    }
}
