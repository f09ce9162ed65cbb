import Templates

/// Custom filters the fixtures use, standing in for Site's.
enum TestFilters {
    static let all: [String: CustomFilter] = [
        "date": { input, args, _, _ in
            guard case .dictionary(let date) = input, case .int(let year)? = date["year"] else { return input }
            guard args.first != "year" else { return .string(String(year)) }
            guard case .int(let month)? = date["month"] else { return .string(String(year)) }
            return .string("\(year)-\(month)")
        },
        "relative_url": { input, _, _, context in
            guard case .string(let path) = input, case .string(let current)? = context.lookup("current_url") else { return input }
            let depth = current.split(separator: "/").count
            return .string(String(repeating: "../", count: depth) + path.drop(while: { $0 == "/" }))
        },
        "explode": { _, _, _, _ in
            struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
            throw Boom()
        },
    ]
}

