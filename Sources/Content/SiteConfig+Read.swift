import Foundation

extension SiteConfig {
    /// `<root>/site.yml` alone, for tools that need a site's settings without loading its content
    /// (`build-site new`). The defaults when there is no `site.yml`.
    /// - Throws: `ContentErrors` with every problem in `site.yml`, located.
    public static func read(root: URL) throws(ContentErrors) -> SiteConfig {
        let (config, errors) = load(root: root)
        guard errors.isEmpty else { throw ContentErrors(errors) }
        return config
    }
}
