import KinpressCompose

/// A structure element of the tagged document (PDF tags): a paragraph, a list item, a table
/// cell, a figure. Pagination never splits one: an element laid out over three pages is still
/// one element, with the same id.
public struct StructureElement: Hashable, Sendable {
    public var id: Int
    /// The PDF structure type: Sect, H1, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Div.
    public var role: String
    /// Alternative text, for figures; for a link, the title of what it leads to.
    public var alternative: String?
    /// Where a `Link` element points: a destination name.
    public var link: String?
    /// The language of a `Part` in another language than the document's.
    public var language: String?
    /// What a `TH` heads: "Column" or "Row".
    public var scope: String?
}

/// Something drawn on a page, in points from the page's top left.
public enum Mark {
    /// Lines `lines` of a text block; `y` is where the first of them starts.
    case text(TextBlock, lines: Range<Int>, x: Double, y: Double)
    case rectangle(x: Double, y: Double, width: Double, height: Double, fill: Colour?, stroke: Colour?, lineWidth: Double)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, colour: Colour, width: Double)
    case circle(x: Double, y: Double, radius: Double, fill: Colour)
    /// A circle's outline.
    case ring(x: Double, y: Double, radius: Double, colour: Colour, width: Double)
    /// A picture scaled into the box at (x, y).
    case picture(LoadedPicture, x: Double, y: Double, width: Double, height: Double)
    /// A closed shape through `points` (a house's walls and roof), filled, outlined or both.
    case polygon([Point], fill: Colour?, stroke: Colour?, lineWidth: Double)
    /// A diagram marker: filled, or outlined only.
    case shape(MarkerShape, x: Double, y: Double, size: Double, colour: Colour, filled: Bool)
    /// A place links and bookmarks can point at.
    case destination(name: String, x: Double, y: Double)
    /// The number of the page a destination ends up on, right-aligned in `width`: known only
    /// once the whole document is on pages, and replaced by text then.
    case pageNumber(of: String, x: Double, y: Double, width: Double)
    /// Text turned `angle` radians about its centre (a watermark).
    case rotated(TextBlock, centreX: Double, centreY: Double, angle: Double)

    /// The mark mirrored about the vertical line at `axis / 2` (for right-to-left pages): boxes
    /// and text blocks keep their width and move; text itself is not flipped.
    func mirrored(_ axis: Double) -> Mark {
        switch self {
        case .text(let block, let lines, let x, let y): return .text(block, lines: lines, x: axis - x - block.layoutWidth, y: y)
        case .rectangle(let x, let y, let w, let h, let fill, let stroke, let width): return .rectangle(x: axis - x - w, y: y, width: w, height: h, fill: fill, stroke: stroke, lineWidth: width)
        case .line(let x1, let y1, let x2, let y2, let colour, let width): return .line(x1: axis - x1, y1: y1, x2: axis - x2, y2: y2, colour: colour, width: width)
        case .circle(let x, let y, let r, let fill): return .circle(x: axis - x, y: y, radius: r, fill: fill)
        case .ring(let x, let y, let r, let colour, let width): return .ring(x: axis - x, y: y, radius: r, colour: colour, width: width)
        case .picture(let picture, let x, let y, let width, let height): return .picture(picture, x: axis - x - width, y: y, width: width, height: height)
        case .shape(let shape, let x, let y, let size, let colour, let filled): return .shape(shape, x: axis - x, y: y, size: size, colour: colour, filled: filled)
        case .polygon(let points, let fill, let stroke, let width): return .polygon(points.map { Point(axis - $0.x, $0.y) }, fill: fill, stroke: stroke, lineWidth: width)
        case .destination(let name, let x, let y): return .destination(name: name, x: axis - x, y: y)
        case .pageNumber(let name, let x, let y, let width): return .pageNumber(of: name, x: axis - x - width, y: y, width: width)
        case .rotated(let block, let x, let y, let angle): return .rotated(block, centreX: axis - x, centreY: y, angle: -angle)
        }
    }

    func moved(by dy: Double) -> Mark {
        switch self {
        case .text(let block, let lines, let x, let y): return .text(block, lines: lines, x: x, y: y + dy)
        case .rectangle(let x, let y, let w, let h, let fill, let stroke, let width): return .rectangle(x: x, y: y + dy, width: w, height: h, fill: fill, stroke: stroke, lineWidth: width)
        case .line(let x1, let y1, let x2, let y2, let colour, let width): return .line(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, colour: colour, width: width)
        case .circle(let x, let y, let r, let fill): return .circle(x: x, y: y + dy, radius: r, fill: fill)
        case .ring(let x, let y, let r, let colour, let width): return .ring(x: x, y: y + dy, radius: r, colour: colour, width: width)
        case .picture(let picture, let x, let y, let width, let height): return .picture(picture, x: x, y: y + dy, width: width, height: height)
        case .shape(let shape, let x, let y, let size, let colour, let filled): return .shape(shape, x: x, y: y + dy, size: size, colour: colour, filled: filled)
        case .polygon(let points, let fill, let stroke, let width): return .polygon(points.map { Point($0.x, $0.y + dy) }, fill: fill, stroke: stroke, lineWidth: width)
        case .destination(let name, let x, let y): return .destination(name: name, x: x, y: y + dy)
        case .pageNumber(let name, let x, let y, let width): return .pageNumber(of: name, x: x, y: y + dy, width: width)
        case .rotated(let block, let x, let y, let angle): return .rotated(block, centreX: x, centreY: y + dy, angle: angle)
        }
    }
}

