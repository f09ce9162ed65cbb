/// Times the named steps of a build, so `--verbose` can say where the time went.
struct StepClock {
    private(set) var timings: [(step: String, duration: Duration)] = []
    private let clock = ContinuousClock()

    mutating func step<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = clock.now
        defer { timings.append((name, clock.now - start)) }
        return try body()
    }
}
