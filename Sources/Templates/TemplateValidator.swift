import DidYouMean

/// Checks parsed templates for problems that would otherwise surface only when rendering:
/// unknown filters and tests, missing include/extends/import targets, and cycles.
///
/// Cycles are rejected at load time whatever the kind of edge (`extends`, `include`,
/// `import`): a cycle through `extends` or `import` can never terminate, and one through
/// `include` is almost always a mistake (recursive structures are better written as a macro
/// that calls itself, which the renderer bounds).
struct TemplateValidator {
    let templates: [String: ParsedTemplate]
    let filterNames: Set<String>
    let knownTemplates: Set<String>

    func validate() -> [TemplateError] {
        var errors: [TemplateError] = []
        let environmentFilters = Array(filterNames)
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            let source = template.source
            for filter in template.filters where !filterNames.contains(filter.name) {
                var message = "unknown filter '\(filter.name)'"
                if let suggestion = Suggestion.closest(to: filter.name, among: environmentFilters) { message += " — did you mean '\(suggestion)'?" }
                errors.append(source.error(.unknownFilter, message, at: filter.nameSpan.start))
            }
            for test in template.tests where BuiltinTests.table[test.name] == nil {
                errors.append(source.error(.unknownTest, TemplateEnvironment.unknownTestMessage(test.name), at: test.nameSpan.start))
            }
            for reference in template.references where !reference.isOptional && !reference.candidates.contains(where: knownTemplates.contains) {
                if !reference.alternatives.isEmpty {
                    let names = reference.candidates.map { "'\($0)'" }.joined(separator: ", ")
                    errors.append(source.error(.templateNotFound, "none of the templates \(names) found", at: reference.span.start))
                    continue
                }
                var message = "template '\(reference.name)' not found"
                if let suggestion = Suggestion.closest(to: reference.name, among: Array(knownTemplates)) { message += " — did you mean '\(suggestion)'?" }
                errors.append(source.error(.templateNotFound, message, at: reference.span.start))
            }
        }
        return errors + cycles()
    }

    /// One error per distinct cycle, at the reference that closes it.
    private func cycles() -> [TemplateError] {
        var errors: [TemplateError] = []
        var reported: Set<[String]> = []
        var finished: Set<String> = []
        for start in templates.keys.sorted() where !finished.contains(start) {
            // Iterative depth-first search: no recursion, so long chains cannot overflow the stack.
            var path: [String] = [start]
            var onPath: Set<String> = [start]
            var cursors: [Int] = [0]
            while let name = path.last, let depthIndex = cursors.indices.last {
                let references = templates[name]?.references ?? []
                let cursor = cursors[depthIndex]
                guard cursor < references.count else {
                    finished.insert(name)
                    onPath.remove(name)
                    path.removeLast()
                    cursors.removeLast()
                    continue
                }
                cursors[depthIndex] += 1
                let reference = references[cursor]
                let target = reference.name
                guard templates[target] != nil else { continue }
                if onPath.contains(target) {
                    guard let first = path.firstIndex(of: target) else { continue }
                    let members = Array(path[first...])
                    let key = members.sorted()
                    if reported.insert(key).inserted, let source = templates[name]?.source {
                        let chain = (members + [target]).joined(separator: " → ")
                        errors.append(source.error(.cycle, "template cycle: \(chain)", at: reference.span.start))
                    }
                } else if !finished.contains(target) {
                    path.append(target)
                    onPath.insert(target)
                    cursors.append(0)
                }
            }
        }
        return errors
    }
}
