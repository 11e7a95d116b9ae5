import ArgumentParser
import Foundation
import Kinpress

extension Paper: ExpressibleByArgument {}

extension Format: ExpressibleByArgument {}

/// How documents look, for every command that makes them.
struct LookOptions: ParsableArguments {
    @Option(help: "The theme from the templates folder's themes/: default, large-print, easy-read or storyboard.")
    var theme = "default"

    @Option(help: "Paper size for PDF: a4 or letter.")
    var paper: Paper = .a4

    var look: Look { Look(theme: theme, paper: paper) }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
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
        let kinpress = try options.kinpress()
        let item = Request.Item(.document(options.document), for: options.audience, as: format ?? Format(fileName: output))
        var request = Request(item, look: look.look, strict: strict)
        request.child = options.child
        let made = try making { try kinpress.make(item, of: request, from: reading) }
        warn(made.warnings)
        try reporting { try writeAtomically(made.bytes, to: URL(fileURLWithPath: output)) }
    }
}
