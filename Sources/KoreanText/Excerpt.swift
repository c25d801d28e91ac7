/// A value as an error message quotes it: whole when short, otherwise cut.
///
/// Messages quote what a person typed ("`--lat "abc" is not a number`"); a 10 MB cell must not come back whole.
/// Every message that quotes an input value goes through `Excerpt.quoted`.
public enum Excerpt {
    /// The display columns a quoted value may take before it is cut.
    public static let maxColumns = 40

    /// The value in double quotes; when it is over `maxColumns` display columns, its first columns (never cutting
    /// inside a character), `…`, and its full length in characters. Control characters are shown escaped
    /// (`\n`, `\t`, `\r`, `\u{0}`), so a quoted value never breaks a message's lines.
    ///
    /// - Parameters:
    ///   - text: the value as given.
    ///   - maxColumns: the columns kept (default `Excerpt.maxColumns`).
    /// - Returns: e.g. `"박순자"`, or `"가가가가…" (5000 characters)`.
    public static func quoted(_ text: String, maxColumns: Int = Excerpt.maxColumns) -> String {
        var out = ""
        var used = 0
        var cut = false
        for ch in text {
            let shown = escaped(ch)
            let width = DisplayWidth.of(shown)
            if used + width > maxColumns {
                cut = true
                break
            }
            out += shown
            used += width
        }
        guard cut else { return "\"" + out + "\"" }
        let length = text.unicodeScalars.count
        return "\"" + out + "…\" (\(length) characters)"
    }

    /// A character as a message shows it: control characters escaped.
    static func escaped(_ ch: Character) -> String {
        guard ch.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return String(ch)
        }
        var out = ""
        for scalar in ch.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                out +=
                    scalar.properties.generalCategory == .control
                    ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : String(scalar)
            }
        }
        return out
    }
}
