import Scheduling

/// xoshiro256** (Blackman, Vigna): the generator's random source.
///
/// Every draw goes through the methods here (never the standard library's `random(in:)`, whose
/// algorithm may change between Swift releases), so an instance depends on the seed alone.
public struct Xoshiro256: Sendable {
    private var s0, s1, s2, s3: UInt64

    /// Seeds the state with SplitMix64 (`Scheduling`'s), as the authors recommend.
    /// - Parameters:
    ///   - seed: the user's seed.
    ///   - stream: a number naming an independent stream of the same seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var sm = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0 ..< n` (Lemire's multiply-shift with rejection); 0 when `n <= 1`.
    public mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// A uniform integer in the closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` (53 random bits).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Box-Muller; one of the pair is dropped for simplicity).
    public mutating func gaussian() -> Double {
        let u1 = max(unit(), 0x1p-53)
        let u2 = unit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A uniform element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn with the given cumulative weights (last element = total).
    public mutating func index(cumulative: [Double]) -> Int {
        let x = unit() * cumulative[cumulative.count - 1]
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Fisher-Yates shuffle in place.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}

/// Items with weights, for repeated weighted draws.
struct Weighted<T: Sendable>: Sendable {
    let items: [T]
    let cumulative: [Double]
    init(_ pairs: [(T, Double)]) {
        items = pairs.map(\.0)
        var total = 0.0
        cumulative = pairs.map {
            total += $0.1
            return total
        }
    }
    func draw(_ rng: inout Xoshiro256) -> T { items[rng.index(cumulative: cumulative)] }
}
