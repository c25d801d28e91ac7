import Foundation
import Postgres
import Testing

@testable import Storage

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func vectors(_ input: String, _ expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test func millionAs() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyLengthAroundBlockBoundariesMatchesTheServer() throws {
        // Lengths 0…130 cross the 55/56/64-byte padding edges; PostgreSQL's sha256() is the reference.
        try TestDatabase.withDatabaseIfConfigured { db in
            for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129] {
                let text = String(repeating: "한a", count: length / 4) + String(repeating: "z", count: length % 4)
                let server = try db.query("SELECT encode(sha256(convert_to(\(text), 'UTF8')), 'hex') AS h")[0]
                #expect(try server.decode("h", as: String.self) == SHA256.hex(Array(text.utf8)))
            }
        }
    }
}

extension TestDatabase {
    /// Runs `body` on a throwaway database when one is configured (or fails under CI); else does nothing.
    static func withDatabaseIfConfigured(_ body: (Postgres.Connection) throws -> Void) throws {
        guard enabled else { return }
        try withDatabase { db, _ in try body(db) }
    }
}
