/// A value that JSON writes as its text (`"2026-12-01"`, `"06:30"`): encoded as `description`, decoded
/// through `init?(_:)`, and a text that is not one is a decoding error naming the form expected.
public protocol TextCodable: Codable, LosslessStringConvertible {
    /// The form, for messages: `a YYYY-MM-DD date`.
    static var textForm: String { get }
}

extension TextCodable {
    /// Decodes the value from a JSON string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\(text) is not \(Self.textForm)"))
        }
        self = value
    }

    /// Encodes the value as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
