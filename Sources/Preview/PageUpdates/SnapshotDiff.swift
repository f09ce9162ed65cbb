import Foundation

/// A new build's files against the served ones: which changed, with each file ready to serve.
///
/// Every file is compared on every build, so on a large site this is most of the swap: the files are split
/// between the cores, a file whose bytes are the very same buffer as before (a build that reused them) is
/// equal without reading it, and only changed files are hashed for their `ETag` and typed.
struct SnapshotDiff {
    /// The new build's files; an unchanged one keeps its `ServedFile` (and its tag).
    var files: [String: ServedFile] = [:]
    /// Files that are new or whose bytes changed, in no particular order.
    var changed: [String] = []
    /// Whether a served file is not in the new build.
    var removed = false

    init(old: [String: ServedFile], new: [String: Data]) {
        let entries = Array(new)
        var fresh = [ServedFile?](repeating: nil, count: entries.count)
        fresh.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, entries.count / 64))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = (entries.count * worker / workers)..<(entries.count * (worker + 1) / workers)
                for index in range {
                    let (path, data) = entries[index]
                    if let served = old[path], Self.same(served.data, data) { continue }
                    slots[index] = ServedFile(path: path, data: data)
                }
            }
        }
        files.reserveCapacity(entries.count)
        for (index, (path, _)) in entries.enumerated() {
            if let file = fresh[index] {
                files[path] = file
                changed.append(path)
            } else if let file = old[path] {
                files[path] = file
            }
        }
        removed = old.keys.contains { new[$0] == nil }
    }

    /// Equal bytes; the same buffer is equal at once.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return p == q || memcmp(p, q, x.count) == 0
            }
        }
    }
}
