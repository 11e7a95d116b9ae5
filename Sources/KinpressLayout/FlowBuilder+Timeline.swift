/// Decides how a timeline runs down the page: a key, a marker and words per entry, breaks for quiet times, a line for today.
import Foundation
import KinpressCompose

extension FlowBuilder {
    /// The timeline runs down the page: a line with a marker for each entry and its words
    /// beside it, so labels can never overlap and a long history simply continues on the next
    /// page. Long quiet times are shown as a break in the line; "today" divides past from future.
    mutating func addTimeline(_ diagram: TimelineDiagram, x: Double, width: Double, path: [StructureElement]) {
        let axisX = x + 9, textX = x + 26, textWidth = width - 26
        // The key: every kind and status used, with its marker.
        let used = Array(Set(diagram.events.map(\.kind) + diagram.journey.map(\.kind))).sorted()
        // The markers first, then the words: the words are one paragraph, and no artifact may
        // be drawn inside a paragraph that holds text.
        var keyItems: [PlacedItem] = [], keyWords: [PlacedItem] = []
        var keyStyle = body
        keyStyle.size = theme.small
        var cursorX = x, cursorY = 0.0
        let rowHeight = theme.small * 1.8
        let key = path + [element("P")]
        for kind in used {
            let label = text([TextRun(text: diagram.legend[kind] ?? kind)], keyStyle, width: width / 2)
            let needed = 16 + label.width + 14
            if cursorX + needed > x + width { cursorX = x; cursorY += rowHeight }
            let (shape, filled) = MarkerShape.timeline(kind)
            keyItems.append(PlacedItem(.shape(shape, x: cursorX + 6, y: cursorY + rowHeight / 2 - 2, size: 9, colour: Colour(theme, "timeline-\(kind)"), filled: filled), artifact: true))
            keyWords.append(PlacedItem(.text(label, lines: 0..<label.lines.count, x: cursorX + 16, y: cursorY), structure: key))
            cursorX += needed
        }
        if !used.isEmpty {
            items.append(.box(FlowBox(height: cursorY + rowHeight, items: keyItems + keyWords, spaceBefore: theme.spacing.paragraph, spaceAfter: theme.spacing.paragraph)))
        }
        let rule = Colour(theme, "rule")
        // What has happened and what comes next are two lists, with today's line between them
        // (as in HTML); a quiet time belongs to the entry after it.
        let events = element("L")
        for (index, entry) in diagram.events.enumerated() {
            let body = path + [events, element("LI"), element("LBody")]
            if let gap = entry.gapBefore, index > 0 { addTimelineBreak(gap, axisX: axisX, textX: textX, textWidth: textWidth, path: body) }
            addTimelineEntry(entry, axisX: axisX, textX: textX, textWidth: textWidth, path: body, rule: rule)
        }
        // Today: a strong line across, between what has happened and what comes next.
        var todayStyle = body
        todayStyle.bold = true
        todayStyle.colour = Colour(theme, "heading")
        let today = text([TextRun(text: diagram.today)], todayStyle, width: textWidth)
        let todayHeight = today.height + 10
        items.append(.box(FlowBox(height: todayHeight, items: [
            PlacedItem(.line(x1: x, y1: todayHeight / 2, x2: textX - 4, y2: todayHeight / 2, colour: Colour(theme, "heading"), width: 2.5), artifact: true),
            PlacedItem(.text(today, lines: 0..<today.lines.count, x: textX, y: 5), structure: path + [element("P")]),
        ], spaceBefore: 4, spaceAfter: 4, keepWithNext: !diagram.journey.isEmpty)))
        let journey = element("L")
        for entry in diagram.journey {
            addTimelineEntry(entry, axisX: axisX, textX: textX, textWidth: textWidth, path: path + [journey, element("LI"), element("LBody")],
                             rule: Colour(theme, "timeline-planned"))
        }
        if case .box(var last)? = items.last {
            last.spaceAfter = theme.spacing.paragraph * 2
            items[items.count - 1] = .box(last)
        }
    }

    /// One entry, its words a paragraph in `path` (a list item's body).
    mutating func addTimelineEntry(_ entry: TimelineDiagram.Entry, axisX: Double, textX: Double, textWidth: Double,
                                           path: [StructureElement], rule: Colour) {
        let paragraph = path + [element("P")]
        var dateStyle = body
        dateStyle.size = theme.small
        dateStyle.colour = Colour(theme, "muted")
        dateStyle.bold = true
        var titleStyle = body
        titleStyle.bold = true
        let date = text([TextRun(text: entry.date)], dateStyle, width: textWidth)
        let title = text([TextRun(text: entry.title)], titleStyle, width: textWidth)
        let detail = entry.detail.map { text([TextRun(text: $0)], body, width: textWidth) }
        let height = date.height + title.height + (detail?.height ?? 0) + 10
        if height > (geometry.bottom - geometry.top) * 0.8 {
            // Too tall for one page: the words flow on their own, still one list item.
            for block in [date, title] + (detail.map { [$0] } ?? []) {
                items.append(.text(FlowText(block: block, x: textX, structure: paragraph, spaceBefore: 0, spaceAfter: 2)))
            }
            return
        }
        let (shape, filled) = MarkerShape.timeline(entry.kind)
        var marks = [
            PlacedItem(.line(x1: axisX, y1: 0, x2: axisX, y2: height, colour: rule, width: 2), artifact: true),
            PlacedItem(.shape(shape, x: axisX, y: date.height + title.height / 2, size: 11, colour: Colour(theme, "timeline-\(entry.kind)"), filled: filled && !entry.approximate), artifact: true),
            PlacedItem(.text(date, lines: 0..<date.lines.count, x: textX, y: 0), structure: paragraph),
            PlacedItem(.text(title, lines: 0..<title.lines.count, x: textX, y: date.height), structure: paragraph),
        ]
        if let detail {
            marks.append(PlacedItem(.text(detail, lines: 0..<detail.lines.count, x: textX, y: date.height + title.height), structure: paragraph))
        }
        items.append(.box(FlowBox(height: height, items: marks, spaceBefore: 0, spaceAfter: 0)))
    }

    /// A break in the line for a long quiet time, with how long it was.
    mutating func addTimelineBreak(_ gap: String, axisX: Double, textX: Double, textWidth: Double, path: [StructureElement]) {
        var style = body
        style.italic = true
        style.size = theme.small
        style.colour = Colour(theme, "muted")
        let words = text([TextRun(text: gap)], style, width: textWidth)
        let height = max(words.height, 14) + 6
        let rule = Colour(theme, "rule")
        var marks: [PlacedItem] = []
        // A zig-zag where the line is cut.
        var y = 2.0
        var left = true
        while y + 3 < height - 2 {
            marks.append(PlacedItem(.line(x1: axisX + (left ? -3 : 3), y1: y, x2: axisX + (left ? 3 : -3), y2: y + 3, colour: rule, width: 1.5), artifact: true))
            y += 3
            left.toggle()
        }
        marks.append(PlacedItem(.text(words, lines: 0..<words.lines.count, x: textX, y: 3), structure: path + [element("P")]))
        items.append(.box(FlowBox(height: height, items: marks, spaceBefore: 0, spaceAfter: 0)))
    }
}
