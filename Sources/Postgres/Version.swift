import CLibPQ

/// The libpq version this binary is linked against, e.g. 150018.
public var libpqVersion: Int { Int(PQlibVersion()) }
