import SiteInputs

/// The site's components: every `templates/components/<name>.html` with its declaration.
struct ComponentLibrary: Sendable {
    private(set) var declarations: [String: ComponentDeclaration] = [:]

    static let folder = "templates/components"

    init(_ declarations: [ComponentDeclaration] = []) {
        for declaration in declarations { self.declarations[declaration.name] = declaration }
    }

    /// Template name (as the template environment knows it) of a component.
    static func templateName(_ name: String) -> String { "components/\(name).html" }

    /// Reads the declaration of every component (the one read of component files, through `SiteInputs`);
    /// every bad declaration is a diagnostic in its template.
    static func load(_ inputs: SiteInputs) throws(BuildFailure) -> ComponentLibrary {
        var library = ComponentLibrary()
        var diagnostics: [Diagnostic] = []
        // Problems on the way (a link out of the root, a loop) are reported by the step that loads templates.
        let listing = inputs.files(under: folder)
        for file in listing.files where file.relativePath.hasSuffix(".html") && !file.relativePath.contains("/") {
            let name = String(file.relativePath.dropLast(5))
            do {
                let text = String(decoding: try inputs.read(file), as: UTF8.self)
                library.declarations[name] = try ComponentDeclaration.parse(name: name, source: text, file: file.path)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {
                diagnostics.append(Diagnostic(file: file.path, message: "\(error)"))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        return library
    }

    var isEmpty: Bool { declarations.isEmpty }

    subscript(name: String) -> ComponentDeclaration? { declarations[name] }

    var names: [String] { declarations.keys.sorted() }
}
