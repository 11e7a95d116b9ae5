import Foundation
import KinpressCompose

/// One thing the paginator places: text that may break between lines, a box that may not, or
/// the start and end of a framed group (a callout), which may run over pages.
enum FlowItem {
    case text(FlowText)
    case box(FlowBox)
    case beginFrame(Frame)
    case endFrame
    /// `startsBody`: numbering starts again at 1 on the new page (after a pack's front matter).
    case pageBreak(startsBody: Bool)
}

struct FlowText {
    var block: TextBlock
    var x: Double
    var structure: [StructureElement]
    var spaceBefore: Double
    var spaceAfter: Double
    var keepWithNext = false
    /// A bullet or number drawn beside the first line.
    var label: (block: TextBlock, x: Double, structure: [StructureElement])?
    /// A picture beside the first line instead (easy read), with its height.
    var icon: (item: PlacedItem, size: Double)?
    /// A label for what follows ("In English"): it goes wherever what follows goes.
    var introduces = false
    /// A heading's link target and bookmark.
    var destination: String?
    var outline: (title: String, level: Int)?
}

/// Ties a table row to its table and the header row repeated above it on a new page.
struct TableLink {
    var id: Int
    var headerItems: [PlacedItem]
    var headerHeight: Double
}

struct FlowBox {
    var height: Double
    /// Marks with `y` measured from the box's top.
    var items: [PlacedItem]
    var spaceBefore: Double
    var spaceAfter: Double
    var keepWithNext = false
    /// For a table row: the table, and its header row to repeat when the table runs onto a new page.
    var table: TableLink?
}

/// A callout's box: drawn behind its content on each page it reaches.
struct Frame {
    var x: Double
    var width: Double
    var fill: Colour
    var border: Colour
    var padding: Double
    var structure: [StructureElement]
    /// The coloured edge goes on the right (a right-to-left page).
    var edgeOnRight = false
}

extension FlowItem {
    /// The item mirrored about the vertical line at `axis / 2`, for a right-to-left page: every
    /// box keeps its width and moves to the other side; text keeps its own direction.
    func mirrored(_ axis: Double) -> FlowItem {
        switch self {
        case .text(var text):
            text.x = axis - text.x - text.block.layoutWidth
            if let label = text.label { text.label = (label.block, axis - label.x - label.block.layoutWidth, label.structure) }
            if let icon = text.icon { text.icon = (PlacedItem(icon.item.mark.mirrored(axis), structure: icon.item.structure, artifact: icon.item.isArtifact), icon.size) }
            return .text(text)
        case .box(var box):
            box.items = box.items.map { PlacedItem($0.mark.mirrored(axis), structure: $0.structure, artifact: $0.isArtifact) }
            if var table = box.table {
                table.headerItems = table.headerItems.map { PlacedItem($0.mark.mirrored(axis), structure: $0.structure, artifact: $0.isArtifact) }
                box.table = table
            }
            return .box(box)
        case .beginFrame(var frame):
            frame.x = axis - frame.x - frame.width
            frame.edgeOnRight.toggle()
            return .beginFrame(frame)
        case .endFrame, .pageBreak:
            return self
        }
    }
}

/// Measures diagram text with Pango, set exactly as `FlowBuilder.draw` will set it.
struct PangoMeasurer: TextMeasuring {
    let builder: FlowBuilder

    func measure(_ lines: [String], size: Double, bold: Bool, maxWidth: Double) -> (width: Double, height: Double) {
        var style = TextStyle(family: builder.theme.font.family, size: size, lineHeight: 1.0, colour: Colour(builder.theme, "text"))
        style.bold = bold
        let block = builder.text([TextRun(text: lines.joined(separator: "\n"))], style, width: maxWidth)
        return (block.width, block.height)
    }
}

/// Turns the document model into flow items: every piece of text shaped by Pango at the width
/// it will have on the page.
struct FlowBuilder {
    let theme: Theme
    let geometry: PageGeometry
    /// Pango contexts for each direction; `context` is the one in use.
    let contexts: (leftToRight: OpaquePointer, rightToLeft: OpaquePointer)
    private(set) var context: OpaquePointer
    private(set) var rightToLeft: Bool
    private(set) var items: [FlowItem] = []
    /// Where the direction changes (a part in another language): from item `start` on, items
    /// are right to left or not, until the next change.
    private(set) var directionChanges: [(start: Int, rightToLeft: Bool)] = []
    private var nextID = 0
    private var headingNumber = 0

