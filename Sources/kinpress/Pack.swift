import ArgumentParser
import Foundation
import Kinpress
import KinpressAudience
import KinpressCompose
import KinpressLayout
import KinpressSupport

struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file.pdf|file.html"))
    var output: String

    func run() throws {
        let reading = try readCaseFile(caseFile)
        let found = reading.case!
        let kinpress = try templates.kinpress()
        let chosen = format ?? Format(fileName: output)
        let pack = try reporting(caseFile, reading) {
            try kinpress.pack(of: found, options: .init(audience: audience.audience, theme: look.theme, paper: look.paper), format: chosen, draft: draft)
        }
        let target = URL(fileURLWithPath: output)
        try reporting { try writeAtomically(pack.bytes, to: target) }
        if audience == .family {
            try reporting { try writeAtomically(Array(Kinpress.withheldReport(pack, file: target.lastPathComponent).utf8), to: Kinpress.withheldFile(for: target)) }
        }
        warnAboutMissingCharacters(pack.missingCharacters, caseFile: caseFile, reading: reading)
        let pages = pack.pages.map { ", \($0) pages" } ?? ""
        let title = Bidi.withoutIsolates(pack.title)
        print("\(output): \(title)\(pages)" + (audience == .family ? "; \(pack.withheld.count) item\(pack.withheld.count == 1 ? "" : "s") left out, listed in \(Kinpress.withheldFile(for: target).lastPathComponent)" : ""))
    }
}
