import Content
import Foundation
import SiteInputs
#if canImport(Glibc)
import Glibc
#endif

/// The header against the disk: made after a build was written (`make`), and compared with the disk at the start
/// of the next run (`check`), each file by its stamp, and by its bytes when the stamp differs or there is none.
extension CacheHeader {
    /// What `check` found.
    struct Check {
        /// Inputs whose bytes, listing or absence differ now (root-relative, sorted).
        var changedInputs: [String]
        /// Whether every output file, every folder holding one and the manifest are as the last build left them.
        var outputsSame: Bool
        /// Output files whose stamp matched (their bytes not read), by path.
        var stampedOutputs: [String: FileStamp]
        /// Output folders whose stamp matched or that were found clean, by path.
        var cleanFolders: [String: FileStamp]
        /// Input files found unchanged with a settled stamp (the recorded one matched, or the file was read and
        /// stamped now), by root-relative path: `make` takes them instead of an `lstat` of its own.
        var stampedInputs: [String: FileStamp] = [:]
        /// How many files (inputs and outputs) were read because their stamp differed or was missing.
        var hashed = 0
        /// The header with stamps for what was read and has settled since; nil when no stamp is new.
        var refreshed: CacheHeader?
    }

    /// The header of a build whose output was just written to `output` (`fingerprints`: `CacheHash` of every
    /// file). Files and folders get a stamp only when they settled before `start` (`FileStamp`).
    /// - Parameter known: stamps of input files taken during this run (`Check.stampedInputs`), used instead of an
    ///   `lstat` now when they settled before `start`. A stamp taken before the build read the file is as good as
    ///   one taken after: it matches the disk later only if nothing wrote the file since it was taken (its
    ///   `ctime` would have moved), so the bytes the build read are still the bytes there. One that no longer
    ///   matches only makes the next run read the file.
    static func make(reads: [String: ReadLog.Entry], fingerprints: [String: UInt64], site: BuiltSite, root: URL, output: URL,
                     start: Int64, margin: Int64, bodies: [UInt64], known: [String: FileStamp] = [:]) -> CacheHeader {
        let rootPath = root.path
        let outputPath = output.path
        let sortedReads = reads.sorted { $0.key < $1.key }
        let inputs = sortedReads.concurrentMap { (path, entry) -> Input in
            switch entry {
            case .file:
                if let stamp = known[path], stamp.isRegularFile, stamp.isSettled(before: start, margin: margin) {
                    return Input(path: path, entry: entry, stamp: stamp)
                }
                return Input(path: path, entry: entry, stamp: FileStamp.settled(OutputSync.join(rootPath, path), before: start, margin: margin))
            case .folder where path.hasSuffix("/"):
                let tree = FileStamp.tree(OutputSync.join(rootPath, String(path.dropLast())), before: start, margin: margin)
                return Input(path: path, entry: entry, tree: tree?.map { Folder(path: $0.path, stamp: $0.stamp) })
            default:
                return Input(path: path, entry: entry)
            }
        }
        // The folders above every stamped file and every listed folder with stamps of its own: each must still
        // be the same real folder for those stamps to count (a folder replaced by a link is read through it).
        var folderNames = Set<String>()
        for input in inputs where input.stamp != nil || input.tree != nil {
            folderNames.formUnion(ParentFolders(of: Self.bare(input.path)).map(String.init))
        }
        let inputFolders = folderNames.sorted().concurrentMap { Folder(path: $0, stamp: FileStamp.of(OutputSync.join(rootPath, $0))) }
        let files = fingerprints.sorted { $0.key < $1.key }
        let outputs = files.concurrentMap { (path, fingerprint) -> Output in
            Output(path: path, fingerprint: fingerprint, stamp: FileStamp.settled(OutputSync.join(outputPath, path), before: start, margin: margin))
        }
        var outputFolderNames: Set<String> = [""]
        for (path, _) in files { outputFolderNames.formUnion(ParentFolders(of: path).map(String.init)) }
        let outputFolders = outputFolderNames.sorted().concurrentMap { path in
            Folder(path: path, stamp: FileStamp.settled(path.isEmpty ? outputPath : OutputSync.join(outputPath, path), before: start, margin: margin))
        }
        let manifestPath = OutputSync.join(outputPath, OutputSync.manifestName)
        let manifestBytes = FileManager.default.contents(atPath: manifestPath).map { CacheHash.of($0) } ?? 0
        return CacheHeader(inputs: inputs, resolvedRoot: SiteInputsPath.resolved(rootPath) ?? "", inputFolders: inputFolders,
                           outputs: outputs, outputFolders: outputFolders,
                           manifest: Output(path: OutputSync.manifestName, fingerprint: manifestBytes,
                                            stamp: FileStamp.settled(manifestPath, before: start, margin: margin)),
                           pageCount: site.pageCount, basePath: site.basePath, warnings: site.warnings, bodies: bodies)
    }

