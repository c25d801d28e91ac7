import Foundation
import KoreanText

/// The `http` gateway: `POST {base}/v1/messages` with the JSON body, `Authorization: Bearer KEY` and
/// `Idempotency-Key` of `spec/sms-gateway.md`.
///
/// Built on libcurl, loaded on the first message (`CurlSession`), so `https://` providers work, and connections are
/// kept alive between messages. `send` blocks the calling thread until the answer or the timeout
/// (never a thread of the Swift concurrency pool: call it from a thread of your own). Thread-safe: several threads
/// may send at once (`Delivery.sendAll`).
///
/// - 200/201 with `{"messageId"}`: accepted.
/// - 4xx with `{"error"}` (429 excepted): `.rejected` with the provider's reason.
/// - 429, 5xx, 3xx, a timeout, a refused or broken connection, a 2xx without id: `.retryable`.
///
/// The API key is never logged nor put in an error; phone numbers in the provider's reasons are masked.
public final class HTTPGateway: Gateway {
    public let name = "http"
    /// `{base}/v1/messages`.
    public let endpoint: URL
    let apiKey: String
    let defaultSender: String?
    /// Seconds one send may take.
    public let timeoutSeconds: Double
    let session: CurlSession

    /// Creates the gateway.
    ///
    /// - Parameters:
    ///   - baseURL: the provider's base URL, `http(s)://host[:port][/prefix]`.
    ///   - apiKey: sent as `Authorization: Bearer KEY`.
    ///   - defaultSender: the sender number when a message carries none.
    ///   - timeoutSeconds: how long one send may take (connect, request and answer) before it is retryable.
    /// - Throws: `GatewayConfigurationError.invalid` when the URL is not usable.
    public init(baseURL: String, apiKey: String, defaultSender: String? = nil, timeoutSeconds: Double = 10)
        throws(GatewayConfigurationError)
    {
        self.endpoint = try HTTPGateway.endpoint(baseURL: baseURL, path: "/v1/messages")
        self.apiKey = apiKey
        self.defaultSender = defaultSender
        self.timeoutSeconds = timeoutSeconds
        self.session = CurlSession(timeoutSeconds: timeoutSeconds)
    }

    /// The provider's endpoint `path` under a base URL (trailing slashes dropped).
    ///
    /// - Throws: `GatewayConfigurationError.invalid` naming `ILSON_SMS_URL` when the base URL is not usable.
    static func endpoint(baseURL: String, path: String) throws(GatewayConfigurationError) -> URL {
        if let why = HTTPGateway.problem(withBaseURL: baseURL) {
            throw .invalid(variable: GatewayConfiguration.Variable.url, value: baseURL, why: why)
        }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard let endpoint = URL(string: base + path) else {
            throw .invalid(variable: GatewayConfiguration.Variable.url, value: baseURL, why: "not a URL")
        }
        return endpoint
    }

