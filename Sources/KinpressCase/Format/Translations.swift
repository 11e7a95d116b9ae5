/// Picks one language from texts written in several (`{en: …, pl: …}`), so that every later
/// stage sees plain text in the language its reader reads.
enum Translations {
    /// `value` (checked against `shape`) with every text in several languages replaced by the
    /// first of `languages` it has, else its first entry.
    static func choose(_ languages: [String], in value: JSONValue, shape: Shape) -> JSONValue {
        switch (shape, value) {
        case (.translatable, .object(let entries)):
            return pick(languages, from: entries)
        case (.textOrObject(let object, _), .object(let pairs)), (.object(let object), .object(let pairs)):
            return .object(pairs.map { key, inner in
                (key, object.field(named: key).map { choose(languages, in: inner, shape: $0.shape) } ?? inner)
            })
        case (.list(let item, _), .array(let items)):
            return .array(items.map { choose(languages, in: $0, shape: item) })
        default:
            return value
        }
    }

    /// The entry for the first language that has one (a tag matches its own language's entry:
    /// `pl` finds `pl-PL`), else the first entry.
    static func pick(_ languages: [String], from entries: [(String, JSONValue)]) -> JSONValue {
        for language in languages {
            let wanted = language.lowercased()
            if let exact = entries.first(where: { $0.0.lowercased() == wanted }) { return exact.1 }
            let primary = primarySubtag(wanted)
            if let close = entries.first(where: { primarySubtag($0.0.lowercased()) == primary }) { return close.1 }
        }
        return entries.first?.1 ?? .string("")
    }

    static func primarySubtag(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" })
    }
}
