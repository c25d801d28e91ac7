import Foundation

/// One migration file, `sql/NNN_name.sql`: its version, name, SQL and SHA-256 checksum.
public struct Migration: Sendable, Hashable {
    /// The number before the first underscore, e.g. 1 for `001_core.sql`.
    public var version: Int
    /// The part after it, e.g. `core`.
    public var name: String
    /// The file name, e.g. `001_core.sql`.
    public var fileName: String
    /// The SQL text, run as one script in one transaction.
    public var sql: String
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    public var checksum: String

    /// A migration from a file name and the file's bytes.
    ///
    /// - Throws: `MigrationError.badFileName` when the name is not `NNN_name.sql`,
    ///   `.notUTF8` when the bytes are not UTF-8 text.
    public init(fileName: String, contents: Data) throws(MigrationError) {
        guard let (version, name) = Migration.parse(fileName: fileName) else {
            throw .badFileName(fileName)
        }
        guard let sql = String(data: contents, encoding: .utf8) else { throw .notUTF8(fileName) }
        self.version = version
        self.name = name
        self.fileName = fileName
        self.sql = sql
        self.checksum = SHA256.hex(contents)
    }

    /// `NNN_name.sql` → (NNN, name): digits, an underscore, then letters, digits or underscores.
    static func parse(fileName: String) -> (Int, String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let version = Int(digits),
            !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        return (version, String(name))
    }
}

/// Where migrations come from.
public enum MigrationSource: Sendable, Hashable {
    /// The `sql/` files compiled into this binary (the default: works wherever the binary is copied).
    case embedded
    /// The `*.sql` files of a directory (`--sql-dir`, `ILSON_SQL_DIR`): for developing migrations.
    case directory(URL)

    /// The migrations, sorted by version.
    ///
    /// - Throws: `MigrationError` for an unreadable directory, a bad file name or a version used twice.
    public func load() throws(MigrationError) -> [Migration] {
        var migrations: [Migration] = []
        switch self {
        case .embedded:
            for file in embeddedMigrationFiles {
                guard let data = Data(base64Encoded: file.base64) else { throw .notUTF8(file.name) }
                migrations.append(try Migration(fileName: file.name, contents: data))
            }
        case .directory(let url):
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw .unreadableDirectory(url.path)
            }
            for name in names where name.hasSuffix(".sql") {
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else {
                    throw .unreadableFile(name)
                }
                migrations.append(try Migration(fileName: name, contents: data))
            }
        }
        migrations.sort { ($0.version, $0.fileName) < ($1.version, $1.fileName) }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw .duplicateVersion(previous.fileName, next.fileName)
        }
        return migrations
    }
}
