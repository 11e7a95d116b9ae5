import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressHTML
import KinpressLayout
import KinpressPDF

/// The whole pipeline behind one call: case file → audience → compose → layout → render.
/// The command-line program and, later, a service call this; neither knows the stages.
public struct Kinpress: Sendable {
    public let templates: TemplateSet
    public let fonts: FontLibrary

    /// Loads and checks the templates and fonts once; reuse one `Kinpress` for many cases.
    /// `resources` holds `Templates/` and `Fonts/`.
    public init(resources: URL, templates: URL? = nil) throws(RenderFailure) {
        do {
            self.templates = try TemplateSet(folder: templates ?? resources.appendingPathComponent("Templates"))
        } catch {
            throw .template(error)
        }
        do {
            fonts = try FontLibrary(folder: resources.appendingPathComponent("Fonts"))
        } catch {
            throw .layout(error)
        }
    }

    /// How to make a document.
    public struct Options: Sendable {
        public var audience: Audience
        public var theme: String
        public var paper: Paper

        public init(audience: Audience = .family, theme: String = "default", paper: Paper = .a4) {
            self.audience = audience
            self.theme = theme
            self.paper = paper
        }
    }

    /// The document model of one document for one reader.
    public func document(_ kind: DocumentKind, of source: Case, for audience: Audience) throws(RenderFailure) -> Document {
        do {
            return try Composer(templates: templates).compose(kind, for: audience.project(source))
        } catch {
            throw .template(error)
        }
    }

    /// The markup a template writes for one case, before it is parsed: for template authors.
    public func markup(_ kind: DocumentKind, of source: Case, for audience: Audience) throws(RenderFailure) -> String {
        do {
            return try Composer(templates: templates).markup(kind, for: audience.project(source))
        } catch {
            throw .template(error)
        }
    }

    /// One document as PDF bytes.
    public func pdf(_ kind: DocumentKind, of source: Case, options: Options) throws(RenderFailure) -> [UInt8] {
        try renderPDF(kind, of: source, options: options).bytes
    }

    /// One document as PDF bytes, with its number of pages and the texts with characters no
    /// installed font can show.
    public func renderPDF(_ kind: DocumentKind, of source: Case, options: Options) throws(RenderFailure) -> (bytes: [UInt8], pages: Int, missingCharacters: [String]) {
        let document = try self.document(kind, of: source, for: options.audience)
        return try renderPDF(document, author: source.file.case.localAuthority, date: Self.documentDate(source.file.case.date), options: options)
    }

    /// Any document model as PDF: for documents Kinpress builds itself (the pictogram sheet).
    public func renderPDF(_ document: Document, author: String, date: String, options: Options) throws(RenderFailure) -> (bytes: [UInt8], pages: Int, missingCharacters: [String]) {
        let theme: Theme
        do {
            theme = try templates.theme(named: options.theme)
        } catch {
            throw .template(error)
        }
        let laidOut: LaidOutDocument
        do {
            laidOut = try layoutEngine().layout(document, theme: theme, paper: options.paper)
        } catch {
            throw .layout(error)
        }
        let metadata = PDFMetadata(title: document.title, author: author, subject: document.runningTitle, date: date)
        do {
            return (try PDFRenderer.render(laidOut, metadata: metadata), laidOut.pages.count, laidOut.textsWithMissingCharacters)
        } catch {
            throw .render(error)
        }
    }

    /// One document as one self-contained HTML file. The paper size does not apply: HTML
    /// prints on A4.
    public func html(_ kind: DocumentKind, of source: Case, options: Options) throws(RenderFailure) -> [UInt8] {
        let document = try self.document(kind, of: source, for: options.audience)
        let theme: Theme
        do {
            theme = try templates.theme(named: options.theme)
        } catch {
            throw .template(error)
        }
        do {
            try fonts.check(family: theme.font.family)
            return try HTMLWriter.write(document, theme: theme, engine: layoutEngine(), author: source.file.case.localAuthority)
        } catch {
            throw .layout(error)
        }
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

    /// This thread's layout engine: Pango font maps must not be shared between threads, and
    /// making one loads every font again, so each thread keeps its own.
    private func layoutEngine() -> LayoutEngine {
        let key = "kinpress.layout.\(ObjectIdentifier(fonts).hashValue)"
        if let engine = Thread.current.threadDictionary[key] as? LayoutEngine { return engine }
        let engine = LayoutEngine(fonts: fonts)
        Thread.current.threadDictionary[key] = engine
        return engine
    }

    /// Where Kinpress's own `Templates/` and `Fonts/` are: beside the program (an installed
    /// `share/kinpress`, or the source tree it was built in), or in the current folder.
    public static func resourcesFolder() -> URL? {
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            program.appendingPathComponent("../share/kinpress"),
            program.appendingPathComponent("../../.."),
            program.appendingPathComponent("../.."),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ]
        return candidates.map(\.standardizedFileURL).first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("Templates/strings/en.yaml").path)
                && FileManager.default.fileExists(atPath: $0.appendingPathComponent("Fonts/fonts.conf").path)
        }
    }
}

/// Why a document could not be made, from whichever stage said so.
public enum RenderFailure: Error, Sendable, CustomStringConvertible {
    case template(TemplateError)
    case layout(LayoutError)
    case render(RenderError)

    public var description: String {
        switch self {
        case .template(let error): return error.description
        case .layout(let error): return error.description
        case .render(let error): return error.description
        }
    }
}
