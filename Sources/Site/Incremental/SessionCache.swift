import Foundation
import Markdown
import SiteInputs
#if canImport(Glibc)
import Glibc
#endif

/// A `BuildSession`'s last good build kept on disk between runs of `build-site build`, so that a build after
/// a small change does only what changed, as a long-running preview does.
///
/// Files per output folder, in `.build-site-cache/incremental/` under the site's root (never in the output, so
/// nothing of it is published; deleting them only makes the next build a full one):
/// - the header (`.head`, `CacheHeader`): what the last build read and wrote, each file with a fingerprint and,
///   once it has settled, its stamp (`FileStamp`); the manifest; the build's warnings; the body's checksum. A
///   run first compares it with the disk: a file whose stamp is the same is not read, any other is read and
///   hashed. When no input and no output changed, that is the whole run: nothing is decoded, built or written.
/// - the body (`.bin` and its shards `.<i>.bin`, `SessionCache+Shards`): the memo tables (Markdown, each page's
///   recorded reads, templates and files, the link check's scans), decoded only when something changed and
///   written only where they changed; the rendered pages themselves are read back from the output folder.
///
/// Each is trusted only when every check passes, and otherwise ignored with a note for `--verbose`:
/// - the file ends with a checksum of the rest (`CacheHash`) (a damaged file), and decodes to its end (a
///   truncated one); each body file's checksum is the one its header names (a body of another build);
/// - its format number, build-site's version and the options are this run's (a stale one);
/// - the output's manifest, every file it lists and every folder holding one are what that build left (an output
///   changed since, by hand or by a build without the cache).
public enum SessionCache {
    /// Raised whenever the encoding changes; a file of another format is stale.
    static let format: UInt64 = 6
    static let magic = "build-site session cache"
    static let bodyMagic = "build-site session cache body"
    /// How long before a build a file must have last changed for its stamp to stand for its bytes (`FileStamp`):
    /// more than the coarsest file time kept by a common file system (FAT's two seconds), and more than a tick of
    /// the kernel's file clock, which lags the wall clock.
    public static let racyMargin: Int64 = 2_000_000_000

    /// What `restore` did, for `--verbose`.
    public struct Note: Sendable, CustomStringConvertible {
        public var restored: Bool
        public var reason: String
        /// Set when no input and no output changed since the last build: the output folder already holds this
        /// build, so there is nothing to build or write.
        public var upToDate: UpToDate?
        /// The output files and folders found as the last build left them, for `OutputSync.write` and `save`.
        public var unchanged = OutputSync.Unchanged()
        /// When this run began (nanoseconds since 1970): a file read from then on gets a stamp only if it settled
        /// before (`FileStamp`).
        let started: Int64
        let margin: Int64
        /// The checksums of the body files found on disk and checked (`CacheHeader.bodies`): `save` does not
        /// write a file again whose bytes have the same checksum.
        var bodies: [UInt64] = []
        /// The input files found unchanged with settled stamps (`CacheHeader.Check.stampedInputs`): `save` writes
        /// them into the next header without an `lstat` of each.
        var inputStamps: [String: FileStamp] = [:]
        /// How many entries each body shard held when restored (`ShardReuse`): `save` keeps a shard's file when it
        /// holds the same entries still.
        var shardSizes: [Int] = []
        public var description: String { restored ? "cache: \(reason)" : "cache ignored: \(reason)" }

        init(restored: Bool = false, reason: String = "", started: Int64, margin: Int64) {
            self.restored = restored
            self.reason = reason
            self.started = started
            self.margin = margin
        }
    }

    /// The last build, when nothing changed since: what the CLI prints without building.
    public struct UpToDate: Sendable {
        public var pageCount: Int
        public var files: Int
        public var warnings: [Diagnostic]
        /// How many files had to be read (their stamps differed or were missing); the others were not.
        public var filesRead: Int
    }

    /// The cache's body file for builds of `options.root` into `output` (the header is beside it, `headerFile`).
    public static func file(options: BuildOptions, output: URL) -> URL {
        var hasher = MemoKeyHasher()
        hasher.combine(output.standardizedFileURL.path)
        return options.root.standardizedFileURL.appendingPathComponent(".build-site-cache/incremental", isDirectory: true)
            .appendingPathComponent(String(hasher.value, radix: 16) + ".bin")
    }

    /// The cache's header file (`CacheHeader`).
    public static func headerFile(options: BuildOptions, output: URL) -> URL {
        file(options: options, output: output).deletingPathExtension().appendingPathExtension("head")
    }

