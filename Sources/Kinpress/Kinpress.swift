import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressHTML
import KinpressLint
import KinpressLayout
import KinpressPDF
import KinpressSupport

/// The whole pipeline behind one call: case file → audience → compose → layout → render.
/// The command-line program and, later, a service call this; neither knows the stages.
public struct Kinpress: Sendable {
    public let templates: TemplateSet
    public let fonts: FontLibrary
    private let engines: LayoutEngines
    /// Glossaries and lint targets, read when first needed (a family pack's hard words, lint).
    let lintResources: LintResources
    /// The profiles in the templates' `councils/`, read when a case first needs one.
    let templateCouncils: TemplateCouncils
    /// The council profile every case is printed with (`--council DIR`), in place of the one
    /// the templates' `councils/` has for the case's `localAuthority`.
    public var council: CouncilReading?

    /// Loads and checks the templates and fonts once; reuse one `Kinpress` for many cases.
    /// `resources` holds `Templates/` and `Fonts/`.
    /// `everyLanguage`: read and check every string catalogue now (see `TemplateSet.init`).
    public init(resources: URL, templates: URL? = nil, everyLanguage: Bool = true) throws(RenderFailure) {
        do {
            fonts = try FontLibrary(folder: resources.appendingPathComponent("Fonts"))
        } catch {
            throw .layout(error)
        }
        engines = LayoutEngines(fonts: fonts)
        do {
            self.templates = try TemplateSet(folder: templates ?? resources.appendingPathComponent("Templates"), everyLanguage: everyLanguage)
        } catch {
            throw .template(error)
        }
        lintResources = LintResources(folder: self.templates.folder)
        templateCouncils = TemplateCouncils(folder: self.templates.folder.appendingPathComponent("councils"))
    }

    /// How to make a document.
    public struct Options: Sendable {
        public var audience: Audience
        public var theme: String
        public var paper: Paper
        /// Shape a long document's text on two cores at once: for one document at a time, not
        /// for a batch that keeps every core busy with its own cases.
        public var layoutInParallel: Bool
        /// The one child whose own documents are made (Three Houses, Safety House, the child's
        /// safety plan); nil: every child's.
        public var child: String?

        public init(audience: Audience = .family, theme: String = "default", paper: Paper = .a4, layoutInParallel: Bool = true, child: String? = nil) {
            self.audience = audience
            self.theme = theme
            self.paper = paper
            self.layoutInParallel = layoutInParallel
            self.child = child
        }
    }

    /// The compose stage for one case, with the council profile that serves it.
    func composer(for source: Case, child: String? = nil) throws(RenderFailure) -> Composer {
        var composer = Composer(templates: templates)
        composer.council = try council(for: source.file.case.localAuthority)
        composer.child = child
        return composer
    }

    /// The document model of one document for one reader; `child` narrows a child's own
    /// documents to that child.
    public func document(_ kind: DocumentKind, of source: Case, for audience: Audience, child: String? = nil) throws(RenderFailure) -> Document {
        let visible = audience.project(source, child: child)
        if kind == .wordsAndPictures, visible.file.wordsAndPictures.isEmpty {
            // A storyboard with no story would be a page of names under "The story for …".
            throw .noStory(children: visible.file.children.map(\.name))
        }
        if kind.needsMeeting, visible.file.meeting == nil { throw .noMeeting("meeting record") }
        if let child, !visible.file.children.contains(where: { $0.id == child }) {
            throw .noSuchChild(child, children: visible.file.children.map(\.id))
        }
        let composer = try composer(for: source, child: child)
        do {
            return try composer.compose(kind, for: visible)
        } catch {
            throw .template(error)
        }
    }

    /// The markup a template writes for one case, before it is parsed: for template authors, who
    /// want to see it even when it would not parse (`problem` then says why).
    public func markup(_ kind: DocumentKind, of reading: CaseReading, for audience: Audience, child: String? = nil) throws(RenderFailure) -> (markup: String, problem: RenderFailure?) {
        guard let source = reading.case else { throw .invalidCase(reading.errors) }
        let markup: String
        let composer = try composer(for: source, child: child)
        do {
            markup = try composer.markup(kind, for: audience.project(source, child: child))
        } catch {
            throw .template(error)
        }
        do {
            _ = try document(kind, of: source, for: audience, child: child)
            return (markup, nil)
        } catch {
            return (markup, error)
        }
    }

