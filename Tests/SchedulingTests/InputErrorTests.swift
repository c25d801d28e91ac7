import Testing

@testable import Scheduling

/// Every input error names the field and the id; all errors are collected.
@Suite struct InputErrorTests {
    static let worker = #"{"id": "w1", "home": {"lat": 36.8, "lon": 127.4}, "available": ["2026-12-01"]}"#
    static let farm = #"{"id": "f1", "location": {"lat": 36.8, "lon": 127.4}}"#

    func errors(_ json: String) -> [String] {
        do {
            _ = try InstanceDecoder.decode(Array(json.utf8))
            return []
        } catch {
            return error.errors
        }
    }

    func doc(workers: String = worker, farms: String = farm, requests: String, pinned: String = "") -> String {
        #"{"workers": [\#(workers)], "farms": [\#(farms)], "requests": [\#(requests)]\#(pinned.isEmpty ? "" : ", \"pinned\": [\(pinned)]")}"#
    }

    @Test func malformedJSON() {
        let e = errors(#"{"workers": [}"#)
        #expect(e.count == 1 && e[0].contains("cannot read as JSON"))
    }

    @Test func missingRequiredField() {
        let e = errors(doc(requests: #"{"id": "r1", "farm": "f1", "date": "2026-12-01"}"#))
        #expect(e == [#"requests[0] (id "r1"): missing required field "headcount""#])
        #expect(errors(#"{"farms": [], "requests": []}"#) == [#"instance: missing required field "workers""#])
    }

    @Test func unknownFarm() {
        let e = errors(doc(requests: #"{"id": "r1", "farm": "f9", "date": "2026-12-01", "headcount": 1}"#))
        #expect(e == [#"requests[0] (id "r1"): field "farm": no farm with id "f9""#])
    }

    @Test func minHeadcountAboveHeadcount() {
        let e = errors(
            doc(requests: #"{"id": "r4", "farm": "f1", "date": "2026-12-01", "headcount": 4, "minHeadcount": 5}"#))
        #expect(e == [#"requests[0] (id "r4"): field "minHeadcount" (5) exceeds "headcount" (4)"#])
    }

    @Test func startNotBeforeEnd() {
        let r = #"{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 1"#
        #expect(
            errors(doc(requests: r + #", "start": "17:00"}"#)) == [
                #"requests[0] (id "r1"): fields "start" and "end": start 17:00 is not before end 16:00 (defaults 07:00 and 16:00)"#
            ])
        #expect(errors(doc(requests: r + #", "start": "09:00", "end": "09:00"}"#)).count == 1)
        #expect(errors(doc(requests: r + #", "start": "05:00", "end": "06:00"}"#)).isEmpty)
    }

    @Test func duplicateId() {
        let e = errors(doc(workers: Self.worker + "," + Self.worker, requests: ""))
        #expect(e == [#"workers[1] (id "w1"): duplicate worker id "w1""#])
    }

    @Test func badDate() {
        let e = errors(doc(requests: #"{"id": "r1", "farm": "f1", "date": "2026-02-30", "headcount": 1}"#))
        #expect(e == [#"requests[0] (id "r1"): field "date": bad date "2026-02-30""#])
    }

    @Test func floatForAnInteger() {
        let e = errors(doc(requests: #"{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 5.0}"#))
        #expect(e == [#"requests[0] (id "r1"): field "headcount" must be an integer >= 1, got 5.0"#])
    }

    @Test func explicitNullIsMissingAndUnknownFieldsIgnored() {
        let e = errors(
            doc(
                requests:
                    #"{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 2, "minHeadcount": null, "priority": null, "extra": [1]}"#
            ))
        #expect(e.isEmpty)
    }

    @Test func pinsConflictingAmongThemselves() {
        let reqs =
            #"{"id": "r1", "farm": "f1", "date": "2026-12-01", "headcount": 1}, {"id": "r2", "farm": "f1", "date": "2026-12-01", "headcount": 1}"#
        let e = errors(
            doc(
                requests: reqs,
                pinned:
                    #"{"request": "r1", "worker": "w1"}, {"request": "r2", "worker": "w1"}, {"request": "r1", "worker": "w1"}"#
            ))
        #expect(e.count == 1)
        #expect(
            e.first?.contains(#"pinned[0] (request "r1", worker "w1"), pinned[1] (request "r2", worker "w1")"#) == true)
        #expect(e.first?.contains("rule 5") == true)
    }

    @Test func allErrorsAreCollected() {
        let reqs = #"{"id": "r1", "farm": "f9", "date": "bad", "headcount": 0}"#
        #expect(errors(doc(requests: reqs)).count == 3)
    }

    @Test func stringsWithEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(
            #"{"a": "\uD55C\uAE00 \ud83d\ude00 \"q\" \n", "b": 5, "c": 5.0, "d": -0, "e": 1e2}"#)
        let o = try #require(v.object)
        #expect(o["a"] == .string("한글 😀 \"q\" \n"))
        #expect(o["b"] == .int(5))
        #expect(o["c"] == .double(5))
        #expect(o["e"] == .double(100))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(#"{"a": "\ud83d"}"#) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[1, 2,]") }
    }
}