    /// Gives `session` the last build recorded for these options and output, when every check passes; or says
    /// that nothing changed at all (`Note.upToDate`), without decoding the memo tables.
    /// - Parameter margin: `racyMargin`; tests pass a shorter one.
    @discardableResult
    public static func restore(_ session: BuildSession, options: BuildOptions, output: URL, version: String,
                               margin: Int64 = racyMargin) -> Note {
        var note = Note(started: FileStamp.now(), margin: margin)
        let output = output.standardizedFileURL
        let root = options.root.standardizedFileURL
        let headURL = headerFile(options: options, output: output)
        guard let headBytes = CacheFile.readRegular(headURL.path) else {
            note.reason = "none yet (\(headURL.lastPathComponent))"
            return note
        }
        let header: CacheHeader
        switch decodeHeader(headBytes, options: options, output: output, version: version) {
        case .success(let decoded): header = decoded
        case .failure(let reason):
            note.reason = reason.text
            return note
        }
        let check = header.check(root: root, output: output, start: note.started, margin: margin)
        if check.changedInputs.isEmpty && check.outputsSame {
            if let refreshed = check.refreshed { _ = writeHeader(refreshed, options: options, output: output, version: version) }
            note.restored = true
            note.reason = "nothing changed (\(header.inputs.count) inputs, \(header.outputs.count) outputs; "
                + "\(check.hashed) files read, the others known by their stamps)"
            note.upToDate = UpToDate(pageCount: header.pageCount, files: header.outputs.count, warnings: header.warnings,
                                     filesRead: check.hashed)
            return note
        }
        guard check.outputsSame else {
            note.reason = "the output folder changed since (a file differs)"
            return note
        }
        let bodies: [[UInt8]]
        switch readBodies(options: options, output: output, expected: header.bodies) {
        case .success(let read): bodies = read
        case .failure(let reason):
            note.reason = reason.text
            return note
        }
        guard let files = outputs(header, known: check.stampedOutputs, in: output) else {
            note.reason = "the output folder changed since (a file differs)"
            return note
        }
        let body: DecodedBody
        switch decodeBodies(bodies, files: files) {
        case .success(let decoded): body = decoded
        case .failure(let reason):
            note.reason = reason.text
            return note
        }
        var site = BuiltSite(files: files, pageCount: header.pageCount)
        site.basePath = header.basePath
        site.warnings = header.warnings
        var pages = body.pages
        for path in Array(pages.keys) {
            if let output = files[path] { pages[path]?.output = output } else { pages[path] = nil }
        }
        let build = BuildSession.LastBuild(key: BuildSession.OptionsKey(options), reads: header.reads, site: site,
                                           markdown: OverlaidTable(body.markdown), pages: OverlaidTable(pages), prints: body.prints, links: body.links,
                                           markdownReads: body.markdownReads, isRestored: true, storedSinceRestore: .init())
        session.restore(build, origins: body.origins, changes: InputChanges(paths: check.changedInputs))
        for entry in header.outputs {
            guard let stamp = check.stampedOutputs[entry.path], let data = files[entry.path] else { continue }
            note.unchanged.files[entry.path] = OutputSync.Unchanged.File(data: data, stamp: stamp, fingerprint: entry.fingerprint)
        }
        note.unchanged.folders = check.cleanFolders
        note.bodies = header.bodies
        note.inputStamps = check.stampedInputs
        note.shardSizes = body.shardSizes
        note.restored = true
        note.reason = "last build restored (\(header.inputs.count) inputs, \(check.changedInputs.count) changed; "
            + "\(files.count) outputs; \(check.hashed) files read, the others known by their stamps)"
        return note
    }

