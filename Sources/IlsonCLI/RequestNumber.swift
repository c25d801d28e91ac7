import ArgumentParser
import Foundation
import KoreanText
import Texts

/// A request as a person types it: `48`, `#48`, or (old scripts) `r48` — the number `roster show` prints.
enum RequestNumber {
    /// The request's number.
    ///
    /// - Throws: `ValidationError` quoting the value (cut when long).
    static func parse(_ text: String) throws -> Int64 {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if let first = digits.first, first == "#" || first == "r" || first == "R" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(digits), n > 0 else {
            throw ValidationError(T(.argBadRequest, ["value": Excerpt.quoted(text)]))
        }
        return n
    }
}
