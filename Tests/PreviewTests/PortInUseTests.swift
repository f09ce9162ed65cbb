import Foundation
import Testing
@testable import Preview
import Site

/// A port another program holds is said plainly, and before a build of the whole site is spent.
@Suite struct PortInUseTests {
    @Test func aTakenPortIsSaidPlainlyBeforeBuilding() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let builds = Locked(0)
            let second = try PreviewServer(configuration: PreviewConfiguration(port: port),
                                           build: { () throws(BuildFailure) in
                                               builds.withLock { $0 += 1 }
                                               return BuiltSite(files: [:], pageCount: 0)
                                           })
            do {
                _ = try await second.start()
                Issue.record("a second server started on port \(port)")
                await second.stop()
            } catch {
                #expect("\(error)" == "error: port \(port) on 127.0.0.1 is already in use (another build-site serve, "
                    + "or another server?); choose another with --port, or --port 0 for any free one")
            }
            #expect(builds.current == 0, "the site was built before the port was found taken")
        }
    }
}
