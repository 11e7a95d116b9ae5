import Foundation
import Testing
import KinpressAudience
import KinpressCase
@testable import KinpressCompose

/// `docs/markup.md` lists every variable each document template gets, between
/// `<!-- variables:begin -->` and `<!-- variables:end -->`. That list is generated here from the
/// view models, so it cannot drift from them: a renamed, added or removed variable, or a changed
/// doc comment, fails this test until the list is recorded again with RECORD_SNAPSHOTS=1 (then
/// read `git diff docs/markup.md` before committing it).
///
/// Names and shapes come from the view types, not from one case's values: a value that is absent
/// or an empty list in one case would otherwise hide its fields. A group's fields are read from
/// any instance of its type that the sample cases make, for any reader; a group no sample fills
/// fails the test rather than being left out. Meanings are the doc comments on the view types'
/// properties, and a property without one fails the test too.
@Suite("Template variables as documented")
struct TemplateVariablesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let markup = root.appendingPathComponent("docs/markup.md")
    static let begin = "<!-- variables:begin -->"
    static let end = "<!-- variables:end -->"

    @Test("docs/markup.md lists every variable of every document template, as the view models have them")
    func variables() throws {
        let templates = try TemplateSet(folder: Self.root.appendingPathComponent("Templates"))
        let composer = Composer(templates: templates)
        // The pack's glossary and watermark come from the caller, not from the case: give both.
        let glossary = [GlossaryEntry(term: "core group", meaning: "the family and their main workers")]
        var documents: [(name: String, type: Any.Type)] = []
        var fields = Fields()
        for file in Self.sampleFiles() {
            let reading = CaseReader.read(contentsOf: file)
            let found = try #require(reading.case, "\(file.lastPathComponent) does not read")
            for audience in Audience.allCases {
                // The shapes are the same in every language: English serves.
                let words = try Words(visible: audience.project(found), catalogue: try templates.catalogue(for: "en"), pictograms: templates.pictograms)
                var views: [(String, Any)] = try DocumentKind.allCases.map { ($0.rawValue, try composer.view($0, words: words)) }
                views.append(("pack", try PackBuilder(words: words, glossary: glossary, draft: true).view()))
                if let meeting = found.file.meeting {
                    let recipient = Recipient(id: meeting.invited.first ?? "someone", name: "Someone", address: "1 High Street, Northmoor", isParent: true, invitee: nil)
                    for kind in LetterKind.allCases where kind == .invitation || meeting.outcome != nil {
                        views.append((kind.template, try LetterBuilder(words: words, kind: kind, recipient: recipient).view()))
                    }
                }
                for (name, view) in views {
                    if !documents.contains(where: { $0.name == name }) { documents.append((name, type(of: view))) }
                    fields.collect(view)
                }
            }
        }
        let templateNames = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Templates/documents").path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(templateNames) == Set(documents.map(\.name)), "every template in Templates/documents needs its view model listed here, and no other")

        var writer = Writer(fields: fields, comments: try Self.docComments())
        let generated = documents.map { writer.section(document: $0.name, type: $0.type) }.joined()
        if !writer.problems.isEmpty { Issue.record("\(writer.problems.joined(separator: "\n"))") }

        let text = try String(contentsOf: Self.markup, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin + "\n"), "docs/markup.md has no \(Self.begin) line")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex), "docs/markup.md has no \(Self.end) line")
        let documented = String(text[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            // A list with missing meanings or groups is not written.
            if writer.problems.isEmpty {
                try (String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...])).write(to: Self.markup, atomically: true, encoding: .utf8)
            }
            return
        }
        let difference = Self.difference(from: documented, to: generated)
        if !difference.isEmpty {
            Issue.record("""
                docs/markup.md's list of template variables differs from the view models (- documented, + view models). \
                If the view models are right, record the list again with RECORD_SNAPSHOTS=1 and read the diff:
                \(difference)
                """)
        }
    }

    static func sampleFiles() -> [URL] {
        let samples = root.appendingPathComponent("SampleCases")
        let folders = (try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? []
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        }.sorted { $0.path < $1.path }
    }

    /// The doc comment over each stored property of each struct in the compose stage's sources,
    /// by `Type.property` (`AssessmentBuilder.View.intro`), its lines joined. Nesting is read
    /// from indentation, four spaces a level, as the sources are written.
    static func docComments() throws -> [String: String] {
        let folder = root.appendingPathComponent("Sources/KinpressCompose")
        let declaration = #/^( *)(?:public )?struct (\w+)/#
        let property = #/^( *)(?:public )?(?:var|let) (\w+):/#
        var comments: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".swift") {
            var structs: [(indent: Int, name: String)] = []
            var pending: [String] = []
            for line in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("///") {
                    pending.append(trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces))
                    continue
                }
                defer { pending = [] }
                if let match = line.prefixMatch(of: declaration) {
                    let indent = match.1.count
                    structs = structs.filter { $0.indent < indent } + [(indent, String(match.2))]
                } else if let match = line.prefixMatch(of: property), !pending.isEmpty {
                    let indent = match.1.count
                    let owners = structs.filter { $0.indent < indent }
                    guard owners.last?.indent == indent - 4 else { continue }
                    comments[(owners.map(\.name) + [String(match.2)]).joined(separator: ".")] = pending.joined(separator: " ")
                }
            }
        }
        return comments
    }

    /// The lines removed and added, for the failure message; empty when the texts are the same.
    static func difference(from old: String, to new: String) -> String {
        let changes = new.split(separator: "\n", omittingEmptySubsequences: false)
            .difference(from: old.split(separator: "\n", omittingEmptySubsequences: false))
        return changes.map { change in
            switch change {
            case .remove(_, let line, _): "- \(line)"
            case .insert(_, let line, _): "+ \(line)"
            }
        }.joined(separator: "\n")
    }
}

