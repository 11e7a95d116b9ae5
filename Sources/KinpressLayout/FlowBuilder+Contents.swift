/// Decides how a contents list looks: one linked line per following heading, its page number filled in later.
import Foundation
import KinpressCompose
import KinpressSupport

extension FlowBuilder {
    /// One line per heading after this point: its title, and its page number filled in once the
    /// pages are known, both inside a link to the heading.
    mutating func addContents(levels: Int, x: Double, width: Double, path: [StructureElement]) {
        let all = Document.headings(in: documentBlocks)
        let following = all.dropFirst(headingNumber).filter { $0.level <= levels }
        let contents = element("TOC")
        let numberWidth = theme.font.size * 3
        for (index, entry) in following.enumerated() {
            let link = element("Link", alternative: entry.title, link: entry.id)
            let structure = path + [contents, element("TOCI"), link]
            var style = body
            style.bold = entry.level == 1
            let indent = Double(entry.level - 1) * theme.font.size
            // Isolated, so an English heading listed in an Arabic document keeps its own direction.
            let title = text([TextRun(text: Bidi.isolate(entry.title))], style, width: width - numberWidth - indent)
            let rule = PlacedItem(.line(x1: x, y1: title.height + 3, x2: x + width, y2: title.height + 3, colour: Colour(theme, "rule"), width: 0.5), artifact: true)
            let marks = [
                PlacedItem(.text(title, lines: 0..<title.lines.count, x: x + indent, y: 2), structure: structure),
                PlacedItem(.pageNumber(of: entry.id, x: x + width - numberWidth, y: 2, width: numberWidth), structure: structure),
                rule,
            ]
            items.append(.box(FlowBox(height: title.height + 6, items: marks, spaceBefore: index == 0 ? theme.spacing.paragraph : 0,
                                      spaceAfter: index == following.count - 1 ? theme.spacing.paragraph * 2 : 0)))
        }
    }
}
