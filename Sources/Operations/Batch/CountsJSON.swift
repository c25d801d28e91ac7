/// Counts as a JSON object (`batch_runs.counts`); keys sorted.
func countsJSON(_ counts: [String: Int]) -> String {
    "{" + counts.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
}
