import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLint

extension Kinpress {
    /// What lint finds in a case for one reader, with the reading age of each part: the texts
    /// this reader will see, Signs of Safety practice, and the fixed sentences the family's
    /// language still lacks.
    public func lint(_ reading: CaseReading, for audience: Audience) throws(RenderFailure) -> LintResult {
        guard let source = reading.case else { throw .invalidCase(reading.errors) }
        let linter = try linter(for: source.file.case.language)
        var findings = linter.lint(source, locations: reading.locations, fileName: reading.fileName, for: audience, languages: reading.languages(at:))
        if audience != .professional, let untranslated = try untranslated(language: source.file.case.language, file: reading.fileName, locations: reading.locations) {
            findings.insert(untranslated, at: 0)
        }
        return LintResult(file: reading.fileName, findings: findings, readingAges: linter.readingAges(source, for: audience))
    }

    /// Fixed sentences the family's language has no translation of: they print in English.
    private func untranslated(language: String, file: String, locations: [FieldPath: SourceLocation]) throws(RenderFailure) -> Finding? {
        let catalogue: Catalogue
        do {
            catalogue = try templates.catalogue(for: language)
        } catch {
            throw .template(error)
        }
        let path = FieldPath([.key("case"), .key("language")])
        let base = String(language.lowercased().prefix { $0 != "-" })
        if catalogue.language != base, base != "en" {
            return Finding(severity: .warning, file: file, path: path, location: locations[path],
                           message: "Kinpress has no fixed sentences in \"\(language)\" yet, so documents print them in English. Add Templates/strings/\(base).yaml (a copy of en.yaml, translated)")
        }
        guard !catalogue.missing.isEmpty else { return nil }
        let shown = catalogue.missing.prefix(8).joined(separator: ", ") + (catalogue.missing.count > 8 ? ", …" : "")
        return Finding(severity: .warning, file: file, path: path, location: locations[path],
                       message: "\(catalogue.missing.count) fixed sentence\(catalogue.missing.count == 1 ? " is" : "s are") not in Templates/strings/\(catalogue.language).yaml yet and print in English: \(shown)")
    }
}

/// What `kinpress lint` reports for one file.
public struct LintResult: Sendable {
    public var file: String
    public var findings: [Finding]
    public var readingAges: [(section: String, readingAge: Double, words: Int)]

    /// The findings as a worker reads them on a terminal, by part of the case.
    public func text(audience: Audience, colour: Bool) -> String {
        var lines = ["\(file), read by \(audience.described)"]
        var section = ""
        for finding in findings.sorted(by: { ($0.section, $0.location?.line ?? 0) < ($1.section, $1.location?.line ?? 0) }) {
            if finding.section != section {
                section = finding.section
                lines.append("  \(section)")
            }
            let place = finding.location.map { "\($0.line):\($0.column)" } ?? "-"
            lines.append("    \(place) \(Self.paint(finding.severity, colour: colour)): \(finding.path): \(finding.message)")
        }
        if !readingAges.isEmpty {
            lines.append("  Reading age: " + readingAges.map { String(format: "%@ %.0f (%d words)", $0.section, $0.readingAge, $0.words) }.joined(separator: ", "))
        }
        let count = { (severity: Finding.Severity) in findings.filter { $0.severity == severity }.count }
        lines.append("  \(count(.error)) errors, \(count(.warning)) warnings, \(count(.advice)) advice")
        return lines.joined(separator: "\n")
    }

    private static func paint(_ severity: Finding.Severity, colour: Bool) -> String {
        guard colour else { return severity.rawValue }
        let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}

/// The `--json` output of `kinpress lint` (and of a service's lint): one entry per file.
public struct LintReport: Encodable {
    struct File: Encodable {
        struct Item: Encodable {
            var severity: String
            var section: String
            var path: String
            var line: Int?
            var column: Int?
            var message: String
            var term: String?
            var offset: Int?
            var suggestion: String?
        }

        var file: String
        var errors: Int
        var warnings: Int
        var advice: Int
        var readingAges: [String: Double]
        var findings: [Item]
    }

    var audience: String
    var files: [File]

    public init(audience: String, files results: [LintResult]) {
        self.audience = audience
        files = results.map { result in
            File(file: result.file,
                 errors: result.findings.filter { $0.severity == .error }.count,
                 warnings: result.findings.filter { $0.severity == .warning }.count,
                 advice: result.findings.filter { $0.severity == .advice }.count,
                 readingAges: Dictionary(result.readingAges.map { ($0.section, ($0.readingAge * 10).rounded() / 10) }, uniquingKeysWith: { a, _ in a }),
                 findings: result.findings.map {
                     File.Item(severity: $0.severity.rawValue, section: $0.section, path: $0.path.description, line: $0.location?.line,
                               column: $0.location?.column, message: $0.message, term: $0.term, offset: $0.offset, suggestion: $0.suggestion)
                 })
        }
    }

