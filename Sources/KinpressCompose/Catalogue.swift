import Foundation
import KinpressSupport
import Yams

/// The fixed sentences of one language, read from `Templates/strings/<language>.yaml`. Every
/// word Kinpress adds to a document comes from here, never from Swift code.
public struct Catalogue: Sendable {
    public let language: String
    /// The catalogue as nested dictionaries, as templates see it (`{{strings.assessment.title}}`).
    private(set) var tree: [String: any Sendable]
    let file: String
    /// Sentences this catalogue lacks, which print in English instead (`kinpress lint` lists them).
    public private(set) var missing: [String] = []

    init(language: String, yaml: String, file: String) throws(TemplateError) {
        do {
            guard let tree = try Yams.load(yaml: yaml) as? [String: Any] else {
                throw TemplateError(file: file, line: 1, message: "a string catalogue must be a mapping of names to sentences")
            }
            self.tree = Self.sendable(tree) as? [String: any Sendable] ?? [:]
        } catch let error as TemplateError {
            throw error
        } catch let error as YamlError {
            throw TemplateError(file: file, line: Self.line(of: error), message: "the string catalogue is not valid YAML: \(error)")
        } catch {
            throw TemplateError(file: file, line: nil, message: "the string catalogue cannot be read: \(error)")
        }
        self.language = language
        self.file = file
    }

    /// Languages written right to left.
    public static func isRightToLeft(_ language: String) -> Bool {
        ["ar", "ur", "fa", "he", "ps", "ckb", "yi", "dv", "sd"].contains(String(language.lowercased().prefix { $0 != "-" }))
    }

    /// This catalogue with every sentence it lacks taken from `english`.
    func fallingBack(to english: Catalogue) -> Catalogue {
        var result = self
        var missing: [String] = []
        func merge(_ own: [String: any Sendable], _ base: [String: any Sendable], path: String) -> [String: any Sendable] {
            var merged = own
            for (key, value) in base {
                let here = path.isEmpty ? key : "\(path).\(key)"
                switch (own[key], value) {
                case (nil, _):
                    merged[key] = value
                    if let branch = value as? [String: any Sendable] { missing += Self.keys(branch, path: here) } else { missing.append(here) }
                case (let mine as [String: any Sendable], let theirs as [String: any Sendable]):
                    merged[key] = merge(mine, theirs, path: here)
                default:
                    break
                }
            }
            return merged
        }
        result.tree = merge(tree, english.tree, path: "")
        result.missing = missing.sorted()
        return result
    }

    private static func keys(_ branch: [String: any Sendable], path: String) -> [String] {
        branch.flatMap { key, value -> [String] in
            let here = "\(path).\(key)"
            return (value as? [String: any Sendable]).map { keys($0, path: here) } ?? [here]
        }
    }

    /// The sentence at a dotted key, with `{name}` placeholders filled in.
    /// A missing key is an error naming the catalogue, so a council that deletes one finds out.
    public func text(_ key: String, _ values: [String: String] = [:]) throws(TemplateError) -> String {
        guard let found = lookup(key) as? String else {
            throw TemplateError(file: file, line: nil, message: "the catalogue has no sentence \"\(key)\". Add it (see Templates/strings/en.yaml)")
        }
        // Each value is a bidi isolate, so that a direction mark in case text (a name with a
        // right-to-left override) cannot reorder the sentence around it.
        return values.reduce(found) { $0.replacingOccurrences(of: "{\($1.key)}", with: Bidi.isolate($1.value)) }
    }

    /// A sentence that may start with a filled-in word ("a worker does not agree …"): its first
    /// letter is made a capital.
    public func sentence(_ key: String, _ values: [String: String] = [:]) throws(TemplateError) -> String {
        Self.capitalised(try text(key, values))
    }

    public func pluralSentence(_ key: String, count: Int, _ values: [String: String] = [:]) throws(TemplateError) -> String {
        Self.capitalised(try plural(key, count: count, values))
    }

    /// The first letter made a capital, looking past the isolate mark a filled-in value starts with.
    static func capitalised(_ text: String) -> String {
        guard let index = text.firstIndex(where: { $0 != "\u{2068}" }), text[index].isLowercase else { return text }
        return text[..<index] + text[index].uppercased() + text[text.index(after: index)...]
    }

    /// Chooses the count's plural form (`key.one`, `key.few`, … by the language's CLDR rule,
    /// `key.other` when the catalogue has no such form) and fills in `{count}`.
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) throws(TemplateError) -> String {
        let category = PluralRule.category(of: count, language: language)
        let form = lookup("\(key).\(category)") is String ? category : "other"
        return try text("\(key).\(form)", values.merging(["count": String(count)]) { $1 })
    }

    func lookup(_ key: String) -> Any? {
        var node: Any? = tree
        for part in key.split(separator: ".") {
            node = (node as? [String: any Sendable])?[String(part)]
        }
        return node
    }

    /// Joins names as a sentence does: "Kasia", "Kasia and Tomasz", "Kasia, Tomasz and Halina".
    public func list(_ items: [String]) throws(TemplateError) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let comma = try text("join.comma"), and = try text("join.and")
        // Each item is its own isolate, with the joining words in the page's language between:
        // "Baby Hassan" and "يوسف" keep their places in an Arabic sentence.
        let items = items.map(Bidi.isolate)
        return items.dropLast().joined(separator: comma) + and + items.last!
    }

    private static func sendable(_ value: Any) -> any Sendable {
        switch value {
        case let dictionary as [String: Any]: return dictionary.mapValues(sendable)
        case let array as [Any]: return array.map(sendable)
        default: return "\(value)"
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}

/// CLDR's cardinal plural categories for whole numbers, for the languages Kinpress has
/// catalogues in (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
/// Languages not listed use one (1) and other.
enum PluralRule {
    static func category(of n: Int, language: String) -> String {
        let n = abs(n), ten = n % 10, hundred = n % 100
        switch language {
        case "pl":
            if n == 1 { return "one" }
            return (2...4).contains(ten) && !(12...14).contains(hundred) ? "few" : "many"
        case "cy":
            switch n {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            case 3: return "few"
            case 6: return "many"
            default: return "other"
            }
        case "ro":
            if n == 1 { return "one" }
            return n == 0 || (1...19).contains(hundred) ? "few" : "other"
        case "ar":
            switch n {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            default: return (3...10).contains(hundred) ? "few" : (11...99).contains(hundred) ? "many" : "other"
            }
        case "fr", "pt":
            return n == 0 || n == 1 ? "one" : "other"
        default:
            return n == 1 ? "one" : "other"
        }
    }
}
