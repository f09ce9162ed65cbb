/// What `cycler(a, b, …)` makes: `c.next()` gives the values in turn, `c.current` the one `next()` gives
/// next, `c.reset()` starts over (Jinja's `Cycler`). Lives inside one render, like `Namespace`.
final class Cycler {
    let items: [Value]
    var position = 0

    init(_ items: [Value]) { self.items = items }

    var current: Value { items[position] }

    func next() -> Value {
        defer { position = (position + 1) % items.count }
        return current
    }
}

/// What `joiner(sep)` makes: calling it gives "" the first time and `sep` after that (Jinja's `Joiner`).
final class Joiner {
    let separator: Value
    var used = false

    init(_ separator: Value) { self.separator = separator }

    func call() -> Value {
        defer { used = true }
        return used ? separator : .string("")
    }
}
