import Yams

/// Reads YAML text (front matter or `site.yml`) into located `Node`s.
///
/// Yams composes the text into its node tree with the *basic* resolver (no regular
/// expressions per scalar: this runs for every one of 10,000+ files), and this reader
/// types the scalars itself, keeping mapping order and positions. Positions are shifted
/// by `lineOffset` so they point into the file the YAML was cut from.
struct YAMLReader {
    /// Nesting deeper than this is surely a mistake or an attack, not front matter.
    static let maximumDepth = 64
    /// Aliases can make a tiny text expand exponentially ("billion laughs"); stop early.
    static let maximumNodes = 200_000

    /// Maps nothing: `Node.any` is never used here, and the default constructor builds three
    /// dictionaries of closures on each call.
    private static var constructor: Constructor { Constructor([:], [:], [:]) }

    let file: String
    let lineOffset: Int
    private(set) var errors: [ContentError] = []
    private var nodeCount = 0

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `yaml`. Returns nil for an empty document (only blanks or comments).
    /// YAML syntax errors end the read; value errors (bad dates) are collected in `errors`.
    ///
    /// Front matter in the simplest forms (see `readSimple`) is read without Yams, to the same nodes.
    mutating func read(_ yaml: String) -> Node? {
        if let root = readSimple(yaml) { return root }
        return readWithYams(yaml)
    }

    /// `read` through Yams for any YAML; also what `readSimple` is tested against.
    mutating func readWithYams(_ yaml: String) -> Node? {
        if let (line, column) = YAMLReader.aliasBeyondLimit(in: yaml) {
            errors.append(ContentError(.yaml, file: file, line: line + lineOffset, column: column,
                                       message: "more than \(YAMLReader.maximumAliases) YAML aliases (*name) in one document; "
                                           + "write the values out (aliases can expand a few lines into millions of values)"))
            return nil
        }
        let root: Yams.Node?
        do {
            // The encoding is given because Yams' default reads the whole process environment on
            // every call (to honour `YAMS_DEFAULT_ENCODING`): a quarter of all loading time at 10,000
            // files. UTF-8 is what that default picks for a native Swift string. The constructor is
            // the cheapest possible because nothing here constructs Swift values from the nodes.
            root = try Yams.compose(yaml: yaml, .basic, YAMLReader.constructor, .utf8)
        } catch let error as YamlError {
            errors.append(translate(error, yaml: yaml))
            return nil
        } catch {
            errors.append(ContentError(.yaml, file: file, line: lineOffset + 1, column: 1,
                                       message: "invalid YAML: \(error)"))
            return nil
        }
        guard let root else { return nil }
        return convert(root, isDate: false, depth: 0)
    }

    private mutating func convert(_ node: Yams.Node, isDate: Bool, depth: Int) -> Node? {
        let (line, column) = position(of: node)
        nodeCount += 1
        guard nodeCount <= YAMLReader.maximumNodes else {
            if nodeCount == YAMLReader.maximumNodes + 1 {
                errors.append(ContentError(.yaml, file: file, line: line, column: column,
                                           message: "YAML expands to more than \(YAMLReader.maximumNodes) values (alias expansion?)"))
            }
            return nil
        }
        guard depth <= YAMLReader.maximumDepth else {
            errors.append(ContentError(.yaml, file: file, line: line, column: column,
                                       message: "YAML nests more than \(YAMLReader.maximumDepth) levels deep"))
            return nil
        }
        switch node {
        case .scalar(let scalar):
            if let control = YAMLReader.controlCharacter(in: scalar.string) {
                errors.append(ContentError(.yaml, file: file, line: line, column: column, message: "the string holds the control "
                    + "character U+\(control) (an escape such as \\0, \\x1b or \\e?), which cannot appear in a web page"))
                return nil
            }
            let value = ScalarTyper.type(scalar.string, quoted: scalar.style != .plain && scalar.style != .any)
            let located = Node(value, line: line, column: column)
            return isDate ? date(from: located) : located
        case .sequence(let sequence):
            var items: [Node] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, isDate: false, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            let located = Node(.list(items), line: line, column: column)
            return isDate ? date(from: located) : located
        case .mapping(let mapping):
            var pairs: [(key: String, value: Node)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let name = keyName(key) else { return nil }
                guard var converted = convert(value, isDate: YAMLReader.holdsDate(name), depth: depth + 1) else {
                    return nil
                }
                (converted.keyLine, converted.keyColumn) = position(of: key)
                pairs.append((name, converted))
            }
            let located = Node(.mapping(pairs), line: line, column: column)
            return isDate ? date(from: located) : located
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is an undefined anchor.
            errors.append(ContentError(.yaml, file: file, line: line, column: column, message: "unresolved YAML alias"))
            return nil
        }
    }

    /// Keys under which a value is read as a date.
    static func holdsDate(_ key: String) -> Bool {
        key == "date" || key == "start" || key == "end" || key == "updated" || key.hasSuffix("_date")
    }

    /// A mapping key as text; scalars of any type are accepted as their written text.
    private mutating func keyName(_ key: Yams.Node) -> String? {
        if case .scalar(let scalar) = key { return scalar.string }
        let (line, column) = position(of: key)
        errors.append(ContentError(.yaml, file: file, line: line, column: column,
                                   message: "a mapping key must be plain text, not a list or mapping"))
        return nil
    }

    /// The value under a date key as a `PartialDate`; null stays null (no date).
    mutating func date(from node: Node) -> Node {
        let text: String
        switch node.value {
        case .null, .date: return node
        case .int(let number): text = String(number)
        case .string(let string): text = string
        default:
            errors.append(ContentError(.date, file: file, at: node,
                                       message: "expected a date (2015, 2015-05 or 2015-12-11), found \(node.value.typeName)"))
            return node
        }
        switch PartialDate.parse(text) {
        case .success(let date):
            return Node(.date(date), line: node.line, column: node.column)
        case .failure(.malformed):
            errors.append(ContentError(.date, file: file, at: node,
                                       message: "expected a date (2015, 2015-05 or 2015-12-11), found '\(text.visible)'"))
        case .failure(.impossible(let reason)):
            errors.append(ContentError(.date, file: file, at: node, message: "impossible date '\(text.visible)': \(reason)"))
        }
        return node
    }

    private func position(of node: Yams.Node) -> (Int, Int) {
        guard let mark = node.mark else { return (lineOffset + 1, 1) }
        return (mark.line + lineOffset, mark.column)
    }
}
