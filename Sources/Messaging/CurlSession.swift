import CCurl
import Foundation
import Synchronization

/// HTTP exchanges for the gateways over libcurl, loaded on the first exchange (the `CCurl` target), instead of
/// Foundation's `URLSession`, whose library (FoundationNetworking) would load libcurl and ~30 other libraries at
/// every start of `ilson`, most of which never send a message.
///
/// `https://` works as with `URLSession` (libcurl's TLS). Redirects are never followed (a 3xx is handed back as it
/// is), every exchange is bounded by `timeoutSeconds` (connect, request and answer), and finished handles are kept
/// so their connections stay open for the next message. Thread-safe: each exchange takes a handle of its own.
final class CurlSession: Sendable {
    /// An answer that is HTTP.
    struct Answer {
        /// The HTTP status.
        var status: Int
        /// The body, empty when there was none.
        var body: Data
        /// The `Retry-After` header, nil when absent.
        var retryAfter: String?
    }

    /// libcurl easy handles not in use (each used by one thread at a time; pointers only, no shared state).
    private struct IdleHandles: @unchecked Sendable {
        var handles: [UnsafeMutableRawPointer] = []
    }

    /// How many idle handles are kept (more than `Delivery.sendAll`'s threads).
    private static let keptHandles = 16
    private let idle = Mutex<IdleHandles>(IdleHandles())
    /// Seconds one exchange may take.
    let timeoutSeconds: Double

    /// A session whose every exchange is bounded by `timeoutSeconds`.
    init(timeoutSeconds: Double) {
        self.timeoutSeconds = timeoutSeconds
    }

    deinit {
        let handles = idle.withLock { $0.handles }
        for handle in handles { ilson_curl_handle_free(handle) }
    }

    /// Sends one request and waits for its answer: `POST url` with `body` when it is not nil, else `GET url`.
    ///
    /// - Parameter headers: `Name: value` lines.
    /// - Returns: the HTTP answer, whatever its status.
    /// - Throws: `.misconfigured` when libcurl cannot be loaded; `.retryable` for a timeout, a refused or broken
    ///   connection, a TLS failure or an answer that is not HTTP.
    func exchange(url: String, headers: [String], body: [UInt8]?) throws(GatewayError) -> Answer {
        if let problem = ilson_curl_problem() { throw .misconfigured(reason: String(cString: problem)) }
        // A line break would start another header (the values are the key, an idempotency key, a cursor's URL).
        guard headers.allSatisfy({ !$0.utf8.contains(13) && !$0.utf8.contains(10) }) else {
            throw .misconfigured(reason: "an HTTP header holds a line break")
        }
        let taken = idle.withLock { $0.handles.popLast() }
        guard let handle = taken ?? ilson_curl_handle_new() else {
            throw .retryable(reason: "cannot start an HTTP request", httpStatus: nil, retryAfterSeconds: nil)
        }
        let lines = headers.map { strdup($0) }
        defer { for line in lines { free(line) } }
        let linePointers = lines.map { UnsafePointer($0) }
        var answer = ilson_http_answer()
        let milliseconds = max(1, Int((timeoutSeconds * 1000).rounded(.up)))
        url.withCString { url in
            linePointers.withUnsafeBufferPointer { lines in
                if let body {
                    body.withUnsafeBufferPointer { bytes in
                        // An empty body still needs a non-NULL pointer to be a POST.
                        let start = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)
                        ilson_http_exchange(
                            handle, url, lines.baseAddress, Int32(lines.count), start, bytes.count, milliseconds,
                            &answer)
                    }
                } else {
                    ilson_http_exchange(
                        handle, url, lines.baseAddress, Int32(lines.count), nil, 0, milliseconds, &answer)
                }
            }
        }
        defer { ilson_http_answer_free(&answer) }
        let kept = idle.withLock { idle in
            guard idle.handles.count < Self.keptHandles else { return false }
            idle.handles.append(handle)
            return true
        }
        if !kept { ilson_curl_handle_free(handle) }

        if answer.error != 0 { throw Self.transportError(code: answer.error, timeoutSeconds: timeoutSeconds) }
        guard answer.status >= 100 else {
            throw .retryable(reason: "no HTTP response", httpStatus: nil, retryAfterSeconds: nil)
        }
        let data = answer.body.map { Data(bytes: $0, count: answer.body_length) } ?? Data()
        let retryAfter = withUnsafeBytes(of: answer.retry_after) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return Answer(status: answer.status, body: data, retryAfter: retryAfter.isEmpty ? nil : retryAfter)
    }

    /// What a libcurl result code (`CURLcode`, curl.h's numbers) means for a message: always worth a retry.
    static func transportError(code: Int32, timeoutSeconds: Double) -> GatewayError {
        let reason: String
        switch code {
        case 28: reason = "timeout after \(HTTPGateway.seconds(timeoutSeconds))"  // CURLE_OPERATION_TIMEDOUT
        case 7: reason = "connection refused"  // CURLE_COULDNT_CONNECT
        case 18, 52, 55, 56: reason = "connection broken before the answer"  // PARTIAL_FILE, GOT_NOTHING, SEND, RECV
        case 5, 6: reason = "provider host not found"  // CURLE_COULDNT_RESOLVE_PROXY, _HOST
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98:
            reason = "TLS connection failed"  // CURLE_SSL_* and CURLE_PEER_FAILED_VERIFICATION
        case 1, 8, 23, 61: reason = "unreadable answer from the provider"  // protocol, reply, too large, encoding
        default: reason = "network error \(code)"
        }
        return .retryable(reason: reason, httpStatus: nil, retryAfterSeconds: nil)
    }
}
