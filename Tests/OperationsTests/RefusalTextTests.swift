import Foundation
import Testing
import Vocabulary

@testable import Operations

/// Every refusal of a change to a roster that is not a draft is one correct sentence that says what to do
/// (the trial found `it can no longer be changed by change it`).
@Suite struct RefusalTextTests {
    static let date = Day("2026-12-03")!

    @Test func everyStateAndChangeHasItsSentence() throws {
        var texts: [String] = []
        for state in RosterState.allCases {
            for change in RosterRules.DraftChange.allCases {
                let refusal = RosterRules.refusal(state, date: Self.date, doing: change)
                if state == .draft {
                    #expect(refusal == nil, "a draft takes every change")
                    continue
                }
                guard case .conflict(let text) = try #require(refusal) else {
                    Issue.record("\(state) \(change): not a conflict (exit 4)")
                    continue
                }
                texts.append(text)
                #expect(text.hasPrefix("the roster of 2026-12-03 "), "\(text)")
                #expect(!text.contains("by change it") && !text.contains("  ") && !text.hasSuffix(" "), "\(text)")
                let words = text.split(separator: " ")
                for (a, b) in zip(words, words.dropFirst()) { #expect(a != b, "doubled word in: \(text)") }
            }
        }
        #expect(
            texts.contains(
                "the roster of 2026-12-03 is approved: to assign a worker, reopen it first "
                    + "(ilson roster reopen --date 2026-12-03)"))
        #expect(texts.contains("the roster of 2026-12-03 is already approved"))
        #expect(
            texts.contains(
                "the roster of 2026-12-03 is sent (its messages are out), so it cannot be changed as a draft: "
                    + "ilson roster assign fills a gap on it and tells the new worker and the farmer"))
        #expect(
            texts.contains(
                "the roster of 2026-12-03 is sending (its messages are out), so it cannot be changed as a draft: "
                    + "use ilson roster decline (or roster replace) so the worker and the farmer are told"))
        #expect(texts.contains("the roster of 2026-12-03 was cancelled, so it cannot be changed"))
        // The sentences say what to do, and a sent roster's never asks to reopen it.
        for text in texts where text.contains("(its messages are out)") { #expect(!text.contains("reopen")) }
    }
}
