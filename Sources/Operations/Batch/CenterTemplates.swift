import KoreanText
import Messaging
import Postgres
import Records
import Storage
import Texts

/// A center's message templates: the defaults, with the slots the center changed (`message_templates`).
public enum CenterTemplates {
    /// The center's templates.
    ///
    /// - Throws: `OperationError.badInput` when a stored template no longer parses (it names the slot and line).
    public static func load(center: Int64, on db: Connection) throws -> TemplateSet {
        var overrides: [TemplateSlot: String] = [:]
        for (name, body) in try MessageTemplateStore.templates(center: center, on: db) {
            if let slot = TemplateSlot(rawValue: name) { overrides[slot] = body }
        }
        do {
            return try TemplateSet(overrides: overrides)
        } catch {
            throw OperationError.badInput(T(.errTemplateStored, ["error": "\(error)"]))
        }
    }

    /// Every slot's template in use, in slot order, and whether it is the center's own or the default.
    ///
    /// - Throws: `OperationError.badInput` when a stored template no longer parses (it names the slot and line).
    public static func inUse(center: Int64, on db: Connection) throws -> [CenterTemplate] {
        let own = try MessageTemplateStore.templates(center: center, on: db)
        let set = try load(center: center, on: db)
        return TemplateSlot.allCases.map {
            CenterTemplate(slot: $0, source: set[$0].source, isCentersOwn: own[$0.rawValue] != nil)
        }
    }

    /// Validates and saves one slot's text (a sample message is composed to check it fits).
    ///
    /// - Throws: `OperationError.badInput` for an unknown slot or a template that does not parse.
    public static func save(center: Int64, slot name: String, text: String, on db: Connection) throws {
        guard let slot = TemplateSlot(rawValue: name) else {
            throw OperationError.badInput(
                T(
                    .errTemplateSlot,
                    [
                        "name": Excerpt.quoted(name),
                        "names": TemplateSlot.allCases.map(\.rawValue).joined(separator: ", "),
                    ]))
        }
        _ = try RegistryInput.text(text, TextLimits.template, option: "--file")
        let template: Template
        do {
            template = try Template(text, for: slot)
        } catch {
            throw OperationError.badInput(T(.errTemplateInvalid, ["slot": slot, "error": "\(error)"]))
        }
        try checkComposes(template, slot: slot)
        try db.transaction { tx in
            try MessageTemplateStore.save(center: center, slot: slot.rawValue, body: text, on: tx)
            try AuditLog.record(
                on: tx, center: center, via: "batch templates set", entity: "message_template", id: slot.rawValue,
                action: .update)
        }
    }

    /// Refuses a template that could not carry the longest values the text limits allow (`LongestNotices`): its
    /// messages must always compose, whatever a farmer or coordinator typed within the limits.
    static func checkComposes(_ template: Template, slot: TemplateSlot) throws(OperationError) {
        let set: TemplateSet
        do {
            set = try TemplateSet(overrides: [slot: template.source])
        } catch {
            throw .badInput(T(.errTemplateInvalid, ["slot": slot, "error": "\(error)"]))
        }
        let composer = MessageComposer(templates: set)
        for notice in LongestNotices.notices(for: slot) {
            do {
                _ = try composer.compose(notice)
            } catch {
                throw .badInput(
                    T(.errTemplateLongest, ["slot": slot, "max": TextLimits.farmName.maxLength, "error": "\(error)"]))
            }
        }
    }

    /// Removes a slot's text so the default applies again.
    public static func reset(center: Int64, slot name: String, on db: Connection) throws -> Bool {
        guard TemplateSlot(rawValue: name) != nil else {
            throw OperationError.badInput(
                T(
                    .errTemplateSlot,
                    [
                        "name": Excerpt.quoted(name),
                        "names": TemplateSlot.allCases.map(\.rawValue).joined(separator: ", "),
                    ]))
        }
        return try MessageTemplateStore.remove(center: center, slot: name, on: db)
    }
}

/// One slot's template as `batch templates show` prints it.
public struct CenterTemplate: Sendable, Hashable {
    /// The slot, e.g. `assignment`.
    public var slot: TemplateSlot
    /// The template's text.
    public var source: String
    /// True when the center set its own text; false for the default.
    public var isCentersOwn: Bool
}