/// The stored properties of each view type, read from its instances: Mirror lists a property
/// even when its value is nil, with its declared type.
private struct Fields {
    private(set) var byType: [String: [(name: String, type: Any.Type)]] = [:]

    mutating func collect(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            let key = String(reflecting: type(of: value))
            if byType[key] == nil { byType[key] = mirror.children.map { ($0.label ?? "", type(of: $0.value)) } }
            for child in mirror.children { collect(child.value) }
        case .optional, .collection:
            for child in mirror.children { collect(child.value) }
        default:
            break
        }
    }
}

/// Ways to see through `Optional` and `Array` types without a value.
private protocol OptionalType { static var wrapped: Any.Type { get } }
extension Optional: OptionalType { fileprivate static var wrapped: Any.Type { Wrapped.self } }
private protocol ArrayType { static var element: Any.Type { get } }
extension Array: ArrayType { fileprivate static var element: Any.Type { Element.self } }

/// Writes the generated part of `docs/markup.md`: a table per document of every variable, its
/// shape and its meaning, `list[].field` for a field of each item of a list.
private struct Writer {
    let fields: Fields
    let comments: [String: String]
    private(set) var problems: [String] = []

    init(fields: Fields, comments: [String: String]) {
        self.fields = fields
        self.comments = comments
    }

    mutating func section(document: String, type: Any.Type) -> String {
        var rows = ["### \(document)", "", "`Templates/documents/\(document).mustache` gets:", "",
                    "| variable | shape | meaning |", "|---|---|---|"]
        rows += self.rows(of: type, prefix: "", at: document)
        return rows.joined(separator: "\n") + "\n\n"
    }

    private mutating func rows(of group: Any.Type, prefix: String, at place: String) -> [String] {
        let name = Self.name(group)
        guard let members = fields.byType[String(reflecting: group)] else {
            problems.append("no sample case, for any reader, fills a \(name) (at \(place)), so its variables cannot be listed: add one that does")
            return []
        }
        var rows: [String] = []
        for member in members {
            let path = prefix + member.name
            let meaning = comments["\(name).\(member.name)"] ?? ""
            if meaning.isEmpty {
                problems.append("\(name).\(member.name) has no doc comment: write one, it is the variable's meaning in docs/markup.md")
            }
            rows.append("| `\(path)` | \(shape(member.type)) | \(meaning.replacingOccurrences(of: "|", with: "\\|")) |")
            rows += inner(member.type, path: path)
        }
        return rows
    }

    /// The rows under a variable: a group's fields, or those of each item of a list.
    private mutating func inner(_ type: Any.Type, path: String) -> [String] {
        if let optional = type as? OptionalType.Type { return inner(optional.wrapped, path: path) }
        if let array = type as? ArrayType.Type { return inner(array.element, path: path + "[]") }
        return Self.isGroup(type) ? rows(of: type, prefix: path + ".", at: path) : []
    }

    private mutating func shape(_ type: Any.Type) -> String {
        if let optional = type as? OptionalType.Type { return "optional " + shape(optional.wrapped) }
        if let array = type as? ArrayType.Type { return "list of " + plural(shape(array.element)) }
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "number"
        case is [String: Any].Type: return "the string catalogue's tree"
        default:
            if Self.isGroup(type) { return "group" }
            problems.append("\(String(reflecting: type)) is a shape this test does not know: add it to Writer.shape")
            return "?"
        }
    }

    private func plural(_ shape: String) -> String {
        shape == "group" ? "groups" : shape
    }

    private static func isGroup(_ type: Any.Type) -> Bool {
        String(reflecting: type).hasPrefix("KinpressCompose.")
    }

    /// `AssessmentBuilder.View`, as the sources name it.
    private static func name(_ type: Any.Type) -> String {
        String(String(reflecting: type).dropFirst("KinpressCompose.".count))
    }
}
