/// Numbers as people write them in a spreadsheet cell: plain decimals only.
///
/// Swift's `Double("…")` also reads `0x24.8p0` (36.5), `1e3`, `inf` and `nan`; no coordinate, distance or number
/// of hours is written so, and such a cell is a mistake or an attack, so it is refused.
public enum PlainNumber {
    /// A plain decimal: an optional sign, ASCII digits, optionally a point and more digits (`36.5`, `-0.25`, `7`,
    /// `.5`, `7.`); nil for anything else (hex, exponents, `inf`, `nan`, spaces inside, an empty string).
    public static func decimal(_ text: String) -> Double? {
        var digits = 0
        var points = 0
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if i != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, points <= 1, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A whole number: an optional sign and ASCII digits, with `,` allowed as a thousands separator (`90,000`);
    /// nil for anything else or a number beyond `Int`.
    public static func integer(_ text: String) -> Int? {
        let plain = String(text.filter { $0 != "," })
        var digits = 0
        for (i, b) in plain.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if i != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return Int(plain)
    }
}
