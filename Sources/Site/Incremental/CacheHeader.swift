import Foundation
import SiteInputs

/// The small first part of the session cache (`SessionCache`): everything a run needs to learn that nothing
/// changed, from `lstat` calls alone, without decoding the memo tables (the body, tens of megabytes on a large
/// site).
///
/// It holds what the last build read (each file with the stamp it had once settled, `FileStamp`), every file it
/// wrote with a fingerprint of its bytes and a stamp, every folder of the output that holds one (a file added to
/// a folder changes the folder's stamp), the manifest, the build's page count, base path and warnings, and the
/// checksums of the body files it goes with. Encoded by `CacheEncoder`, with its own checksum at the end.
struct CacheHeader {
    struct Input {
        var path: String
        var entry: ReadLog.Entry
        /// For a file read: its stamp, when it had settled before the build started.
        var stamp: FileStamp?
        /// For a folder listed: every folder below it with its stamp (`FileStamp.tree`), when they can stand for
        /// the listing.
        var tree: [Folder]?
    }

    struct Output {
        var path: String
        var fingerprint: UInt64
        var stamp: FileStamp?
    }

    struct Folder {
        /// Relative to the output folder; "" is the output folder itself.
        var path: String
        var stamp: FileStamp?
    }

    var inputs: [Input]
    /// The site's root with every link resolved, and the folders (root-relative) that hold the stamped input
    /// files, each a real folder (device, inode and type are what is compared: its files may come and go).
    var resolvedRoot: String
    var inputFolders: [Folder]
    var outputs: [Output]
    var outputFolders: [Folder]
    var manifest: Output
    var pageCount: Int
    var basePath: String
    var warnings: [Diagnostic]
    /// `CacheHash` of each body file this header was written with: the common part, then every shard
    /// (`SessionCache.shardCount`, `SessionCache+Shards`).
    var bodies: [UInt64]

    func encode(into encoder: inout CacheEncoder) {
        encoder.number(inputs.count)
        for input in inputs {
            encoder.string(input.path)
            switch input.entry {
            case .file(let fingerprint):
                encoder.number(0)
                encoder.number(fingerprint)
                encoder.stamp(input.stamp)
            case .folder(let files):
                encoder.number(1)
                encoder.strings(files)
                encoder.number(input.tree == nil ? 0 : 1)
                if let tree = input.tree { Self.encode(tree, into: &encoder) }
            case .absent:
                encoder.number(2)
            }
        }
        encoder.string(resolvedRoot)
        Self.encode(inputFolders, into: &encoder)
        encoder.number(outputs.count)
        for output in outputs { Self.encode(output, into: &encoder) }
        Self.encode(outputFolders, into: &encoder)
        Self.encode(manifest, into: &encoder)
        encoder.number(pageCount)
        encoder.string(basePath)
        encoder.number(warnings.count)
        for warning in warnings {
            encoder.optionalString(warning.file)
            encoder.number(warning.line ?? -1)
            encoder.number(warning.column ?? -1)
            encoder.string(warning.message)
            encoder.strings(warning.notes)
        }
        encoder.number(bodies.count)
        for body in bodies { encoder.number(body) }
    }

    static func decode(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> CacheHeader {
        var inputs: [Input] = []
        let count = try decoder.count(minimum: 16)
        inputs.reserveCapacity(count)
        for _ in 0..<count {
            let path = try decoder.string()
            switch try decoder.number() {
            case 0: inputs.append(Input(path: path, entry: .file(fingerprint: try decoder.number()), stamp: try decoder.stamp()))
            case 1:
                let files = try decoder.strings()
                let tree: [Folder]? = switch try decoder.number() {
                case 0: nil
                case 1: try decodeFolders(&decoder)
                default: throw CacheDecoder.Damaged()
                }
                inputs.append(Input(path: path, entry: .folder(files: files), tree: tree))
            case 2: inputs.append(Input(path: path, entry: .absent))
            default: throw CacheDecoder.Damaged()
            }
        }
        let resolvedRoot = try decoder.string()
        let inputFolders = try decodeFolders(&decoder)
        var outputs: [Output] = []
        let outputCount = try decoder.count(minimum: 24)
        outputs.reserveCapacity(outputCount)
        for _ in 0..<outputCount { outputs.append(try decodeOutput(&decoder)) }
        let outputFolders = try decodeFolders(&decoder)
        let manifest = try decodeOutput(&decoder)
        let pageCount = try decoder.int()
        let basePath = try decoder.string()
        var warnings: [Diagnostic] = []
        for _ in 0..<(try decoder.count()) {
            let file = try decoder.optionalString()
            let line = try decoder.int()
            let column = try decoder.int()
            var warning = Diagnostic(file: file, line: line < 0 ? nil : line, column: column < 0 ? nil : column,
                                     message: try decoder.string(), notes: try decoder.strings())
            warning.isWarning = true
            warnings.append(warning)
        }
        var bodies: [UInt64] = []
        for _ in 0..<(try decoder.count()) { bodies.append(try decoder.number()) }
        return CacheHeader(inputs: inputs, resolvedRoot: resolvedRoot, inputFolders: inputFolders, outputs: outputs,
                           outputFolders: outputFolders, manifest: manifest, pageCount: pageCount, basePath: basePath,
                           warnings: warnings, bodies: bodies)
    }

    /// The read log this header describes.
    var reads: [String: ReadLog.Entry] {
        var reads: [String: ReadLog.Entry] = [:]
        reads.reserveCapacity(inputs.count)
        for input in inputs { reads[input.path] = input.entry }
        return reads
    }

    private static func encode(_ output: Output, into encoder: inout CacheEncoder) {
        encoder.string(output.path)
        encoder.number(output.fingerprint)
        encoder.stamp(output.stamp)
    }

    private static func decodeOutput(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> Output {
        Output(path: try decoder.string(), fingerprint: try decoder.number(), stamp: try decoder.stamp())
    }

    private static func encode(_ folders: [Folder], into encoder: inout CacheEncoder) {
        encoder.number(folders.count)
        for folder in folders {
            encoder.string(folder.path)
            encoder.stamp(folder.stamp)
        }
    }

    private static func decodeFolders(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> [Folder] {
        var folders: [Folder] = []
        let count = try decoder.count(minimum: 16)
        folders.reserveCapacity(count)
        for _ in 0..<count { folders.append(Folder(path: try decoder.string(), stamp: try decoder.stamp())) }
        return folders
    }
}
