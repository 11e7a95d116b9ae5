import Foundation
import Hummingbird
import Kinpress
import Mustache
import MultipartKit

/// The worker's page at `/`: a case's text, its problems, and the chosen document as the chosen
/// reader gets it. The page works as a plain form (the server answers with the page, its problems
/// and its preview); `page.js` only sends the same form in the background. Its files are
/// `Page/` in Kinpress's folder, read once at start.
struct WorkerPage: Sendable {
    private let template: MustacheTemplate
    private let files: [String: Asset]

    struct Asset: Sendable {
        var type: String
        var bytes: [UInt8]
    }

    /// Only this server's own files; styles may be inline because the preview, a document shown
    /// from `srcdoc`, keeps this policy and carries its styles inside it; a PDF to print is shown
    /// from a `blob:` address in a frame (a plugin, to the policy).
    static let securityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; frame-src blob:; object-src blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    init(folder: URL) throws(ServiceError) {
        func read(_ name: String) throws(ServiceError) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw ServiceError("cannot read the worker's page, \(folder.lastPathComponent)/\(name). Reinstall Kinpress (scripts/install), or set KINPRESS_HOME to the folder holding Page, Templates and Fonts")
            }
            return Array(data)
        }
        do {
            template = try MustacheTemplate(string: String(decoding: try read("index.mustache"), as: UTF8.self))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError("the worker's page, \(folder.lastPathComponent)/index.mustache, is not a valid template: \(error)")
        }
        files = [
            "page.css": Asset(type: "text/css; charset=utf-8", bytes: try read("page.css")),
            "page.js": Asset(type: "text/javascript; charset=utf-8", bytes: try read("page.js")),
        ]
    }

    /// One of the page's own files.
    func asset(_ name: String) -> Answer? {
        files[name].map { Answer(status: .ok, headers: [.contentType: $0.type, .xContentTypeOptions: "nosniff"], body: $0.bytes) }
    }

    /// The page, filled in.
    func answer(_ view: View, status: HTTPResponse.Status = .ok) -> Answer {
        Answer(status: status, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: Self.securityPolicy,
            .xContentTypeOptions: "nosniff",
            .init("Referrer-Policy")!: "no-referrer",
        ], body: Array(template.render(view).utf8))
    }

    /// What the page shows; Mustache reads its stored properties.
    struct View {
        struct Choice {
            var value: String
            var label: String
            var selected: Bool
        }

        struct Row {
            var severity: String
            var severityLabel: String
            var line: String
            var place: String
            var field: String
            var message: String
            var suggestion: String?
        }

        struct Withheld {
            var field: String
            var who: String
            var summary: String
        }

        var needsToken: Bool
        var caseText = ""
        var documents: [Choice] = []
        var readers: [Choice] = []
        var themes: [Choice] = []
        var summary = "Choose a case file, or paste its text into Case."
        var hasProblems = false
        var problems: [Row] = [] {
            didSet { hasProblems = !problems.isEmpty }
        }
        var previewNote = "The document will show here."
        var preview = ""
        var hasWithheld = false
        var withheldEmpty = false
        var withheld: [Withheld] = []

        init(needsToken: Bool, form: Form, themes: [String]) {
            self.needsToken = needsToken
            caseText = form.caseText
            documents = (DocumentKind.allCases.map(\.rawValue) + ["pack"]).map {
                Choice(value: $0, label: Self.documentLabels[$0] ?? $0, selected: $0 == form.document)
            }
            readers = Audience.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0.rawValue == form.reader) }
            self.themes = themes.map { Choice(value: $0, label: Self.themeLabels[$0] ?? $0, selected: $0 == form.theme) }
        }

        static let documentLabels = [
            "assessment": "Assessment", "safety-plan": "Safety plan", "timeline": "Timeline", "network-map": "Network map",
            "words-and-pictures": "Words and Pictures", "three-houses": "Three Houses", "safety-house": "Safety House", "pack": "Meeting pack",
        ]
        static let themeLabels = ["default": "Standard", "large-print": "Large print", "easy-read": "Easy read", "storyboard": "Storyboard"]

        /// Every problem the case file and the reader's lint have, errors first.
        mutating func show(_ problems: [Problem], findings: [Finding] = []) {
            // A system that exports every optional field empty would bury the real problems: its
            // empty texts are one row, at the first of them.
            let empty = problems.filter { $0.code == "empty-text" && $0.severity == "warning" }
            let shown = empty.count > 3 ? problems.filter { $0.code != "empty-text" || $0.severity != "warning" } : problems
            var rows = shown.map {
                Row(severity: $0.severity, severityLabel: $0.severity.capitalized, line: $0.line.map(String.init) ?? "",
                    place: Self.place($0.line, $0.column), field: $0.field, message: Self.sentence($0.message), suggestion: nil)
            }
            if empty.count > 3, let first = empty.first {
                rows.append(Row(severity: "warning", severityLabel: "Warning", line: first.line.map(String.init) ?? "",
                                place: Self.place(first.line, first.column), field: first.field,
                                message: "\(empty.count) texts were sent empty, so they are left out. This is the first. Write them, or leave their lines out.",
                                suggestion: nil))
            }
            rows += findings.map { finding in
                Row(severity: finding.severity.rawValue, severityLabel: finding.severity.rawValue.capitalized,
                    line: finding.location.map { String($0.line) } ?? "", place: Self.place(finding.location?.line, finding.location?.column),
                    field: finding.path.description, message: Self.sentence(finding.message),
                    // Most messages already say what to write instead.
                    suggestion: finding.suggestion.flatMap { finding.message.contains($0) ? nil : $0 })
            }
            let order = ["error": 0, "warning": 1, "advice": 2]
            self.problems = rows.enumerated().sorted { (order[$0.element.severity] ?? 3, $0.offset) < (order[$1.element.severity] ?? 3, $1.offset) }.map(\.element)
            let counts = ["error", "warning", "advice"].compactMap { severity -> String? in
                let count = rows.filter { $0.severity == severity }.count
                guard count > 0 else { return nil }
                return count == 1 ? "1 \(severity == "advice" ? "piece of advice" : severity)"
                    : "\(count) \(severity == "advice" ? "pieces of advice" : severity + "s")"
            }
            summary = counts.isEmpty ? "No problems found." : counts.joined(separator: ", ") + ". Choose one to go to its line in Case."
        }

        private static func place(_ line: Int?, _ column: Int?) -> String {
            guard let line else { return "" }
            return column.map { "Line \(line), column \($0)" } ?? "Line \(line)"
        }

        /// A message as a sentence: a capital first letter and a full stop.
        private static func sentence(_ message: String) -> String {
            let text = message.prefix(1).uppercased() + message.dropFirst()
            return [".", "?", "!", "…"].contains(where: text.hasSuffix) ? text : text + "."
        }
    }

    /// What the page's form sent. A case file chosen in **Case file** wins over the text area, and
    /// the other chosen files are the pictures, known by their names.
    struct Form {
        var caseText = ""
        var pictures: [String: [UInt8]] = [:]
        var document = DocumentKind.safetyPlan.rawValue
        var reader = Audience.family.rawValue
        var theme = "default"
        var token: String?
        var action = "show"

        init() {}

        init(parts: [MultipartPart]) {
            for part in parts {
                let text = String(decoding: part.body.readableBytesView, as: UTF8.self)
                switch part.name {
                case "case": if caseText.isEmpty { caseText = text }
                case "document": document = text
                case "reader": reader = text
                case "theme": theme = text
                case "token": token = text
                case "action": action = text
                case "files":
                    let name = Self.fileName(part).split(separator: "/").last.map(String.init) ?? ""
                    guard !name.isEmpty, part.body.readableBytes > 0 else { continue }
                    if [".yaml", ".yml", ".json"].contains(where: name.lowercased().hasSuffix) {
                        caseText = text
                    } else {
                        pictures[name] = Array(buffer: part.body)
                    }
                default: continue
                }
            }
            // Browsers send a text area's lines ending CR LF; the case is read as the worker typed it.
            caseText = caseText.replacingOccurrences(of: "\r\n", with: "\n")
        }

        /// A file part's `filename` (MultipartKit reads it but does not make it public).
        private static func fileName(_ part: MultipartPart) -> String {
            let parameters = (part.headers.first(name: "Content-Disposition") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let parameter = parameters.first(where: { $0.lowercased().hasPrefix("filename=") }) else { return "" }
            return parameter.dropFirst("filename=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
}