public struct PlacedItem {
    public var mark: Mark
    /// The structure elements the mark belongs to, outermost first (the Document root is implied).
    public var structure: [StructureElement]
    /// Running headers and footers, repeated table headers, decoration: not content.
    public var isArtifact: Bool

    init(_ mark: Mark, structure: [StructureElement] = [], artifact: Bool = false) {
        self.mark = mark
        self.structure = structure
        self.isArtifact = artifact || structure.isEmpty
    }
}

public struct LaidOutPage {
    public var items: [PlacedItem]
}

/// A bookmark: a heading and where it is.
public struct OutlineEntry: Sendable {
    public var title: String
    public var level: Int
    public var destination: String
    public var page: Int
}

/// A document on pages, ready to draw.
public struct LaidOutDocument {
    public var document: Document
    public var geometry: PageGeometry
    public var pages: [LaidOutPage]
    public var outline: [OutlineEntry]
    /// The index of the first page numbered 1: pages before it (a pack's cover and contents)
    /// are numbered i, ii, iii.
    public var bodyStart: Int

    /// Texts with characters no installed font can show, so they can be reported rather than
    /// printed as empty boxes.
    public var textsWithMissingCharacters: [String] {
        var seen: Set<String> = []
        return pages.flatMap(\.items).compactMap { item -> String? in
            guard case .text(let block, _, _, _) = item.mark, let text = block.missingGlyphs, seen.insert(text).inserted else { return nil }
            return text
        }
    }
}

extension LaidOutPage {
    /// The box each piece of placed text takes on the page (all its lines on this page), for
    /// checking that nothing overlaps. How lines of one paragraph sit together is Pango's affair.
    public var textBoxes: [Box] {
        items.compactMap { item -> Box? in
            guard case .text(let block, let lines, let x, let y) = item.mark, let first = lines.first, let last = lines.last else { return nil }
            let placed = lines.map { block.lines[$0] }
            let left = placed.map(\.left).min() ?? 0
            let right = placed.map { $0.left + $0.width }.max() ?? 0
            let top = block.lines[first].top
            return Box(x: x + left, y: y, width: right - left, height: block.lines[last].top + block.lines[last].height - top)
        }
    }
}
