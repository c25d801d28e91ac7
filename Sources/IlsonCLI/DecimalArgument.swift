import ArgumentParser
import KoreanText
import Texts

/// Decimal options (`--lat`, `--lon`, `--max-travel-km`) read as the CSV imports read them: plain decimals only.
///
/// `Double("…")` also accepts `0x24.8p0`, `1e3`, `inf` and `nan`, which no person means for a coordinate or a
/// distance; such a value is a usage error (exit 2) naming it.
enum DecimalArgument {
    /// The value of a plain decimal (`PlainNumber.decimal`).
    ///
    /// - Throws: `ValidationError` quoting the value (cut when long).
    static func parse(_ text: String) throws -> Double {
        guard let value = PlainNumber.decimal(text) else {
            throw ValidationError(T(.errNotDecimal, ["value": Excerpt.quoted(text)]))
        }
        return value
    }
}
