import Postgres
import Records
import Storage
import Texts
import Vocabulary

extension UserKind {
    /// The NOLOGIN group role of this kind.
    public var groupRole: String { "ilson_" + rawValue }
}

/// Logins of people: `ilson user add`, `user list`, `user whoami`, and a farmer's workers.
public enum Users {
    /// The shortest password `user add` accepts.
    public static let minimumPasswordLength = 10

    /// Creates a login and its mapping in one transaction: a LOGIN role in the group of `kind`, mapped to the
    /// center (and farmer). The password is hashed here (SCRAM-SHA-256) and only the verifier is sent.
    ///
    /// - Parameters:
    ///   - login: the role name, 1-63 bytes; it is quoted by the server (`format('%I')`), whatever it holds.
    ///   - password: the password in clear, from stdin or a file; never printed, never sent.
    ///   - center: a center code: required for a coordinator, optional for batch (none: every center),
    ///     none for an admin; a farmer's is the farmer's.
    ///   - farmer: for a farmer login, the farmer's id or phone number.
    /// - Throws: `OperationError.badInput` / `.notFound` for bad values (nothing created),
    ///   `.permissionDenied` when this connection's login is not an admin.
    public static func add(
        login: String, password: String, kind: UserKind, center: String?, farmer: String?, on db: Connection
    ) throws {
        try checkLogin(login)
        try checkPassword(password)
        if kind == .farmer && farmer == nil { throw OperationError.badInput(T(.errUserFarmerNeedsId)) }
        if kind != .farmer && farmer != nil { throw OperationError.badInput(T(.errUserOnlyFarmerHasFarmer)) }
        if kind == .admin && center != nil { throw OperationError.badInput(T(.errUserAdminNoCenter)) }
        try db.transaction { db in
            var centerID: Int64? = nil
            var center = center
            // A coordinator, or a farmer named by phone, belongs to a center: the only one when the database holds one.
            var farmerByPhone = false
            if let farmer, case .phone = try? PersonRef(farmer, role: "farmer") { farmerByPhone = true }
            if center == nil && (kind == .coordinator || farmerByPhone) {
                do {
                    center = try Centers.resolve(nil, on: db).code
                } catch OperationError.badInput(let why) {
                    throw OperationError.badInput(
                        (kind == .coordinator ? T(.errUserCoordinatorNeedsCenter) : T(.errUserGiveCenter))
                            + ": \(why)")
                }
            }
            if let center {
                guard let found = try CenterStore.find(code: center, on: db) else {
                    throw OperationError.notFound(T(.errNoCenterCode, ["code": center, "known": ""]))
                }
                centerID = found.id
            }
            var farmerID: Int64? = nil
            if let farmer {
                let ref = try PersonRef(farmer, role: "farmer")
                switch ref {
                case .id(let id): farmerID = id
                case .phone:
                    guard let centerID else {
                        throw OperationError.badInput(T(.errUserFarmerByPhoneNeedsCenter))
                    }
                    guard let found = try UserStore.farmerID(ref, center: centerID, on: db) else {
                        throw OperationError.notFound(T(.errUserNoFarmer, ["farmer": ref, "center": center ?? ""]))
                    }
                    farmerID = found
                }
            }
            let verifier = try db.encryptPassword(password, user: login)
            do {
                try UserStore.create(
                    login: login, verifier: verifier, kind: kind.rawValue, center: centerID, farmer: farmerID, on: db)
            } catch let error as PostgresError {
                throw Users.explain(error, login: login)
            }
        }
    }

    /// The logins this connection may see: an admin all of them, anyone else their own.
    public static func list(on db: Connection) throws -> [UserRecord] {
        try UserStore.all(on: db)
    }

    /// Who this connection is.
    public static func whoami(on db: Connection) throws -> SessionIdentity {
        try UserStore.current(on: db)
    }

    /// The workers coming to the session farmer's own farms (approved, sending or sent rosters).
    ///
    /// - Throws: `.permissionDenied` for a login that is not a farmer.
    public static func farmerWorkers(from: String?, to: String?, on db: Connection) throws -> [FarmerWorkerRow] {
        do {
            return try UserStore.farmerWorkers(from: from, to: to, on: db)
        } catch let error as PostgresError where error.sqlState == .insufficientPrivilege {
            throw OperationError.permissionDenied(T(.errFarmerWorkersOnly))
        }
    }

    /// Role names PostgreSQL gives a meaning of its own, in lower case (sql/011 refuses them in any case too).
    static let reservedLogins: Set<String> = ["public", "none", "current_user", "session_user", "current_role"]

    /// A login name: 1-63 bytes (PostgreSQL's limit), no control characters; not one of the reserved prefixes.
    static func checkLogin(_ login: String) throws(OperationError) {
        guard (1...63).contains(login.utf8.count) else {
            throw .badInput(T(.errLoginLength))
        }
        guard !login.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .badInput(T(.errLoginControl))
        }
        let lower = login.lowercased()
        guard !lower.hasPrefix("pg_") && !lower.hasPrefix("ilson_") else {
            throw .badInput(T(.errLoginPrefix))
        }
        guard !reservedLogins.contains(lower) else {
            throw .badInput(T(.errLoginReserved, ["login": login]))
        }
    }

    /// A password: long enough, no NUL (libpq strings end at NUL). Never quoted in a message.
    static func checkPassword(_ password: String) throws(OperationError) {
        guard password.count >= minimumPasswordLength else {
            throw .badInput(T(.errPasswordShort, ["min": minimumPasswordLength]))
        }
        guard !password.unicodeScalars.contains("\u{0}") else {
            throw .badInput(T(.errPasswordNul))
        }
    }

    /// The server's refusal of `ilson_create_login` in words (its messages hold no values).
    static func explain(_ error: PostgresError, login: String) -> any Error {
        switch error.sqlState?.rawValue {
        case "42501": return OperationError.permissionDenied(T(.errOnlyAdminAddsUsers))
        case "42710":
            return OperationError.badInput(T(.errRoleExists, ["login": PostgresQuery.quoteIdentifier(login)]))
        case "22023": return OperationError.badInput(error.message)
        case "23503": return OperationError.notFound(error.message)
        default: return error
        }
    }
}
