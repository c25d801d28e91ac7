import Foundation
import Messaging
import Postgres
import Storage

/// Storing replies, polled or pushed: each provider id once. Acting on them is `batch replies`' step either way.
public enum ReplyIntake {
    /// How a reply reached ilson.
    public enum Via: String, Sendable {
        case poll, push
    }

    /// Stores replies (a repeated id is ignored) and, for a polled page, moves the cursor in the same transaction:
    /// a crash before the commit stores nothing and leaves the cursor where it was.
    ///
    /// - Returns: how many replies were new.
    @discardableResult
    public static func store(
        _ messages: [InboundMessage], via: Via, cursor: (source: String, next: String)? = nil, on db: Database
    ) throws -> Int {
        let rows = messages.map { m in
            NewInbound(
                providerId: m.id, sender: m.from, senderDigits: m.senderDigits, recipient: m.to, body: m.body,
                receivedAt: m.receivedAt.flatMap { readableTime($0) ? $0 : nil })
        }
        return try db.transaction { tx in
            let n = try ReplyStore.insert(rows, via: via.rawValue, on: tx)
            if let cursor { try ReplyStore.setCursor(cursor.next, source: cursor.source, on: tx) }
            return n
        }
    }

    /// Whether a `receivedAt` is an ISO 8601 time with an offset PostgreSQL reads (else it is stored as NULL).
    static func readableTime(_ text: String) -> Bool {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if plain.date(from: text) != nil { return true }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text) != nil
    }
}
