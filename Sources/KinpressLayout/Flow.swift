/// Decides what the flow is made of (text that may break, boxes that may not, frames, page breaks) and hands each block to the file for its kind.

import Foundation
import KinpressCompose
import KinpressSupport

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
    /// The flow so far; the extensions in the files beside this one add to it.
    var items: [FlowItem] = []
    /// Where the direction changes (a part in another language): from item `start` on, items
    /// are right to left or not, until the next change.
    private(set) var directionChanges: [(start: Int, rightToLeft: Bool)] = []
    private var nextID = 0
    /// Headings added so far, counting those of the part before this builder's: contents list
    /// the ones that follow.
    var headingNumber = 0

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

    /// The theme's body text, which every other style starts from.
    var body: TextStyle {
        TextStyle(family: theme.font.family, size: theme.font.size, lineHeight: theme.font.lineHeight, colour: Colour(theme, "text"))
    }

    mutating func element(_ role: String, alternative: String? = nil, link: String? = nil, language: String? = nil,
                                  scope: String? = nil) -> StructureElement {
        nextID += 1
        return StructureElement(id: nextID, role: role, alternative: alternative, link: link, language: language, scope: scope)
    }

    /// The whole document's blocks, set before `add` so that contents can list what follows.
    var documentBlocks: [Block] = []
    /// Every picture the document shows, loaded before the flow is built.
    var pictures: [URL: LoadedPicture] = [:]
    /// A numbered network map's key, set out as a list under it.
    var pendingKey: (lead: String, entries: [String])?

    func text(_ runs: Inline, _ style: TextStyle, width: Double) -> TextBlock {
        TextBlock(runs: runs, style: style, width: width, context: context)
    }

    mutating func add(_ blocks: [Block], x: Double, width: Double, path: [StructureElement]) {
        for block in blocks { add(block, x: x, width: width, path: path) }
    }

    /// Each block by its kind; the kinds are set out in the files beside this one
    /// (`FlowBuilder+Text`, `+Tables`, `+Timeline`, `+Contents`, `+Figures`).
    private mutating func add(_ block: Block, x: Double, width: Double, path: [StructureElement]) {
        switch block {
        case .heading(let level, let id, let runs): addHeading(runs, level: level, id: id, x: x, width: width, path: path)
        case .paragraph(let style, let runs): addParagraph(runs, style: style, x: x, width: width, path: path)
        case .list(let ordered, let icon, let entries): addList(entries, ordered: ordered, icon: icon, x: x, width: width, path: path)
        case .table(let table): addTable(table, x: x, width: width, path: path)
        case .callout(let kind, let title, let blocks): addCallout(blocks, kind: kind, title: title, x: x, width: width, path: path)
        case .figure(let figure): addFigure(figure, x: x, width: width, path: path)
        case .section(_, let blocks): add(blocks, x: x, width: width, path: path + [element("Sect")])
        case .signatures(let dateLabel, let signatures): addSignatures(signatures, dateLabel: dateLabel, x: x, width: width, path: path)
        case .contents(let levels): addContents(levels: levels, x: x, width: width, path: path)
        case .timeline(let diagram): addTimeline(diagram, x: x, width: width, path: path)
        case .picture(let picture): addPicture(picture, x: x, width: width, path: path)
        case .letterhead(let letterhead): addLetterhead(letterhead, path: path)
        case .pageBreak: items.append(.pageBreak(startsBody: false))
        case .bodyStart: items.append(.pageBreak(startsBody: true))
        case .language(let code, let partRightToLeft, let blocks):
            let saved = (rightToLeft, context)
            setDirection(partRightToLeft)
            add(blocks, x: x, width: width, path: path + [element("Part", language: code)])
            setDirection(saved.0)
            context = saved.1
        }
    }

    /// Keeps the last item (text, or with `boxes` a box too) on the page of what comes next.
    mutating func keepLastWithNext(boxes: Bool = false) {
        switch items.last {
        case .text(var previous)?: previous.keepWithNext = true; items[items.count - 1] = .text(previous)
        case .box(var previous)? where boxes: previous.keepWithNext = true; items[items.count - 1] = .box(previous)
        default: break
        }
    }

    private mutating func setDirection(_ value: Bool) {
        rightToLeft = value
        context = value ? contexts.rightToLeft : contexts.leftToRight
        if directionChanges.last?.start == items.count { directionChanges.removeLast() }
        if directionChanges.last?.rightToLeft != value { directionChanges.append((items.count, value)) }
    }
}
