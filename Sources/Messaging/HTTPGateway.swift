import Dispatch
import Foundation
import KoreanText
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `http` gateway: `POST {base}/v1/messages` with the JSON body, `Authorization: Bearer KEY` and
/// `Idempotency-Key` of `spec/sms-gateway.md`.
///
/// Built on `URLSession` (FoundationNetworking on Linux, over libcurl), so `https://` providers work, and
/// connections are kept alive between messages. `send` blocks the calling thread until the answer or the timeout
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
    let session: URLSession

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
        let configuration = HTTPGateway.sessionConfiguration(timeoutSeconds: timeoutSeconds)
        configuration.httpMaximumConnectionsPerHost = 16
        self.session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
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

    /// A session with no cookies, no cache and every request bounded by `timeoutSeconds` (send and poll alike).
    static func sessionConfiguration(timeoutSeconds: Double) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return configuration
    }

    deinit {
        session.finishTasksAndInvalidate()
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
        var request = URLRequest(
            url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.httpBody = json
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
        request.setValue(message.idempotencyKey, forHTTPHeaderField: "Idempotency-Key")

        let (http, body) = try Self.exchange(
            request, on: session, timeoutSeconds: timeoutSeconds,
            timeoutReason: "timeout after \(Self.seconds(timeoutSeconds))")
        return try Self.interpret(
            status: http.statusCode, body: body, retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
    }

    /// Sends `request` on `session` and waits for its answer (the callers are synchronous). URLSession enforces the
    /// timeout; should it not, a backstop 5 seconds later cancels the request and throws `.retryable(timeoutReason)`.
    ///
    /// - Returns: the HTTP answer and its body (empty when there was none).
    /// - Throws: `.retryable` for a timeout, a broken connection or an answer that is not HTTP; what
    ///   `transportError` makes of another transport failure.
    static func exchange(
        _ request: URLRequest, on session: URLSession, timeoutSeconds: Double, timeoutReason: String
    ) throws(GatewayError) -> (HTTPURLResponse, Data) {
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response, error: error)
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeoutSeconds + 5) == .timedOut {
            task.cancel()
            throw .retryable(reason: timeoutReason, httpStatus: nil, retryAfterSeconds: nil)
        }
        let (data, response, error) = box.get()
        if let error { throw Self.transportError(error, timeoutSeconds: timeoutSeconds) }
        guard let http = response as? HTTPURLResponse else {
            throw .retryable(reason: "no HTTP response", httpStatus: nil, retryAfterSeconds: nil)
        }
        return (http, data ?? Data())
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
        return text.isEmpty ? "HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))" : text
    }

    static func transportError(_ error: any Error, timeoutSeconds: Double) -> GatewayError {
        let code = (error as? URLError)?.code
        let reason: String
        switch code {
        case .timedOut?: reason = "timeout after \(seconds(timeoutSeconds))"
        case .cannotConnectToHost?: reason = "connection refused"
        case .networkConnectionLost?: reason = "connection broken before the answer"
        case .cannotFindHost?, .dnsLookupFailed?: reason = "provider host not found"
        case .notConnectedToInternet?: reason = "no network"
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?,
            .serverCertificateNotYetValid?, .serverCertificateHasUnknownRoot?:
            reason = "TLS connection failed"
        case .badServerResponse?, .cannotParseResponse?: reason = "unreadable answer from the provider"
        case .cancelled?: reason = "cancelled"
        default: reason = "network error \(code.map { String($0.rawValue) } ?? "")".singleLine
        }
        return .retryable(reason: reason, httpStatus: nil, retryAfterSeconds: nil)
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }
}

extension HTTPGateway: CustomStringConvertible {
    /// The endpoint, never the key.
    public var description: String { "http gateway to \(endpoint.absoluteString)" }
}

/// The completion handler's results, handed to the waiting thread.
final class ResponseBox: Sendable {
    private struct Payload: @unchecked Sendable {
        // `any Error` and `URLResponse` from URLSession's callback; written once, read after the semaphore.
        var data: Data?
        var response: URLResponse?
        var error: (any Error)?
    }
    private let state = Mutex<Payload>(Payload())

    func set(data: Data?, response: URLResponse?, error: (any Error)?) {
        state.withLock { $0 = Payload(data: data, response: response, error: error) }
    }

    func get() -> (Data?, URLResponse?, (any Error)?) {
        state.withLock { ($0.data, $0.response, $0.error) }
    }
}

/// A 3xx is handed back as it is (then retryable), never followed: a POST must not turn into a GET elsewhere.
final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
