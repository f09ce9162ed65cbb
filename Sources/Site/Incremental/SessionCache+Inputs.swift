import Foundation

/// The templates and files a memo entry's render used (`TemplateInputs`) in the cache's body, so that an entry
/// restored from the cache is checked against a template or filter file edit as the preview session's own
/// entries are (`RenderInputs.holds`), instead of being trusted only when nothing but pages changed.
extension SessionCache {
    static func encodeInputs(_ inputs: TemplateInputs?, into encoder: inout CacheEncoder) {
        guard let inputs else {
            encoder.number(0)
            return
        }
        encoder.number(1)
        encoder.number(inputs.templates.count)
        for (name, fingerprint) in inputs.templates {
            encoder.string(name)
            encoder.number(fingerprint)
        }
        encoder.number(inputs.files.count)
        for (path, fingerprint) in inputs.files {
            encoder.string(path)
            encoder.number(fingerprint)
        }
    }

    static func decodeInputs(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> TemplateInputs? {
        switch try decoder.number() {
        case 0: return nil
        case 1: break
        default: throw CacheDecoder.Damaged()
        }
        var templates: [(name: String, fingerprint: UInt64)] = []
        for _ in 0..<(try decoder.count(minimum: 16)) { templates.append((try decoder.string(), try decoder.number())) }
        var files: [(path: String, fingerprint: UInt64)] = []
        for _ in 0..<(try decoder.count(minimum: 16)) { files.append((try decoder.string(), try decoder.number())) }
        return TemplateInputs(templates: templates, files: files)
    }
}
