/// Why migrations could not be loaded or applied. Messages name the file and say what to do.
public enum MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `.sql` file whose name is not `NNN_name.sql`.
    case badFileName(String)
    /// A file that is not UTF-8 text.
    case notUTF8(String)
    /// The directory of migrations cannot be listed.
    case unreadableDirectory(String)
    /// A file cannot be read.
    case unreadableFile(String)
    /// Two files with one version.
    case duplicateVersion(String, String)
    /// An applied migration whose file changed since (recorded and current checksum).
    case checksumMismatch(fileName: String, recorded: String, current: String)
    /// A migration failed; nothing of it was applied. `reason` is the server's message.
    case failed(fileName: String, sqlState: String?, reason: String)

    /// Whether the problem is in the migration files (bad input), rather than the database.
    public var isBadInput: Bool { true }

    public var description: String {
        switch self {
        case .badFileName(let name):
            return "migration file \(name) is not named NNN_name.sql (digits, underscore, letters/digits/underscores)"
        case .notUTF8(let name):
            return "migration file \(name) is not UTF-8 text"
        case .unreadableDirectory(let path):
            return "cannot list the migration directory \(path)"
        case .unreadableFile(let name):
            return "cannot read migration file \(name)"
        case .duplicateVersion(let first, let second):
            return "migration files \(first) and \(second) have the same version; renumber one"
        case .checksumMismatch(let name, let recorded, let current):
            return """
                migration \(name) was changed after it was applied (checksum \(recorded.prefix(12))… recorded, \
                \(current.prefix(12))… now); applied migrations must not change: restore the file and put the \
                change in a new migration
                """
        case .failed(let name, let state, let reason):
            return
                "migration \(name) failed\(state.map { " (SQLSTATE \($0))" } ?? ""): \(reason); nothing of it was applied"
        }
    }
}
