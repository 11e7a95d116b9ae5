import ArgumentParser
import Foundation
import Kinpress

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
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
        let kinpress = try templates.kinpress()
        var results: [LintResult] = []
        for file in cases {
            results.append(try making { try kinpress.lint(Kinpress.read(file), for: audience) })
        }
        if json {
            print(try LintReport(audience: audience.rawValue, files: results).json())
        } else {
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            for result in results { print(result.text(audience: audience, colour: colour)) }
        }
        if results.contains(where: { $0.findings.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }
}
