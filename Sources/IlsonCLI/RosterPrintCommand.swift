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
        guard !out.isEmpty else { throw ValidationError("--out needs a file name, e.g. --out day.html") }
        if let pdf, pdf.isEmpty { throw ValidationError("--pdf needs a file name, e.g. --pdf day.pdf") }
    }

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let sheet = try DaySheets.load(
            center: center, date: date, phones: maskPhones ? .masked : .full, on: context.db)
        try OutputFile.write(DaySheetHTML.render(sheet), to: out)
        let pickups = sheet.pickups?.count ?? 0
        print(
            "\(out): 표지 1쪽, 농가 \(sheet.farms.count)쪽, 픽업 \(sheet.pickups == nil ? "정보 없음 1쪽" : "\(pickups)쪽"); "
                + "요청 \(sheet.requests)건, 필요 \(sheet.wanted)명, 배치 \(sheet.filled)명, 미충원 \(sheet.unfilled)명")
        guard let pdf else { return }
        guard let browser = HeadlessBrowser.find() else {
            throw CommandFailure(
                "PDF를 만들지 못했습니다: 헤드리스 Chromium이 설치되어 있지 않습니다 (Debian: apt-get install chromium). "
                    + "HTML은 \(out)에 썼습니다: 브라우저에서 열어 인쇄하세요.", exitCode: .partial)
        }
        try browser.printToPDF(html: out, pdf: pdf)
        print("\(pdf): PDF (\(browser.path))")
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
        guard !out.isEmpty else { throw ValidationError("--out needs a file name, e.g. --out day.svg") }
    }

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let sheet = try DaySheets.load(center: center, date: date, phones: .masked, on: context.db)
        guard let map = sheet.map else {
            throw CommandFailure(
                "센터 \(center.code)에 시군구가 없어 지도를 그릴 수 없습니다: ilson center edit --county 진천군 처럼 정해 주세요",
                exitCode: .badInput)
        }
        try OutputFile.write(map.svg(standalone: true), to: out)
        print("\(out): 읍면 \(map.towns.count)곳, 농가 \(map.farms.count)곳, 작업자 \(map.trips.count)명")
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
                "PDF를 만들지 못했습니다: \(path)가 종료 코드 \(process.terminationStatus)로 끝났습니다. "
                    + "HTML은 \(html)에 있습니다.", exitCode: .partial)
        }
    }
}
