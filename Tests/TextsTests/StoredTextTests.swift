import Testing

@testable import Texts

/// A text kept in the database as its key and values is read in the reader's language, nested texts too; a value
/// that is not such a text (written before, or cut short by the column's limit) is shown as it is.
@Suite struct StoredTextTests {
    @Test func aStoredNoteIsReadInEachLanguage() {
        let note = StoredText.encode([
            StoredText(.replyNoteRosterCancelled, ["date": "2026-12-02"]),
            StoredText(
                .replyWaiting, ["request": "#48", "assigned": 1, "headcount": 2],
                texts: ["more": StoredText(.replySuggested, ["names": "김순자"])]),
        ])
        #expect(!note.contains("배치표") && !note.contains("roster"), "language-neutral: \(note)")
        let ko = Language.$current.withValue(.ko) { StoredText.render(note) }
        let en = Language.$current.withValue(.en) { StoredText.render(note) }
        #expect(ko == "2026-12-02 배치표가 취소되어 아무것도 하지 않음; 문자로 불참; #48은(는) 2명 중 1명; 담당자 확인 필요 (추천: 김순자)")
        #expect(
            en
                == "the roster of 2026-12-02 was cancelled: nothing done; declined by SMS; #48 is 1 of 2; waiting for the coordinator (suggested: 김순자)"
        )
    }

    @Test func theSameNoteIsTheSameText() {
        let a = StoredText.encode([StoredText(.replyNoteAlready, texts: ["status": StoredText(.assignmentConfirmed)])])
        let b = StoredText.encode([StoredText(.replyNoteAlready, texts: ["status": StoredText(.assignmentConfirmed)])])
        #expect(a == b)
        #expect(Language.$current.withValue(.en) { StoredText.render(a) } == "already confirmed: nothing done")
    }

    @Test func anythingElseIsShownAsItIs() {
        for stored in ["confirmed by SMS", "", "[{\"k\":\"replyNoteConfirmed\"", "[1, 2]", "[{\"k\":\"noSuchKey\"}]"] {
            let shown = Language.$current.withValue(.ko) { StoredText.render(stored) }
            #expect(shown == stored || stored.contains("noSuchKey"), "\(stored) → \(shown)")
        }
        // A key this ilson does not know (a newer one wrote it) shows its name rather than nothing.
        #expect(Language.$current.withValue(.ko) { StoredText.render("[{\"k\":\"noSuchKey\"}]") } == "noSuchKey")
    }
}