    /// Compares the header with the disk now. `start` is when this run began (for the stamps of files read now).
    func check(root: URL, output: URL, start: Int64, margin: Int64) -> Check {
        let rootPath = root.path
        let outputPath = output.path
        var refreshed = self
        var anyNew = false
        var hashed = 0

        // Inputs: a stamped file is unchanged when its stamp is, and every folder above it is the same real
        // folder; anything else is checked the way it was recorded (`InputChanges`).
        let rootSame = !resolvedRoot.isEmpty && SiteInputsPath.resolved(rootPath) == resolvedRoot
        // Each folder is the same real folder, and so is every folder above it (parents come first, sorted).
        var sameFolders = Set<String>()
        for folder in inputFolders {
            guard rootSame, let recorded = folder.stamp, let now = FileStamp.of(OutputSync.join(rootPath, folder.path)), now.isFolder,
                  now.device == recorded.device, now.inode == recorded.inode, now.mode == recorded.mode,
                  Self.parent(of: folder.path).map(sameFolders.contains) ?? true else { continue }
            sameFolders.insert(folder.path)
        }
        let siteInputs = try? SiteInputs(root: root)
        let folders = sameFolders
        let rootFolder = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if rootFolder >= 0 { close(rootFolder) } }
        let inputResults = inputs.concurrentMap { input -> (changed: Bool, read: Bool, stamp: FileStamp?, tree: [Folder]?) in
            let parentSame = rootSame && rootFolder >= 0 && (Self.parent(of: Self.bare(input.path)).map(folders.contains) ?? true)
            if let stamp = input.stamp, parentSame, FileStamp.of(input.path, in: rootFolder) == stamp {
                return (false, false, stamp, nil)
            }
            if let tree = input.tree, parentSame, input.path.hasSuffix("/"),
               tree.allSatisfy({ folder in
                   folder.stamp != nil && FileStamp.of(folder.path.isEmpty ? String(input.path.dropLast()) : input.path + folder.path,
                                                       in: rootFolder) == folder.stamp
               }) {
                return (false, false, nil, tree)
            }
            guard let siteInputs else { return (true, false, nil, nil) }
            // Stamps taken before the listing or read: a change during it shows in them next time.
            let location = OutputSync.join(rootPath, String(input.path.hasSuffix("/") ? input.path.dropLast() : Substring(input.path)))
            let tree = input.path.hasSuffix("/") ? FileStamp.tree(location, before: start, margin: margin) : nil
            let now = InputChanges.current(input.path, like: input.entry, inputs: siteInputs, root: root)
            guard now == input.entry else { return (true, false, nil, nil) }
            guard case .file = input.entry, parentSame else {
                return (false, false, nil, tree?.map { Folder(path: $0.path, stamp: $0.stamp) })
            }
            return (false, true, FileStamp.settled(location, before: start, margin: margin), nil)
        }
        var changedInputs: [String] = []
        var stampedInputs: [String: FileStamp] = [:]
        stampedInputs.reserveCapacity(inputs.count)
        for (index, result) in inputResults.enumerated() {
            if result.changed { changedInputs.append(inputs[index].path) }
            if !result.changed, case .file = inputs[index].entry, let stamp = result.stamp { stampedInputs[inputs[index].path] = stamp }
            if result.read { hashed += 1 }
            if result.stamp != inputs[index].stamp {
                refreshed.inputs[index].stamp = result.stamp
                anyNew = true
            }
            if inputs[index].tree == nil, let tree = result.tree, !result.changed {
                refreshed.inputs[index].tree = tree
                anyNew = true
            }
        }

