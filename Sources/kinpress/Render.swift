import ArgumentParser
import Foundation
import Kinpress
import KinpressLayout
import KinpressLint
import KinpressCase

extension Paper: ExpressibleByArgument {}

extension Format: ExpressibleByArgument {}

/// How documents look, for every command that makes them.
struct LookOptions: ParsableArguments {
    @Option(help: "The theme from the templates folder's themes/: default, large-print, easy-read or storyboard.")
    var theme = "default"

    @Option(help: "Paper size for PDF: a4 or letter.")
    var paper: Paper = .a4
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make one document for a case, as PDF or as one self-contained HTML file.",
        discussion: "The file is written whole or not at all: a failed render leaves no file behind."
    )

    @OptionGroup var options: DocumentOptions

    @OptionGroup var look: LookOptions

    @Option(help: "pdf or html (default: from the output file's name, .html or .htm for HTML).")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file.pdf|file.html"))
    var output: String

    @Flag(help: "Refuse to render a case that kinpress lint finds errors in (for this reader), or that has empty texts.")
    var strict = false

    func run() throws {
        let reading = try options.read()
        let found = reading.case!
        let empty = reading.warnings.filter { $0.code == .emptyText }
        if strict, !empty.isEmpty {
            // The warnings themselves were printed when the case was read.
            var standardError = FileHandle.standardError
            print("\(options.caseFile): not rendered: --strict refuses empty texts (\(empty.count)). Write them, or leave the lines out", to: &standardError)
            throw ExitCode(1)
        }
        if let written = reading.asWritten, strict || options.document == .wordsAndPictures {
            let linter = try makeLinter(templates: options.templates.folder(), language: written.case.language)
            var standardError = FileHandle.standardError
            if options.document == .wordsAndPictures {
                // A child's story is checked against a child's reading level: warned about, never rewritten.
                for finding in linter.lint(written, locations: reading.locations, fileName: options.caseFile, for: .child)
                where finding.section == "Words and Pictures" && finding.severity != .advice {
                    print(finding, to: &standardError)
                }
            }
            if strict {
                let errors = linter.lint(written, locations: reading.locations, fileName: options.caseFile, for: options.audience, languages: reading.languages(at:)).filter { $0.severity == .error }
                if !errors.isEmpty {
                    for error in errors { print(error, to: &standardError) }
                    print("\(options.caseFile): not rendered: --strict and kinpress lint found \(errors.count) error\(errors.count == 1 ? "" : "s")", to: &standardError)
                    throw ExitCode(1)
                }
            }
        }
        let kinpress = try options.kinpress()
        let choices = Kinpress.Options(audience: options.audience, theme: look.theme, paper: look.paper)
        if (format ?? Format(fileName: output)) == .html {
            let bytes = try reporting(options.caseFile, reading) { try kinpress.html(options.document, of: found, options: choices) }
            try reporting { try writeAtomically(bytes, to: URL(fileURLWithPath: output)) }
            return
        }
        let rendered = try reporting(options.caseFile, reading) { try kinpress.renderPDF(options.document, of: found, options: choices) }
        let bytes = rendered.bytes
        warnAboutMissingCharacters(rendered.missingCharacters, caseFile: options.caseFile, reading: reading)
        try reporting { try writeAtomically(bytes, to: URL(fileURLWithPath: output)) }
    }
}
