import ArgumentParser
import Foundation
import Operations
import PrintSheets
import Records
import Texts
import Vocabulary

/// `ilson roster print --date D --out FILE.html [--pdf FILE.pdf] [--mask-phones]`: the day's printable sheets.
struct RosterPrint: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: T(.aboutRosterPrint),
        discussion: T(.helpRosterPrint0))

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpHtmlFileWrite))) var out: String
    @Option(name: .long, help: ArgumentHelp(T(.helpAlsoPrintPdfFile))) var pdf: String?
    @Flag(name: .long, help: ArgumentHelp(T(.helpMaskPhoneNumbers))) var maskPhones = false

    func validate() throws {
        guard !out.isEmpty else {
            throw ValidationError(T(.errOutNeedsName, ["option": "--out", "example": "day.html"]))
        }
        if let pdf, pdf.isEmpty {
            throw ValidationError(T(.errOutNeedsName, ["option": "--pdf", "example": "day.pdf"]))
        }
    }

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let sheet = try DaySheets.load(
            center: center, date: date, phones: maskPhones ? .masked : .full, on: context.db)
        try OutputFile.write(DaySheetHTML.render(sheet), to: out)
        let pickups = sheet.pickups?.count ?? 0
        print(
            T(
                .printWrote,
                [
                    "path": out, "farms": sheet.farms.count,
                    "pickups": sheet.pickups == nil ? T(.printPickupsNone) : T(.printPickupsPages, ["count": pickups]),
                    "requests": sheet.requests, "wanted": sheet.wanted, "filled": sheet.filled,
                    "unfilled": sheet.unfilled,
                ]))
        guard let pdf else { return }
        guard let browser = HeadlessBrowser.find() else {
            throw CommandFailure(T(.printNoBrowser, ["path": out]), exitCode: .partial)
        }
        try browser.printToPDF(html: out, pdf: pdf)
        print(T(.printPDF, ["path": pdf, "browser": browser.path]))
    }
}

/// `ilson roster map --date D --out FILE.svg`: the map of the day alone.
struct RosterMap: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: T(.aboutRosterMap))

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpSvgFileWrite))) var out: String

    func validate() throws {
        guard !out.isEmpty else {
            throw ValidationError(T(.errOutNeedsName, ["option": "--out", "example": "day.svg"]))
        }
    }

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let sheet = try DaySheets.load(center: center, date: date, phones: .masked, on: context.db)
        guard let map = sheet.map else {
            throw CommandFailure(T(.mapNoCounty, ["center": center.code]), exitCode: .badInput)
        }
        try OutputFile.write(map.svg(standalone: true), to: out)
        print(
            T(.mapWrote, ["path": out, "towns": map.towns.count, "farms": map.farms.count, "workers": map.trips.count]))
    }
}

/// A headless Chromium that prints HTML to PDF (`chromium --headless --print-to-pdf`).
struct HeadlessBrowser {
    var path: String

    /// The first of `chromium`, `chromium-browser`, `google-chrome` found on `PATH`, or nil.
    static func find() -> HeadlessBrowser? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in dirs {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessBrowser(path: candidate) }
            }
        }
        return nil
    }

    /// Prints the HTML file to `pdf` (A4 from the sheet's CSS), without header or footer.
    func printToPDF(html: String, pdf: String) throws {
        let page = URL(fileURLWithPath: html).standardizedFileURL.absoluteString
        let target = URL(fileURLWithPath: pdf).standardizedFileURL.path
        let profile = "\(NSTemporaryDirectory())ilson-chromium-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--user-data-dir=\(profile)", "--print-to-pdf=\(target)", page,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target) else {
            throw CommandFailure(
                T(.printBrowserFailed, ["browser": path, "status": process.terminationStatus, "path": html]),
                exitCode: .partial)
        }
    }
}
