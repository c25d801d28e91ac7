import Foundation
import Scheduling
import Vocabulary

/// One message that needs a person: failed for good, or still open. Phone masked by the caller.
public struct OutboxProblem: Sendable, Hashable, Decodable {
    public var id: Int64
    public var recipient: String
    public var recipientRole: RecipientRole
    public var recipientId: Int64
    public var kind: MessageKind
    public var state: OutboxState
    public var attempts: Int
    public var lastError: String?
}
