import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLayout
import KinpressLint
import KinpressPDF
import KinpressSupport

extension Kinpress {
    /// Reads a case file: the case, or every problem in it, each at its line and field.
    public static func read(_ path: String) -> CaseReading {
        CaseReader.read(contentsOf: URL(fileURLWithPath: path), displayName: path)
    }

    /// Reads a case from bytes (a service's request, a generated copy); picture paths start in
    /// `folder`, or are not checked when it is nil.
    public static func read(bytes: [UInt8], displayName: String, folder: URL?) -> CaseReading {
        CaseReader.read(bytes: bytes, displayName: displayName, folder: folder)
    }

    /// Reads a case sent with its pictures (a service's request): nothing is read from or
    /// written to disk.
    public static func read(bytes: [UInt8], displayName: String, pictures: [String: [UInt8]]) -> CaseReading {
        CaseReader.read(bytes: bytes, displayName: displayName, pictures: .given(Dictionary(pictures.map { (PictureFiles.key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })))
    }

    /// Everything `request` asks for from one case, each output or the reason it could not be
    /// made; one failing output does not stop the others.
    public func make(_ request: Request, from reading: CaseReading) -> [Result<Output, RenderFailure>] {
        request.items.map { item in Result { () throws(RenderFailure) in try make(item, of: request, from: reading) } }
    }

    /// One output of `request`: the front ends' single way into the pipeline. It refuses a case
    /// with errors, applies `--strict`, and places every warning and failure at the case field it
    /// is about. `reading` names the file as the user knows it.
    public func make(_ item: Request.Item, of request: Request, from reading: CaseReading) throws(RenderFailure) -> Output {
        guard let source = reading.case else { throw .invalidCase(reading.errors) }
        let file = reading.fileName
        var warnings: [Finding] = []
        if request.strict {
            let empty = reading.warnings.filter { $0.code == .emptyText }
            if !empty.isEmpty { throw .refusedEmptyTexts(file: file, count: empty.count) }
        }
        if request.strict || item.product == .document(.wordsAndPictures) {
            let linter = try linter(for: source.file.case.language)
            if item.product == .document(.wordsAndPictures) {
                // A child's story is checked against a child's reading level: warned about, never rewritten.
                warnings += linter.lint(source, locations: reading.locations, fileName: file, for: .child)
                    .filter { $0.section == "Words and Pictures" && $0.severity != .advice }
            }
            if request.strict {
                let errors = linter.lint(source, locations: reading.locations, fileName: file, for: item.audience, languages: reading.languages(at:))
                    .filter { $0.severity == .error }
                if !errors.isEmpty { throw .refusedByLint(file: file, errors: errors) }
            }
        }
        let options = Options(audience: item.audience, theme: request.look.theme, paper: request.look.paper, layoutInParallel: request.layoutInParallel,
                              child: request.child)
        do {
            var output: Output
            var missing: [String]
            switch (item.product, item.format) {
            case (.document(let kind), .pdf):
                let rendered = try renderPDF(kind, of: source, options: options)
                output = Output(item: item, bytes: rendered.bytes, pages: rendered.pages, title: rendered.title, warnings: [], chairList: nil)
                missing = rendered.missingCharacters
            case (.document(let kind), .html):
                let document = try self.document(kind, of: source, for: item.audience, child: request.child)
                output = Output(item: item, bytes: try html(document, author: source.file.case.localAuthority, options: options), pages: nil,
                                title: document.title, warnings: [], chairList: nil)
                missing = []
            case (.letter(let kind, let recipient), let format):
                let document = try letter(kind, to: recipient, of: source, for: item.audience)
                let author = source.file.case.localAuthority
                if format == .html {
                    output = Output(item: item, bytes: try html(document, author: author, options: options), pages: nil, title: document.title, warnings: [], chairList: nil)
                    missing = []
                } else {
                    let rendered = try renderPDF(document, author: author, date: Self.documentDate(source.file.case.date), options: options)
                    output = Output(item: item, bytes: rendered.bytes, pages: rendered.pages, title: rendered.title, warnings: [], chairList: nil)
                    missing = rendered.missingCharacters
                }
            case (.pack(let draft), let format):
                let pack = try self.pack(of: source, options: options, format: format, draft: draft)
                output = Output(item: item, bytes: pack.bytes, pages: pack.pages, title: pack.title, warnings: [],
                                chairList: item.audience == .professional ? nil : ChairList(items: pack.withheld))
                missing = pack.missingCharacters
            }
            if !missing.isEmpty {
                // The reader's texts, in the case's language and as read, to find where each came from.
                let texts = [source, source.inLanguage(source.file.case.language)].flatMap { item.audience.project($0).texts }
                warnings += missing.map { missingCharacters($0, among: texts, in: reading) }
            }
            output.warnings = warnings
            return output
        } catch .layout(let error) {
            // A picture that cannot be shown: said at its line in the case file.
            guard let field = error.field, let path = reading.locations.keys.first(where: { $0.description == field }) else { throw .layout(error) }
            throw .caseField(Diagnostic(severity: .error, code: .unreadable, file: file, location: reading.locations[path], path: path, message: error.message))
        }
    }

    /// What a pack for `audience` leaves out of the case, for the chair to check before it is
    /// sent: found without making the pack.
    public func chairList(_ reading: CaseReading, for audience: Audience) throws(RenderFailure) -> ChairList {
        guard let source = reading.case else { throw .invalidCase(reading.errors) }
        return ChairList(items: audience.project(source).withheld)
    }

    /// The linter for a case's language, from the templates in use (read once per process).
    public func linter(for language: String) throws(RenderFailure) -> Linter {
        do {
            return try lintResources.linter(for: String(language.split(separator: "-").first ?? "en").lowercased())
        } catch {
            throw .lint(error)
        }
    }

    /// A warning about a text with characters no font can show, placed at the case field it came
    /// from: the longest text of the reader's case that the printed text contains.
    private func missingCharacters(_ text: String, among texts: [SourcedText], in reading: CaseReading) -> Finding {
        let shown = Bidi.withoutIsolates(text)
        let found = texts.filter { $0.text.count > 1 && shown.contains($0.text) }.max { ($0.text.count, $1.field) < ($1.text.count, $0.field) }
        // Quoted on one line: a label the map broke over lines is one text to the worker.
        let quoted = shown.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(60)
        let message = "no installed font can show some characters in \"\(quoted)\"; they print as empty boxes. "
            + "Fonts/fonts.yaml lists the fonts Kinpress uses"
        return Finding(severity: .warning, file: reading.fileName, path: found?.field ?? .root, location: found.flatMap { reading.locations[$0.field] }, message: message)
    }
}

/// Why an output could not be made, from whichever stage said so. Every case ends the command
/// with `exitCode`.
public enum RenderFailure: Error, Sendable, CustomStringConvertible {
    /// The case file has errors (each already reported with its line).
    case invalidCase([Diagnostic])
    /// `--strict`, and texts were exported empty.
    case refusedEmptyTexts(file: String, count: Int)
    /// `--strict`, and lint found errors for this reader.
    case refusedByLint(file: String, errors: [Finding])
    /// A value of the case cannot be shown (a picture that cannot be read).
    case caseField(Diagnostic)
    /// Words and Pictures asked for where the case has no story this reader may see.
    case noStory(children: [String])
    /// A child's own documents asked for a child the case does not have (or this reader may not see).
    case noSuchChild(String, children: [String])
    /// A letter or a meeting's record asked for where the case has no meeting: what was asked for
    /// ("an invitation letter").
    case noMeeting(String)
    /// A decision letter asked for before the meeting's outcome is written.
    case noOutcome
    /// A letter asked for someone the case does not have.
    case noSuchRecipient(String, known: [String])
    /// The council profile the case is printed with has errors (each with its line and field).
    case council([Diagnostic])
    case template(TemplateError)
    case lint(LintError)
    case layout(LayoutError)
    case render(RenderError)