    /// `firstID` and `firstHeading`: the element ids and headings already used, when this
    /// builder lays out the second part of a document.
    init(theme: Theme, geometry: PageGeometry, contexts: (leftToRight: OpaquePointer, rightToLeft: OpaquePointer), rightToLeft: Bool,
         firstID: Int = 0, firstHeading: Int = 0) {
        nextID = firstID
        headingNumber = firstHeading
        self.theme = theme
        self.geometry = geometry
        self.contexts = contexts
        self.rightToLeft = rightToLeft
        context = rightToLeft ? contexts.rightToLeft : contexts.leftToRight
        directionChanges = [(0, rightToLeft)]
    }

    /// The flow with right-to-left stretches mirrored, so they read from the right edge.
    var mirroredItems: [FlowItem] {
        let axis = geometry.left + geometry.right
        var result = items
        for (index, change) in directionChanges.enumerated() where change.rightToLeft {
            let end = index + 1 < directionChanges.count ? directionChanges[index + 1].start : items.count
            for position in change.start..<end { result[position] = items[position].mirrored(axis) }
        }
        return result
    }

    private var body: TextStyle {
        TextStyle(family: theme.font.family, size: theme.font.size, lineHeight: theme.font.lineHeight, colour: Colour(theme, "text"))
    }

    private mutating func element(_ role: String, alternative: String? = nil, link: String? = nil, language: String? = nil,
                                  scope: String? = nil) -> StructureElement {
        nextID += 1
        return StructureElement(id: nextID, role: role, alternative: alternative, link: link, language: language, scope: scope)
    }

    /// The whole document's blocks, set before `add` so that contents can list what follows.
    var documentBlocks: [Block] = []
    /// Every picture the document shows, loaded before the flow is built.
    var pictures: [URL: LoadedPicture] = [:]
    /// A numbered network map's key, set out as a list under it.
    private var pendingKey: (lead: String, entries: [String])?

    func text(_ runs: Inline, _ style: TextStyle, width: Double) -> TextBlock {
        TextBlock(runs: runs, style: style, width: width, context: context)
    }

    mutating func add(_ blocks: [Block], x: Double, width: Double, path: [StructureElement]) {
        for block in blocks { add(block, x: x, width: width, path: path) }
    }

