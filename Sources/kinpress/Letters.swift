import ArgumentParser
import Foundation
import Kinpress

extension LetterKind: ExpressibleByArgument {}

struct Letters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Write the letters around a meeting: one file per person, named by their id.",
        discussion: """
            invitation: to everyone invited but the chair (with a page on what happens at the meeting \
            for family members and children). decision: to the parents and carers, once the meeting's \
            outcome is written. Each letter puts its recipient's name and address in a DL envelope's \
            window, in their language; a person's address is printed on their own letter only, and \
            never when it is marked for professionals. Each file is written whole or not at all; one \
            letter that cannot be made does not stop the others.
            """
    )

    @Argument(help: ArgumentHelp("The case file (.yaml, .yml or .json).", valueName: "case"))
    var caseFile: String

    @Option(help: "The letter: invitation or decision.")
    var letter: LetterKind

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("The folder to write the letters in (made if missing).", valueName: "folder"))
    var outputDir: String

    @Option(name: .customLong("to"), parsing: .upToNextOption,
            help: ArgumentHelp("Only these people (ids in people or children). Default: everyone the letter goes to.", valueName: "person"))
    var recipients: [String] = []

    @Option(help: "pdf or html.")
    var format: Format = .pdf

    @OptionGroup var look: LookOptions

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var council: CouncilOption

    func run() throws {
        let reading = try readCaseFile(caseFile)
        let kinpress = try council.apply(to: templates.kinpress())
        let items = try making { try kinpress.letterItems(letter, of: reading.case!, to: recipients.isEmpty ? nil : recipients, format: format) }
        guard !items.isEmpty else {
            var standardError = FileHandle.standardError
            print("\(caseFile): there is no one to send a \(letter.rawValue) letter to. Give --to with their ids", to: &standardError)
            throw ExitCode(1)
        }
        let folder = URL(fileURLWithPath: outputDir)
        var failures = 0
        for item in items {
            let target = folder.appendingPathComponent(item.recipientFileName ?? item.fileName)
            do {
                let made = try kinpress.make(item, of: Request(item, look: look.look), from: reading)
                try reporting { try writeAtomically(made.bytes, to: target) }
                warn(made.warnings)
                print("\(target.path): \(made.plainTitle)" + (made.pages.map { ", \($0) page\($0 == 1 ? "" : "s")" } ?? ""))
            } catch let failure as RenderFailure {
                _ = failed(failure)
                failures += 1
            } catch {
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
