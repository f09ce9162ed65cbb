import Foundation
import Images
import SiteInputs

/// The build step that makes the resized copies the Markdown step planned (`ImagePlanner`), through the
/// cache: an unchanged image costs a file read per copy, not a libvips run.
enum ImageStep {
    /// What the step did, for `BuiltSite.images` (and the tests of the cache).
    struct Counts: Sendable, Equatable {
        var made = 0
        var reused = 0
    }

    /// Adds every planned copy to `files`. A copy may not take the place of another file of the site.
    static func run(_ planner: ImagePlanner, into files: inout [String: Data], cache: ImageCache) throws(BuildFailure) -> Counts {
        let jobs = planner.plannedJobs
        var diagnostics: [Diagnostic] = []
        for (output, job) in jobs where files[output] != nil {
            diagnostics.append(Diagnostic(file: job.source,
                                          message: "its resized copy \(output) would overwrite a file of the same name"))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        // Each image is read once (through `SiteInputs`, so the read is recorded), however many copies it has.
        var sources: [String: [UInt8]] = [:]
        for (_, job) in jobs where sources[job.source] == nil {
            do {
                sources[job.source] = try planner.inputs.read(job.source)
            } catch {
                diagnostics.append(Diagnostic(file: job.source, message: error.message))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        let read = sources
        let results = jobs.concurrentMap { output, job -> Result<(String, Data, ImageCache.Outcome), Diagnostic> in
            do throws(ImageError) {
                let made = try cache.variant(of: read[job.source] ?? [], width: job.width, format: job.format)
                return .success((output, Data(made.bytes), made.outcome))
            } catch {
                return .failure(Diagnostic(file: job.source, message: "cannot make \(output): \(error.message)"))
            }
        }
        var counts = Counts()
        for result in results {
            switch result {
            case .success(let (output, data, outcome)):
                files[output] = data
                if outcome == .made { counts.made += 1 } else { counts.reused += 1 }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        return counts
    }
}
