// Statuses print as they are stored (`no_show`, not `noShow`), in messages and in output.

extension StoredStatus where Self: CustomStringConvertible {
    public var description: String { rawValue }
}

extension RosterState: CustomStringConvertible {}
extension AssignmentStatus: CustomStringConvertible {}
extension OutboxState: CustomStringConvertible {}
extension AttendanceOutcome: CustomStringConvertible {}
extension RequestStatus: CustomStringConvertible {}
extension RecipientRole: CustomStringConvertible {}
extension AvailabilityKind: CustomStringConvertible {}
extension BatchJob: CustomStringConvertible {}
