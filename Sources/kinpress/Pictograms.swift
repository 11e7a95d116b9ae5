import ArgumentParser
import Foundation
import FoundationXML
import Kinpress
import KinpressCompose

struct Pictograms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List Kinpress's pictograms (pictogram:NAME in a case file), or make a contact sheet of them.",
        discussion: "A council may replace any of them with its own SVG of the same name in Templates/pictures/pictograms/."
    )

    @Option(help: ArgumentHelp("Write a PDF contact sheet of every pictogram here.", valueName: "file.pdf"))
    var sheet: String?

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let kinpress = try templates.kinpress()
        let folder = kinpress.templates.pictograms
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "svg" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let entries = files.map { ($0.deletingPathExtension().lastPathComponent, Self.title(of: $0), $0) }
        guard let sheet else {
            for (name, title, _) in entries { print("pictogram:\(name)\t\(title)") }
            return
        }
        var blocks: [Block] = [.heading(level: 1, id: "pictograms", text: [TextRun(text: "Kinpress pictograms")])]
        for (name, title, file) in entries {
            blocks.append(.paragraph(style: .body, text: [TextRun(text: "pictogram:\(name)", bold: true), TextRun(text: "  \(title)")]))
            blocks.append(.picture(PictureBlock(file: file, alternative: title, field: "pictogram:\(name)", maximumHeight: 0.1)))
        }
        let document = Document(title: "Kinpress pictograms", language: "en", runningTitle: "Kinpress pictograms", pageLabel: "{page} / {pages}", blocks: blocks)
        let bytes = try reporting { try kinpress.renderPDF(document, author: "Kinpress", date: "2026-01-01T00:00:00Z", options: .init(audience: .professional)).bytes }
        try reporting { try writeAtomically(bytes, to: URL(fileURLWithPath: sheet)) }
        print("\(sheet): \(entries.count) pictograms")
    }

    /// The picture's own description: its SVG `<title>`.
    static func title(of file: URL) -> String {
        guard let document = try? XMLDocument(contentsOf: file, options: []),
              let title = try? document.nodes(forXPath: "//*[local-name()='title']").first?.stringValue else { return "" }
        return title.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
