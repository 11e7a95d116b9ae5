import ArgumentParser
import Foundation
import Kinpress

struct Pictograms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pictograms",
        abstract: "List Kinpress's pictograms (pictogram:NAME in a case file), or make a contact sheet of them.",
        discussion: "A council may replace any of them with its own SVG of the same name in Templates/pictures/pictograms/."
    )

    @Option(help: ArgumentHelp("Write a PDF contact sheet of every pictogram here.", valueName: "file.pdf"))
    var sheet: String?

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let kinpress = try templates.kinpress()
        let pictograms = kinpress.pictograms()
        guard let sheet else {
            for pictogram in pictograms { print("pictogram:\(pictogram.name)\t\(pictogram.title)") }
            return
        }
        let bytes = try making { try kinpress.pictogramSheet().bytes }
        try reporting { try writeAtomically(bytes, to: URL(fileURLWithPath: sheet)) }
        print("\(sheet): \(pictograms.count) pictograms")
    }
}
