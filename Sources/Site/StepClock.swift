#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times the named steps of a build, so `--verbose` can say where the time went.
///
/// Each step records wall time and the CPU time of the whole process: their ratio shows how well a
/// step uses the cores, and CPU time stays meaningful on a machine busy with other work.
public struct StepClock: Sendable {
    public private(set) var timings: [StepTiming] = []
    private let clock = ContinuousClock()

    public init() {}

    public mutating func step<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = clock.now
        let cpuStart = Self.processCPUTime()
        defer { timings.append(StepTiming(step: name, wall: clock.now - start, cpu: Self.processCPUTime() - cpuStart)) }
        return try body()
    }

    /// User and system CPU time of every thread of this process so far.
    static func processCPUTime() -> Duration {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return .zero }
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}

/// One named step of a build: how long it took, and how much CPU time it used on all cores.
public struct StepTiming: Sendable {
    public var step: String
    public var wall: Duration
    public var cpu: Duration
}
