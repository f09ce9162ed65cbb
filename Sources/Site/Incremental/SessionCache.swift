import Foundation
import Markdown
import SiteInputs

/// A `BuildSession`'s last good build kept on disk between runs of `build-site build`, so that a build after
/// a small change does only what changed, as a long-running preview does.
///
/// One file per output folder, in `.build-site-cache/incremental/` under the site's root (never in the output,
/// so nothing of it is published; deleting it only makes the next build a full one). It holds what the last
/// build read, a fingerprint of every file it wrote and of the output's manifest, its warnings, and its
/// Markdown memo; the output files themselves are read back from the output folder. It is trusted only when
/// every check passes, and otherwise ignored with a note for `--verbose`:
/// - the file ends with a checksum of the rest (`CacheHash`) (a damaged file), and decodes to its end (a
///   truncated one);
/// - its format number, build-site's version and the options are this run's (a stale one);
/// - the output's manifest and every file it lists are byte for byte what that build wrote (an output changed
///   since, by hand or by a build without the cache).
public enum SessionCache {
    /// Raised whenever the encoding changes; a file of another format is stale.
    static let format: UInt64 = 3
    static let magic = "build-site session cache"

    /// What `restore` did, for `--verbose`.
    public struct Note: Sendable, Equatable, CustomStringConvertible {
        public var restored: Bool
        public var reason: String
        public var description: String { restored ? "cache: \(reason)" : "cache ignored: \(reason)" }
    }

    /// The cache file for builds of `options.root` into `output`.
    public static func file(options: BuildOptions, output: URL) -> URL {
        var hasher = MemoKeyHasher()
        hasher.combine(output.standardizedFileURL.path)
        return options.root.standardizedFileURL.appendingPathComponent(".build-site-cache/incremental", isDirectory: true)
            .appendingPathComponent(String(hasher.value, radix: 16) + ".bin")
    }

    /// Gives `session` the last build recorded for these options and output, when every check passes.
    @discardableResult
    public static func restore(_ session: BuildSession, options: BuildOptions, output: URL, version: String) -> Note {
        let url = file(options: options, output: output)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return Note(restored: false, reason: "none yet (\(url.lastPathComponent))")
        }
        let bytes = [UInt8](data)
        guard bytes.count > 8 else { return Note(restored: false, reason: "truncated") }
        var tail = CacheDecoder(Array(bytes.suffix(8)))
        guard (try? tail.number()) == bytes.withUnsafeBytes({ CacheHash.of(UnsafeRawBufferPointer(rebasing: $0.dropLast(8))) }) else {
            return Note(restored: false, reason: "damaged (its checksum does not match)")
        }
        var decoder = CacheDecoder(Array(bytes.dropLast(8)))
        do {
            guard try decoder.string() == magic, try decoder.number() == format else {
                return Note(restored: false, reason: "written in another format")
            }
            guard try decoder.string() == version else { return Note(restored: false, reason: "written by another version of build-site") }
            guard try decoder.string() == optionsText(options, output: output) else {
                return Note(restored: false, reason: "written for other options")
            }
            guard try decoder.number() == manifestFingerprint(output) else {
                return Note(restored: false, reason: "the output folder changed since (its manifest differs)")
            }
            let last = try decodeBuild(&decoder, options: options)
            guard decoder.isAtEnd else { return Note(restored: false, reason: "damaged (bytes after its end)") }
            guard let files = outputs(last.outputs, in: output) else {
                return Note(restored: false, reason: "the output folder changed since (a file differs)")
            }
            var build = last.build
            build.site.files = files
            for path in Array(build.pages.keys) {
                if let output = files[path] { build.pages[path]?.output = output } else { build.pages[path] = nil }
            }
            session.restore(build, origins: last.origins)
            return Note(restored: true, reason: "last build restored (\(build.reads.count) inputs, \(files.count) outputs)")
        } catch {
            return Note(restored: false, reason: "truncated or damaged")
        }
    }

    /// Writes the session's last build for the next run, after its output was written to `output`.
    /// - Returns: nil, or why nothing could be written (the build stands; the next one is simply full).
    @discardableResult
    public static func save(_ session: BuildSession, options: BuildOptions, output: URL, version: String) -> String? {
        guard let last = session.lastBuild else { return "no build to keep" }
        var encoder = CacheEncoder()
        encoder.string(magic)
        encoder.number(format)
        encoder.string(version)
        encoder.string(optionsText(options, output: output))
        encoder.number(manifestFingerprint(output))
        encodeBuild(last, origins: session.originNames, into: &encoder)
        var bytes = encoder.bytes
        let checksum = CacheHash.of(bytes)
        var tail = CacheEncoder()
        tail.number(checksum)
        bytes += tail.bytes
        let url = file(options: options, output: output)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
            return nil
        } catch {
            return "cache not written: \(error.localizedDescription)"
        }
    }

    // MARK: - Parts

    static func optionsText(_ options: BuildOptions, output: URL) -> String {
        let key = BuildSession.OptionsKey(options)
        return [key.root, "\(key.includeDrafts)", "\(key.reusesFragments)", key.imageCache ?? "-", output.standardizedFileURL.path]
            .joined(separator: "\n")
    }

    static func manifestFingerprint(_ output: URL) -> UInt64 {
        let data = FileManager.default.contents(atPath: output.appendingPathComponent(OutputSync.manifestName).path)
        return data.map { CacheHash.of($0) } ?? 0
    }

    /// The files the cache lists, read from the output folder; nil when one is missing or differs.
    static func outputs(_ expected: [(path: String, fingerprint: UInt64)], in output: URL) -> [String: Data]? {
        let found = expected.concurrentMap { entry -> Data? in
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(entry.path).path),
                  CacheHash.of(data) == entry.fingerprint else { return nil }
            return data
        }
        var files: [String: Data] = [:]
        files.reserveCapacity(expected.count)
        for (entry, data) in zip(expected, found) {
            guard let data else { return nil }
            files[entry.path] = data
        }
        return files
    }
}
