import KoreanText
import Vocabulary

/// One message as a gateway sends it: the fields of the `http` contract (`spec/sms-gateway.md`).
public struct OutgoingMessage: Sendable, Hashable, Codable {
    /// Recipient's digits, `01012345678`.
    public var to: String
    /// The center's registered sender number (발신번호), digits; empty to use the gateway's configured sender.
    public var from: String
    public var type: MessageType
    public var body: String
    public var kind: MessageKind
    /// A UUID string, one per outbox row; sending it again must not send the message again.
    public var idempotencyKey: String
    /// The center's code, e.g. `JC`.
    public var center: String
    /// The day the message is about.
    public var date: Day

    /// Creates a message; every field as the contract names it.
    public init(
        to: String, from: String, type: MessageType, body: String, kind: MessageKind, idempotencyKey: String,
        center: String, date: Day
    ) {
        self.to = to
        self.from = from
        self.type = type
        self.body = body
        self.kind = kind
        self.idempotencyKey = idempotencyKey
        self.center = center
        self.date = date
    }

    /// A composed message with the outbox row's key, center, sender and date.
    public init(
        _ composed: ComposedMessage, idempotencyKey: String, center: String, from: String, date: Day
    ) {
        self.init(
            to: composed.to, from: from, type: composed.type, body: composed.body, kind: composed.kind,
            idempotencyKey: idempotencyKey, center: center, date: date)
    }

    enum CodingKeys: String, CodingKey {
        case to, from, type, body, kind, idempotencyKey, center, date
    }

    /// The problem that makes this message unsendable, or nil: a recipient that is not a mobile number, a body
    /// over its type's byte limit or with characters CP949 cannot carry, a key that is not a UUID, a center code
    /// that is not letters, digits, `-` or `_`.
    public var problem: String? {
        guard Phone.normalize(to) != nil else { return "recipient \(Phone.mask(to)) is not a mobile number" }
        guard let bytes = CP949.byteCount(body) else {
            return "the body has characters SMS cannot carry (compose it with MessageComposer)"
        }
        guard bytes <= type.byteLimit else {
            return "the body is \(bytes) bytes, over the \(type) limit of \(type.byteLimit)"
        }
        guard UUIDString.isValid(idempotencyKey) else { return "the idempotency key is not a UUID" }
        guard !center.isEmpty, center.utf8.count <= 32,
            center.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        else { return "center code \"\(center)\" is not letters, digits, - or _" }
        return nil
    }
}

/// A message the gateway took: the provider's message id.
public struct DeliveryReceipt: Sendable, Hashable, Codable {
    /// The provider's id for the message (the same for a repeated idempotency key).
    public var messageId: String
    /// Which gateway took it: `http`, `file` or `stdout`.
    public var gateway: String

    /// Creates a receipt.
    public init(messageId: String, gateway: String) {
        self.messageId = messageId
        self.gateway = gateway
    }
}

/// Why a message was not accepted, and what the outbox does about it.
///
/// `description` never shows the API key and masks phone numbers, so it can go to a log and into the outbox's
/// `last_error`.
public enum GatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Refused for good (a 4xx: bad number, blocked, bad key; or a message that cannot be sent at all): mark the
    /// message `failed` with the reason, do not retry.
    case rejected(reason: String, httpStatus: Int?)
    /// Not known to be sent (429, 5xx, timeout, refused or broken connection, a full disk): back to `pending`,
    /// retry later with the same idempotency key. `retryAfterSeconds` is the provider's `Retry-After`, if any.
    case retryable(reason: String, httpStatus: Int?, retryAfterSeconds: Int?)
    /// Nothing was sent because ilson's own configuration is wrong (no sender number, an unwritable directory):
    /// retry once a person fixed it; a batch should stop sending rather than try every message.
    case misconfigured(reason: String)

    /// Whether the message may be sent again later with the same key.
    public var isRetryable: Bool {
        switch self {
        case .rejected: false
        case .retryable, .misconfigured: true
        }
    }

    /// The reason alone, phone numbers masked: what the outbox stores as the last error.
    public var reason: String {
        switch self {
        case .rejected(let r, _), .retryable(let r, _, _), .misconfigured(let r): maskingPhoneNumbers(r)
        }
    }

    public var description: String {
        switch self {
        case .rejected(_, let status):
            "rejected" + (status.map { " (HTTP \($0))" } ?? "") + ": \(reason)"
        case .retryable(_, let status, let after):
            "not sent, will retry" + (status.map { " (HTTP \($0))" } ?? "")
                + (after.map { " after \($0)s" } ?? "") + ": \(reason)"
        case .misconfigured:
            "not sent, configuration: \(reason)"
        }
    }
}

/// Delivers one message. Implementations: `HTTPGateway`, `FileGateway`, `StdoutGateway`
/// (`GatewayConfiguration.makeGateway()` picks one).
///
/// Synchronous, so a batch that holds a libpq connection can call it from its own thread; implementations are
/// thread-safe and may be called from several threads at once (`Delivery.sendAll`). Each call returns within
/// the gateway's timeout.
public protocol Gateway: Sendable {
    /// The gateway's name for logs and receipts: `http`, `file`, `stdout`.
    var name: String { get }

    /// Sends one message.
    ///
    /// Sending the same idempotency key again sends nothing new and returns the same message id.
    /// - Parameter message: the message; one whose `problem` is not nil is rejected without being sent.
    /// - Returns: the provider's receipt.
    /// - Throws: `GatewayError`: `.rejected` for good, `.retryable` or `.misconfigured` to try again later.
    func send(_ message: OutgoingMessage) throws(GatewayError) -> DeliveryReceipt

    /// Why this gateway could not send a center's messages with this sender number, or nil: checked before a
    /// batch changes anything, so a configuration error stops it with nothing written.
    ///
    /// - Parameters:
    ///   - center: the center's code, for the message.
    ///   - sender: the center's registered number, or empty when it has none.
    func senderProblem(center: String, sender: String) -> String?
}

extension Gateway {
    /// The `file` and `stdout` gateways send with any sender, or none.
    public func senderProblem(center: String, sender: String) -> String? { nil }
}

/// Every run of 9 to 13 digits (with `-`, space or `.` between) shown through `Phone.mask`.
func maskingPhoneNumbers(_ text: String) -> String {
    var out = ""
    var run = ""
    var digitCount = 0
    func flush() {
        if digitCount >= 9 {
            // Keep separators that trail the number out of the mask.
            var tail = ""
            while let l = run.last, !(l.isASCII && l.isNumber) {
                tail = String(l) + tail
                run.removeLast()
            }
            out += Phone.mask(run) + tail
        } else {
            out += run
        }
        run = ""
        digitCount = 0
    }
    for ch in text {
        if ch.isASCII && ch.isNumber {
            run.append(ch)
            digitCount += 1
        } else if !run.isEmpty, ch == "-" || ch == " " || ch == "." {
            run.append(ch)
        } else {
            flush()
            out.append(ch)
        }
    }
    flush()
    return out
}

/// UUID strings: 8-4-4-4-12 hex digits.
enum UUIDString {
    static func isValid(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                let hex =
                    (c >= 0x30 && c <= 0x39) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
                    || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
                guard hex else { return false }
            }
        }
        return true
    }
}
