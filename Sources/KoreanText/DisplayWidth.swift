/// Terminal display width, as a monospaced terminal shows text: Hangul and other East Asian wide
/// characters take two columns, combining marks none.
///
/// The C library's `wcwidth` returns -1 for Hangul in the C locale that cron and CI use, so ilson ships
/// its own East Asian Width table (generated from Unicode data).
public enum DisplayWidth {
    /// Columns one scalar takes: 0, 1 or 2 (control characters count 0).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if contains(zeroWidthRanges, v) { return 0 }
        if v >= 0x1100 && contains(wideRanges, v) { return 2 }
        return 1
    }

    /// Columns the text takes in a terminal.
    public static func of(_ text: some StringProtocol) -> Int {
        var w = 0
        for s in text.unicodeScalars { w += of(s) }
        return w
    }

    /// The text padded with spaces to `width` columns (left-aligned, or right-aligned when `right`).
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return right ? spaces + text : text + spaces
    }

    /// The longest prefix of the text that fits in `width` columns, with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Binary search over flat (lo, hi) pairs.
    static func contains(_ ranges: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count / 2 - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < ranges[2 * mid] {
                hi = mid - 1
            } else if v > ranges[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
