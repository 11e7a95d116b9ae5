/// Decides how words are set: headings and their sizes, paragraph styles and what keeps with what, list markers, callout boxes, signature lines.

import Foundation
import KinpressCompose

extension FlowBuilder {
    mutating func addHeading(_ runs: Inline, level written: Int, id: String, x: Double, width: Double, path: [StructureElement]) {
        headingNumber += 1
        let level = theme.headingLevel(written)
        var style = body
        style.size = theme.headings.size(level)
        style.bold = true
        style.lineHeight = theme.headings.lineHeight
        style.colour = Colour(theme, "heading")
        let structure = path + [element("H\(level)")]
        let title = runs.map(\.text).joined()
        items.append(.text(FlowText(
            block: text(runs, style, width: width), x: x, structure: structure,
            spaceBefore: theme.spaceBeforeHeading(level), spaceAfter: level == 1 ? 6 : 4, keepWithNext: true,
            destination: id, outline: (title, level))))
    }

    mutating func addParagraph(_ runs: Inline, style paragraphStyle: ParagraphStyle, x: Double, width: Double, path: [StructureElement]) {
        var style = body
        let sizes = theme.sizes
        switch paragraphStyle {
        case .body: break
        case .lead: style.size = theme.font.size * sizes.lead
        case .subtitle: style.colour = Colour(theme, "muted")
        case .note: style.size = theme.font.size * sizes.note; style.colour = Colour(theme, "muted")
        case .small, .label: style.size = theme.small; style.colour = Colour(theme, "muted")
        case .story: style.size = max(sizes.storyMinimum, theme.font.size * sizes.story); style.lineHeight = max(theme.font.lineHeight, sizes.storyLineHeight)
        }
        // A note (who said it, who disagrees) stays with the paragraph it is about.
        if paragraphStyle == .note { keepLastWithNext() }
        let block = text(runs, style, width: width)
        // A one-line paragraph all in bold is a label for what follows ("Kasia said 6"); a
        // short paragraph right after a heading introduces what follows it.
        var afterHeading = false
        if case .text(let previous)? = items.last, previous.outline != nil { afterHeading = true }
        let isLabel = (block.lines.count == 1 && !runs.isEmpty && runs.allSatisfy(\.bold)) || (afterHeading && block.lines.count <= 2)
        var paragraph = FlowText(block: block, x: x, structure: path + [element("P")], spaceBefore: 0, spaceAfter: theme.spacing.paragraph,
                                 keepWithNext: isLabel || paragraphStyle == .label)
        paragraph.introduces = paragraphStyle == .label
        items.append(.text(paragraph))
    }

    /// Each item's first line gets its bullet or number, or in easy read the list's pictogram.
    mutating func addList(_ entries: [[Block]], ordered: Bool, icon: URL?, x: Double, width: Double, path: [StructureElement]) {
        let list = element("L")
        let picture = theme.listIcons == true ? icon.flatMap { pictures[$0] } : nil
        let indent = picture == nil ? theme.font.size * 1.5 : theme.font.size * 3.2
        for (index, entry) in entries.enumerated() {
            let item = element("LI")
            let label = element("Lbl")
            let bodyElement = element("LBody")
            let start = items.count
            add(entry, x: x + indent, width: width - indent, path: path + [list, item, bodyElement])
            guard start < items.count, case .text(var first) = items[start] else { continue }
            if let picture {
                // Easy read: the list's pictogram beside each point, as a figure with no words of its own.
                let size = theme.font.size * 2.4
                let iconItem = PlacedItem(.picture(picture, x: x, y: 0, width: size, height: size), artifact: true)
                first.icon = (iconItem, size)
                // Leave room for the picture when the point is shorter than it.
                if items.count == start + 1 { first.spaceAfter = max(first.spaceAfter, size - first.block.height + 6) }
            } else {
                let marker = text([TextRun(text: ordered ? "\(index + 1)." : "•")], body, width: indent)
                first.label = (marker, x, path + [list, item, label])
            }
            items[start] = .text(first)
        }
    }

    /// A framed group: its box is drawn behind it on every page it reaches.
    mutating func addCallout(_ blocks: [Block], kind: String, title: Inline?, x: Double, width: Double, path: [StructureElement]) {
        let padding = theme.font.size * 0.8
        let group = element("Div")
        items.append(.beginFrame(Frame(x: x, width: width, fill: Colour(theme, kind), border: Colour(theme, kind + "Border"),
                                       padding: padding, structure: path + [group])))
        let inner = width - 2 * padding - 3
        if let title {
            var style = body
            style.bold = true
            items.append(.text(FlowText(block: text(title, style, width: inner), x: x + padding + 3, structure: path + [group, element("P")],
                                        spaceBefore: 0, spaceAfter: theme.spacing.paragraph * 0.6, keepWithNext: true)))
        }
        add(blocks, x: x + padding + 3, width: inner, path: path + [group])
        items.append(.endFrame)
    }

    /// Signature lines stay with the words before them.
    mutating func addSignatures(_ signatures: [Signature], dateLabel: String, x: Double, width: Double, path: [StructureElement]) {
        keepLastWithNext()
        for signature in signatures {
            items.append(.box(signatureBox(signature, dateLabel: dateLabel, x: x, width: width, path: path)))
        }
    }

    mutating func signatureBox(_ signature: Signature, dateLabel: String, x: Double, width: Double, path: [StructureElement]) -> FlowBox {
        let paragraph = path + [element("P")]
        var nameStyle = body
        nameStyle.bold = true
        var roleStyle = body
        roleStyle.size = theme.small
        roleStyle.colour = Colour(theme, "muted")
        let lineTop = theme.font.size * 2.6
        let name = text([TextRun(text: signature.name)], nameStyle, width: width * 0.55)
        let role = text([TextRun(text: signature.role)], roleStyle, width: width * 0.55)
        let date = text([TextRun(text: dateLabel)], roleStyle, width: width * 0.3)
        let rule = Colour(theme, "text")
        let items = [
            PlacedItem(.line(x1: x, y1: lineTop, x2: x + width * 0.6, y2: lineTop, colour: rule, width: 0.75), artifact: true),
            PlacedItem(.line(x1: x + width * 0.68, y1: lineTop, x2: x + width, y2: lineTop, colour: rule, width: 0.75), artifact: true),
            PlacedItem(.text(name, lines: 0..<name.lines.count, x: x, y: lineTop + 3), structure: paragraph),
            PlacedItem(.text(role, lines: 0..<role.lines.count, x: x, y: lineTop + 3 + name.height), structure: paragraph),
            PlacedItem(.text(date, lines: 0..<date.lines.count, x: x + width * 0.68, y: lineTop + 3), structure: paragraph),
        ]
        return FlowBox(height: lineTop + 3 + name.height + role.height, items: items, spaceBefore: theme.spacing.paragraph * 2, spaceAfter: theme.spacing.paragraph)
    }
}
