/// A monotone priority queue of (distance, node) pairs for Dijkstra with small integer distances (Dial's buckets, as
/// CS2's global price update keeps them): distances below `bucketCount` go into one bucket each, larger ones into a
/// `NodeHeap`. `pop` returns a least distance first; entries of one bucket come last-in first-out.
///
/// Monotone: every `push` after a `pop` must carry a distance at least the last popped one (Dijkstra's order with
/// lengths ≥ 0), so the scan over the buckets never goes back. A node may be pushed more than once (the caller skips
/// stale entries, as with `NodeHeap`). Like `NodeHeap`, it owns its buffers and must not be copied while in use.
struct DistanceBuckets {
    /// The buffers: each bucket's newest entry (-1: empty), and a pool of entries (node, the next entry in its
    /// bucket).
    private final class Storage {
        let heads: UnsafeMutablePointer<Int32>
        let bucketCount: Int
        var nodes: UnsafeMutablePointer<Int32>
        var next: UnsafeMutablePointer<Int32>
        var capacity: Int

        init(bucketCount: Int) {
            self.bucketCount = bucketCount
            heads = .allocate(capacity: bucketCount)
            heads.initialize(repeating: -1, count: bucketCount)
            capacity = 64
            nodes = .allocate(capacity: capacity)
            next = .allocate(capacity: capacity)
        }

        deinit {
            heads.deallocate()
            nodes.deallocate()
            next.deallocate()
        }
    }

    private let storage: Storage
    private let heads: UnsafeMutablePointer<Int32>
    private var nodes: UnsafeMutablePointer<Int32>
    private var next: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private let bucketCount: Int
    /// Entries in the pool (the buckets' entries, stale ones included, since the last `removeAll`).
    private var used = 0
    /// Entries still in the buckets.
    private var inBuckets = 0
    /// The bucket the scan is at (every lower bucket is empty).
    private var cursor = 0
    /// The highest bucket pushed to since the last `removeAll` (-1: none).
    private var highest = -1
    /// Distances of `bucketCount` and more.
    private var overflow = NodeHeap()

    /// A queue with buckets for the distances `0 ..< bucketCount` (at least one).
    init(bucketCount: Int) {
        storage = Storage(bucketCount: max(1, bucketCount))
        heads = storage.heads
        nodes = storage.nodes
        next = storage.next
        capacity = storage.capacity
        self.bucketCount = storage.bucketCount
    }

    /// Empties the queue (clears only the buckets pushed to).
    mutating func removeAll() {
        if highest >= cursor {
            for b in cursor...highest { heads[b] = -1 }
        }
        used = 0
        inBuckets = 0
        cursor = 0
        highest = -1
        overflow.removeAll()
    }

    /// Doubles the entry pool.
    @inline(never) private mutating func grow() {
        let bigger = capacity * 2
        let n = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
        n.moveInitialize(from: nodes, count: used)
        let x = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
        x.moveInitialize(from: next, count: used)
        nodes.deallocate()
        next.deallocate()
        nodes = n
        next = x
        capacity = bigger
        storage.nodes = n
        storage.next = x
        storage.capacity = bigger
    }

    /// Adds `node` at distance `d` (≥ 0, and at least the last popped distance).
    @inline(never) mutating func push(_ d: Int64, _ node: Int32) {
        guard d < Int64(bucketCount) else {
            overflow.push(d, node)
            return
        }
        let b = Int(d)
        if used == capacity { grow() }
        nodes[used] = node
        next[used] = heads[b]
        heads[b] = Int32(used)
        used += 1
        inBuckets += 1
        if b > highest { highest = b }
    }

    /// Removes and returns an entry of least distance (`nil` when empty).
    @inline(never) mutating func pop() -> (Int64, Int32)? {
        if inBuckets > 0 {
            while heads[cursor] < 0 { cursor += 1 }
            let e = Int(heads[cursor])
            heads[cursor] = next[e]
            inBuckets -= 1
            return (Int64(cursor), nodes[e])
        }
        return overflow.pop()
    }
}
