import Foundation

/// One result slot per thread of a `DispatchQueue.concurrentPerform`: each thread writes only its own slot, and the
/// slots are read after `concurrentPerform` returns (which orders every write before the reads).
final class ThreadResults<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: T) { slots[i] = value }

    func get(_ i: Int) -> T { slots[i]! }
}
