import Foundation
import PrintSheets
import Testing

/// The day sheets in a real headless Chromium (Debian `chromium`; `scripts/dev/print-deps` installs it with
/// `poppler-utils` and a Korean font when it can): the screenshot is not blank and the PDF has a page per farm and
/// per pickup, plus the cover. Skipped, with a message, when no browser is installed.
@Suite struct BrowserTests {
    static func tool(_ names: [String]) -> String? {
        for name in names {
            for dir in ["/usr/bin", "/usr/local/bin", "/bin"]
            where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }
    static let chromium = tool(["chromium", "chromium-browser", "google-chrome"])
    static let pdfinfo = tool(["pdfinfo"])

    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theSheetsPrintInAHeadlessBrowser() throws {
        guard let chromium = Self.chromium, let pdfinfo = Self.pdfinfo else {
            print("BrowserTests skipped: no chromium or pdfinfo (apt-get install chromium poppler-utils fonts-nanum)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-print-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = SampleDay.sheet(pickups: SamplePickups.pages)
        let html = dir.appendingPathComponent("day.html")
        try Data(DaySheetHTML.render(sheet).utf8).write(to: html)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile"]
        let png = dir.appendingPathComponent("cover.png")
        try Self.run(chromium, common + ["--window-size=900,1300", "--screenshot=\(png.path)", html.absoluteString])
        let pdf = dir.appendingPathComponent("day.pdf")
        try Self.run(chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])

        let colours = try PNGColours.count(png.path)
        #expect(colours > 50, "the screenshot has \(colours) colours: blank?")
        let info = try Self.run(pdfinfo, [pdf.path]).output
        let pages =
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= sheet.farms.count + 2 + 1, "\(pages) pages")
        // The cover (counts, shortages, map) fits on its page: the first farm's page comes second.
        if let pdftotext = Self.tool(["pdftotext"]) {
            let second = try Self.run(pdftotext, ["-f", "2", "-l", "2", pdf.path, "-"]).output
            #expect(second.hasPrefix(sheet.farms[0].name), "page 2 starts: \(second.prefix(60))")
        }
        if let keep = ProcessInfo.processInfo.environment["ILSON_PRINT_KEEP"] {
            try? FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep + ".png"))
            try? FileManager.default.copyItem(at: pdf, to: URL(fileURLWithPath: keep + ".pdf"))
        }
    }
}

/// Counts the distinct colours of a PNG (8-bit RGB or RGBA, not interlaced) with Python's zlib, to tell a blank
/// screenshot from a drawn one.
enum PNGColours {
    static let script = #"""
        import sys, zlib, struct
        data = open(sys.argv[1], "rb").read()
        pos, idat, w, h, ct = 8, b"", 0, 0, 0
        while pos < len(data):
            n, kind = struct.unpack(">I4s", data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
            if kind == b"IHDR": w, h, depth, ct = struct.unpack(">IIBB", body[:10])
            elif kind == b"IDAT": idat += body
        bpp = {2: 3, 6: 4}[ct]; raw = zlib.decompress(idat); stride = w * bpp
        prev, seen, i = bytearray(stride), set(), 0
        for y in range(h):
            f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            if y % 4 == 0:
                for x in range(0, stride, bpp * 2): seen.add(bytes(line[x:x + 3]))
            prev = line
        print(len(seen))
        """#

    static func count(_ path: String) throws -> Int {
        let out = try BrowserTests.run("/usr/bin/env", ["python3", "-c", script, path])
        return Int(out.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
