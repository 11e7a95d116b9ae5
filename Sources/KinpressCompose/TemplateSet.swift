import Foundation
import Mustache
import Yams

/// Everything in a `Templates/` folder: document templates, partials, string catalogues,
/// themes and the HTML stylesheet (`html/style.css`) the themes fill in. Loaded once and checked as it loads, so a broken template is reported with its file
/// and line before any case is rendered.
public struct TemplateSet: Sendable {
    public let folder: URL
    let library: MustacheLibrary
    let documents: Set<String>
    /// English, every other catalogue's fallback: read and checked when the set loads.
    let english: Catalogue
    /// The other languages' catalogues, read when first asked for (or all at once, checked).
    let shelf: CatalogueShelf
    public let themes: [String: Theme]

    /// Kinpress's own pictures, named in the case format (`pictogram:NAME`).
    public var pictograms: URL { folder.appendingPathComponent("pictures/pictograms") }

    /// `everyLanguage`: read and check every catalogue now, as a service or a test wants; false
    /// reads English now and each other language when a document first asks for it, so a
    /// command's start-up reads only what its case uses. Templates are checked against English,
    /// which every other catalogue falls back to, so both check the same.
    public init(folder: URL, everyLanguage: Bool = true) throws(TemplateError) {
        self.folder = folder
        var library = MustacheLibrary()
        var documents: Set<String> = []
        for (kind, subfolder) in [("documents", "documents"), ("partials", "partials")] {
            for file in Self.files(in: folder.appendingPathComponent(subfolder), extension: "mustache") {
                let name = file.deletingPathExtension().lastPathComponent
                if kind == "partials", documents.contains(name) {
                    throw TemplateError(file: "\(folder.lastPathComponent)/partials/\(file.lastPathComponent)", line: nil,
                                        message: "a partial may not have the same name as a document (documents/\(name).mustache). Rename the partial")
                }
                let template = try Self.loadTemplate(file, displayName: "\(folder.lastPathComponent)/\(subfolder)/\(file.lastPathComponent)")
                library.register(template, named: name)
                if kind == "documents" { documents.insert(name) }
            }
        }
        var files: [String: URL] = [:]
        for file in Self.files(in: folder.appendingPathComponent("strings"), extension: "yaml") {
            files[file.deletingPathExtension().lastPathComponent] = file
        }
        var themes: [String: Theme] = [:]
        for file in Self.files(in: folder.appendingPathComponent("themes"), extension: "yaml") {
            let name = file.deletingPathExtension().lastPathComponent
            themes[name] = try Theme(name: name, yaml: try Self.read(file), file: "\(folder.lastPathComponent)/themes/\(file.lastPathComponent)")
        }
        guard let englishFile = files["en"] else {
            throw TemplateError(file: "\(folder.lastPathComponent)/strings/en.yaml", line: nil, message: "the English string catalogue is missing; every other language falls back to it")
        }
        let english = try Self.loadCatalogue(englishFile, language: "en", folder: folder)
        try Self.checkSentences(in: folder, english: english)
        files["en"] = nil
        let shelf = CatalogueShelf(files: files, folder: folder, english: english)
        if everyLanguage {
            for language in files.keys.sorted() { _ = try shelf.catalogue(language) }
        }
        guard themes["default"] != nil else {
            throw TemplateError(file: "\(folder.lastPathComponent)/themes/default.yaml", line: nil, message: "the default theme is missing")
        }
        let stylesheet = try Self.loadStylesheet(folder.appendingPathComponent("html/style.css"), displayName: "\(folder.lastPathComponent)/html/style.css")
        themes = themes.mapValues { theme in
            var theme = theme
            theme.stylesheetTemplate = stylesheet
            return theme
        }
        self.library = library
        self.documents = documents
        self.english = english
        self.shelf = shelf
        self.themes = themes
    }

    /// The catalogue for a language tag: `pl-PL` falls back to `pl`, then to English. A
    /// catalogue read now for the first time may have errors, reported with its file and line.
    public func catalogue(for language: String) throws(TemplateError) -> Catalogue {
        let base = String(language.split(separator: "-").first ?? "en").lowercased()
        for name in [language, base] where name != "en" {
            if let catalogue = try shelf.catalogue(name) { return catalogue }
        }
        return english
    }

    static func loadCatalogue(_ file: URL, language: String, folder: URL) throws(TemplateError) -> Catalogue {
        try Catalogue(language: language, yaml: try read(file), file: "\(folder.lastPathComponent)/strings/\(file.lastPathComponent)")
    }

    public func theme(named name: String) throws(TemplateError) -> Theme {
        guard let theme = themes[name] else {
            throw TemplateError(file: "\(folder.lastPathComponent)/themes/\(name).yaml", line: nil,
                                message: "there is no theme called \"\(name)\". Themes: \(themes.keys.sorted().joined(separator: ", "))")
        }
        return theme
    }

