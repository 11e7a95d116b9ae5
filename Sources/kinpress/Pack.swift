import ArgumentParser
import Foundation
import Kinpress

struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Make a meeting pack: every document for one meeting in one file, with a cover, agenda and contents.",
        discussion: """
            The professional pack is for the chair and carries the protective marking on every page. \
            The family pack holds nothing marked for professionals and ends with the hard words it \
            uses; beside it Kinpress writes, for the chair only, FILE's name with \
            .withheld-chair-only.txt: everything left out of the family copy, by case-file field, \
            so the chair can check the copy before it is sent.
            """
    )

    enum Reader: String, ExpressibleByArgument, CaseIterable {
        case professional, family

        var audience: Audience { self == .professional ? .professional : .family }
    }

    @Argument(help: ArgumentHelp("The case file (.yaml, .yml or .json).", valueName: "case"))
    var caseFile: String

    @Option(help: "Who the pack is for: professional (the chair's copy) or family.")
    var audience: Reader = .professional

    @Option(help: "pdf or html (default: from the output file's name).")
    var format: Format?

    @Flag(help: "Mark every page DRAFT.")
    var draft = false

    @OptionGroup var look: LookOptions

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var council: CouncilOption

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file.pdf|file.html"))
    var output: String

    func run() throws {
        let reading = try readCaseFile(caseFile)
        let kinpress = try council.apply(to: templates.kinpress())
        let item = Request.Item(.pack(draft: draft), for: audience.audience, as: format ?? Format(fileName: output))
        let made = try making { try kinpress.make(item, of: Request(item, look: look.look), from: reading) }
        let target = URL(fileURLWithPath: output)
        try reporting { try writeAtomically(made.bytes, to: target) }
        if let list = made.chairList {
            try reporting { try writeAtomically(Array(list.text(packFile: target.lastPathComponent, title: made.title).utf8), to: ChairList.file(beside: target)) }
        }
        warn(made.warnings)
        let pages = made.pages.map { ", \($0) pages" } ?? ""
        print("\(output): \(made.plainTitle)\(pages)" + (made.chairList.map { "; " + $0.summary(beside: target) } ?? ""))
    }
}
