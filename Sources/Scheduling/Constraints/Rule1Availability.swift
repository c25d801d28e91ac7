import Vocabulary

/// Rule 1: the request's date is among the worker's available dates.
public func isAvailable(_ worker: Worker, on date: Day) -> Bool {
    worker.available.contains(date)
}
