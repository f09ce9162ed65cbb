/// A typed front-matter (or `site.yml`) value.
///
/// Scalars are typed by the loader, not by a YAML schema: quoted scalars are always
/// strings, and only keys that hold dates (`date`, `start`, `end`, `*_date`) produce
/// `.date`. Mappings keep their source order, which templates rely on.
public indirect enum FrontMatterValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case date(PartialDate)
    case list([Node])
    case mapping([(key: String, value: Node)])

    /// The type as an author would name it, for "expected a string, found a list".
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean"
        case .null: return "nothing (null)"
        case .date: return "a date"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
