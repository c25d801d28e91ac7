/// Rule 2: the skills of the request the worker lacks (empty when the worker holds all of them), sorted.
public func missingSkills(_ worker: Worker, for request: LaborRequest) -> [String] {
    request.skills.subtracting(worker.skills).sorted()
}