    /// Renders a document template with a view model into markup text.
    func render(_ view: Any, document: String) throws(TemplateError) -> String {
        guard documents.contains(document), let output = library.render(TemplateValue.reading(view) ?? view, withTemplate: document) else {
            throw TemplateError(file: "\(folder.lastPathComponent)/documents/\(document).mustache", line: nil, message: "there is no template for the document \"\(document)\"")
        }
        return output
    }

    /// Every `{{strings.…}}` a template prints must be in the English catalogue, which every other
    /// one falls back to: a missing one would print nothing, silently.
    private static func checkSentences(in folder: URL, english catalogue: Catalogue) throws(TemplateError) {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*[#^/]?\s*strings\.([A-Za-z0-9_.-]+)\s*\}\}"#)
        for subfolder in ["documents", "partials"] {
            for file in files(in: folder.appendingPathComponent(subfolder), extension: "mustache") {
                let text = try read(file)
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                        guard let range = Range(match.range(at: 1), in: line) else { continue }
                        let key = String(line[range])
                        if !(catalogue.lookup(key) is String || catalogue.lookup(key) is [String: any Sendable]) {
                            throw TemplateError(file: "\(folder.lastPathComponent)/\(subfolder)/\(file.lastPathComponent)", line: index + 1,
                                                message: "this template prints strings.\(key), which \(catalogue.file) does not have. Add the sentence there, or fix the name")
                        }
                    }
                }
            }
        }
    }

    private static func files(in folder: URL, extension wanted: String) -> [URL] {
        let found = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return found.filter { $0.pathExtension == wanted }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func read(_ file: URL) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: file.lastPathComponent, line: nil, message: "cannot read this file as UTF-8 text")
        }
        return text
    }

    /// Parses one template and checks it: Mustache syntax, no unescaped output (case text must
    /// never become markup), and markup that is well formed once the Mustache tags are taken out.
    static func loadTemplate(_ file: URL, displayName: String) throws(TemplateError) -> MustacheTemplate {
        let text = try read(file)
        let template = try parse(text, displayName: displayName)
        try MarkupParser.checkSkeleton(of: text, file: displayName)
        return template
    }

    /// The HTML stylesheet: CSS with Mustache tags for the theme's values, which come already
    /// written as CSS (text as escaped string literals), so the template prints them as they are
    /// rather than escaping them for HTML.
    static func loadStylesheet(_ file: URL, displayName: String) throws(TemplateError) -> MustacheTemplate {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw TemplateError(file: displayName, line: nil, message: "the HTML stylesheet is missing; every HTML document is styled from it and the theme")
        }
        return try parse(try read(file), displayName: displayName, contentType: "{{% CONTENT_TYPE: TEXT}}")
    }

    /// A template's Mustache, checked: no tag that prints without escaping or changes how tags
    /// are written. `contentType` is a pragma put before the text (on its first line, so lines
    /// keep their numbers).
    private static func parse(_ text: String, displayName: String, contentType: String = "") throws(TemplateError) -> MustacheTemplate {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for forbidden in ["{{{", "{{&", "{{%", "{{="] where line.contains(forbidden) {
                throw TemplateError(file: displayName, line: index + 1,
                                    message: "\(forbidden) is not allowed in Kinpress templates: it would print case text without escaping it, or change how tags are written. Use {{name}}")
            }
        }
        do {
            return try MustacheTemplate(string: contentType + text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: displayName, line: error.context.lineNumber, message: "the Mustache tags are not well formed here (\(error.error)): \(error.context.line.trimmingCharacters(in: .whitespaces))")
        } catch {
            throw TemplateError(file: displayName, line: nil, message: "the template cannot be read: \(error)")
        }
    }
}

/// The string catalogues other than English, each read once, when first asked for, and kept;
/// shared by every copy of a `TemplateSet` and safe to ask from any thread.
final class CatalogueShelf: @unchecked Sendable {
    private let files: [String: URL]
    private let folder: URL
    private let english: Catalogue
    private let lock = NSLock()
    private var loaded: [String: Catalogue] = [:]

    init(files: [String: URL], folder: URL, english: Catalogue) {
        self.files = files
        self.folder = folder
        self.english = english
    }

    /// The catalogue for exactly this language, falling back to English sentence by sentence;
    /// nil when the templates have none.
    func catalogue(_ language: String) throws(TemplateError) -> Catalogue? {
        guard let file = files[language] else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let catalogue = loaded[language] { return catalogue }
        // A sentence the catalogue lacks prints in English (and `kinpress lint` says so).
        let catalogue = try TemplateSet.loadCatalogue(file, language: language, folder: folder).fallingBack(to: english)
        loaded[language] = catalogue
        return catalogue
    }
}