    private mutating func add(_ block: Block, x: Double, width: Double, path: [StructureElement]) {
        let paragraphGap = theme.spacing.paragraph
        switch block {
        case .heading(let written, let id, let runs):
            headingNumber += 1
            let level = min(written, theme.headingLevels ?? 3)
            let size = [theme.headings.h1, theme.headings.h2, theme.headings.h3][min(max(level, 1), 3) - 1]
            var style = body
            style.size = size
            style.bold = true
            style.lineHeight = 1.15
            style.colour = Colour(theme, "heading")
            let structure = path + [element("H\(level)")]
            let title = runs.map(\.text).joined()
            items.append(.text(FlowText(
                block: text(runs, style, width: width), x: x, structure: structure,
                spaceBefore: theme.spacing.heading * (level == 1 ? 1.4 : 1), spaceAfter: level == 1 ? 6 : 4, keepWithNext: true,
                destination: id, outline: (title, level))))
        case .paragraph(let paragraphStyle, let runs):
            var style = body
            switch paragraphStyle {
            case .body: break
            case .lead: style.size = theme.font.size * 1.12
            case .subtitle: style.colour = Colour(theme, "muted")
            case .note: style.size = theme.font.size * 0.92; style.colour = Colour(theme, "muted")
            case .small, .label: style.size = theme.small; style.colour = Colour(theme, "muted")
            case .story: style.size = max(16, theme.font.size * 1.4); style.lineHeight = max(theme.font.lineHeight, 1.5)
            }
            // A note (who said it, who disagrees) stays with the paragraph it is about.
            if paragraphStyle == .note, case .text(var previous)? = items.last {
                previous.keepWithNext = true
                items[items.count - 1] = .text(previous)
            }
            let block = text(runs, style, width: width)
            // A one-line paragraph all in bold is a label for what follows ("Kasia said 6"); a
            // short paragraph right after a heading introduces what follows it.
            var afterHeading = false
            if case .text(let previous)? = items.last, previous.outline != nil { afterHeading = true }
            let isLabel = (block.lines.count == 1 && !runs.isEmpty && runs.allSatisfy(\.bold)) || (afterHeading && block.lines.count <= 2)
            var paragraph = FlowText(block: block, x: x, structure: path + [element("P")], spaceBefore: 0, spaceAfter: paragraphGap,
                                     keepWithNext: isLabel || paragraphStyle == .label)
            paragraph.introduces = paragraphStyle == .label
            items.append(.text(paragraph))
        case .list(let ordered, let icon, let entries):
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
        case .table(let table):
            addTable(table, x: x, width: width, path: path)
        case .callout(let kind, let title, let blocks):
            let padding = theme.font.size * 0.8
            let group = element("Div")
            items.append(.beginFrame(Frame(x: x, width: width, fill: Colour(theme, kind), border: Colour(theme, kind + "Border"),
                                           padding: padding, structure: path + [group])))
            let inner = width - 2 * padding - 3
            if let title {
                var style = body
                style.bold = true
                items.append(.text(FlowText(block: text(title, style, width: inner), x: x + padding + 3, structure: path + [group, element("P")],
                                            spaceBefore: 0, spaceAfter: paragraphGap * 0.6, keepWithNext: true)))
            }
            add(blocks, x: x + padding + 3, width: inner, path: path + [group])
            items.append(.endFrame)
        case .figure(let figure):
            // A figure stays with what leads up to it (a scale's question and what 0 and 10 mean).
            switch items.last {
            case .text(var previous)?: previous.keepWithNext = true; items[items.count - 1] = .text(previous)
            case .box(var previous)?: previous.keepWithNext = true; items[items.count - 1] = .box(previous)
            default: break
            }
            items.append(.box(figureBox(figure, x: x, width: width, path: path)))
            if let caption = figure.caption {
                add(.paragraph(style: .note, text: caption), x: x, width: width, path: path)
            }
            if let key = pendingKey {
                addKey(lead: key.lead, entries: key.entries, x: x, width: width, path: path)
                pendingKey = nil
            }
        case .section(_, let blocks):
            add(blocks, x: x, width: width, path: path + [element("Sect")])
        case .signatures(let dateLabel, let signatures):
            if case .text(var previous)? = items.last {
                previous.keepWithNext = true
                items[items.count - 1] = .text(previous)
            }
            for signature in signatures {
                items.append(.box(signatureBox(signature, dateLabel: dateLabel, x: x, width: width, path: path)))
            }
        case .contents(let levels):
            addContents(levels: levels, x: x, width: width, path: path)
        case .timeline(let diagram):
            addTimeline(diagram, x: x, width: width, path: path)
        case .picture(let block):
            guard let picture = pictures[block.file] else { return }
            let limit = (geometry.bottom - geometry.top) * block.maximumHeight
            let scale = min(width / picture.width, limit / picture.height)
            let (w, h) = (picture.width * scale, picture.height * scale)
            let figure = path + [element("Figure", alternative: block.alternative)]
            // A picture stays with the words before it (a story page keeps its words and picture together).
            if case .text(var previous)? = items.last {
                previous.keepWithNext = true
                items[items.count - 1] = .text(previous)
            }
            items.append(.box(FlowBox(height: h, items: [PlacedItem(.picture(picture, x: x + (width - w) / 2, y: 0, width: w, height: h), structure: figure)],
                                      spaceBefore: theme.spacing.paragraph, spaceAfter: theme.spacing.paragraph * 1.5)))
        case .pageBreak:
            items.append(.pageBreak(startsBody: false))
        case .bodyStart:
            items.append(.pageBreak(startsBody: true))
        case .language(let code, let partRightToLeft, let blocks):
            let saved = (rightToLeft, context)
            setDirection(partRightToLeft)
            add(blocks, x: x, width: width, path: path + [element("Part", language: code)])
            setDirection(saved.0)
            context = saved.1
        }
    }

