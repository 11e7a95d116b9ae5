import ArgumentParser
import Foundation
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLint

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a case's text before printing: jargon, long sentences, reading age, and Signs of Safety practice.",
        discussion: """
            Each finding says where it is and what to write instead. Errors should be fixed before a \
            document goes out (render --strict refuses them); warnings are probably hard for the \
            reader; advice is worth a look. Exits with 1 when there is any error. Targets are in \
            Templates/lint.yaml and the words in Templates/glossary/.
            """
    )

    @Argument(help: ArgumentHelp("Case files.", valueName: "case"))
    var cases: [String]

    @Option(help: "Who will read the documents: family, child or professional.")
    var audience: Audience = .family

    @Flag(help: "Print the findings as JSON, for other programs.")
    var json = false

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        var results: [LintResult] = []
        // The string catalogues, loaded once, to say which sentences a family's language lacks.
        let folder = try templates.folder()
        let catalogues = try reporting { try TemplateSet(folder: folder) }
        for file in cases {
            let reading = CaseReader.read(contentsOf: URL(fileURLWithPath: file), displayName: file)
            guard let written = reading.asWritten else {
                var standardError = FileHandle.standardError
                for diagnostic in reading.errors { print(diagnostic, to: &standardError) }
                print("\(file): fix these errors first (kinpress validate shows them all)", to: &standardError)
                throw ExitCode(1)
            }
            let linter = try makeLinter(templates: folder, language: written.case.language)
            var findings = linter.lint(written, locations: reading.locations, fileName: file, for: audience, languages: reading.languages(at:))
            if audience != .professional,
               let untranslated = untranslated(language: written.case.language, catalogues: catalogues, file: file, locations: reading.locations) {
                findings.insert(untranslated, at: 0)
            }
            results.append(LintResult(file: file, findings: findings, readingAges: linter.readingAges(written, for: audience)))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(LintReport(audience: audience.rawValue, files: results)), as: UTF8.self))
        } else {
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            for result in results { print(result.text(audience: audience, colour: colour)) }
        }
        if results.contains(where: { $0.findings.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }

    /// Fixed sentences the family's language has no translation of: they print in English.
    private func untranslated(language: String, catalogues: TemplateSet, file: String, locations: [FieldPath: SourceLocation]) -> Finding? {
        let catalogue = catalogues.catalogue(for: language)
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

/// The linter for a case's language, from the templates folder in use.
func makeLinter(templates folder: URL, language: String) throws -> Linter {
    let base = String(language.split(separator: "-").first ?? "en").lowercased()
    return try reporting { try Linter(templates: folder, language: base) }
}

struct LintResult {
    var file: String
    var findings: [Finding]
    var readingAges: [(section: String, readingAge: Double, words: Int)]

    func text(audience: Audience, colour: Bool) -> String {
        var lines = ["\(file), read by \(audience == .child ? "a child" : audience == .family ? "the family" : "professionals")"]
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

    static func paint(_ severity: Finding.Severity, colour: Bool) -> String {
        guard colour else { return severity.rawValue }
        let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}

struct LintReport: Encodable {
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

    init(audience: String, files results: [LintResult]) {
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
}
