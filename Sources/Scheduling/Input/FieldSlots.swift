/// A field an object of one kind may hold: its slot among the kind's fields and its name in the file.
protocol KnownField {
    /// How many fields the kind knows (their slots are `0..<count`).
    static var count: Int { get }
    /// The field named `key` exactly, nil for a key the kind does not know.
    init?(key: String)
    /// The field's slot, in `0..<count`.
    var slot: Int { get }
    /// The field's name in the file (as error messages quote it).
    var name: String { get }
}

/// One JSON object's known fields, found in one walk over its keys: each field's slot holds the position of the last
/// key of that name (the value `JSONObject.subscript` returns), so a field is then read without a key search.
struct FieldSlots<Field: KnownField> {
    /// The object the slots point into.
    let object: JSONObject
    /// For each field's slot, the position of its value in `object.values`, or −1 when the object lacks it.
    private var positions: [Int]

    /// Walks `object`'s keys once; a repeated key's later position wins, as in `JSONObject.subscript`.
    init(_ object: JSONObject) {
        self.object = object
        var positions = [Int](repeating: -1, count: Field.count)
        for (i, key) in object.keys.enumerated() {
            if let field = Field(key: key) { positions[field.slot] = i }
        }
        self.positions = positions
    }

    /// The field's value, or nil when absent. An explicit `null` is returned as `.null` (as `JSONObject.subscript`).
    subscript(_ field: Field) -> JSONValue? {
        let i = positions[field.slot]
        return i < 0 ? nil : object.values[i]
    }

    /// The field's value, with an explicit `null` treated as missing (as `JSONObject.present`).
    func present(_ field: Field) -> JSONValue? {
        guard let v = self[field], !v.isNull else { return nil }
        return v
    }
}

/// Where the decoder's field helpers read an object's fields: a `JSONObject` by key (the rare objects), or its
/// `FieldSlots` by known field (the numerous ones).
protocol FieldLookup {
    /// What names a field: a key, or a known field.
    associatedtype Key
    /// The field's value, with an explicit `null` treated as missing.
    func present(_ key: Key) -> JSONValue?
    /// The field's name in the file, for messages.
    func fieldName(_ key: Key) -> String
}

extension JSONObject: FieldLookup {
    /// The key itself.
    func fieldName(_ key: String) -> String { key }
}

extension FieldSlots: FieldLookup {
    /// The known field's name.
    func fieldName(_ key: Field) -> String { key.name }
}
