import Foundation

extension String {
    /// The string without the scalars of `set` at either end, as `trimmingCharacters(in:)` means it, but walked
    /// scalar by scalar in Swift: Foundation's version traps ("String index is out of bounds") on some texts whose
    /// ends hold combining marks, and a quotation in a page must never crash the build.
    func trimmingScalars(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
              let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