    /// One document as PDF bytes.
    public func pdf(_ kind: DocumentKind, of source: Case, options: Options) throws(RenderFailure) -> [UInt8] {
        try renderPDF(kind, of: source, options: options).bytes
    }

    /// One document as PDF, for a program that holds a checked `Case` (front ends use `make`).
    public func renderPDF(_ kind: DocumentKind, of source: Case, options: Options) throws(RenderFailure) -> RenderedPDF {
        let document = try self.document(kind, of: source, for: options.audience, child: options.child)
        return try renderPDF(document, author: source.file.case.localAuthority, date: Self.documentDate(source.file.case.date), options: options)
    }

    /// A PDF, its number of pages and title, and the texts with characters no installed font can show.
    public struct RenderedPDF: Sendable {
        public var bytes: [UInt8]
        public var pages: Int
        public var title: String
        public var missingCharacters: [String]
    }

    /// Any document model as PDF: for documents Kinpress builds itself (the pictogram sheet).
    public func renderPDF(_ document: Document, author: String, date: String, options: Options) throws(RenderFailure) -> RenderedPDF {
        let theme = try self.theme(options.theme, for: document)
        let metadata = PDFMetadata(title: document.title, author: author, subject: document.runningTitle, date: date)
        return try engines.using(helper: options.layoutInParallel) { engine, helper throws(RenderFailure) in
            let laidOut = try Result { () throws(LayoutError) in try engine.layout(document, theme: theme, paper: options.paper, helper: helper) }
                .mapError(RenderFailure.layout).get()
            let bytes = try Result { () throws(RenderError) in try PDFRenderer.render(laidOut, metadata: metadata) }.mapError(RenderFailure.render).get()
            return RenderedPDF(bytes: bytes, pages: laidOut.pages.count, title: document.title, missingCharacters: laidOut.textsWithMissingCharacters)
        }
    }

    /// What `pack` made: the pack, its page count (PDF), and for a family pack everything left
    /// out of it, for the chair to check before it is sent.
    public struct Pack: Sendable {
        public var bytes: [UInt8]
        public var pages: Int?
        public var title: String
        public var withheld: [WithheldItem]
        public var missingCharacters: [String]
    }

    /// A meeting pack for a conference chair (`audience` professional) or for the family: the
    /// cover, what the meeting is for, agenda and contents, then every document composed as it
    /// always is. A family pack ends with the hard words it could not avoid.
    public func pack(of source: Case, options: Options, format: Format, draft: Bool) throws(RenderFailure) -> Pack {
        let visible = options.audience.project(source)
        let composer = try composer(for: source)
        let document: Document
        do {
            document = try composer.composePack(for: visible, draft: draft) { composed in
                options.audience == .professional ? [] : glossaryEntries(in: composed, language: source.file.case.language, audience: options.audience)
            }
        } catch {
            throw .template(error)
        }
        let withheld = visible.withheld
        switch format {
        case .pdf:
            let rendered = try renderPDF(document, author: source.file.case.localAuthority, date: Self.documentDate(source.file.case.date), options: options)
            return Pack(bytes: rendered.bytes, pages: rendered.pages, title: document.title, withheld: withheld, missingCharacters: rendered.missingCharacters)
        case .html:
            return Pack(bytes: try html(document, author: source.file.case.localAuthority, options: options), pages: nil, title: document.title,
                        withheld: withheld, missingCharacters: [])
        }
    }

    /// The glossary's terms that `document` uses, once each in the order they first appear, with
    /// their plain meaning for this reader.
    private func glossaryEntries(in document: Document, language: String, audience: Audience) -> [GlossaryEntry] {
        let base = String(language.split(separator: "-").first ?? "en").lowercased()
        // A language without a glossary (or one that cannot be read: `kinpress lint` reports it) explains no words.
        guard let glossary = try? lintResources.glossary(for: base) else { return [] }
        var seen: Set<String> = []
        return glossary.matches(in: document.plainText).compactMap { match in
            guard seen.insert(match.term.term.lowercased()).inserted else { return nil }
            return GlossaryEntry(term: match.term.term, meaning: audience == .child ? match.term.child ?? match.term.parent : match.term.parent)
        }
    }

