#if canImport(Glibc)
    import Glibc
#endif

/// How the process's allocator keeps memory it has freed (glibc's `mallopt`).
///
/// By default glibc serves every block above 128 KiB (a threshold that grows to at most 32 MiB as blocks are freed)
/// with its own `mmap` and gives it back with `munmap` when it is freed, and it returns the top of the heap to the
/// system once 128 KiB of it are free. A solve allocates the flow's arrays (tens to hundreds of MB on a week or a
/// province) again for every flow it runs, so each of those flows faulted in every page afresh (a county week 94k
/// faults, the province 822k; the kernel's 1.4-3.1 of the province's 20-21 CPU seconds). Kept in the process, a freed
/// block serves the next allocation that fits it without a fault (week 50k, province 377k; docs/solver.md, speed18).
public enum ProcessMemory {
    /// Blocks below this many bytes come from the heap (and stay in it when freed); larger ones are mapped alone.
    static let mapThreshold: Int32 = 1 << 30
    /// Free memory at the top of the heap beyond this many bytes is returned to the system.
    static let trimThreshold: Int32 = Int32.max
    /// Bytes added to every extension of a heap: fewer `brk` and `mprotect` calls (a county day made ≈ 800, most of
    /// them growing the candidate threads' heaps a page at a time); pages not touched stay out of memory.
    static let topPad: Int32 = 16 << 20

    /// `mallopt`'s parameters, as glibc's `<malloc.h>` numbers them (a header Swift's `Glibc` module leaves out).
    static let optionTrimThreshold: Int32 = -1
    static let optionTopPad: Int32 = -2
    static let optionMapThreshold: Int32 = -3

    /// Keeps freed memory in the process for its lifetime (call once, before the work; the CLI's entry point does).
    /// A short-lived command's peak memory is about the same; what it freed is reused instead of faulted in again.
    /// - Returns: whether the allocator took the three settings (false where there is no glibc `mallopt`).
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        #if canImport(Glibc)
            // Looked up at run time: `mallopt` is declared in `<malloc.h>` only; nil (RTLD_DEFAULT) searches every
            // loaded library, so another C library without it leaves the allocator as it is.
            guard let symbol = dlsym(nil, "mallopt") else { return false }
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            let mapped = mallopt(optionMapThreshold, mapThreshold) == 1
            let trimmed = mallopt(optionTrimThreshold, trimThreshold) == 1
            let padded = mallopt(optionTopPad, topPad) == 1
            return mapped && trimmed && padded
        #else
            return false
        #endif
    }
}
