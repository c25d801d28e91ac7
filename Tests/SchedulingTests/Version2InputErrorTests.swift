import Testing

@testable import Scheduling

/// Version 2's input errors: each names the field (or the rule) and the offending id, and the instance is refused
/// (`ilson solve` exits 2 on them, as on every `InstanceError`). Pins that break a legal limit are refused even in a
/// version 1 instance.
@Suite struct Version2InputErrorTests {
    static let farm = V2.farm("f1")
    static let request = V2.request("r1", farm: "f1")

    /// The one error of a document (a test failure when there is not exactly one).
    func onlyError(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let e = V2.errors(json)
        #expect(e.count == 1, "\(e)", sourceLocation: sourceLocation)
        return e.first ?? ""
    }

    @Test func badPool() {
        let worker = onlyError(
            V2.document(workers: [V2.worker("w7", #""pool": "weekend""#)], farms: [Self.farm], requests: [Self.request])
        )
        #expect(worker.contains(#"id "w7""#) && worker.contains(#""pool""#) && worker.contains("weekend"))
        let request = onlyError(
            V2.document(
                workers: [V2.worker("w1")], farms: [Self.farm],
                requests: [V2.request("r9", farm: "f1", extra: #""pools": ["day", "weekend"]"#)]))
        #expect(
            request.contains(#"id "r9""#) && request.contains(#""pools""#) && request.contains("weekend"), "\(request)")
    }

    @Test func windowFromNotBeforeTo() {
        for (from, to) in [("12:00", "12:00"), ("13:00", "09:00")] {
            let e = onlyError(
                V2.document(
                    workers: [
                        V2.worker("w4", available: #"[{"date": "2026-12-01", "from": "\#(from)", "to": "\#(to)"}]"#)
                    ], farms: [Self.farm], requests: [Self.request]))
            #expect(e.contains(#"id "w4""#) && e.contains(#""available""#) && e.contains("not before"), "\(e)")
        }
    }

    @Test func unknownPickupPoint() {
        let worker = onlyError(
            V2.document(
                workers: [V2.worker("w2", #""car": false, "pickupPoint": "p9""#)], farms: [Self.farm],
                requests: [Self.request], top: #""pickupPoints": [{"id": "p1", "location": \#(V2.point())}]"#))
        #expect(worker.contains(#"id "w2""#) && worker.contains(#""pickupPoint""#) && worker.contains("p9"))
        // Even with a car (the spec: a pickupPoint must name a pickup point whatever `car` says).
        #expect(
            V2.errors(
                V2.document(
                    workers: [V2.worker("w2", #""pickupPoint": "p9""#)], farms: [Self.farm], requests: [Self.request])
            ).count == 1)
        let request = onlyError(
            V2.document(
                workers: [V2.worker("w1")], farms: [Self.farm],
                requests: [V2.request("r5", farm: "f1", extra: #""pickup": {"points": ["p1", "p8"], "seats": 2}"#)],
                top: #""pickupPoints": [{"id": "p1", "location": \#(V2.point())}]"#))
        #expect(
            request.contains(#"id "r5""#) && request.contains("pickup.points") && request.contains("p8"), "\(request)")
    }

    @Test func pickupWithoutSeats() {
        let e = onlyError(
            V2.document(
                workers: [V2.worker("w1")], farms: [Self.farm],
                requests: [V2.request("r6", farm: "f1", extra: #""pickup": {"points": ["p1"]}"#)],
                top: #""pickupPoints": [{"id": "p1", "location": \#(V2.point())}]"#))
        #expect(e.contains(#"id "r6""#) && e.contains("pickup.seats") && e.contains("missing"), "\(e)")
        let negative = onlyError(
            V2.document(
                workers: [V2.worker("w1")], farms: [Self.farm],
                requests: [V2.request("r6", farm: "f1", extra: #""pickup": {"points": ["p1"], "seats": -1}"#)],
                top: #""pickupPoints": [{"id": "p1", "location": \#(V2.point())}]"#))
        #expect(negative.contains(#"id "r6""#) && negative.contains("pickup.seats"), "\(negative)")
    }

    @Test func speedMustBePositive() {
        for speed in ["0", "-30", "\"fast\""] {
            let e = onlyError(
                V2.document(
                    workers: [V2.worker("w1")], farms: [Self.farm], requests: [Self.request],
                    top: #""speedKmh": \#(speed)"#
                ))
            #expect(e.contains(#""speedKmh""#), "\(e)")
        }
    }

    @Test func endOf2400IsAccepted() throws {
        let i = try V2.decode(
            V2.document(
                workers: [V2.worker("w1")], farms: [Self.farm],
                requests: [V2.request("r1", farm: "f1", "18:00", "24:00")]))
        #expect(i.requests[0].endMinute == 24 * 60)
        #expect(i.requests[0].lengthMinutes == 360)
        let late = onlyError(
            V2.document(
                workers: [V2.worker("w1")], farms: [Self.farm],
                requests: [V2.request("r3", farm: "f1", "24:00", "24:00")]
            ))
        #expect(late.contains(#"id "r3""#))
    }

    // MARK: pins

    /// A version 1 document (`"version": 1`, version 1 fields only) with one pin of w1 to r1.
    func versionOne(worker: String) -> String {
        #"{"version": 1, "workers": [\#(worker)], "farms": [\#(Self.farm), \#(V2.farm("f2"))], "requests": [\#(Self.request)], "pinned": [\#(V2.pin("r1", "w1"))]}"#
    }

    @Test func pinBreakingAllowedFarmsIsAnInputErrorEvenInVersion1() {
        let e = onlyError(versionOne(worker: V2.worker("w1", #""allowedFarms": ["f2"]"#)))
        #expect(e.contains("pinned[0]") && e.contains(#""w1""#) && e.contains(#""r1""#) && e.contains("allowedFarms"))
        // A version 1 pin breaking a blocked list stays a warning, not an error.
        #expect(V2.errors(versionOne(worker: V2.worker("w1", #""blockedFarms": ["f1"]"#))).isEmpty)
    }

    @Test func pinBreakingStayUntilIsAnInputError() {
        let e = onlyError(versionOne(worker: V2.worker("w1", #""stayUntil": "2026-11-30""#)))
        #expect(e.contains("pinned[0]") && e.contains(#""w1""#) && e.contains("stayUntil"))
        #expect(V2.errors(versionOne(worker: V2.worker("w1", #""stayUntil": "2026-12-01""#))).isEmpty)
    }

    @Test func pinBreakingPoolsIsAnInputError() {
        let doc = V2.document(
            workers: [V2.worker("w1", #""pool": "volunteer""#)], farms: [Self.farm],
            requests: [V2.request("r1", farm: "f1", extra: #""pools": ["day", "seasonal"]"#)],
            pinned: [V2.pin("r1", "w1")])
        let e = onlyError(doc)
        #expect(e.contains("pinned[0]") && e.contains(#""w1""#) && e.contains(#""r1""#) && e.contains("pools"), "\(e)")
    }

    @Test func twoOverlappingPinnedJobsBreakRule5() {
        let doc = V2.document(
            workers: [V2.worker("w1", #""maxJobsPerDay": 2"#)], farms: [Self.farm],
            requests: [V2.request("r1", farm: "f1", "06:00", "10:00"), V2.request("r2", farm: "f1", "09:00", "13:00")],
            pinned: [V2.pin("r1", "w1"), V2.pin("r2", "w1")])
        let e = onlyError(doc)
        #expect(e.contains(#""w1""#) && e.contains("rule 5"), "\(e)")
        // Back to back at one farm (transfer 0) is fine.
        let fine = V2.document(
            workers: [V2.worker("w1", #""maxJobsPerDay": 2"#)], farms: [Self.farm],
            requests: [V2.request("r1", farm: "f1", "06:00", "10:00"), V2.request("r2", farm: "f1", "10:00", "13:00")],
            pinned: [V2.pin("r1", "w1"), V2.pin("r2", "w1")])
        #expect(V2.errors(fine).isEmpty)
    }

    @Test func aPinnedJobLongerThanTheMinutesCapBreaksRule5() {
        let doc = V2.document(
            workers: [V2.worker("w1", #""pool": "volunteer", "maxMinutesPerDay": 240"#)], farms: [Self.farm],
            requests: [V2.request("r1", farm: "f1", "07:00", "16:00")], pinned: [V2.pin("r1", "w1")])
        let e = onlyError(doc)
        #expect(e.contains(#""w1""#) && e.contains("rule 5"), "\(e)")
    }

    @Test func pinnedRidersAboveTheSeatsBreakRule10() {
        let riders = (1...3).map { V2.worker("w\($0)", at: 0.01124, #""car": false, "pickupPoint": "p1""#) }
        let doc = V2.document(
            workers: riders, farms: [V2.farm("fFar", at: -0.11239)],
            requests: [
                V2.request("r1", farm: "fFar", headcount: 3, extra: #""pickup": {"points": ["p1"], "seats": 2}"#)
            ],
            pinned: (1...3).map { V2.pin("r1", "w\($0)") },
            top: #""pickupPoints": [{"id": "p1", "location": \#(V2.point(0.00562))}]"#)
        let e = onlyError(doc)
        #expect(e.contains(#""r1""#) && e.contains("rule 10") && e.contains("seat"), "\(e)")
    }
}
