/// One day's states of the dynamic program over a small set of workers' schedules (`ChainsEjection`'s ejection
/// chains, the version 2 seat rotations): a state is the day's choice for the whole set (a combination or a deal, by
/// index), the dates each worker of the set has used in the current week (4 bits a worker), the best value of a path
/// to it and that path's state on the day before. A choice reached with the same dates used keeps its best path only
/// (the first on ties).
struct SetScheduleLayer {
    struct State {
        var choice: Int32
        var used: UInt32
        var value: Int64
        var parent: Int32
    }

    private(set) var states: [State] = []
    private var index: [UInt64: Int] = [:]

    /// The layer before the first day: one state with nothing chosen or used.
    static var start: SetScheduleLayer {
        var layer = SetScheduleLayer()
        layer.states = [State(choice: -1, used: 0, value: 0, parent: -1)]
        return layer
    }

    var isEmpty: Bool { states.isEmpty }

    /// Adds the path to `choice` with `used` from state `parent` of the layer before, when it is the first such
    /// path or better than the one kept.
    mutating func offer(choice: Int, used: UInt32, value: Int64, parent: Int) {
        let key = UInt64(choice) << 32 | UInt64(used)
        let state = State(choice: Int32(choice), used: used, value: value, parent: Int32(parent))
        if let at = index[key] {
            if value > states[at].value { states[at] = state }
        } else {
            index[key] = states.count
            states.append(state)
        }
    }

    /// The index of the state of highest value (the first on ties).
    var bestAt: Int {
        var best = 0
        for (i, s) in states.enumerated() where s.value > states[best].value { best = i }
        return best
    }

    /// Counts one more date for worker `i` of the set in `used`; false (and `used` unchanged) when that is over `cap`.
    static func takeDate(_ used: inout UInt32, worker i: Int, cap: Int32) -> Bool {
        let u = Int32((used >> (4 * UInt32(i))) & 15)
        guard u + 1 <= cap else { return false }
        used += 1 << (4 * UInt32(i))
        return true
    }
}

/// The worker sets seeded for the ejection chains and the seat rotations, in the order first added: each set sorted,
/// one with a worker twice left out, a repeat of one already there ignored.
struct WorkerSets {
    private var seen = Set<[Int]>()
    private(set) var sets: [[Int]] = []

    mutating func add(_ workers: [Int]) {
        let key = workers.sorted()
        if Set(key).count == key.count && seen.insert(key).inserted { sets.append(key) }
    }

    /// The sets of `found`, highest value first (ties in the order found), each added as `add` does.
    static func bestFirst(_ found: [(set: [Int], value: Int64)]) -> [[Int]] {
        let order = found.indices.sorted { (-found[$0].value, $0) < (-found[$1].value, $1) }
        var sets = WorkerSets()
        for i in order { sets.add(found[i].set) }
        return sets.sets
    }
}
