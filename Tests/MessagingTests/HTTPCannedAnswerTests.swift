import Foundation
import Synchronization
import Testing

@testable import Messaging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the fake provider cannot answer: a redirect and a `Retry-After`, from a loopback server that gives one
/// canned answer to every connection and counts the requests.
@Suite struct HTTPCannedAnswerTests {
    /// A redirect is handed back as it is (retryable), never followed: the provider saw one request.
    @Test func redirectIsNotFollowed() throws {
        let server = try CannedServer(
            "HTTP/1.1 302 Found\r\nLocation: /v1/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        defer { server.stop() }
        let gateway = try HTTPGateway(baseURL: server.baseURL, apiKey: "k", timeoutSeconds: 5)
        #expect(throws: GatewayError.retryable(reason: "HTTP 302 Found", httpStatus: 302, retryAfterSeconds: nil)) {
            try gateway.send(Fixtures.outgoing())
        }
        #expect(server.requests == 1)
    }

    /// A 429's `Retry-After` reaches the error, trimmed.
    @Test func retryAfterIsRead() throws {
        let body = "{\"error\":\"slow down\"}"
        let server = try CannedServer(
            "HTTP/1.1 429 Too Many Requests\r\nRetry-After:  7 \r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        defer { server.stop() }
        let gateway = try HTTPGateway(baseURL: server.baseURL, apiKey: "k", timeoutSeconds: 5)
        #expect(throws: GatewayError.retryable(reason: "slow down", httpStatus: 429, retryAfterSeconds: 7)) {
            try gateway.send(Fixtures.outgoing())
        }
    }
}

/// A loopback HTTP server that reads each request's head and body (by `Content-Length`) and writes one canned answer.
final class CannedServer {
    let baseURL: String
    private let listener: Int32
    private let counter = RequestCounter()
    private let thread: Thread

    /// Requests read so far.
    var requests: Int { counter.value.withLock { $0 } }

    init(_ answer: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw CocoaError(.fileWriteUnknown) }
        listener = fd
        baseURL = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        let bytes = Array(answer.utf8)
        let counter = self.counter
        thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                // The thread closes the listener itself: closed by `stop` while this loop is between two
                // `accept`s, its number could be handed to another test's listener and this loop would answer there.
                guard client >= 0 else {
                    close(fd)
                    return
                }
                var head: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                // The head, then the body's Content-Length bytes.
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                    guard n > 0 else { break }
                    head += buffer[0..<n]
                    let text = String(decoding: head, as: UTF8.self)
                    guard let end = text.range(of: "\r\n\r\n") else { continue }
                    let lines = text[..<end.lowerBound].lowercased().split(separator: "\r\n")
                    let declared = lines.first { $0.hasPrefix("content-length:") }
                        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                    if text.utf8.count - text[..<end.upperBound].utf8.count >= declared ?? 0 { break }
                }
                counter.value.withLock { $0 += 1 }
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
        thread.start()
    }

    /// Stops accepting: the thread's next `accept` fails, and the thread closes the listener.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }
}

/// The requests a `CannedServer` read, shared with its thread.
final class RequestCounter: Sendable {
    let value = Mutex(0)
}
