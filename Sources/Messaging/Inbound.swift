import Foundation
import KoreanText

/// One reply a worker sent to the center's number (`spec/sms-gateway.md`, "Replies"), as the provider gives it.
public struct InboundMessage: Sendable, Hashable {
    /// The provider's id: unique and stable.
    public var id: String
    /// The sender's number as the carrier gives it (`01012345678` or `+821012345678`).
    public var from: String
    /// The center's number it was sent to.
    public var to: String
    public var body: String
    /// ISO 8601 with offset, as given; nil when absent.
    public var receivedAt: String?

    /// Limits of what is stored (longer input is refused as malformed).
    public enum Limit {
        public static let id = 200
        public static let number = 40
        public static let body = 2_000
        public static let receivedAt = 40
    }

    /// Creates a message; every field as named.
    public init(id: String, from: String, to: String = "", body: String, receivedAt: String? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.body = body
        self.receivedAt = receivedAt
    }

    /// The sender's digits (`+82` read as `0`), nil when it is not a Korean mobile number.
    public var senderDigits: String? { Phone.normalize(from) }

    /// Reads one message object of the contract.
    ///
    /// - Throws: `InboundFormatError` naming the field that is missing, of the wrong type or too long.
    public init(json object: [String: Any]) throws(InboundFormatError) {
        func string(_ key: String, limit: Int, required: Bool = true) throws(InboundFormatError) -> String? {
            guard let value = object[key], !(value is NSNull) else {
                if required { throw InboundFormatError("the message has no \(key)") }
                return nil
            }
            guard let text = value as? String else { throw InboundFormatError("\(key) is not a string") }
            guard text.count <= limit else { throw InboundFormatError("\(key) is longer than \(limit) characters") }
            return text
        }
        guard let id = try string("id", limit: Limit.id), !id.isEmpty else {
            throw InboundFormatError("the message id is empty")
        }
        self.id = id
        self.from = try string("from", limit: Limit.number) ?? ""
        self.to = try string("to", limit: Limit.number, required: false) ?? ""
        self.body = try string("body", limit: Limit.body) ?? ""
        self.receivedAt = try string("receivedAt", limit: Limit.receivedAt, required: false)
    }

    /// Reads one message object from JSON bytes (the push receiver's body).
    public init(jsonData: Data) throws(InboundFormatError) {
        guard let object = (try? JSONSerialization.jsonObject(with: jsonData)) as? [String: Any] else {
            throw InboundFormatError("the body is not a JSON object")
        }
        try self.init(json: object)
    }
}

/// A reply that does not follow the contract.
public struct InboundFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    /// Wraps a reason.
    public init(_ description: String) { self.description = description }
}

/// One page of replies from the provider, and the cursor for the next call.
public struct InboundPage: Sendable, Hashable {
    public var messages: [InboundMessage]
    /// The cursor for the following call (the one given when nothing is new).
    public var next: String?

    /// Creates a page.
    public init(messages: [InboundMessage], next: String?) {
        self.messages = messages
        self.next = next
    }
}

/// Fetching replies by polling: `GET {base}/v1/inbound?after=CURSOR&limit=N` with the Bearer key.
///
/// Thread-safe; `fetch` blocks the calling thread until the answer or the timeout.
public final class HTTPInbound: Sendable {
    /// `{base}/v1/inbound`.
    public let endpoint: URL
    let apiKey: String
    public let timeoutSeconds: Double
    let session: CurlSession

    /// Where polling goes on in the database: the provider's base URL (never the key).
    public var source: String { endpoint.absoluteString }

    /// Creates the client from the gateway's settings.
    ///
    /// - Throws: `GatewayConfigurationError` when the URL is not usable.
    public init(baseURL: String, apiKey: String, timeoutSeconds: Double = 10) throws(GatewayConfigurationError) {
        self.endpoint = try HTTPGateway.endpoint(baseURL: baseURL, path: "/v1/inbound")
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.session = CurlSession(timeoutSeconds: timeoutSeconds)
    }

    /// The replies after `cursor` (from the start when nil), at most `limit`.
    ///
    /// - Throws: `GatewayError.retryable` for 429, 5xx, a timeout or a broken connection (try again later from the
    ///   same cursor); `.rejected` for another 4xx (a wrong key) or an answer that does not follow the contract.
    public func fetch(after cursor: String?, limit: Int) throws(GatewayError) -> InboundPage {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else {
            throw .misconfigured(reason: "cannot build the inbound URL")
        }
        var items = [URLQueryItem(name: "limit", value: String(max(1, min(limit, 1_000))))]
        if let cursor { items.insert(URLQueryItem(name: "after", value: cursor), at: 0) }
        components.queryItems = items
        guard let url = components.url else { throw .misconfigured(reason: "cannot build the inbound URL") }
        let answer = try session.exchange(
            url: url.absoluteString, headers: ["Accept: application/json", "Authorization: Bearer \(apiKey)"],
            body: nil)
        let (status, body) = (answer.status, answer.body)
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        switch status {
        case 200:
            break
        case 429, 500..<600:
            throw .retryable(
                reason: HTTPGateway.reason(object, body, status), httpStatus: status,
                retryAfterSeconds: nil)
        default:
            throw .rejected(reason: HTTPGateway.reason(object, body, status), httpStatus: status)
        }
        guard let object, let list = object["messages"] as? [Any] else {
            throw .rejected(reason: "the inbound answer has no messages list", httpStatus: 200)
        }
        var messages: [InboundMessage] = []
        for item in list {
            guard let m = item as? [String: Any] else {
                throw .rejected(reason: "an inbound message is not an object", httpStatus: 200)
            }
            do {
                messages.append(try InboundMessage(json: m))
            } catch {
                throw .rejected(reason: "an inbound message is malformed: \(error)", httpStatus: 200)
            }
        }
        let next = object["next"] as? String
        if let next, next.count > 500 { throw .rejected(reason: "the inbound cursor is too long", httpStatus: 200) }
        return InboundPage(messages: messages, next: next ?? cursor)
    }
}
