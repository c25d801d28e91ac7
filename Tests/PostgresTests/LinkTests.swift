import Testing

@testable import Postgres

@Suite struct LinkTests {
    @Test func linksLibpq() { #expect(libpqVersion >= 100000) }
}
