/// The memory of one local search (`LocalSearch`), allocated by it and freed with its last reference: the search's
/// arrays are raw buffers, so its hot loops write without copy-on-write (uniqueness) checks and index without bounds
/// checks in release builds. A `LocalSearch` must therefore not be copied while it searches (a copy shares the
/// buffers); every one is built, run and read in place.
final class LocalSearchStorage {
    private var owned: [UnsafeMutableRawPointer] = []

    deinit {
        for p in owned { p.deallocate() }
    }

    /// A buffer of `count` elements, every one `value` (trivial types only).
    func make<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, count))
        b.initialize(repeating: value)
        owned.append(UnsafeMutableRawPointer(b.baseAddress!))
        return UnsafeMutableBufferPointer(rebasing: b[0..<count])
    }

    /// A buffer holding a copy of `a` (trivial types only).
    func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, a.count))
        _ = b.initialize(from: a)
        owned.append(UnsafeMutableRawPointer(b.baseAddress!))
        return UnsafeMutableBufferPointer(rebasing: b[0..<a.count])
    }

    /// Frees `p` (allocated elsewhere) with the storage.
    func adopt(_ p: UnsafeMutableRawPointer) { owned.append(p) }

    /// Frees `old` (a buffer of this storage), now replaced by `new` (registered instead).
    func replace(_ old: UnsafeMutableRawPointer, with new: UnsafeMutableRawPointer) {
        if let i = owned.firstIndex(of: old) {
            owned[i].deallocate()
            owned[i] = new
        } else {
            owned.append(new)
        }
    }
}

/// A growable stack of trivial elements in a `LocalSearchStorage` (the move journal and the touched lists): `push`
/// does no uniqueness check; a full stack doubles (rare: the stacks keep their capacity between moves).
struct LocalSearchStack<T> {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var count = 0
    private var capacity: Int
    private unowned(unsafe) let owner: LocalSearchStorage

    init(_ owner: LocalSearchStorage, capacity: Int) {
        self.owner = owner
        self.capacity = max(1, capacity)
        base = UnsafeMutablePointer<T>.allocate(capacity: self.capacity)
        owner.adopt(UnsafeMutableRawPointer(base))
    }

    @inline(__always) mutating func push(_ x: T) {
        if count == capacity { grow() }
        (base + count).initialize(to: x)
        count += 1
    }

    @inline(__always) mutating func pop() -> T {
        count -= 1
        return base[count]
    }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) subscript(i: Int) -> T { base[i] }

    @inline(never) private mutating func grow() {
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        owner.replace(UnsafeMutableRawPointer(base), with: UnsafeMutableRawPointer(bigger))
        base = bigger
        capacity *= 2
    }
}
