import Foundation
import Images
import SiteInputs

/// Decides, for each image file a page shows, its size and which resized copies it gets; shared by every
/// thread of the Markdown step, it reads each file once (through `SiteInputs`, so the read is recorded) and
/// collects the copies to make, which `ImageStep` then makes.
final class ImagePlanner: @unchecked Sendable {
    /// What the build knows of one image file.
    struct Facts: Sendable {
        var format: ImageFormat?
        var size: ImageSize?
        /// Resized copies, narrowest first: (site path, width) in the image's own format…
        var copies: [(path: String, width: Int)] = []
        /// …and in WebP, the full width last; empty when the image is WebP already or WebP is off.
        var webpCopies: [(path: String, width: Int)] = []
    }

    /// One resized file to make.
    struct Job: Sendable {
        var source: String
        var width: Int
        var format: ImageFormat
    }

    let inputs: SiteInputs
    let settings: ImageSettings
    private let lock = NSLock()
    private var facts: [String: Facts] = [:]
    /// Output path (`img/plan-480w.webp`) → what to make there.
    private var jobs: [String: Job] = [:]

    init(inputs: SiteInputs, settings: ImageSettings) {
        self.inputs = inputs
        self.settings = settings
    }

    /// The facts of the image at `sitePath`, read from `source` (root-relative) the first time it is asked for.
    /// - Throws: `InputError` when the file cannot be read.
    func facts(sitePath: String, source: String) throws(InputError) -> Facts {
        if let known = lock.withLock({ facts[source] }) { return known }
        let bytes = try inputs.read(source)
        var found = Facts()
        found.format = ImageFormat.sniff(bytes)
        if let format = found.format { found.size = ImageSize.read(bytes, format: format) }
        var planned: [String: Job] = [:]
        if let format = found.format, format.isResizable, let size = found.size {
            let widths = settings.widths.filter { $0 < size.width }
            if !widths.isEmpty {
                let stem = Self.stem(of: sitePath)
                for width in widths {
                    let path = "\(stem)-\(width)w.\(format.fileExtension)"
                    found.copies.append((path, width))
                    planned[String(path.dropFirst())] = Job(source: source, width: width, format: format)
                }
                if settings.webp && format != .webp {
                    for width in widths + [size.width] {
                        // `plan-480w.png.webp`: a `plan.jpg` beside it, or a `plan.webp`, has copies of its own.
                        let path = "\(stem)-\(width)w.\(format.fileExtension).webp"
                        found.webpCopies.append((path, width))
                        planned[String(path.dropFirst())] = Job(source: source, width: width, format: .webp)
                    }
                }
            }
        }
        lock.withLock {
            facts[source] = found
            jobs.merge(planned) { old, _ in old }
        }
        return found
    }

    /// Every resized file to make, by output path, in a stable order.
    var plannedJobs: [(output: String, job: Job)] {
        lock.withLock { jobs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// `/img/plan.png` → `/img/plan`; a name without an extension is its own stem.
    static func stem(of sitePath: String) -> String {
        guard let dot = sitePath.lastIndex(of: "."), !sitePath[dot...].contains("/") else { return sitePath }
        return String(sitePath[..<dot])
    }
}
