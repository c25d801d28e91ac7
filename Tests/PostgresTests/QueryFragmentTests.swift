import Testing

@testable import Postgres

@Suite struct QueryFragmentTests {
    @Test func fragmentsRenumberTheirBinds() {
        let condition: PostgresQuery = "phone = \("01012345678") AND active = \(true)"
        let query: PostgresQuery =
            "SELECT * FROM workers WHERE center_id = \(Int64(7)) AND \(fragment: condition) LIMIT \(5)"
        #expect(query.sql == "SELECT * FROM workers WHERE center_id = $1 AND phone = $2 AND active = $3 LIMIT $4")
        #expect(query.binds == [.int(7), .text("01012345678"), .bool(true), .int(5)])
    }
}
