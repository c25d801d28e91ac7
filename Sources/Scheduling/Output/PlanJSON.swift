/// Writes and reads plans in the format of `spec/problem-format.md` (UTF-8, Hangul unescaped).
public enum PlanJSON {
    /// The plan as JSON text, one assignment per line.
    public static func encode(_ plan: Plan) -> String {
        var s = "{\n \"version\": \(plan.version2 ? 2 : 1),\n \"instance\": "
        s += plan.instance.map(JSONText.quoted) ?? "null"
        s += ",\n \"assignments\": ["
        for (i, a) in plan.assignments.enumerated() {
            s += i == 0 ? "\n  " : ",\n  "
            s += "{\"request\": \(JSONText.quoted(a.request)), \"worker\": \(JSONText.quoted(a.worker))}"
        }
        s += plan.assignments.isEmpty ? "],\n" : "\n ],\n"
        if plan.version2 {
            s += " \"rides\": ["
            for (i, r) in plan.rides.enumerated() {
                s += i == 0 ? "\n  " : ",\n  "
                s += "{\"request\": \(JSONText.quoted(r.request)), \"worker\": \(JSONText.quoted(r.worker)), "
                s += "\"point\": \(JSONText.quoted(r.point))}"
            }
            s += plan.rides.isEmpty ? "],\n" : "\n ],\n"
        }
        s += " \"unfilled\": ["
        for (i, u) in plan.unfilled.enumerated() {
            s += i == 0 ? "\n  " : ",\n  "
            s += "{\"request\": \(JSONText.quoted(u.request)), \"missing\": \(u.missing), \"reasons\": ["
            s += u.reasons.map(JSONText.quoted).joined(separator: ", ")
            s += "]"
            if !u.details.isEmpty {
                s += ", \"details\": ["
                s += u.details.map { d in
                    "{\"kind\": \(JSONText.quoted(d.kind.rawValue))"
                        + d.numbers.map { ", \(JSONText.quoted($0.0)): \($0.1)" }.joined() + "}"
                }.joined(separator: ", ")
                s += "]"
            }
            s += "}"
        }
        s += plan.unfilled.isEmpty ? "],\n" : "\n ],\n"
        s += " \"warnings\": ["
        for (i, w) in plan.warnings.enumerated() {
            s += i == 0 ? "\n  " : ",\n  "
            s += "{\"request\": \(JSONText.quoted(w.request)), \"worker\": \(JSONText.quoted(w.worker)), "
            s += "\"rule\": \(w.rule), \"message\": \(JSONText.quoted(w.message))}"
        }
        s += plan.warnings.isEmpty ? "],\n" : "\n ],\n"
        s +=
            " \"score\": {\"hard\": \(plan.score.hard), \"medium\": \(plan.score.medium), \"soft\": \(plan.score.soft)},\n"
        let st = plan.stats
        s += " \"stats\": {\"solveMillis\": \(st.solveMillis), \"candidatePairs\": \(st.candidatePairs), "
        s += "\"mediumUpperBound\": \(st.mediumUpperBound), \"flowWork\": \(st.flowWork), "
        s += "\"branchNodes\": \(st.branchNodes), \"passes\": \(st.passes), \"moves\": \(st.moves), "
        s += "\"work\": {"
        s += SolvePhase.allCases.compactMap { phase in
            st.work[phase].map { "\(JSONText.quoted(phase.rawValue)): \($0)" }
        }
        .joined(separator: ", ")
        s += "}, "
        s += "\"timeLimitHit\": \(st.timeLimitHit)}\n}\n"
        return s
    }

    /// The rows of a plan file, for scoring: well-formed pairs in order, plus how many rows were malformed.
    /// - Throws: `InstanceError` when the text is not JSON or has no `assignments` list.
    public static func decodeAssignments(_ bytes: [UInt8]) throws(InstanceError) -> (pairs: [Pair], malformed: Int) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InstanceError(["plan: cannot read as JSON: \(error)"])
        }
        guard let root = value.object else { throw InstanceError(["plan: top level must be a JSON object"]) }
        guard let rows = root.present("assignments")?.array else {
            throw InstanceError(["plan: missing \"assignments\" list"])
        }
        var pairs: [Pair] = []
        var malformed = 0
        for row in rows {
            if let o = row.object, let r = o["request"]?.string, let w = o["worker"]?.string {
                pairs.append(Pair(request: r, worker: w))
            } else {
                malformed += 1
            }
        }
        return (pairs, malformed)
    }
}