        // Outputs: the same file by its stamp, or by its bytes.
        let outputFolder = open(outputPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if outputFolder >= 0 { close(outputFolder) } }
        let outputResults = outputs.concurrentMap { entry -> (same: Bool, read: Bool, stamp: FileStamp?) in
            // The common case without making the path: the same stamp, under the output folder's descriptor.
            if outputFolder >= 0, let stamp = entry.stamp, FileStamp.of(entry.path, in: outputFolder) == stamp { return (true, false, stamp) }
            return Self.checkOutput(entry, at: OutputSync.join(outputPath, entry.path), start: start, margin: margin)
        }
        var outputsSame = true
        var stampedOutputs: [String: FileStamp] = [:]
        stampedOutputs.reserveCapacity(outputs.count)
        for (index, result) in outputResults.enumerated() {
            if !result.same { outputsSame = false }
            if result.read { hashed += 1 }
            if result.same, !result.read, let stamp = result.stamp { stampedOutputs[outputs[index].path] = stamp }
            if result.same, result.stamp != outputs[index].stamp {
                refreshed.outputs[index].stamp = result.stamp
                anyNew = true
            }
        }
        let manifestResult = Self.checkOutput(manifest, at: OutputSync.join(outputPath, OutputSync.manifestName), start: start, margin: margin)
        if !manifestResult.same { outputsSame = false }
        if manifestResult.read { hashed += 1 }
        if manifestResult.same, manifestResult.stamp != manifest.stamp {
            refreshed.manifest.stamp = manifestResult.stamp
            anyNew = true
        }

        // Folders: no entry came or went when the stamp is the same; otherwise a real folder with nothing a
        // sync would clean up (a killed build's temporary files, the staging folder) is as good.
        let folderResults = outputFolders.concurrentMap { folder -> (clean: Bool, stamp: FileStamp?) in
            if outputFolder >= 0, !folder.path.isEmpty, let stamp = folder.stamp, FileStamp.of(folder.path, in: outputFolder) == stamp {
                return (true, stamp)
            }
            let location = folder.path.isEmpty ? outputPath : OutputSync.join(outputPath, folder.path)
            let now = FileStamp.of(location)
            if let now, now == folder.stamp { return (true, now) }
            guard let now, now.isFolder else { return (false, nil) }
            let leftovers = OutputSync.hiddenEntries(of: location).contains { name in
                OutputSync.temporaryParts(name) != nil || (folder.path.isEmpty && name == OutputStaging.folderName)
            }
            if leftovers { return (false, nil) }
            return (true, FileStamp.settled(location, before: start, margin: margin))
        }
        var cleanFolders: [String: FileStamp] = [:]
        for (index, result) in folderResults.enumerated() {
            if !result.clean { outputsSame = false }
            if result.clean, let stamp = result.stamp { cleanFolders[outputFolders[index].path] = stamp }
            if result.clean, result.stamp != outputFolders[index].stamp {
                refreshed.outputFolders[index].stamp = result.stamp
                anyNew = true
            }
        }
        return Check(changedInputs: changedInputs.sorted(), outputsSame: outputsSame, stampedOutputs: stampedOutputs,
                     cleanFolders: cleanFolders, stampedInputs: stampedInputs, hashed: hashed, refreshed: anyNew ? refreshed : nil)
    }

    /// A root-relative path without the trailing "/" of a folder's entry.
    static func bare(_ path: String) -> String {
        path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The folder holding a root-relative path ("a/b" for "a/b/c"); nil for a path at the top.
    static func parent(of path: String) -> String? {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(path[..<slash])
    }

    /// One output file: the same by its stamp, or a regular file with the recorded bytes (then read).
    private static func checkOutput(_ entry: Output, at location: String, start: Int64,
                                    margin: Int64) -> (same: Bool, read: Bool, stamp: FileStamp?) {
        guard let now = FileStamp.of(location), now.isRegularFile else { return (false, false, nil) }
        if now == entry.stamp { return (true, false, now) }
        guard now.size >= 0, let bytes = CacheFile.readRegular(location), CacheHash.of(bytes) == entry.fingerprint else {
            return (false, true, nil)
        }
        return (true, true, FileStamp.settled(location, before: start, margin: margin))
    }
}

/// A root's path with every link resolved (`realpath`), as `SiteInputs` measures "inside the root".
enum SiteInputsPath {
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Reading and writing the cache's own files, and output files, without following a link.
enum CacheFile {
    /// The bytes of a regular file, never through a symbolic link; nil for anything else.
    static func readRegular(_ path: String) -> [UInt8]? { SiteInputs.regularFileContents(atPath: path) }

    /// `readRegular` into a `Data` of its own, with no copy: the output files read back (hundreds of megabytes
    /// on a large site).
    static func readData(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size, so that a file that grew since `fstat` is noticed (and refused).
        let capacity = max(Int(info.st_size), 0) + 1
        guard let buffer = malloc(capacity) else { return nil }
        var count = 0
        while count < capacity {
            let result = read(descriptor, buffer + count, capacity - count)
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                free(buffer)
                return nil
            }
            count += result
        }
        guard count == capacity - 1 else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }
}
