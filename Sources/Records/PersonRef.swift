import KoreanText

/// How a person typed a worker or a farmer: a phone number (any written form) or a numeric id.
public enum PersonRef: Sendable, Hashable, CustomStringConvertible {
    case id(Int64)
    /// Normalized digits, e.g. `01012345678`.
    case phone(String)

    /// Parses `010-1234-5678`, `01012345678` or a numeric id like `42`.
    ///
    /// - Throws: `InvalidReference` naming the (masked) text.
    public init(_ text: String, role: String = "worker") throws(InvalidReference) {
        if let digits = Phone.normalize(text) {
            self = .phone(digits)
        } else if let id = Int64(text), id > 0 {
            self = .id(id)
        } else {
            throw InvalidReference(
                message:
                    "\(role) \(Excerpt.quoted(Phone.mask(text))) is neither a mobile number (010-1234-5678) nor an id")
        }
    }

    /// Masked for messages: `010-****-5678` or `id 42`.
    public var description: String {
        switch self {
        case .id(let id): "id \(id)"
        case .phone(let p): Phone.mask(p)
        }
    }
}

/// A reference a person typed that names nothing ilson can look up.
public struct InvalidReference: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
