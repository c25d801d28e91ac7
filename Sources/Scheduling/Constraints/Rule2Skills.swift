/// Rule 2: a worker holding the skills `held` may take a request that needs `needed` when it holds every one of them.
@inline(__always)
public func holdsSkills(_ held: Set<String>, needed: Set<String>) -> Bool {
    needed.isSubset(of: held)
}

/// Rule 2 for a pair: the worker holds every skill the request names.
@inline(__always)
public func holdsSkills(_ worker: Worker, for request: LaborRequest) -> Bool {
    holdsSkills(worker.skills, needed: request.skills)
}

/// Rule 2's explanation: the skills of the request the worker lacks, sorted (empty exactly when `holdsSkills`).
public func missingSkills(_ worker: Worker, for request: LaborRequest) -> [String] {
    request.skills.subtracting(worker.skills).sorted()
}