    /// The case has nothing for this output to say (no story, no meeting): a batch warns and
    /// goes on rather than call the case failed.
    public var isNothingToMake: Bool {
        switch self {
        case .noStory, .noMeeting, .noOutcome: return true
        default: return false
        }
    }

    /// What a command exits with: 1, a case or its templates cannot give this output.
    public var exitCode: Int32 { 1 }

    public var description: String {
        switch self {
        case .invalidCase(let errors):
            return (errors.map(\.description) + ["\(errors.first?.file ?? "the case file"): fix these errors first (kinpress validate shows them all)"]).joined(separator: "\n")
        case .refusedEmptyTexts(let file, let count):
            return "\(file): not rendered: --strict refuses empty texts (\(count)). Write them, or leave the lines out"
        case .refusedByLint(let file, let errors):
            return (errors.map(\.description) + ["\(file): not rendered: --strict and kinpress lint found \(errors.count) error\(errors.count == 1 ? "" : "s")"]).joined(separator: "\n")
        case .caseField(let problem): return problem.description
        case .council(let errors):
            return (errors.map(\.description) + ["\(errors.first?.file ?? "council.yaml"): fix the council profile first (kinpress validate --council FOLDER shows every problem)"]).joined(separator: "\n")
        case .template(let error): return error.description
        case .lint(let error): return error.description
        case .layout(let error): return error.description
        case .render(let error): return error.description
        case .noSuchChild(let id, let children):
            return "children: there is no child \"\(id)\" in this case for this reader. Give one of the children's ids (\(children.joined(separator: ", "))), or leave --child out for every child"
        case .noMeeting(let asked):
            return "meeting: this case has no meeting, so there is no \(asked) to write. Add the meeting (kind, date, chair, invited) first"
        case .noOutcome:
            return "meeting.outcome: the meeting has no outcome yet, so there is nothing for a decision letter to say. Write what was decided (decidedOn, decisions, next) first"
        case .noSuchRecipient(let id, let known):
            return "--to: there is no one with the id \"\(id)\" in people or children. Known ids: \(known.joined(separator: ", "))"
        case .noStory(let children):
            let names = Bidi.withoutIsolates(children.count > 1 ? children.dropLast().joined(separator: ", ") + " and " + children.last! : children.first ?? "")
            return "wordsAndPictures: there is no Words and Pictures story for \(names). Write one with the child (a wordsAndPictures entry with child: and pages:), or leave this document out"
        }
    }
}

/// For the chair only: what a family's copy leaves out, by case-file field, so the chair can
/// check the copy before it is sent.
public struct ChairList: Sendable {
    public var items: [WithheldItem]

