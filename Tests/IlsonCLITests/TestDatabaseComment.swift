@_exported import TestSupport
import Testing

extension TestDatabase {
    /// Shown when database tests are skipped.
    static var skipComment: Comment { Comment(rawValue: skipReason) }
}
