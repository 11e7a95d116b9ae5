import Foundation
import FoundationXML
import KinpressCompose

/// One of Kinpress's pictograms (`pictogram:NAME` in a case file).
public struct Pictogram: Sendable {
    public var name: String
    /// The picture's own description: its SVG `<title>`.
    public var title: String
    public var file: URL
}

extension Kinpress {
    /// Every pictogram in the templates in use, by name.
    public func pictograms() -> [Pictogram] {
        let files = ((try? FileManager.default.contentsOfDirectory(at: templates.pictograms, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "svg" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        return files.map { Pictogram(name: $0.deletingPathExtension().lastPathComponent, title: Self.title(of: $0), file: $0) }
    }

    /// A PDF contact sheet of every pictogram, each with its name and description, for a worker
    /// choosing one or a council replacing one.
    public func pictogramSheet() throws(RenderFailure) -> RenderedPDF {
        var blocks: [Block] = [.heading(level: 1, id: "pictograms", text: [TextRun(text: "Kinpress pictograms")])]
        for pictogram in pictograms() {
            blocks.append(.paragraph(style: .body, text: [TextRun(text: "pictogram:\(pictogram.name)", bold: true), TextRun(text: "  \(pictogram.title)")]))
            blocks.append(.picture(PictureBlock(file: pictogram.file, alternative: pictogram.title, field: "pictogram:\(pictogram.name)", maximumHeight: 0.1)))
        }
        let document = Document(title: "Kinpress pictograms", language: "en", runningTitle: "Kinpress pictograms", pageLabel: "{page} / {pages}", blocks: blocks)
        return try renderPDF(document, author: "Kinpress", date: "2026-01-01T00:00:00Z", options: Options(audience: .professional))
    }

    private static func title(of file: URL) -> String {
        guard let document = try? XMLDocument(contentsOf: file, options: []),
              let title = try? document.nodes(forXPath: "//*[local-name()='title']").first?.stringValue else { return "" }
        return title.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