    /// One document as one self-contained HTML file. The paper size does not apply: HTML
    /// prints on A4.
    public func html(_ kind: DocumentKind, of source: Case, options: Options) throws(RenderFailure) -> [UInt8] {
        try html(try self.document(kind, of: source, for: options.audience), author: source.file.case.localAuthority, options: options)
    }

    func html(_ document: Document, author: String, options: Options) throws(RenderFailure) -> [UInt8] {
        let theme = try self.theme(options.theme, for: document)
        do {
            try fonts.check(family: theme.font.family)
            return try engines.using { engine, _ throws(LayoutError) in try HTMLWriter.write(document, theme: theme, engine: engine, author: author) }
        } catch {
            throw .layout(error)
        }
    }

    /// The theme, with the script a language's readers expect first (Urdu in Nastaliq) and the
    /// council's colour.
    private func theme(_ name: String, for document: Document) throws(RenderFailure) -> Theme {
        var theme: Theme
        do {
            theme = try templates.theme(named: name)
        } catch {
            throw .template(error)
        }
        if document.language.lowercased().hasPrefix("ur") { theme.font.family = "Noto Nastaliq Urdu, " + theme.font.family }
        if let accent = document.accent { theme.accent(accent) }
        // A document drawn across the page (a child's three houses) turns every theme's page.
        if document.landscape { theme.landscape = true }
        return theme
    }

    /// The date a PDF says it was made: `SOURCE_DATE_EPOCH` when set (reproducible builds'
    /// convention), otherwise the case date, so the same case always gives the same bytes.
    static func documentDate(_ caseDate: CaseDate) -> String {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        return String(format: "%04d-%02d-%02dT00:00:00Z", caseDate.year, caseDate.month ?? 1, caseDate.day ?? 1)
    }

    /// Where Kinpress's own `Templates/` and `Fonts/` are: `KINPRESS_HOME` when set; else
    /// beside the program, found from its own path whatever folder it is run from (an installed
    /// `PREFIX/share/kinpress` for `PREFIX/bin/kinpress`, or the source tree it was built in);
    /// else the current folder.
    public static func resourcesFolder() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["KINPRESS_HOME"], !home.isEmpty {
            let folder = URL(fileURLWithPath: home).standardizedFileURL
            return hasResources(folder) ? folder : nil
        }
        // The running program's own file (a name found on the PATH says nothing of its folder).
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let program = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            program.appendingPathComponent("../share/kinpress"),
            program.appendingPathComponent("../../.."),
            program.appendingPathComponent("../.."),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ]
        return candidates.map(\.standardizedFileURL).first(where: hasResources)
    }

    private static func hasResources(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("Templates/strings/en.yaml").path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent("Fonts/fonts.conf").path)
    }
}

/// The file formats Kinpress writes.
public enum Format: String, CaseIterable, Sendable {
    case pdf, html

    /// The format a file name asks for: HTML for `.html` and `.htm`, otherwise PDF.
    public init(fileName: String) {
        let suffix = URL(fileURLWithPath: fileName).pathExtension.lowercased()
        self = suffix == "html" || suffix == "htm" ? .html : .pdf
    }

    public var fileExtension: String { rawValue }
}

/// What lint reads — each language's glossary and the targets — read once per process, each when
/// first asked for (most runs need one language or none), so a batch does not read them per case.
final class LintResources: @unchecked Sendable {
    private let folder: URL
    private let lock = NSLock()
    private var glossaries: [String: Result<Glossary, LintError>] = [:]
    private var targets: Result<LintTargets, LintError>?

    init(folder: URL) {
        self.folder = folder
    }

    /// The glossary of `language` (a base tag: `pl`).
    func glossary(for language: String) throws(LintError) -> Glossary {
        lock.lock()
        defer { lock.unlock() }
        if let glossary = glossaries[language] { return try glossary.get() }
        let glossary = Result { () throws(LintError) in try Glossary(folder: folder, language: language) }
        glossaries[language] = glossary
        return try glossary.get()
    }

    /// The linter for `language` (a base tag).
    func linter(for language: String) throws(LintError) -> Linter {
        let glossary = try glossary(for: language)
        lock.lock()
        defer { lock.unlock() }
        if targets == nil { targets = Result { () throws(LintError) in try LintTargets.load(folder: folder) } }
        return Linter(glossary: glossary, targets: try targets!.get())
    }
}
