import Foundation
import Scheduling
import Testing
import Texts

@testable import IlsonCLI

/// `ilson solve`'s summary line and its progress lines: Korean by default, English on request, every step named.
@Suite struct SolveSummaryTests {
    /// Two slots wanted, one worker: one filled, the request short.
    func plan() throws -> Plan {
        let instance = try InstanceDecoder.decode([UInt8](SolveCommandTests.good.utf8))
        return solve(instance, options: SolveOptions(workBudget: 1_000_000))
    }

    @Test func theSummaryReadsInKorean() throws {
        let plan = try plan()
        let line = Language.$current.withValue(.ko) { solveSummary(plan, wanted: 2, seconds: 0.25) }
        #expect(line.hasPrefix("2자리 중 1자리 배정, 인원이 모자란 요청 1건"), "\(line)")
        #expect(line.contains("점수 필수 0 / 중요 1 / 일반 "), "\(line)")
        #expect(line.contains("중요 점수 상한 1") && line.hasSuffix("0.25초"), "\(line)")
        #expect(!line.contains("slots") && !line.contains("medium"), "\(line)")
    }

    @Test func theSummaryReadsInEnglishOnRequest() throws {
        let plan = try plan()
        let line = Language.$current.withValue(.en) { solveSummary(plan, wanted: 2, seconds: 0.25) }
        #expect(line.hasPrefix("1/2 slots filled, 1 request(s) short; score hard 0 / medium 1 / soft "), "\(line)")
        #expect(line.contains("(medium bound 1)") && line.hasSuffix("0.25 s"), "\(line)")
    }

    @Test func aTimeLimitThatStoppedTheFirstFlowLeavesNoBound() throws {
        var plan = try plan()
        plan.stats.timeLimitHit = true
        plan.stats.mediumUpperBound = 0
        let ko = Language.$current.withValue(.ko) { solveSummary(plan, wanted: 2, seconds: 1) }
        let en = Language.$current.withValue(.en) { solveSummary(plan, wanted: 2, seconds: 1) }
        #expect(ko.contains("(중요 점수 상한 없음, 시간 제한에 도달)"), "\(ko)")
        #expect(en.contains("(no medium bound, time limit reached)"), "\(en)")
    }

    static let steps: [SolveStep] = [
        .candidates, .start(2), .continuityMoves, .flow, .localSearch, .dayKicks, .continuityChains, .workerSchedules,
        .workerScheduleBound(bound: 7, plan: 5, rounds: 3),
    ]

    @Test func everyStepHasAKoreanNameAndAnEnglishOne() {
        let best = Score(hard: 0, medium: 3, soft: -40)
        var korean: Set<String> = []
        for step in Self.steps {
            let ko = Language.$current.withValue(.ko) {
                progressLine(SolveProgress(phase: step, best: best, elapsedSeconds: 1.5))
            }
            let en = Language.$current.withValue(.en) {
                progressLine(SolveProgress(phase: step, best: nil, elapsedSeconds: 1.5))
            }
            // Korean: Hangul, no English word; the best score in Korean words; the seconds.
            #expect(ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(ko)")
            #expect(!ko.unicodeScalars.contains { CharacterSet.letters.contains($0) && $0.isASCII }, "\(ko)")
            #expect(ko.contains("최선 필수 0 / 중요 3 / 일반 -40") && ko.hasSuffix("(1.50초)"), "\(ko)")
            #expect(en.hasSuffix("(1.50 s)") && !en.contains("best"), "\(en)")
            korean.insert(ko)
        }
        // Each step its own words.
        #expect(korean.count == Self.steps.count)
        #expect(Language.$current.withValue(.ko) { stepName(.start(2)) } == "시작안 2")
        #expect(Language.$current.withValue(.en) { stepName(.start(2)) } == "start 2")
    }

    /// `ilson score`'s lines: a worker sent on a day they are not available (rule 1) and a row naming nobody.
    @Test func theScoreLinesNameTheBrokenRuleInEitherLanguage() throws {
        let text = SolveCommandTests.good.replacingOccurrences(
            of: #""available": ["2026-12-01"]"#, with: #""available": ["2026-12-02"]"#)
        let instance = try InstanceDecoder.decode([UInt8](text.utf8))
        let report = score(
            instance, assignments: [Pair(request: "r1", worker: "w1"), Pair(request: "r1", worker: "nobody")])
        #expect(report.score.hard < 0)
        let ko = Language.$current.withValue(.ko) { scoreLines(report) }
        let en = Language.$current.withValue(.en) { scoreLines(report) }
        #expect(ko[0].hasPrefix("점수: 필수 -") && ko[1].hasPrefix("배정 "), "\(ko)")
        #expect(ko.contains { $0.hasPrefix("위반: 규칙 1 (") && $0.contains("요청 \"r1\", 일꾼 \"w1\"") }, "\(ko)")
        #expect(ko.contains { $0.hasPrefix("위반: 계획 행 (") && $0.contains("일꾼 \"nobody\"") }, "\(ko)")
        #expect(!ko.joined().contains("broken") && !ko.joined().contains("score:"), "\(ko)")
        #expect(en[0].hasPrefix("score: hard -") && en[1].hasPrefix("assignments "), "\(en)")
        #expect(
            en.contains { $0.hasPrefix("broken: rule 1 (") && $0.contains("request \"r1\", worker \"w1\"") }, "\(en)")
        #expect(ko.count == en.count && ko.count == 2 + report.violations.count)
    }
}
