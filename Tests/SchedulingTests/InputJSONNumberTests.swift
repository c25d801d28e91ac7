import Testing

@testable import Scheduling

/// `JSONParser`'s numbers: a plain decimal of at most 15 significant digits and 22 fraction digits is converted by one
/// exact division instead of `Double(String)`; every number must read to the same bits as `Double(String)` (and
/// integer literals stay `.int`), whichever path it takes.
@Suite struct InputJSONNumberTests {
    static func parsed(_ text: String) throws -> JSONValue {
        try #require(try JSONParser.parse("[" + text + "]").array?.first)
    }

    /// The number as `Double(String)` reads it (Swift's correctly rounded conversion).
    static func reference(_ text: String) throws -> Double { try #require(Double(text)) }

    static func check(_ text: String) throws {
        let value = try Self.parsed(text)
        guard case .double(let d) = value else {
            Issue.record("\(text) read as \(value)")
            return
        }
        let want = try Self.reference(text)
        #expect(d.bitPattern == want.bitPattern, "\(text): \(d) against \(want)")
    }

    @Test func fixedCases() throws {
        for text in [
            "0.0", "-0.0", "0.5", "-0.5", "1.5", "127.123456", "-33.8688", "151.2093", "0.1", "0.2", "0.3",
            "9007199254740.993", "999999999999999.9", "123456789012345.6", "1.234567890123456",
            "0.0000000000000000000001", "0.00000000000000000000001", "5.0000000000000000000000000",
            "36.12345678901234567890", "1e5", "1.5e-3", "-2.5E+10", "0.30000000000000004", "4.35", "126.97800000000001",
            "179.99999999999997", "89.999999999999999999999", "1.7976931348623157e308", "2.2250738585072014e-308",
        ] {
            try Self.check(text)
        }
        #expect(try Self.parsed("-0") == .int(0))
        #expect(try Self.parsed("12") == .int(12))
        #expect(try Self.parsed("-9223372036854775808") == .int(Int.min))
    }

    /// Random decimals around the fast path's limits: 1-20 significant digits, 0-25 fraction digits, leading zeros in
    /// the fraction, trailing zeros, both signs; the same bits as `Double(String)` for every one.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomDecimalsReadAsDoubleDoes(_ seed: UInt64) throws {
        var g = SplitMix64(seed: seed)
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        for _ in 0..<4000 {
            let whole =
                int(3) == 0
                ? "0" : String(1 + int(9)) + String((0..<int(12)).map { _ in "0123456789".randomElement(using: &g)! })
            let fraction = String((0..<(1 + int(25))).map { _ in "0123456789".randomElement(using: &g)! })
            let text = (int(2) == 0 ? "-" : "") + whole + "." + fraction
            try Self.check(text)
        }
    }
}
