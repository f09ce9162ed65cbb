import Foundation
import Testing
@testable import BuildSiteCLI

/// `Init/StarterFiles.swift` is generated from `Sources/BuildSiteCLI/Starter/` (`Tools/generate-starter.py`):
/// the folder is what people review and edit, the Swift file what the executable carries. They must agree.
@Suite struct StarterFilesTests {
    @Test func theCompiledStarterIsTheStarterFolder() throws {
        let folder = ScratchSite.packageRoot.appendingPathComponent("Sources/BuildSiteCLI/Starter")
        var onDisk: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = url.standardizedFileURL.path
            if url.lastPathComponent.hasPrefix(".") { continue }
            onDisk[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        let compiled = Dictionary(uniqueKeysWithValues: Starter.load().files.map { ($0.path, $0.data) })
        #expect(onDisk.count >= 20)
        #expect(Set(compiled.keys) == Set(onDisk.keys),
                "run python3 Tools/generate-starter.py: \(Set(compiled.keys).symmetricDifference(onDisk.keys).sorted())")
        for (path, data) in onDisk where compiled[path] != data {
            Issue.record("\(path) differs from the compiled starter: run python3 Tools/generate-starter.py")
        }
        #expect(Starter.load().files.map(\.path) == compiled.keys.sorted())
    }
}
