import Testing
@_exported import TestSupport

extension TestDatabase {
    /// Shown when database tests are skipped.
    static var skipComment: Comment { Comment(rawValue: skipReason) }
}