    /// Why a base URL cannot be used, or nil: it must be `http://` or `https://` with a host, no query.
    static func problem(withBaseURL text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return "not a URL; write it like http://127.0.0.1:8025 or https://sms.example.kr"
        }
        guard scheme == "http" || scheme == "https" else { return "the scheme must be http or https" }
        guard let host = components.host, !host.isEmpty else { return "the URL has no host" }
        guard components.query == nil, components.fragment == nil else { return "the URL must have no query" }
        guard components.user == nil, components.password == nil else {
            return "put the key in \(GatewayConfiguration.Variable.apiKey), not in the URL"
        }
        return nil
    }

    /// The JSON body of the contract.
    struct Body: Encodable {
        var to, from, type, body, kind, idempotencyKey, center, date: String
    }

    /// The provider needs a sender number (발신번호): the center's, else `ILSON_SMS_SENDER`.
    public func senderProblem(center: String, sender: String) -> String? {
        guard sender.isEmpty && (defaultSender ?? "").isEmpty else { return nil }
        return "no sender number (발신번호) for center \(center): register the center's number "
            + "(ilson center edit \(center) --sms-sender …) or set \(GatewayConfiguration.Variable.sender)"
    }

    public func send(_ message: OutgoingMessage) throws(GatewayError) -> DeliveryReceipt {
        if let problem = message.problem { throw .rejected(reason: problem, httpStatus: nil) }
        let from = message.from.isEmpty ? (defaultSender ?? "") : message.from
        if let problem = senderProblem(center: message.center, sender: from) { throw .misconfigured(reason: problem) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json: Data
        do {
            json = try encoder.encode(
                Body(
                    to: message.to, from: from, type: message.type.rawValue, body: message.body,
                    kind: message.kind.rawValue, idempotencyKey: message.idempotencyKey, center: message.center,
                    date: message.date.description))
        } catch {
            throw .rejected(reason: "cannot encode the message as JSON", httpStatus: nil)
        }
        // `Expect:` (empty) keeps libcurl from waiting for a `100 Continue` before a long body.
        let headers = [
            "Content-Type: application/json", "Accept: application/json", "Authorization: Bearer \(apiKey)",
            "Idempotency-Key: \(message.idempotencyKey)", "Expect:",
        ]
        let answer = try session.exchange(url: endpoint.absoluteString, headers: headers, body: [UInt8](json))
        return try Self.interpret(status: answer.status, body: answer.body, retryAfter: answer.retryAfter)
    }

    /// The contract's reading of an answer.
    static func interpret(status: Int, body: Data, retryAfter: String?) throws(GatewayError) -> DeliveryReceipt {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        switch status {
        case 200, 201:
            if let id = object?["messageId"] as? String, !id.isEmpty {
                return DeliveryReceipt(messageId: id, gateway: "http")
            }
            if let id = object?["messageId"] as? Int { return DeliveryReceipt(messageId: String(id), gateway: "http") }
            // Accepted or not, the same key again is safe: it returns the id without sending twice.
            throw .retryable(reason: "HTTP \(status) without a messageId", httpStatus: status, retryAfterSeconds: nil)
        case 429:
            throw .retryable(
                reason: reason(object, body, status), httpStatus: status,
                retryAfterSeconds: retryAfter.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        case 400..<500:
            throw .rejected(reason: reason(object, body, status), httpStatus: status)
        default:
            throw .retryable(
                reason: reason(object, body, status), httpStatus: status,
                retryAfterSeconds: retryAfter.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        }
    }

    static func reason(_ object: [String: Any]?, _ body: Data, _ status: Int) -> String {
        if let e = object?["error"] as? String, !e.isEmpty { return String(e.prefix(300)) }
        let text = String(decoding: body.prefix(300), as: UTF8.self).singleLine
        return text.isEmpty ? "HTTP \(status) \(statusText(status))" : text
    }

    /// The reason phrase of a status, as Foundation's `HTTPURLResponse.localizedString(forStatusCode:)` gives it
    /// (FoundationNetworking is not linked: see `CurlSession`); `HTTPStatusTextTests` compares them.
    static func statusText(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 101: "Switching Protocols"
        case 102: "Processing"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 205: "Reset Content"
        case 206: "Partial Content"
        case 207: "Multi-Status"
        case 208: "Already Reported"
        case 226: "IM Used"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 305: "Use Proxy"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Payload Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 421: "Misdirected Request"
        case 422: "Unprocessable Entity"
        case 423: "Locked"
        case 424: "Failed Dependency"
        case 426: "Upgrade Required"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        case 506: "Variant Also Negotiates"
        case 507: "Insufficient Storage"
        case 508: "Loop Detected"
        case 510: "Not Extended"
        case 511: "Network Authentication Required"
        case 100..<200: "Informational"
        case 200..<300: "Success"
        case 300..<400: "Redirection"
        case 400..<500: "Client Error"
        default: "Server Error"
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }
}

extension HTTPGateway: CustomStringConvertible {
    /// The endpoint, never the key.
    public var description: String { "http gateway to \(endpoint.absoluteString)" }
}
