import Testing

@testable import Scheduling

/// `FieldSlots` must read every field as `JSONObject` does by key: the last of a repeated key, `null` as missing.
struct FieldSlotsTests {
    /// Every known field's name maps back to the field, and no two fields share a slot.
    @Test func namesRoundTrip() {
        func check<F: KnownField & CaseIterable & Equatable>(_: F.Type) {
            #expect(F.allCases.count == F.count)
            #expect(Set(F.allCases.map(\.slot)) == Set(0..<F.count))
            for f in F.allCases { #expect(F(key: f.name) == f) }
        }
        check(WorkerField.self)
        check(RequestField.self)
        check(FarmField.self)
    }

    /// Random objects mixing known names, near misses (a letter more or less, another case, Hangul) and repeated keys
    /// with `null`s: each field read through the slots equals `JSONObject`'s subscript and `present` for its name.
    @Test func agreesWithKeyLookups() {
        var rng = SplitMix(seed: 18)
        func run<F: KnownField & CaseIterable>(_: F.Type) {
            let names = F.allCases.map(\.name)
            let pool =
                names + names.map { $0 + "s" } + names.map { String($0.dropLast()) } + names.map { $0.uppercased() }
                + ["", "이름", "idd", "x"]
            for _ in 0..<300 {
                var object = JSONObject()
                for _ in 0..<rng.next(upTo: 24) {
                    object.keys.append(pool[rng.next(upTo: pool.count)])
                    object.values.append(rng.next(upTo: 3) == 0 ? .null : .int(rng.next(upTo: 1000)))
                }
                let slots = FieldSlots<F>(object)
                for f in F.allCases {
                    #expect(slots[f] == object[f.name])
                    #expect(slots.present(f) == object.present(f.name))
                }
            }
        }
        run(WorkerField.self)
        run(RequestField.self)
        run(FarmField.self)
    }
}

/// A small deterministic generator (splitmix64) for the test's random objects.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in `0..<bound`.
    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
