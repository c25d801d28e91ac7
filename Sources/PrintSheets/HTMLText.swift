/// Escaping and the page shell shared by every printable sheet: one self-contained HTML file (no script, no
/// network), A4 print CSS, fonts that render Hangul when installed (Debian `fonts-noto-cjk` or `fonts-nanum`).
public enum HTMLText {
    /// `text` safe inside an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` escaped; control characters
    /// other than tab and newline dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The fonts a sheet asks for, Hangul-capable first (the README names the Debian packages).
    static let fontFamily =
        "'Noto Sans CJK KR', 'Noto Sans KR', 'NanumGothic', 'Nanum Gothic', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"

    /// The print style: A4 pages with 12 mm margins, one `section.page` per printed page.
    static let css = """
        @page { size: A4; margin: 12mm; }
        * { box-sizing: border-box; }
        body { font-family: \(fontFamily); font-size: 10.5pt; color: #111; margin: 0; }
        section.page { page-break-after: always; break-after: page; padding: 0; }
        section.page:last-child { page-break-after: auto; break-after: auto; }
        @media screen { body { background: #ddd; } section.page { background: #fff; width: 210mm; min-height: 297mm;
          margin: 8mm auto; padding: 12mm; box-shadow: 0 0 4px #999; } }
        h1 { font-size: 18pt; margin: 0 0 4mm; }
        h2 { font-size: 14pt; margin: 0 0 3mm; }
        h3 { font-size: 11.5pt; margin: 4mm 0 2mm; }
        p.meta { margin: 0 0 3mm; color: #333; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; }
        th, td { border: 0.3mm solid #555; padding: 1.4mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num, th.num { text-align: right; }
        td.tick { width: 20mm; }
        td.phone, th.num, td.num { white-space: nowrap; }
        td.sign { width: 30mm; }
        tr { page-break-inside: avoid; break-inside: avoid; }
        dl.counts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 2mm; margin: 0 0 4mm; padding: 0; }
        dl.counts div { border: 0.3mm solid #555; padding: 2mm; }
        dl.counts dt { font-size: 9pt; color: #444; }
        dl.counts dd { margin: 0; font-size: 16pt; font-weight: bold; }
        .short { color: #c00; }
        .note { color: #555; font-size: 9pt; }
        figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
        svg { max-width: 100%; height: auto; }
        figure.map svg { display: block; margin: 0 auto; width: auto; height: auto; max-height: 170mm; }
        """

    /// A whole HTML document: `title` (escaped here) and the body's pages (already escaped HTML).
    public static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="ko">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A number with thousands separators (`75000` → `75,000`).
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