    private mutating func setDirection(_ value: Bool) {
        rightToLeft = value
        context = value ? contexts.rightToLeft : contexts.leftToRight
        if directionChanges.last?.start == items.count { directionChanges.removeLast() }
        if directionChanges.last?.rightToLeft != value { directionChanges.append((items.count, value)) }
    }

    /// One line per heading after this point: its title, and its page number filled in once the
    /// pages are known, both inside a link to the heading.
    private mutating func addContents(levels: Int, x: Double, width: Double, path: [StructureElement]) {
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
            let title = text([TextRun(text: Catalogue.isolate(entry.title))], style, width: width - numberWidth - indent)
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

    // MARK: Tables

    private mutating func addTable(_ table: Table, x: Double, width: Double, path: [StructureElement]) {
        let tableElement = element("Table")
        let total = table.widths.reduce(0, +)
        let columns = table.widths.map { $0 / max(total, 0.001) * width }
        let padding = theme.font.size * 0.4
        var header: FlowBox?
        if let cells = table.header {
            header = row(cells, header: true, rowHeader: false, columns: columns, x: x, padding: padding, path: path + [tableElement])
            var first = header!
            first.keepWithNext = true
            first.spaceBefore = theme.spacing.paragraph * 0.5
            first.table = TableLink(id: tableElement.id, headerItems: [], headerHeight: 0)
            items.append(.box(first))
        }
        for (index, cells) in table.rows.enumerated() {
            var box = row(cells, header: false, rowHeader: table.rowHeaders, columns: columns, x: x, padding: padding, path: path + [tableElement])
            box.table = TableLink(id: tableElement.id, headerItems: header?.items ?? [], headerHeight: header?.height ?? 0)
            if index == 0 && header == nil { box.spaceBefore = theme.spacing.paragraph * 0.5 }
            if index == table.rows.count - 1 { box.spaceAfter = theme.spacing.paragraph * 1.5 }
            // A small table (up to four rows) stays on one page; a longer one leaves no single
            // row alone at either end of a page.
            if index < table.rows.count - 1, table.rows.count <= 4 || index == 0 || index == table.rows.count - 2 { box.keepWithNext = true }
            if box.height > (geometry.bottom - geometry.top) * 0.8 {
                addTallRow(box, spaceAfter: box.spaceAfter)
            } else {
                items.append(.box(box))
            }
        }
    }

    /// A row too tall for a page (a very long text in a cell) cannot stay whole: its cells
    /// follow one another, each free to break between lines, still tagged as one row.
    private mutating func addTallRow(_ box: FlowBox, spaceAfter: Double) {
        for item in box.items where !item.isArtifact {
            guard case .text(let block, _, let x, _) = item.mark else { continue }
            items.append(.text(FlowText(block: block, x: x, structure: item.structure, spaceBefore: 0, spaceAfter: theme.spacing.paragraph)))
        }
        keepSpace(after: spaceAfter)
    }

    /// Makes sure the last text is followed by at least `space`.
    private mutating func keepSpace(after space: Double) {
        if case .text(var last)? = items.last {
            last.spaceAfter = max(last.spaceAfter, space)
            items[items.count - 1] = .text(last)
        }
    }

    /// One row: `header`, the row of column headers; `rowHeader`, a row whose first cell heads it.
    /// Header cells are bold.
    private mutating func row(_ cells: [Inline], header: Bool, rowHeader: Bool, columns: [Double], x: Double, padding: Double,
                              path: [StructureElement]) -> FlowBox {
        let rowElement = element("TR")
        var style = body
        style.lineHeight = 1.3
        var marks: [PlacedItem] = []
        var height = 0.0
        var cellX = x
        for (index, width) in columns.enumerated() {
            let heads = header || (rowHeader && index == 0)
            let cell = heads ? element("TH", scope: header ? "Column" : "Row") : element("TD")
            style.bold = heads
            let runs = index < cells.count ? cells[index] : []
            let block = text(runs, style, width: width - 2 * padding)
            height = max(height, block.height + 2 * padding)
            marks.append(PlacedItem(.text(block, lines: 0..<block.lines.count, x: cellX + padding, y: padding), structure: path + [rowElement, cell]))
            cellX += width
        }
        let rule = Colour(theme, "rule")
        var decoration: [PlacedItem] = []
        if header {
            decoration.append(PlacedItem(.rectangle(x: x, y: 0, width: cellX - x, height: height, fill: Colour(theme, "tableHeader"), stroke: nil, lineWidth: 0), artifact: true))
        }
        decoration.append(PlacedItem(.line(x1: x, y1: height, x2: cellX, y2: height, colour: rule, width: header ? 1 : 0.5), artifact: true))
        return FlowBox(height: height, items: decoration + marks, spaceBefore: 0, spaceAfter: 0)
    }

    // MARK: Figures

    /// A figure drawn from its scene: the scaling line, or the network map with its legend.
    private mutating func figureBox(_ figure: Figure, x: Double, width: Double, path: [StructureElement]) -> FlowBox {
        let structure = path + [element("Figure", alternative: figure.alternative)]
        let drawing = diagram(figure, width: width)
        pendingKey = Self.key(figure, drawing.key)
        let after = theme.spacing.paragraph * 1.5
        return FlowBox(height: drawing.scene.height, items: draw(drawing.scene, x: x, y: 0, structure: structure),
                       spaceBefore: theme.spacing.paragraph, spaceAfter: after)
    }

    /// A numbered network map's key: the words before it, and each number's person in order.
    static func key(_ figure: Figure, _ people: [NetworkMap.Person]) -> (lead: String, entries: [String])? {
        guard !people.isEmpty, case .networkMap(_, _, let legend) = figure.content else { return nil }
        return (legend["key"] ?? "", people.map { $0.relationship.isEmpty ? $0.name : "\($0.name) (\($0.relationship))" })
    }

    /// A figure's scene `width` wide, its text measured by Pango, and, when a network map had
    /// to number its markers, everyone in number order.
    func diagram(_ figure: Figure, width: Double) -> (scene: Scene, key: [NetworkMap.Person]) {
        let measurer = PangoMeasurer(builder: self)
        switch figure.content {
        case .scale(_, _, let marks):
            return (ScaleLine.layout(marks: marks, width: width, labelSize: theme.small * 1.05, numberSize: theme.small, measurer: measurer), [])
        case .networkMap(let children, let people, let legend):
            let mapPeople = people.enumerated().map { index, person in
                NetworkMap.Person(id: String(index), name: person.name, relationship: person.relationship,
                                  group: NetworkMap.Group(rawValue: person.group) ?? .community, circle: person.circle,
                                  inSafetyNetwork: person.inSafetyNetwork, informedOfWorries: person.informedOfWorries, shown: person.shown)
            }
            // Labels no smaller than 8 pt (nor much smaller than the theme's small text).
            let smallest = min(theme.small, max(8, theme.small - 0.5))
            let figure = NetworkMap.figure(children: children, people: mapPeople, legend: legend, width: width,
                                           maximumHeight: (geometry.bottom - geometry.top) * 0.85, fontSize: max(theme.small, 8),
                                           minimumFontSize: smallest, measurer: measurer)
            return (figure.scene, figure.map.key)
        }
    }

    /// The key under a numbered network map: a list, several to a row, each number in bold
    /// before the person's name and who they are. It may run onto the next page between rows.
    private mutating func addKey(lead: String, entries: [String], x: Double, width: Double, path: [StructureElement]) {
        var style = body
        style.size = theme.font.size * 0.87
        style.lineHeight = 1.25
        if !lead.isEmpty {
            var leadStyle = style
            leadStyle.bold = true
            items.append(.text(FlowText(block: text([TextRun(text: lead)], leadStyle, width: width), x: x, structure: path + [element("P")],
                                        spaceBefore: 0, spaceAfter: 3, keepWithNext: true)))
        }
        var numberStyle = style
        numberStyle.bold = true
        let columns = width >= style.size * 36 ? 3 : width >= style.size * 22 ? 2 : 1
        let gutter = style.size
        let column = (width - gutter * Double(columns - 1)) / Double(columns)
        let numberWidth = style.size * 2.2
        let list = element("L")
        for start in stride(from: 0, to: entries.count, by: columns) {
            var marks: [PlacedItem] = []
            var height = 0.0
            for index in start..<min(start + columns, entries.count) {
                let item = element("LI")
                let left = x + Double(index - start) * (column + gutter)
                let number = text([TextRun(text: String(index + 1))], numberStyle, width: numberWidth)
                let words = text([TextRun(text: entries[index])], style, width: column - numberWidth)
                marks.append(PlacedItem(.text(number, lines: 0..<number.lines.count, x: left, y: 0), structure: path + [list, item, element("Lbl")]))
                marks.append(PlacedItem(.text(words, lines: 0..<words.lines.count, x: left + numberWidth, y: 0), structure: path + [list, item, element("LBody")]))
                height = max(height, words.height, number.height)
            }
            items.append(.box(FlowBox(height: height, items: marks, spaceBefore: 0, spaceAfter: style.size * 0.35)))
        }
        if case .box(var last)? = items.last {
            last.spaceAfter = theme.spacing.paragraph
            items[items.count - 1] = .box(last)
        }
    }

    // MARK: Timelines

    /// The timeline runs down the page: a line with a marker for each entry and its words
    /// beside it, so labels can never overlap and a long history simply continues on the next
    /// page. Long quiet times are shown as a break in the line; "today" divides past from future.
    private mutating func addTimeline(_ diagram: TimelineDiagram, x: Double, width: Double, path: [StructureElement]) {
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
    private mutating func addTimelineEntry(_ entry: TimelineDiagram.Entry, axisX: Double, textX: Double, textWidth: Double,
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
    private mutating func addTimelineBreak(_ gap: String, axisX: Double, textX: Double, textWidth: Double, path: [StructureElement]) {
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

    /// A scene's text item set by Pango in the box it was measured for.
    func sceneText(_ lines: [String], box: Box, size: Double, bold: Bool, colour: String, align: TextAlign = .start) -> TextBlock {
        var style = body
        style.size = size
        style.bold = bold
        style.alignment = align == .centre ? .centre : align == .end ? .end : .start
        style.lineHeight = 1.0
        style.colour = Colour(theme, colour)
        return text([TextRun(text: lines.joined(separator: "\n"))], style, width: box.width + 1)
    }

    /// A diagram's scene as marks, moved to where the diagram goes.
    private func draw(_ scene: Scene, x: Double, y: Double, structure: [StructureElement]) -> [PlacedItem] {
        scene.items.map { item -> PlacedItem in
            switch item {
            case .ring(let centre, let radius, let colour, let width):
                return PlacedItem(.ring(x: x + centre.x, y: y + centre.y, radius: radius, colour: Colour(theme, colour), width: width), structure: structure)
            case .disc(let centre, let radius, let colour):
                return PlacedItem(.circle(x: x + centre.x, y: y + centre.y, radius: radius, fill: Colour(theme, colour)), structure: structure)
            case .marker(let shape, let centre, let size, let colour, let outlined):
                return PlacedItem(.shape(shape, x: x + centre.x, y: y + centre.y, size: size, colour: Colour(theme, colour), filled: !outlined), structure: structure)
            case .line(let from, let to, let colour, let width):
                return PlacedItem(.line(x1: x + from.x, y1: y + from.y, x2: x + to.x, y2: y + to.y, colour: Colour(theme, colour), width: width), structure: structure)
            case .text(let lines, let box, let size, let bold, let colour, let align):
                let block = sceneText(lines, box: box, size: size, bold: bold, colour: colour, align: align)
                // The block is a point wider than its box: keep centred and ended text in the box.
                let shift = align == .centre ? 0.5 : align == .end ? 1 : 0
                return PlacedItem(.text(block, lines: 0..<block.lines.count, x: x + box.x - shift, y: y + box.y), structure: structure)
            case .backdrop(let box):
                return PlacedItem(.rectangle(x: x + box.x, y: y + box.y, width: box.width, height: box.height, fill: .paper, stroke: nil, lineWidth: 0),
                                  structure: structure)
            }
        }
    }

    private mutating func signatureBox(_ signature: Signature, dateLabel: String, x: Double, width: Double, path: [StructureElement]) -> FlowBox {
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
