import KoreanText
import Postgres
import Records
import Storage
import Texts

/// Farmers (농업인): the people who own farms and submit requests.
public enum Farmers {
    /// Adds a farmer (`ilson farmer add`), with an audit row, in one transaction.
    ///
    /// - Throws: `OperationError.badInput` for a bad name or phone, or a phone already registered in the center.
    public static func add(name: String, phone: String, center: String?, on db: Connection) throws -> FarmerRecord {
        let name = try RegistryInput.name(name, TextLimits.farmerName, option: "--name")
        let phone = try RegistryInput.phone(phone, field: "--phone")
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            if let existing = try FarmerStore.find(.phone(phone), center: center.id, on: db) {
                throw OperationError.badInput(
                    T(
                        .errFarmerExists,
                        ["phone": Phone.mask(phone), "center": center.code, "id": existing.id, "name": existing.name]))
            }
            let id = try FarmerStore.insert(center: center.id, name: name, phone: phone, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "farmer add", entity: "farmer", id: String(id), action: .create,
                after: AuditLog.snapshot(on: db, table: "farmers", id: id))
            return try FarmerStore.find(.id(id), center: center.id, on: db)!
        }
    }

    /// The farmers of a center, by name.
    public static func list(center: String?, on db: Connection) throws -> (CenterRecord, [FarmerRecord]) {
        let center = try Centers.resolve(center, on: db)
        return (center, try FarmerStore.all(center: center.id, on: db))
    }

    /// The farmer a person named, in a center.
    static func find(_ text: String, center: CenterRecord, on db: Connection) throws -> FarmerRecord {
        let ref = try PersonRef(text, role: "farmer")
        guard let farmer = try FarmerStore.find(ref, center: center.id, on: db) else {
            throw OperationError.notFound(T(.errFarmerNotFound, ["farmer": ref, "center": center.code]))
        }
        return farmer
    }
}
