import KoreanText
import Postgres
import Records
import Storage
import Texts

/// A center's tasks (작업) and skills (기술): list, add, rename (`ilson task …`, `ilson skill …`), and how what a
/// person typed becomes the stored code.
///
/// The stored value is a stable code (`harvest`); people read and type the Korean name (`수확`), the code, or a
/// national alias (`선별·포장`). A task must be in the catalogue. A skill given as an unknown code (ASCII, as
/// scripts and generated counties write them) is added to the catalogue as before; an unknown Korean skill name
/// is refused, so a typo never becomes a skill nobody has.
public enum Catalogues {
    /// One line of `task list` / `skill list`.
    public struct Line: Sendable, Hashable {
        public var code: String
        public var name: String?
        /// Live requests with this task, or workers with this skill.
        public var uses: Int
    }

    /// A center's catalogue, to show Korean names for stored codes.
    public static func load(_ kind: CatalogueKind, center: CenterRecord, on db: Connection) throws -> Records.Catalogue
    {
        try CatalogueStore.load(kind, center: center.id, on: db)
    }

    /// The catalogue of a center, with how often each entry is used.
    public static func list(_ kind: CatalogueKind, center: String?, on db: Connection) throws -> (
        center: CenterRecord, lines: [Line]
    ) {
        try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let catalogue = try CatalogueStore.load(kind, center: center.id, on: db)
            let uses = try CatalogueStore.uses(kind, center: center.id, on: db)
            let lines = catalogue.entries.map { Line(code: $0.code, name: $0.name, uses: uses[$0.code] ?? 0) }
            return (center, lines.sorted { ($0.name ?? $0.code, $0.code) < ($1.name ?? $1.code, $1.code) })
        }
    }

    /// Adds a Korean name (with a code, or the next free `task-N` / `skill-N`), with an audit row.
    ///
    /// - Throws: `OperationError.badInput` when the name or code is taken, malformed or too long.
    public static func add(_ kind: CatalogueKind, name: String, code: String?, center: String?, on db: Connection)
        throws -> CatalogueEntry
    {
        let name = try RegistryInput.name(name, TextLimits.skillName, option: T(.catNameLabel))
        if let code, !Records.Catalogue.isCodeLike(code) {
            throw OperationError.badInput(T(.errCatCode, ["code": Excerpt.quoted(code)]))
        }
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let catalogue = try CatalogueStore.load(kind, center: center.id, on: db)
            if let taken = catalogue.code(for: name) {
                throw OperationError.badInput(
                    T(
                        .errCatNameTaken,
                        [
                            "kind": kind.shown, "name": Excerpt.quoted(name), "shown": catalogue.name(of: taken),
                            "code": taken,
                        ]))
            }
            let chosen: String
            if let code {
                chosen = code.trimmingCharacters(in: .whitespaces).lowercased()
                if catalogue.entries.contains(where: { $0.code == chosen }) {
                    throw OperationError.badInput(
                        T(.errCatCodeTaken, ["code": chosen, "kind": kind.shown, "shown": catalogue.name(of: chosen)]))
                }
            } else {
                let used = Set(catalogue.entries.map(\.code))
                chosen = (1...).lazy.map { "\(kind.rawValue)-\($0)" }.first { !used.contains($0) }!
            }
            let id = try CatalogueStore.insert(kind, center: center.id, code: chosen, name: name, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "\(kind.rawValue) add", entity: kind.rawValue, id: String(id),
                action: .create, after: AuditLog.snapshot(on: db, table: kind.table, id: id))
            return CatalogueEntry(code: chosen, name: name)
        }
    }

    /// Gives an entry (named by code, name or alias) a new Korean name; stored requests and workers keep the code,
    /// so every message and report shows the new name from now on.
    public static func rename(
        _ kind: CatalogueKind, _ word: String, to newName: String, center: String?, on db: Connection
    )
        throws -> (before: CatalogueEntry, after: CatalogueEntry)
    {
        let newName = try RegistryInput.name(newName, TextLimits.skillName, option: T(.catNewNameLabel))
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let catalogue = try CatalogueStore.load(kind, center: center.id, on: db)
            let code = try resolve(word, in: catalogue, field: kind.shown, addingCodes: false)
            if let other = catalogue.code(for: newName), other != code {
                throw OperationError.badInput(
                    T(
                        .errCatRenameTaken,
                        [
                            "name": Excerpt.quoted(newName), "kind": kind.shown, "shown": catalogue.name(of: other),
                            "code": other,
                        ]))
            }
            let before = CatalogueEntry(code: code, name: catalogue.entries.first { $0.code == code }?.name)
            guard let id = try CatalogueStore.id(kind, center: center.id, code: code, on: db) else {
                throw OperationError.notFound(T(.errCatNotFound, ["kind": kind.shown, "word": Excerpt.quoted(word)]))
            }
            let snapshot = try AuditLog.snapshot(on: db, table: kind.table, id: id)
            try CatalogueStore.rename(id: id, kind, name: newName, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "\(kind.rawValue) rename", entity: kind.rawValue, id: String(id),
                action: .update, before: snapshot, after: AuditLog.snapshot(on: db, table: kind.table, id: id))
            return (before, CatalogueEntry(code: code, name: newName))
        }
    }

    /// The code a typed word stands for.
    ///
    /// - Parameters:
    ///   - addingCodes: an unknown word shaped like a code is taken as a new code (skills from scripts and files).
    /// - Throws: `OperationError.badInput` naming the word as typed and the close entries of the catalogue.
    static func resolve(_ word: String, in catalogue: Records.Catalogue, field: String, addingCodes: Bool)
        throws(OperationError)
        -> String
    {
        if let code = catalogue.code(for: word) { return code }
        if addingCodes, Records.Catalogue.isCodeLike(word) {
            return word.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let close = catalogue.closeMatches(word)
        let hint =
            close.isEmpty
            ? ""
            : T(.errCatCloseHint, ["names": close.map { "\($0.shown)(\($0.code))" }.joined(separator: ", ")])
        let kind = catalogue.kind
        throw .badInput(
            T(
                .errCatUnknown,
                [
                    "field": field, "word": Excerpt.quoted(word), "kind": kind.shown, "hint": hint,
                    "command": kind.rawValue,
                ]))
    }

    /// A center's two catalogues, loaded once for a command or a whole import.
    struct Loaded {
        var tasks: Records.Catalogue
        var skills: Records.Catalogue

        init(center: Int64, on db: Connection) throws {
            tasks = try CatalogueStore.load(.task, center: center, on: db)
            skills = try CatalogueStore.load(.skill, center: center, on: db)
        }

        /// A request's task and skills as codes (the text limits are checked first, as before the catalogue).
        func canonical(_ input: RequestInput, source: InputSource) throws(OperationError) -> RequestInput {
            var input = input
            let taskField = source.name("task", "task")
            if let task = try RegistryInput.text(input.task, TextLimits.task, option: taskField) {
                input.task = try resolve(task, in: tasks, field: taskField, addingCodes: false)
            }
            input.skills = try input.skills.map { words throws(OperationError) in
                try canonicalSkills(words, field: source.name("skills", "skills"))
            }
            return input
        }

        /// A worker's skills as codes.
        func canonical(_ input: WorkerInput, source: InputSource) throws(OperationError) -> WorkerInput {
            var input = input
            input.skills = try input.skills.map { words throws(OperationError) in
                try canonicalSkills(words, field: source.name("skills", "skills"))
            }
            return input
        }

        private func canonicalSkills(_ words: [String], field: String) throws(OperationError) -> [String] {
            var codes: [String] = []
            for word in words { codes.append(try resolve(word, in: skills, field: field, addingCodes: true)) }
            return codes
        }
    }
}

extension CatalogueKind {
    /// `작업` or `기술` (`task` or `skill` in English), as a coordinator reads it.
    public var shown: String { self == .task ? T(.kindTask) : T(.kindSkill) }
}
