import Foundation
import Testing

@testable import Messaging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The gateway's reason phrases (`HTTPGateway.statusText`, used when a provider's error answer has no body) are the
/// ones Foundation's `HTTPURLResponse.localizedString(forStatusCode:)` gave before the gateway left FoundationNetworking.
@Suite struct HTTPStatusTextTests {
    @Test func everyStatusHasFoundationsPhrase() {
        var differing: [String] = []
        for status in 100..<600 {
            let ours = HTTPGateway.statusText(status)
            let foundations = HTTPURLResponse.localizedString(forStatusCode: status)
            if ours != foundations { differing.append("\(status): \(ours) ≠ \(foundations)") }
        }
        #expect(differing.isEmpty, "\(differing)")
    }

    /// A provider's empty error answer reads `HTTP status phrase`.
    @Test func emptyAnswerNamesTheStatus() {
        #expect(HTTPGateway.reason(nil, Data(), 503) == "HTTP 503 Service Unavailable")
        #expect(HTTPGateway.reason(nil, Data(), 418) == "HTTP 418 Client Error")
    }
}
