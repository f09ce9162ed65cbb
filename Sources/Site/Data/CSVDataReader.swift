import Foundation
import Templates

/// Reads a CSV file (RFC 4180: commas, fields in double quotes may hold commas, line breaks and `""`) into a
/// list of rows, each a mapping from the first row's names to that row's fields.
///
/// A field that is a number as a person writes one in a table — `42`, `-7`, `3.5`, `1e6` — becomes an `int` or
/// `double`; anything else stays a string, including numbers with leading zeros (`007`, a code, not seven) and
/// empty fields (`""`). Errors (a row with more or fewer fields than the header, an unclosed quote, an empty or
/// repeated column name) are reported at their line.
enum CSVDataReader {
    static func read(_ bytes: [UInt8], file: String) -> Result<Value, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(Diagnostic(file: file, message: "not valid UTF-8 text; re-save the file with the UTF-8 encoding"))
        }
        let records: [(line: Int, fields: [String])]
        switch split(text, file: file) {
        case .success(let split): records = split
        case .failure(let error): return .failure(error)
        }
        guard let header = records.first else { return .success(.array([])) }
        var seen = Set<String>()
        for (position, name) in header.fields.enumerated() {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .failure(Diagnostic(file: file, line: header.line, message: "column \(position + 1) of the header row has no name"))
            }
            guard seen.insert(name).inserted else {
                return .failure(Diagnostic(file: file, line: header.line, message: "the column name '\(name)' is repeated in the header row"))
            }
        }
        var rows: [Value] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                return .failure(Diagnostic(file: file, line: record.line,
                                           message: "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header \(header.fields.count)",
                                           notes: ["a field holding a comma must be in double quotes: \"Smith, Ada\""]))
            }
            rows.append(.dictionary(OrderedDictionary(zip(header.fields, record.fields.map(typed)).map { ($0, $1) })))
        }
        return .success(.array(rows))
    }

    /// The records with the line each starts on; blank lines are skipped.
    static func split(_ text: String, file: String) -> Result<[(line: Int, fields: [String])], Diagnostic> {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 0
        var inQuotes = false
        var wasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { records.append((recordLine, fields)) }
            fields = []
            wasQuoted = false
        }
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                if pending == "\n" { continue }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            return .failure(Diagnostic(file: file, line: quoteLine, message: "a quoted field is never closed (a \" is missing)"))
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return .success(records)
    }

    /// `42` → int, `3.5`/`-1e3` → double; anything else as written.
    static func typed(_ field: String) -> Value {
        let bytes = Array(field.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        let integerDigits = index - digitsStart
        guard integerDigits > 0 else { return .string(field) }
        // "007" is a code, not seven.
        if integerDigits > 1, bytes[digitsStart] == UInt8(ascii: "0") { return .string(field) }
        if index == bytes.count { return Int(field).map(Value.int) ?? .string(field) }
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > fractionStart else { return .string(field) }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > exponentStart else { return .string(field) }
        }
        guard index == bytes.count, let number = Double(field), number.isFinite else { return .string(field) }
        return .double(number)
    }
}
