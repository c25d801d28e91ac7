import KoreanText
import Places
import Postgres
import Records
import Storage
import Texts

extension Centers {
    /// Adds a center (`ilson center add`), with an audit row, in one transaction.
    ///
    /// - Parameters:
    ///   - code: 1-16 letters or digits, stored upper-case.
    ///   - smsSender: the registered sender number (발신번호), any common written form, or nil.
    ///   - county: the center's 시군구 by name or 5-digit code (``county(named:)``), or nil.
    /// - Throws: `OperationError.badInput` for a bad code, name, number or county, or a code in use.
    public static func add(
        code: String, name: String, smsSender: String?, county: String? = nil, on db: Connection
    ) throws -> CenterRecord {
        let code = code.uppercased()
        guard code.count <= 16, !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw OperationError.badInput(T(.errCenterCode, ["value": Excerpt.quoted(code)]))
        }
        let name = try RegistryInput.name(name, TextLimits.centerName, option: "--name")
        let sender = try smsSender.map(senderNumber)
        let county = try county.map { text throws(OperationError) in try Centers.county(named: text) }
        return try db.transaction { db in
            if try CenterStore.find(code: code, on: db) != nil {
                throw OperationError.badInput(T(.errCenterExists, ["code": code]))
            }
            let center = try CenterStore.insert(code: code, name: name, smsSender: sender, on: db)
            if let county {
                _ = try db.query("UPDATE centers SET county_code = \(county.code) WHERE id = \(center.id)")
            }
            try AuditLog.record(
                on: db, center: center.id, via: "center add", entity: "center", id: String(center.id), action: .create,
                after: AuditLog.snapshot(on: db, table: "centers", id: center.id))
            return center
        }
    }

    /// Changes a center's name and/or sender number; what is nil stays.
    public static func edit(code: String, name: String?, smsSender: String?, on db: Connection) throws -> CenterRecord {
        let name = try name.map { try RegistryInput.name($0, TextLimits.centerName, option: "--name") }
        let sender = try smsSender.map(senderNumber)
        return try db.transaction { db in
            let center = try resolve(code, on: db)
            let before = try AuditLog.snapshot(on: db, table: "centers", id: center.id)
            let updated = try CenterStore.update(
                id: center.id, name: name ?? center.name, smsSender: sender ?? center.smsSender, on: db)
            if updated != center {
                try AuditLog.record(
                    on: db, center: center.id, via: "center edit", entity: "center", id: String(center.id),
                    action: .update, before: before, after: AuditLog.snapshot(on: db, table: "centers", id: center.id))
            }
            return updated
        }
    }

    /// Every center, by code.
    public static func list(on db: Connection) throws -> [CenterRecord] {
        try CenterStore.all(on: db)
    }

    /// A sender number (발신번호): a landline, mobile or 15xx/16xx/18xx number, as digits.
    static func senderNumber(_ text: String) throws(OperationError) -> String {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let allowed = text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == " " }
        let landline = digits.hasPrefix("0") && (9...11).contains(digits.count)
        let representative = digits.count == 8 && ["15", "16", "17", "18", "19"].contains(String(digits.prefix(2)))
        guard allowed, landline || representative else {
            throw .badInput(T(.errNotASender, ["value": Excerpt.quoted(text)]))
        }
        return digits
    }
}
