import Foundation
import KoreanText
import Synchronization

/// The `stdout` gateway: a dry run that prints each message in full, one header line then the body indented.
///
/// It shows the full recipient number and body on purpose: it writes to the operator's own terminal (or a file
/// the operator redirected it to), like `roster calls`, not to a log. Do not point it at a shared log.
/// Repeating an idempotency key prints nothing new and returns the same id.
public final class StdoutGateway: Gateway {
    public let name = "stdout"
    let defaultSender: String?
    let write: @Sendable (String) -> Void
    let seen = Mutex<Set<String>>([])

    /// Writes to standard output.
    public static let standardOutput: @Sendable (String) -> Void = { text in
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Creates the gateway.
    ///
    /// - Parameters:
    ///   - defaultSender: the sender number shown when a message carries none.
    ///   - write: where each message's text goes (default: standard output).
    public init(
        defaultSender: String? = nil, write: @escaping @Sendable (String) -> Void = StdoutGateway.standardOutput
    ) {
        self.defaultSender = defaultSender
        self.write = write
    }

    public func send(_ message: OutgoingMessage) throws(GatewayError) -> DeliveryReceipt {
        if let problem = message.problem { throw .rejected(reason: problem, httpStatus: nil) }
        let id = "stdout-" + message.idempotencyKey.lowercased()
        let isNew = seen.withLock { $0.insert(message.idempotencyKey.lowercased()).inserted }
        guard isNew else { return DeliveryReceipt(messageId: id, gateway: name) }
        let from = message.from.isEmpty ? (defaultSender ?? "(no sender)") : message.from
        let bytes = CP949.byteCount(message.body) ?? 0
        var text =
            "[sms] \(message.date) \(message.center) \(message.kind) \(message.type) \(bytes)B "
            + "→ \(Phone.format(message.to)) from \(from) key \(message.idempotencyKey)\n"
        for line in message.body.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "    " + line + "\n"
        }
        write(text)
        return DeliveryReceipt(messageId: id, gateway: name)
    }
}
