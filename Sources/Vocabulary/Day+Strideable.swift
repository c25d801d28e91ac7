extension Day: Strideable {
    /// Days from this day to `other`.
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    /// The day `n` days later.
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }
}