    /// Writes the session's last build for the next run, after its output was written to `output`.
    /// - Parameter note: what `restore` said at the start of this run (when it began, what it found unchanged).
    /// - Returns: nil, or why nothing could be written (the build stands; the next one is simply full).
    @discardableResult
    public static func save(_ session: BuildSession, options: BuildOptions, output: URL, version: String, note: Note) -> String? {
        guard let last = session.lastBuild else { return "no build to keep" }
        let output = output.standardizedFileURL
        // Shards not encoded (nil) keep the files restored, whose checksums the last header named.
        let keptShards = note.bodies.count == shardCount + 1 ? note.shardSizes : []
        let bodies = encodeBodies(last, origins: session.originNames, decoded: keptShards)
        let checksums = bodies.enumerated().map { index, bytes in bytes.map(sealedChecksum) ?? note.bodies[index] }
        let entries = Array(last.site.files)
        let hashes = entries.concurrentMap { entry in note.unchanged.fingerprint(of: entry.key, entry.value) ?? CacheHash.of(entry.value) }
        var fingerprints: [String: UInt64] = [:]
        fingerprints.reserveCapacity(entries.count)
        for (entry, hash) in zip(entries, hashes) { fingerprints[entry.key] = hash }
        let header = CacheHeader.make(reads: last.reads, fingerprints: fingerprints, site: last.site,
                                      root: options.root.standardizedFileURL, output: output, start: note.started,
                                      margin: note.margin, bodies: checksums, known: note.inputStamps)
        let url = file(options: options, output: output)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return "cache not written: \(error.localizedDescription)"
        }
        // The body first: a header names its files by checksum, so a run killed before the header is written leaves
        // one that does not match them, which is ignored. A file with the checksum it had is not written again.
        let urls = bodyFiles(options: options, output: output)
        let kept = note.bodies.count == urls.count ? note.bodies : []
        let problems = Array(zip(urls, bodies).enumerated()).concurrentMap { (index, file) -> String? in
            guard let bytes = file.1, !(index < kept.count && kept[index] == checksums[index]) else { return nil }
            return CacheFile.write(bytes, to: file.0.path)
        }
        if let problem = problems.compactMap({ $0 }).first { return "cache not written: \(problem)" }
        return writeHeader(header, options: options, output: output, version: version)
    }

    // MARK: - Parts

    static func optionsText(_ options: BuildOptions, output: URL) -> String {
        let key = BuildSession.OptionsKey(options)
        return [key.root, "\(key.includeDrafts)", "\(key.reusesFragments)", key.imageCache ?? "-", output.standardizedFileURL.path]
            .joined(separator: "\n")
    }

    struct Refusal: Error {
        var text: String
    }

    static func decodeHeader(_ bytes: [UInt8], options: BuildOptions, output: URL,
                             version: String) -> Result<CacheHeader, Refusal> {
        guard bytes.count > 8 else { return .failure(Refusal(text: "truncated")) }
        var tail = CacheDecoder(Array(bytes.suffix(8)))
        guard (try? tail.number()) == bytes.withUnsafeBytes({ CacheHash.of(UnsafeRawBufferPointer(rebasing: $0.dropLast(8))) }) else {
            return .failure(Refusal(text: "damaged (its checksum does not match)"))
        }
        var decoder = CacheDecoder(bytes, droppingLast: 8)
        do {
            guard try decoder.string() == magic, try decoder.number() == format else {
                return .failure(Refusal(text: "written in another format"))
            }
            guard try decoder.string() == version else { return .failure(Refusal(text: "written by another version of build-site")) }
            guard try decoder.string() == optionsText(options, output: output) else {
                return .failure(Refusal(text: "written for other options"))
            }
            let header = try CacheHeader.decode(&decoder)
            guard decoder.isAtEnd else { return .failure(Refusal(text: "damaged (bytes after its end)")) }
            return .success(header)
        } catch {
            return .failure(Refusal(text: "truncated or damaged"))
        }
    }

    /// Writes the header file; nil, or why it could not be written.
    static func writeHeader(_ header: CacheHeader, options: BuildOptions, output: URL, version: String) -> String? {
        var encoder = CacheEncoder()
        encoder.string(magic)
        encoder.number(format)
        encoder.string(version)
        encoder.string(optionsText(options, output: output))
        header.encode(into: &encoder)
        var bytes = encoder.bytes
        var tail = CacheEncoder()
        tail.number(CacheHash.of(bytes))
        bytes += tail.bytes
        return CacheFile.write(bytes, to: headerFile(options: options, output: output).path).map { "cache not written: \($0)" }
    }

    /// The files the header lists, read from the output folder; nil when one is missing or differs. Files whose
    /// stamps matched (`known`) were not changed since the header was written, so their bytes are not hashed.
    static func outputs(_ header: CacheHeader, known: [String: FileStamp], in output: URL) -> [String: Data]? {
        let found = header.outputs.concurrentMap { entry -> Data? in
            guard let data = CacheFile.readData(OutputSync.join(output.path, entry.path)) else { return nil }
            if known[entry.path] == nil, CacheHash.of(data) != entry.fingerprint { return nil }
            return data
        }
        var files: [String: Data] = [:]
        files.reserveCapacity(header.outputs.count)
        for (entry, data) in zip(header.outputs, found) {
            guard let data else { return nil }
            files[entry.path] = data
        }
        return files
    }
}

extension CacheFile {
    /// Writes `bytes` to a temporary file beside `path` and renames it into place (readers see the old file or
    /// the new one); no `fsync`: losing the cache to a power cut only makes the next build a full one.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let result = Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += result
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            return String(cString: strerror(failure))
        }
        return nil
    }
}
