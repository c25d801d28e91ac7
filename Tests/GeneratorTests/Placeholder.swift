import Testing

@testable import Generator
