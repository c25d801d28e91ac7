import IlsonCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct Entrypoint {
    static func main() {
        ProcessMemory.keepFreedMemory()
        exit(IlsonCommand.runMain(Array(CommandLine.arguments.dropFirst())))
    }
}
