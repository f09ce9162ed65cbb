import Foundation
import Site

/// A new build's files against the served ones: which changed, with each file ready to serve.
///
/// Every file is compared on every build, but a rebuild changes a few: so the served table is kept and only the
/// changed files are put into it (`apply(to:new:)`), instead of making a table of every file again (17 ms of a
/// one-page swap on the 10,000-event corpus went to that). The comparison reads the served table; putting the
/// files in happens apart, where the server holds the table alone, so that it is changed in place rather than
/// copied (another 5 ms). A file whose bytes are the very same buffer as before (a build that reused them) is
/// equal without reading it, and only changed files are hashed for their `ETag` and typed. A build that
/// removed a file makes the table again from its own files.
struct SnapshotDiff: Sendable {
    /// The changed files, ready to serve, by path.
    var fresh: [String: ServedFile] = [:]
    /// Files that are new or whose bytes changed, in no particular order.
    var changed: [String] = []
    /// Whether a served file is not in the new build.
    var removed = false

    init(old: [String: ServedFile], new: [String: Data]) {
        var added = 0
        // Files of the same size in another buffer: read through, on all cores (a full rebuild makes every page anew).
        var unsure: [String] = []
        for part in Self.parts(of: new, old: old) {
            changed += part.changed
            unsure += part.unsure
            added += part.added
        }
        changed += Self.concurrently(unsure) { path in
            guard let served = old[path], let data = new[path] else { return nil }
            return served.data.sameBytes(as: data) ? nil : path
        }
        // Every new file is an old one or an added one: the counts say whether an old one is missing.
        removed = old.count + added != new.count
        let made = Self.concurrently(changed) { path in new[path].map { (path: path, file: ServedFile(path: path, data: $0)) } }
        fresh.reserveCapacity(made.count)
        for (path, file) in made { fresh[path] = file }
    }

    /// Makes `files` (the table this diff was made against) the new build's (`new`): the changed files put in,
    /// the removed ones taken out. In place when nothing else holds the table.
    func apply(to files: inout [String: ServedFile], new: [String: Data]) {
        if removed { files = files.filter { new[$0.key] != nil } }
        files.reserveCapacity(new.count)
        for (path, file) in fresh { files[path] = file }
    }

    /// One stretch of the new files, compared with the served ones: the files new or of another size, those of the
    /// same size in another buffer (to be read through), and how many are new.
    struct Part: Sendable {
        var changed: [String] = []
        var unsure: [String] = []
        var added = 0
    }

    /// The new files compared with the served ones by their sizes and buffers, in the table's order: a large table
    /// in as many stretches as there are cores, compared at once (on ten thousand files, looking each one up in the
    /// served table was most of a one-page swap).
    static func parts(of new: [String: Data], old: [String: ServedFile]) -> [Part] {
        let workers = new.count < 4096 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        var bounds = [new.startIndex]
        for _ in 1..<workers { bounds.append(new.index(bounds[bounds.count - 1], offsetBy: new.count / workers)) }
        bounds.append(new.endIndex)
        var parts = [Part](repeating: Part(), count: workers)
        parts.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            let bounds = bounds
            let compare: @Sendable (Int) -> Void = { worker in
                var part = Part()
                var index = bounds[worker]
                while index != bounds[worker + 1] {
                    let (path, data) = new[index]
                    index = new.index(after: index)
                    guard let served = old[path] else {
                        part.changed.append(path)
                        part.added += 1
                        continue
                    }
                    if served.data.count != data.count {
                        part.changed.append(path)
                    } else if !sameBuffer(served.data, data) {
                        part.unsure.append(path)
                    }
                }
                slots[worker] = part
            }
            if workers == 1 { compare(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: compare) }
        }
        return parts
    }

    /// Whether both hold the very same bytes in memory (a buffer the build reused).
    static func sameBuffer(_ a: Data, _ b: Data) -> Bool {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    }

    /// `transform` of each item, on all cores when there are many, in order, without the nils; one thread for a few.
    static func concurrently<T: Sendable>(_ items: [String], _ transform: @Sendable (String) -> T?) -> [T] {
        guard items.count > 64 else { return items.compactMap(transform) }
        var made = [T?](repeating: nil, count: items.count)
        made.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), items.count / 64)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in (items.count * worker / workers)..<(items.count * (worker + 1) / workers) {
                    slots[index] = transform(items[index])
                }
            }
        }
        return made.compactMap { $0 }
    }
}
