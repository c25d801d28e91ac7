import Testing

@testable import IlsonCLI

#if canImport(Glibc)
    import Glibc
#endif

/// `ProcessMemory.keepFreedMemory`: a large block freed and allocated again is served from the process's own memory,
/// so touching it again faults in (almost) no page; counted by the kernel's minor-fault counter of this thread.
@Suite struct ProcessMemoryTests {
    #if canImport(Glibc)
        /// This thread's minor page faults so far (`getrusage(RUSAGE_THREAD)`; `RUSAGE_THREAD`, 1, is a GNU name
        /// Swift's `Glibc` module leaves out).
        static func threadFaults() -> Int {
            var usage = rusage()
            getrusage(__rusage_who_t(1), &usage)
            return usage.ru_minflt
        }

        /// Allocates `bytes`, writes every page, frees it; the faults it cost this thread (`Int.max` when the
        /// allocation fails, so that the test fails too).
        static func touchAndFree(_ bytes: Int) -> Int {
            let before = threadFaults()
            guard let p = malloc(bytes) else { return Int.max }
            memset(p, 1, bytes)
            free(p)
            return threadFaults() - before
        }

        /// 48 MiB (12,288 pages): above glibc's default mapping threshold even after it has grown (32 MiB), so
        /// without the settings every round maps the block afresh and faults in every page again. On the main thread
        /// (the main actor), whose allocations come from the main arena's heap, where the settings keep it. On a test
        /// thread the arena is another thread's too: when its first heap is partly used the block gets a heap of its
        /// own, which glibc unmaps as soon as it is empty whatever the settings, so a run of the whole suite failed
        /// there now and then (every round faulting 12,289 pages).
        @Test @MainActor func aFreedBlockIsReusedWithoutFaults() {
            #expect(ProcessMemory.keepFreedMemory())
            let bytes = 48 << 20
            let pages = bytes / Int(getpagesize())
            _ = Self.touchAndFree(bytes)
            for faults in (0..<3).map({ _ in Self.touchAndFree(bytes) }) {
                #expect(faults < pages / 16, "the block came back without faults (\(faults) of \(pages) pages)")
            }
        }
    #endif
}
