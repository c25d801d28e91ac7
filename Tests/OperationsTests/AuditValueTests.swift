import Foundation
import Testing
import Texts

@testable import Operations

/// How the audit shows a stored value: a number as the number, a boolean as 예/아니오 (yes/no), nothing as "-".
@Suite struct AuditValueTests {
    @Test func numbersStayNumbersAndBooleansAreWords() {
        let row = AuditTrail.json(#"{"priority": 1, "base": 0, "area_ha": 0.5, "active": true, "forced": false}"#)
        Language.$current.withValue(.ko) {
            #expect(AuditTrail.show(row["priority"]) == "1")
            #expect(AuditTrail.show(row["base"]) == "0")
            #expect(AuditTrail.show(row["area_ha"]) == "0.5")
            #expect(AuditTrail.show(row["active"]) == "예")
            #expect(AuditTrail.show(row["forced"]) == "아니오")
            #expect(AuditTrail.show(row["missing"]) == "-")
            #expect(AuditTrail.show(row["priority_source"]) == "-")
        }
        Language.$current.withValue(.en) { #expect(AuditTrail.show(row["active"]) == "yes") }
    }
}
