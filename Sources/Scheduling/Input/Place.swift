/// Where an input error is, as its message names it: a fixed text (`"instance"`, `"weights"`) or an object in one of
/// the instance's lists. An object's text is made only when a message needs it (most objects have no error).
enum Place: CustomStringConvertible, ExpressibleByStringLiteral {
    /// A fixed text.
    case text(String)
    /// The object at `index` of the list `kind`, with its id when that is a string.
    case object(kind: String, index: Int, id: String?)

    /// A fixed text from a literal.
    init(stringLiteral value: String) { self = .text(value) }

    /// `workers[12] (id "w13")`, or `workers[12]` without an id.
    var description: String {
        switch self {
        case .text(let text): return text
        case .object(let kind, let index, let id?): return "\(kind)[\(index)] (id \"\(id)\")"
        case .object(let kind, let index, nil): return "\(kind)[\(index)]"
        }
    }
}
