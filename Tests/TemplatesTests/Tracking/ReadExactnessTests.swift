import Templates
import Testing

/// The recorder's promise, tried on every fixture: a change to the context that touches nothing a render
/// recorded leaves its output (or its error) exactly as it was.
///
/// Every mapping of a fixture's context gets a tag of its own; the fixture is rendered under a recorder; then,
/// many times over, one tagged mapping is changed (a value replaced, a key removed, added or moved to the end)
/// and the changed `ReadKey`s are worked out from fingerprints, as an incremental build does (a key whose
/// `keyFingerprints()` entry differs or appeared or vanished; the whole mapping when its `contentFingerprint()`
/// differs). When none of them was recorded, rendering the changed context must give the same result.
@Suite struct ReadExactnessTests {
    static let fixtures = Fixture.all(in: "success") + Fixture.all(in: "errors")

    /// What a render gives: its output, or its error in words.
    static func result(_ environment: TemplateEnvironment, _ context: [String: Value]) -> String {
        do {
            return "ok: " + (try environment.render("main.html", context: context))
        } catch {
            return "error: \(error)"
        }
    }

    @Test func unrecordedChangesChangeNothing() throws {
        var checked = 0
        var skipped = 0
        for fixture in Self.fixtures {
            guard let environment = try? TemplateEnvironment(templates: fixture.templates, filters: TestFilters.all,
                                                                fileNamePrefix: "templates/"),
                  let plain = try? fixture.context else { continue }
            var next: UInt32 = 1
            let context = plain.mapValues { Self.tagged($0, next: &next) }
            let recorder = ReadRecorder()
            let before = ReadTracking.recording(recorder) { Self.result(environment, context) }
            let origins = Self.mappings(in: context)
            guard !origins.isEmpty else { continue }
            var random = SplitMix64(seed: UInt64(truncatingIfNeeded: fixture.name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
            for _ in 0..<48 {
                let target = origins.keys.sorted()[Int.random(in: 0..<origins.count, using: &random)]
                let recordedKeys = recorder.reads.filter { $0.origin == target }.compactMap(\.key).sorted()
                let changed = context.mapValues { Self.changing($0, origin: target, recordedKeys: recordedKeys, random: &random) }
                let touched = Self.changedKeys(from: origins, to: Self.mappings(in: changed))
                guard touched.isDisjoint(with: recorder.reads) else {
                    skipped += 1
                    continue
                }
                checked += 1
                let after = Self.result(environment, changed)
                let change = touched.map(\.description).sorted()
                #expect(after == before, "\(fixture.name): changing \(change), none of \(recorder.reads.count) recorded reads")
            }
        }
        // Both kinds happen often, so the check is not vacuous either way.
        #expect(checked > 300, "only \(checked) unrecorded changes tried")
        #expect(skipped > 300, "only \(skipped) recorded changes")
    }

    /// `value` with every mapping inside it tagged, numbered depth first from `next`.
    static func tagged(_ value: Value, next: inout UInt32) -> Value {
        switch value {
        case .array(let items):
            return .array(items.map { tagged($0, next: &next) })
        case .dictionary(let mapping):
            let origin = next
            next += 1
            return .dictionary(OrderedDictionary(mapping.pairs.map { ($0.key, tagged($0.value, next: &next)) }, origin: origin))
        default:
            return value
        }
    }

    /// Every tagged mapping in the context, by tag.
    static func mappings(in context: [String: Value]) -> [UInt32: OrderedDictionary] {
        var found: [UInt32: OrderedDictionary] = [:]
        func walk(_ value: Value) {
            switch value {
            case .array(let items): items.forEach(walk)
            case .dictionary(let mapping):
                if mapping.origin != 0 { found[mapping.origin] = mapping }
                mapping.values.forEach(walk)
            default: break
            }
        }
        context.values.forEach(walk)
        return found
    }

    /// The reads an incremental build would count as changed between the two sets of mappings.
    static func changedKeys(from before: [UInt32: OrderedDictionary], to after: [UInt32: OrderedDictionary]) -> Set<ReadKey> {
        var changed: Set<ReadKey> = []
        for origin in Set(before.keys).union(after.keys) {
            let old = before[origin]?.keyFingerprints() ?? [:]
            let new = after[origin]?.keyFingerprints() ?? [:]
            for key in Set(old.keys).union(new.keys) where old[key] != new[key] { changed.insert(ReadKey(origin, key)) }
            if before[origin]?.contentFingerprint() != after[origin]?.contentFingerprint() { changed.insert(ReadKey(origin, nil)) }
        }
        return changed
    }

    /// `value` with the mapping tagged `origin` changed once, at random: a value replaced, a key removed, added or
    /// moved to the end. Keys the render recorded are picked half the time, so both outcomes are common.
    static func changing(_ value: Value, origin: UInt32, recordedKeys: [String], random: inout SplitMix64) -> Value {
        switch value {
        case .array(let items):
            return .array(items.map { changing($0, origin: origin, recordedKeys: recordedKeys, random: &random) })
        case .dictionary(let mapping) where mapping.origin != origin:
            let pairs = mapping.pairs.map { ($0.key, changing($0.value, origin: origin, recordedKeys: recordedKeys, random: &random)) }
            return .dictionary(OrderedDictionary(pairs, origin: mapping.origin))
        case .dictionary(let mapping):
            var pairs = mapping.pairs.map { ($0.key, $0.value) }
            let candidates = Bool.random(using: &random) && !recordedKeys.isEmpty ? recordedKeys : pairs.map(\.0) + ["fresh"]
            let key = candidates[Int.random(in: 0..<candidates.count, using: &random)]
            let replacements: [Value] = [.string("zz"), .int(7), .none, .array(["x"]), .bool(false), .double(2.5),
                                         .dictionary(["k": "v"])]
            let replacement = replacements[Int.random(in: 0..<replacements.count, using: &random)]
            let position = pairs.firstIndex { $0.0 == key }
            switch (Int.random(in: 0..<4, using: &random), position) {
            case (0, let index?): pairs.remove(at: index)
            case (1, let index?): pairs.append(pairs.remove(at: index))
            case (_, let index?): pairs[index].1 = replacement
            case (_, nil): pairs.append((key, replacement))
            }
            return .dictionary(OrderedDictionary(pairs, origin: origin))
        default:
            return value
        }
    }
}
