import Foundation
import Scheduling
import Vocabulary

/// One login of a person, from `ilson_users` (sql/008_roles.sql).
public struct UserRecord: Sendable, Hashable, Decodable {
    /// The PostgreSQL login role.
    public var login: String
    public var kind: UserKind
    /// The center's code, when the login is limited to one center.
    public var centerCode: String?
    /// The farmer a farmer login acts for.
    public var farmerID: Int64?
    public var createdAt: Date
    public var createdBy: String
}

/// Who the connection is: its login and, when it is mapped, what `ilson_users` says.
public struct SessionIdentity: Sendable, Hashable {
    /// `session_user`: the login, which the client cannot change.
    public var login: String
    /// Whether the login bypasses row-level security (a superuser, e.g. the development database's).
    public var isSuperuser: Bool
    /// The mapping, when there is one.
    public var user: UserRecord?

    public init(login: String, isSuperuser: Bool, user: UserRecord?) {
        self.login = login
        self.isSuperuser = isSuperuser
        self.user = user
    }
}

/// One worker coming to a farmer's farm (from `ilson_farmer_workers`): only what the farmer may know.
public struct FarmerWorkerRow: Sendable, Hashable, Decodable {
    public var workDate: Day
    public var farmCode: String
    public var farmName: String
    public var requestID: Int64
    public var startTime: String
    public var task: String
    public var workerName: String
    /// Digits only.
    public var workerPhone: String
    public var rosterState: RosterState
    /// `approved` (told, no answer yet) or `confirmed` (answered yes by SMS), or a later status.
    public var status: AssignmentStatus
    /// Version 2: the job's end, `HH:MM` (a half day shows its hours).
    public var endTime: String
    /// Version 2: the pickup point the worker rides the farm's van from, nil when they come by their own means.
    public var ridePoint: String?
}
