import Foundation
import Scheduling
import Vocabulary

/// A dispatch center row.
public struct CenterRecord: Sendable, Hashable, CustomStringConvertible, Decodable {
    public var id: Int64
    public var code: String
    public var name: String
    public var smsSender: String?
    public var description: String { "\(code) \(name)" }
}
