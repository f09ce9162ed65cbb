import Testing
@testable import Content

@Suite struct ScalarTyperTests {
    private func describe(_ value: FrontMatterValue) -> String {
        switch value {
        case .string(let text): return "string \(text)"
        case .int(let number): return "int \(number)"
        case .double(let number): return "double \(number)"
        case .bool(let flag): return "bool \(flag)"
        case .null: return "null"
        default: return value.typeName
        }
    }

    @Test(arguments: [
        ("42", "int 42"), ("-7", "int -7"), ("+3", "int 3"), ("007", "int 7"),
        ("3.5", "double 3.5"), ("1e3", "double 1000.0"), (".5", "double 0.5"), ("-.inf", "double -inf"),
        ("true", "bool true"), ("FALSE", "bool false"), ("yes", "string yes"), ("NO", "string NO"),
        ("", "null"), ("~", "null"), ("null", "null"),
        ("2015-12-11", "string 2015-12-11"), ("1.2.3", "string 1.2.3"), ("0x1F", "string 0x1F"),
        ("nan", "string nan"), ("infinity", "string infinity"), ("12abc", "string 12abc"),
        ("99999999999999999999", "double 1e+20"), ("e5", "string e5"), (".", "string ."),
        // Each first byte a special spelling can start with, followed by something else, and a few that cannot.
        ("nulls", "string nulls"), ("Nil", "string Nil"), ("trueish", "string trueish"), ("Trump", "string Trump"),
        ("fals", "string fals"), ("Fa", "string Fa"), ("~x", "string ~x"), ("+.inf", "double inf"), (".NaN", "double nan"),
        ("-", "string -"), ("+", "string +"), ("elon-musk", "string elon-musk"), ("Sam Altman", "string Sam Altman"),
    ])
    func typesPlainScalars(text: String, expected: String) {
        #expect(describe(ScalarTyper.type(text, quoted: false)) == expected)
    }

    @Test(arguments: ["42", "true", "null", "", "3.5"])
    func quotedScalarsAreStrings(_ text: String) {
        #expect(describe(ScalarTyper.type(text, quoted: true)) == "string \(text)")
    }
}
