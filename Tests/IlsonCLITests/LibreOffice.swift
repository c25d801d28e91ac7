import Foundation
import Testing

/// LibreOffice headless (Debian's `libreoffice-calc-nogui`), the real spreadsheet program the spreadsheet tests
/// convert with. `scripts/test` installs it when missing and it can; otherwise those tests are skipped, saying so.
enum LibreOffice {
    /// The `soffice` binary, if installed.
    static let path: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var available: Bool { path != nil }

    static let skipComment = Comment(
        rawValue:
            "SKIPPED: LibreOffice (soffice) is not installed; `apt-get install -y libreoffice-calc-nogui` to run the "
            + "spreadsheet round trips")

    /// LibreOffice's numbers for the character sets of its CSV filter (rtl_TextEncoding).
    enum Charset: Int {
        case utf8 = 76
        case cp949 = 62
    }

    /// Converts `input` to `format` (`xlsx`, or `csv:…` with filter options) into `directory`; returns the new
    /// file's path. A private profile per call, so parallel tests do not share one.
    ///
    /// - Parameter infilter: the import filter options (for a CSV input), or nil to let LibreOffice detect.
    static func convert(_ input: String, to format: String, extension ext: String, infilter: String? = nil) throws
        -> String
    {
        try convert([input], to: format, extension: ext, infilter: infilter)[0]
    }

    /// Converts several files in one run of LibreOffice (it starts in about three seconds; each file then takes
    /// a fraction of one).
    static func convert(_ inputs: [String], to format: String, extension ext: String, infilter: String? = nil) throws
        -> [String]
    {
        let directory = (inputs[0] as NSString).deletingLastPathComponent
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments =
            ["--headless", "--norestore", "-env:UserInstallation=\(profile.absoluteString)"]
            + (infilter.map { ["--infilter=\($0)"] } ?? []) + ["--convert-to", format, "--outdir", directory] + inputs
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let outputs = inputs.map { ((($0 as NSString).deletingPathExtension) as NSString).appendingPathExtension(ext)! }
        guard process.terminationStatus == 0, outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            throw Failed(description: "soffice could not convert \(inputs) to \(format)")
        }
        return outputs
    }

    /// CSV export filter options: comma, double quote, the character set, first line 1.
    static func csvFilter(_ charset: Charset) -> String {
        "csv:Text - txt - csv (StarCalc):44,34,\(charset.rawValue),1"
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// A fresh scratch directory.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A flat OpenDocument spreadsheet (.fods) whose cells are typed as a person types them in Excel: a cell is
    /// text, or a date (`yyyy-mm-dd`), a time (`h:mm`), a number shown with thousands separators (`#,##0`), or a
    /// plain number (a phone number typed as one loses its leading zero).
    enum Cell {
        case text(String)
        case date(String)
        case time(hour: Int, minute: Int)
        case grouped(Int)
        case number(Int)
    }

    static func fods(_ rows: [[Cell]]) -> String {
        func xml(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let body = rows.map { row in
            "<table:table-row>"
                + row.map { cell -> String in
                    switch cell {
                    case .text(let s):
                        return
                            "<table:table-cell office:value-type=\"string\"><text:p>\(xml(s))</text:p></table:table-cell>"
                    case .date(let d):
                        return
                            "<table:table-cell table:style-name=\"cd\" office:value-type=\"date\" office:date-value=\"\(d)\"/>"
                    case .time(let h, let m):
                        return "<table:table-cell table:style-name=\"ct\" office:value-type=\"time\" "
                            + "office:time-value=\"PT\(h)H\(m)M00S\"/>"
                    case .grouped(let n):
                        return
                            "<table:table-cell table:style-name=\"cn\" office:value-type=\"float\" office:value=\"\(n)\"/>"
                    case .number(let n):
                        return "<table:table-cell office:value-type=\"float\" office:value=\"\(n)\"/>"
                    }
                }.joined() + "</table:table-row>"
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2" \
            office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
            <office:automatic-styles>
            <number:date-style style:name="D"><number:year number:style="long"/><number:text>-</number:text>\
            <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/>\
            </number:date-style>
            <number:time-style style:name="T"><number:hours/><number:text>:</number:text>\
            <number:minutes number:style="long"/></number:time-style>
            <number:number-style style:name="N"><number:number number:decimal-places="0" \
            number:min-integer-digits="1" number:grouping="true"/></number:number-style>
            <style:style style:name="cd" style:family="table-cell" style:data-style-name="D"/>
            <style:style style:name="ct" style:family="table-cell" style:data-style-name="T"/>
            <style:style style:name="cn" style:family="table-cell" style:data-style-name="N"/>
            </office:automatic-styles>
            <office:body><office:spreadsheet><table:table table:name="Sheet1">
            \(body)
            </table:table></office:spreadsheet></office:body></office:document>
            """
    }
}