    public func json() throws -> String {
        String(decoding: try readableJSON(self), as: UTF8.self)
    }
}

/// One problem of a case file as other programs read it: where (line, column and the field's
/// path, as `field` and, for older readers, `path`), how bad, and what to do.
public struct Problem: Encodable, Sendable {
    public private(set) var severity: String
    public private(set) var code: String?
    public private(set) var line: Int?
    public private(set) var column: Int?
    public private(set) var field: String
    var path: String
    public private(set) var message: String

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code.rawValue
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        field = diagnostic.path.description
        path = field
        message = diagnostic.message
    }

    /// A lint finding that stopped a strict render.
    init(_ finding: Finding) {
        severity = finding.severity.rawValue
        line = finding.location?.line
        column = finding.location?.column
        field = finding.path.description
        path = field
        message = finding.message
    }

    /// A problem with no place in the file but a field.
    init(field: String, message: String) {
        severity = "error"
        self.field = field
        path = field
        self.message = message
    }
}

/// The `--json` output of `kinpress validate`: one entry per file, in the order given.
public struct ValidationReport: Encodable {
    struct File: Encodable {
        var file: String
        var valid: Bool
        var errors: Int
        var warnings: Int
        var problems: [Problem]
    }

    var valid: Bool
    var files: [File]

    /// Case files, and the council profile checked with them (listed first, under its file name).
    public init(files names: [String], readings: [CaseReading], council: CouncilReading? = nil) {
        let checked = (council.map { [($0.fileName, $0.diagnostics)] } ?? []) + zip(names, readings.map(\.diagnostics)).map { ($0, $1) }
        files = checked.map { name, diagnostics in
            let errors = diagnostics.filter { $0.severity == .error }.count
            return File(file: name, valid: errors == 0, errors: errors, warnings: diagnostics.count - errors, problems: diagnostics.map(Problem.init))
        }
        valid = files.allSatisfy(\.valid)
    }

    public func json() throws -> String {
        String(decoding: try readableJSON(self), as: UTF8.self)
    }

    /// `ok`, `ok, 2 warnings`, `3 errors, 1 warning`: the line `kinpress validate` ends a file with.
    public static func summary(_ reading: CaseReading) -> String {
        summary(reading.diagnostics)
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count - errors
        if errors == 0 {
            return warnings == 0 ? "ok" : "ok, " + count(warnings, "warning")
        }
        var text = count(errors, "error")
        if warnings > 0 { text += ", " + count(warnings, "warning") }
        return text
    }
}

/// JSON as Kinpress writes it for other programs: indented, keys sorted, slashes as written.
func readableJSON(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
}

/// One case's problems as a service answers them: `ok` when it has no errors, then its errors
/// and warnings, each as `kinpress validate --json` reports it.
public struct CaseProblems: Encodable, Sendable {
    var ok: Bool
    public private(set) var errors: [Problem]
    public private(set) var warnings: [Problem]

    public init(_ reading: CaseReading) {
        self.init(errors: reading.errors, warnings: reading.warnings)
    }

    public init(errors: [Diagnostic], warnings: [Diagnostic] = []) {
        self.init(errors: errors.map(Problem.init), warnings: warnings.map(Problem.init))
    }

    init(errors: [Problem], warnings: [Problem]) {
        ok = errors.isEmpty
        self.errors = errors
        self.warnings = warnings
    }

    /// Why `failure` stopped an output, when the case is the reason (nil when Kinpress itself
    /// failed: its templates, fonts or a library).
    public init?(_ failure: RenderFailure, reading: CaseReading) {
        let warnings = reading.warnings.map(Problem.init)
        switch failure {
        case .invalidCase(let errors): self.init(errors: errors.map(Problem.init), warnings: warnings)
        case .refusedEmptyTexts: self.init(errors: reading.warnings.filter { $0.code == .emptyText }.map(Problem.init), warnings: [])
        case .refusedByLint(_, let errors): self.init(errors: errors.map(Problem.init), warnings: warnings)
        case .caseField(let problem): self.init(errors: [Problem(problem)], warnings: warnings)
        case .noStory: self.init(errors: [Problem(field: "wordsAndPictures", message: failure.description)], warnings: warnings)
        case .noSuchChild: self.init(errors: [Problem(field: "children", message: failure.description)], warnings: warnings)
        case .noMeeting: self.init(errors: [Problem(field: "meeting", message: failure.description)], warnings: warnings)
        case .noOutcome: self.init(errors: [Problem(field: "meeting.outcome", message: failure.description)], warnings: warnings)
        case .noSuchRecipient: self.init(errors: [Problem(field: "people", message: failure.description)], warnings: warnings)
        case .council, .template, .lint, .layout, .render: return nil
        }
    }

    public func json() throws -> [UInt8] {
        try readableJSON(self)
    }
}
