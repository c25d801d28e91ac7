import ArgumentParser
import Foundation
import KoreanText
import Texts

/// `--encoding utf8|cp949`: the bytes of a CSV ilson writes. UTF-8 carries a byte order mark, so Excel on Korean
/// Windows reads the Hangul (without one it shows mojibake); `cp949` is for older spreadsheet programs.
enum CSVEncoding: String, ExpressibleByArgument, CaseIterable, Sendable {
    case utf8, cp949

    /// The UTF-8 byte order mark.
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A CSV text as the bytes of a file in this encoding.
    ///
    /// - Throws: `CommandFailure` (exit 2) naming the first character CP949 cannot hold.
    func bytes(_ csv: String) throws -> [UInt8] {
        switch self {
        case .utf8: return Self.bom + Array(csv.utf8)
        case .cp949:
            if let bytes = CP949.encode(csv) { return bytes }
            let bad = csv.unicodeScalars.first { CP949.byteCount(of: $0) == nil }.map { String($0) } ?? "?"
            throw CommandFailure(
                "CP949로 쓸 수 없는 글자 \(Excerpt.quoted(bad))가 있습니다: --encoding utf8 로 내보내세요",
                exitCode: .badInput)
        }
    }

    /// Writes a CSV text on standard output in this encoding (after what `print` has buffered).
    func write(_ csv: String) throws {
        let data = Data(try bytes(csv))
        fflush(nil)
        FileHandle.standardOutput.write(data)
    }
}

/// The `--encoding` option of every command that writes CSV.
struct CSVEncodingOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            T(.helpCSVEncoding), valueName: "utf8|cp949"))
    var encoding: CSVEncoding = .utf8
}
