import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `build-site` executable, run as a child process exactly as a user runs it.
///
/// `swift test` builds every product, so the binary sits in the same `.build/<config>/` folder as the test
/// bundle. These tests are the end-to-end proof of the CLI's promises (exit status, messages, untouched
/// output), so a missing binary is a failure with instructions, never a silent skip.
struct BuildSiteBinary {
    /// What one run did.
    struct Outcome {
        var status: Int32
        /// True when the process ended by a signal (a crash, or our own kill).
        var signalled: Bool
        var stdout: String
        var stderr: String

        /// The headline of every diagnostic (`file:line:col: error: …`), in the order printed.
        var errorLines: [String] {
            stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .filter { $0.contains("error: ") && !$0.hasPrefix(" ") }
        }
    }

    let url: URL

    /// Finds the binary next to the test bundle (or at `$BUILD_SITE_BINARY`).
    static func locate() throws -> BuildSiteBinary {
        if let explicit = ProcessInfo.processInfo.environment["BUILD_SITE_BINARY"] {
            return BuildSiteBinary(url: URL(fileURLWithPath: explicit))
        }
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("build-site")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return BuildSiteBinary(url: candidate)
            }
            folder = folder.deletingLastPathComponent()
        }
        throw MissingBinary(bundle: Bundle.module.bundleURL.path)
    }

    /// Runs `build-site` with `arguments` and waits for it to end.
    /// - Parameter asUser: run under this uid/gid via `setpriv` (used when the tests run as root).
    /// - Parameter environment: variables set (or replaced) for this run, e.g. `HOME`.
    func run(_ arguments: [String], currentDirectory: URL? = nil, asUser: (uid: UInt32, gid: UInt32)? = nil,
             environment: [String: String] = [:], launcher: [String] = []) throws -> Outcome {
        let process = start(arguments, currentDirectory: currentDirectory, asUser: asUser)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        // Run through another program (`prlimit …`, `unshare …`) that ends by executing the binary.
        if !launcher.isEmpty, let executable = process.executableURL {
            process.arguments = Array(launcher.dropFirst()) + [executable.path] + (process.arguments ?? [])
            process.executableURL = URL(fileURLWithPath: launcher[0])
        }
        let (stdout, stderr) = (Pipe(), Pipe())
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the child runs: a full pipe would block it forever.
        let group = DispatchGroup()
        let collected = Collected()
        DispatchQueue.global().async(group: group) { collected.set(out: stdout.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.set(err: stderr.fileHandleForReading.readDataToEndOfFile()) }
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       stdout: String(decoding: collected.out, as: UTF8.self),
                       stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// A configured, not yet started process (output to /dev/null unless the caller sets pipes).
    func start(_ arguments: [String], currentDirectory: URL? = nil, asUser: (uid: UInt32, gid: UInt32)? = nil) -> Process {
        let process = Process()
        if let asUser {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(asUser.uid)", "--regid=\(asUser.gid)", "--clear-groups", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
}

/// Output gathered from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    var out: Data { lock.withLock { outData } }
    var err: Data { lock.withLock { errData } }
    func set(out data: Data) { lock.withLock { outData = data } }
    func set(err data: Data) { lock.withLock { errData = data } }
}

struct MissingBinary: Error, CustomStringConvertible {
    let bundle: String
    var description: String {
        "the build-site executable was not found next to the test bundle (\(bundle)); "
            + "run 'swift build --product build-site' (or plain 'swift test', which builds it) first, "
            + "or set BUILD_SITE_BINARY to its path"
    }
}
