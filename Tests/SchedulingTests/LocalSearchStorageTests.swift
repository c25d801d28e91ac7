import Foundation
import Testing

@testable import Scheduling

/// The local search's own memory (issue 18): the growable stacks of `LocalSearchStorage`.
@Suite struct LocalSearchStorageTests {
    /// A stack that starts with room for one element keeps every pushed element through its doublings.
    @Test func stacksGrowAndKeepTheirElements() {
        let storage = LocalSearchStorage()
        var stack = LocalSearchStack<(Int32, Int32, Int32)>(storage, capacity: 1)
        for i in 0..<10_000 { stack.push((Int32(i), Int32(-i), Int32(i * 3))) }
        #expect(stack.count == 10_000)
        #expect((0..<10_000).allSatisfy { stack[$0] == (Int32($0), Int32(-$0), Int32($0 * 3)) })
        #expect(stack.pop() == (9_999, -9_999, 29_997))
        stack.removeAll()
        #expect(stack.count == 0)
        stack.push((1, 2, 3))
        #expect(stack[0] == (1, 2, 3))
    }
}
