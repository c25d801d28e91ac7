/// Packed (value − least value, index) keys of indices below a limit: sorted largest first by `sort`, they give the
/// order value descending, ties by the lower index (`sortByValueDescending`, the greedy start's order).
struct ValueKeys {
    let least: Int64
    let indexBits: UInt64
    let valueBits: UInt64
    /// The index bits' mask.
    private let top: UInt64

    /// Keys for values in `least ... most` and indices below `limit`, or nil when they would not fit in 63 bits.
    init?(least: Int64, most: Int64, below limit: Int) {
        let (span, overflow) = most.subtractingReportingOverflow(least)
        let indexBits = UInt64(Int.bitWidth - max(1, limit).leadingZeroBitCount)
        guard !overflow, span >= 0, indexBits < 62, UInt64(span) < (UInt64(1) << (63 - indexBits)) else { return nil }
        self.least = least
        self.indexBits = indexBits
        valueBits = UInt64(UInt64.bitWidth - UInt64(span).leadingZeroBitCount)
        top = (UInt64(1) << indexBits) - 1
    }

    /// The key of `index` at `value`: the lower index ranks higher among equal values.
    @inline(__always) func key(_ value: Int64, _ index: Int) -> UInt64 {
        (UInt64(value - least) << indexBits) | (top - UInt64(index))
    }

    /// The index a key was made of.
    @inline(__always) func index(_ key: UInt64) -> Int { Int(top - (key & top)) }

    /// Sorts keys largest first; with `ascendingIndices` (the keys were made in ascending index order) only the value
    /// bits are sorted, stably, which leaves equal values in that order.
    func sort(_ keys: inout [UInt64], ascendingIndices: Bool) {
        CostScalingSolver.radixSortDescending(
            &keys, bits: Int(indexBits + valueBits), from: ascendingIndices ? Int(indexBits) : 0)
    }
}
