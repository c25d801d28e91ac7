import Foundation
import Scheduling
import Vocabulary

/// A farmer (농업인) row.
public struct FarmerRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var centerID: Int64
    public var name: String
    /// Digits only, e.g. `01012345678`.
    public var phone: String
    /// How many farms the farmer owns.
    public var farmCount: Int
}