    public init(items: [WithheldItem]) {
        self.items = items
    }

    /// Beside `pack.pdf`, `pack.withheld-chair-only.txt`.
    public static func file(beside pack: URL) -> URL {
        pack.deletingPathExtension().appendingPathExtension("withheld-chair-only.txt")
    }

    /// The list as the chair reads it, for the pack in `file` titled `title`.
    public func text(packFile file: String, title: String) -> String {
        var lines = [
            "FOR THE CHAIR ONLY. Do not send this list to the family.",
            "",
            "What Kinpress left out of \(file) (\(Bidi.withoutIsolates(title))), the family's copy, and why.",
            "Each line gives the field in the case file, who may see it, and how it starts.",
            "Check the family copy against this list before it is sent.",
            "",
        ]
        for item in items {
            lines.append("\(item.field)\t\(item.reason)\t\(item.summary)")
        }
        lines.append("")
        lines.append(items.isEmpty ? "Nothing was left out." : "\(items.count) item\(items.count == 1 ? "" : "s") left out.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The list for other programs: each item's field, who may see it (or `not-shared`: the
    /// child has not agreed to share it), and how it starts.
    public func json(audience: Audience) throws -> [UInt8] {
        struct Item: Encodable {
            var field: String
            var visibility: String
            var summary: String
        }
        struct List: Encodable {
            var audience: String
            var forTheChairOnly = "Do not send this list to the family."
            var count: Int
            var items: [Item]
        }
        return try readableJSON(List(audience: audience.rawValue, count: items.count,
                                     items: items.map { Item(field: $0.field.description, visibility: $0.reasonCode, summary: $0.summary) }))
    }

    /// The one-line summary a command prints beside the pack.
    public func summary(beside pack: URL) -> String {
        "\(items.count) item\(items.count == 1 ? "" : "s") left out, listed in \(Self.file(beside: pack).lastPathComponent)"
    }
}
