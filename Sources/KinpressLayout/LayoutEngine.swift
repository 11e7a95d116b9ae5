import Foundation
import CPangoCairo
import KinpressCase
import KinpressCompose
import KinpressSupport

/// The layout stage: a document model on pages. An engine has its own Pango font map, which
/// must never be used by two threads at once: one thread uses an engine from the start of a
/// document's layout until its pages are drawn.
public final class LayoutEngine {
    private let fonts: FontLibrary
    /// Pango contexts for left-to-right and right-to-left documents.
    fileprivate let leftToRight: OpaquePointer
    fileprivate let rightToLeft: OpaquePointer
    /// Pictures decoded for earlier documents, with the file's size and date when it was read:
    /// the pictograms and a case's own pictures appear in document after document.
    private var pictureCache: [URL: (stamp: FileStamp, picture: LoadedPicture)] = [:]
    /// Enough for the pictograms and a few cases' pictures; beyond it the cache starts again,
    /// so a batch of thousands of cases does not grow.
    private static let pictureCacheLimit = 64

    public init(fonts: FontLibrary) {
        self.fonts = fonts
        (leftToRight, rightToLeft) = fonts.makeContexts()
    }

    deinit {
        kinpress_object_unref(UnsafeMutableRawPointer(leftToRight))
        kinpress_object_unref(UnsafeMutableRawPointer(rightToLeft))
    }

    /// Lays the document out in two passes: the body is paginated once, then each page gets its
    /// running header and footer, which need the page count ("Page 3 of 7").
    ///
    /// With a `helper` (another engine no other thread is using), a long document's text is
    /// shaped in two halves at once, the second half with the helper's fonts; what is laid out
    /// with either engine must be drawn before either is used for anything else.
    public func layout(_ document: Document, theme: Theme, paper: Paper, helper: LayoutEngine? = nil) throws(LayoutError) -> LaidOutDocument {
        try fonts.check(family: theme.font.family)
        let geometry = PageGeometry(paper: paper, theme: theme)
        let pictures = try loadPictures(in: document)
        func flow(_ range: Range<Int>, on engine: LayoutEngine, firstID: Int) -> FlowBuilder {
            var builder = FlowBuilder(theme: theme, geometry: geometry, contexts: (engine.leftToRight, engine.rightToLeft), rightToLeft: document.rightToLeft,
                                      firstID: firstID, firstHeading: Document.headings(in: Array(document.blocks[..<range.lowerBound])).count)
            builder.documentBlocks = document.blocks
            builder.pictures = pictures
            builder.add(Array(document.blocks[range]), x: geometry.left, width: geometry.contentWidth, path: [])
            return builder
        }
        let builder: FlowBuilder
        var items: [FlowItem]
        if let helper, let split = Self.splitPoint(document.blocks) {
            // Element ids stay unique: the second half counts from far beyond the first.
            let halves = concurrentMap([(0..<split, self, 0), (split..<document.blocks.count, helper, 1_000_000_000)]) { range, engine, firstID in
                flow(range, on: engine, firstID: firstID)
            }
            builder = halves[0]
            items = halves.flatMap(\.mirroredItems)
        } else {
            builder = flow(0..<document.blocks.count, on: self, firstID: 0)
            items = builder.mirroredItems
        }
        var (paginator, pages, outline) = Paginator.paginate(items, geometry: geometry)
        let bodyStart = paginator.bodyStart
        // Second pass: page numbers in the contents, now that every heading has a page. The
        // contents' lines were measured with room for the number, so nothing moves.
        let pageOf = Dictionary(outline.map { ($0.destination, Self.pageName($0.page, bodyStart: bodyStart)) }, uniquingKeysWith: { first, _ in first })
        var numberStyle = builder.body
        numberStyle.alignment = .end
        for pageIndex in pages.indices {
            for itemIndex in pages[pageIndex].items.indices {
                guard case .pageNumber(let destination, let x, let y, let width) = pages[pageIndex].items[itemIndex].mark else { continue }
                let number = builder.text([TextRun(text: pageOf[destination] ?? "")], numberStyle, width: width)
                pages[pageIndex].items[itemIndex].mark = .text(number, lines: 0..<number.lines.count, x: x, y: y)
            }
        }
        for index in pages.indices {
            var marks = furniture(document, page: index, bodyStart: bodyStart, of: pages.count, theme: theme, geometry: geometry, builder: builder)
            if document.rightToLeft {
                marks = marks.map { PlacedItem($0.mark.mirrored(geometry.left + geometry.right), structure: $0.structure, artifact: $0.isArtifact) }
            }
            pages[index].items.insert(contentsOf: marks, at: 0)
            if let watermark = document.watermark {
                // Over everything, see-through, so no box on the page can hide it.
                var style = TextStyle(family: theme.font.family, size: min(geometry.width, geometry.height) / 5, lineHeight: 1, colour: Colour(theme, "watermark"))
                style.bold = true
                let block = builder.text([TextRun(text: watermark)], style, width: geometry.width * 2)
                pages[index].items.append(PlacedItem(.rotated(block, centreX: geometry.width / 2, centreY: geometry.height / 2,
                                                              angle: -atan2(geometry.height, geometry.width)), artifact: true))
            }
        }
        return LaidOutDocument(document: document, geometry: geometry, pages: pages, outline: outline, bodyStart: bodyStart)
    }

    /// Where to cut a document in two for shaping at once: before the top-level section that
    /// leaves the halves nearest in size, or nil when the document is short or has no such
    /// section (a cut inside a section could change what keeps together).
    static func splitPoint(_ blocks: [Block]) -> Int? {
        let weights = blocks.map(weight)
        let total = weights.reduce(0, +)
        guard total >= 20_000 else { return nil }
        var best: (index: Int, distance: Int)?
        var before = 0
        for (index, block) in blocks.enumerated() {
            if index > 0, case .section = block {
                let distance = abs(2 * before - total)
                if distance < (best?.distance ?? .max) { best = (index, distance) }
            }
            before += weights[index]
        }
        return best?.index
    }

    /// Roughly how much shaping a block takes: its characters, and something for each table
    /// cell, figure and picture, with the blocks inside it.
    static func weight(_ block: Block) -> Int {
        func text(_ runs: Inline) -> Int { runs.reduce(0) { $0 + $1.text.utf8.count } }
        return BlockWalker([block]).reduce(0) { total, block in
            switch block {
            case .heading(_, _, let runs), .paragraph(_, let runs): return total + text(runs) + 20
            case .table(let table): return total + (table.rows + [table.header ?? []]).joined().reduce(0) { $0 + text($1) + 40 }
            case .callout(_, let title, _): return total + text(title ?? [])
            case .timeline(let timeline):
                return total + (timeline.events + timeline.journey).reduce(0) { $0 + $1.title.utf8.count + ($1.detail?.utf8.count ?? 0) + 60 }
            case .figure: return total + 3000
            case .signatures(_, let signatures): return total + 100 * signatures.count
            case .picture, .letterhead: return total + 200
            case .contents: return total + 2000
            case .list, .section, .language, .pageBreak, .bodyStart: return total
            }
        }
    }

    /// How page `index` is numbered: i, ii… before the body, then 1, 2….
    static func pageName(_ index: Int, bodyStart: Int) -> String {
        index < bodyStart ? roman(index + 1) : String(index - bodyStart + 1)
    }

    static func roman(_ number: Int) -> String {
        let numerals: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number, result = ""
        for (value, numeral) in numerals {
            while rest >= value { result += numeral; rest -= value }
        }
        return result
    }

    /// A figure as a scene `width` points wide, for formats that draw it themselves (HTML's
    /// SVG): measured by Pango as in the PDF, with each text item's lines as Pango breaks them.
    /// `key` is a numbered network map's key: the words before it, and each number's person in order.
    public func diagram(_ figure: Figure, width: Double, theme: Theme, rightToLeft: Bool = false) -> (scene: Scene, key: (lead: String, entries: [String])?) {
        let builder = FlowBuilder(theme: theme, geometry: PageGeometry(paper: .a4, theme: theme), contexts: (leftToRight, self.rightToLeft), rightToLeft: rightToLeft)
        var (scene, key) = builder.diagram(figure, width: width)
        scene.items = scene.items.map { item in
            guard case .text(let lines, let box, let size, let bold, let colour, let align) = item else { return item }
            let block = builder.sceneText(lines, box: box, size: size, bold: bold, colour: colour)
            return .text(lines: block.lineTexts, box: box, size: size, bold: bold, colour: colour, align: align)
        }
        // A right-to-left page has its diagrams mirrored, as the PDF does.
        if rightToLeft { scene.items = scene.items.map { $0.mirrored(scene.width) } }
        return (scene, FlowBuilder.key(figure, key))
    }

    /// Every picture in the document, each decoded once per engine while its file is unchanged:
    /// a bad one stops the document with its field named.
    /// Pictures sent with the case come from memory and are never cached.
    public func loadPictures(in document: Document) throws(LayoutError) -> [URL: LoadedPicture] {
        var loaded: [URL: LoadedPicture] = [:]
        func load(_ file: URL, field: String) throws(LayoutError) {
            guard loaded[file] == nil else { return }
            if PictureFiles.isSent(file) {
                loaded[file] = try PictureLoader.load(document.pictureFiles?.sentBytes(at: file), name: file.lastPathComponent, field: field)
                return
            }
            let stamp = FileStamp(file)
            if let cached = pictureCache[file], stamp != nil, cached.stamp == stamp {
                loaded[file] = cached.picture
                return
            }
            let picture = try PictureLoader.load(file, field: field)
            loaded[file] = picture
            if let stamp {
                if pictureCache.count >= Self.pictureCacheLimit { pictureCache.removeAll() }
                pictureCache[file] = (stamp, picture)
            }
        }
        for block in BlockWalker(document.blocks) {
            if case .picture(let picture) = block { try load(picture.file, field: picture.field) }
            if case .list(_, let icon?, _) = block { try load(icon, field: "icon") }
            if case .letterhead(let letterhead) = block, let logo = letterhead.logo { try load(logo.file, field: logo.field) }
        }
        return loaded
    }

    /// The running header (title, protective marking) and footer (page number, marking).
    private func furniture(_ document: Document, page index: Int, bodyStart: Int, of pages: Int, theme: Theme, geometry: PageGeometry,
                           builder: FlowBuilder) -> [PlacedItem] {
        var small = TextStyle(family: theme.font.family, size: theme.small, lineHeight: 1.2, colour: Colour(theme, "muted"))
        small.singleLine = true
        let headerY = geometry.top * 0.45
        let footerY = geometry.bottom + (geometry.height - geometry.bottom) * 0.4
        var items: [PlacedItem] = []
        func add(_ text: String, style: TextStyle, x: Double, y: Double, width: Double) {
            let block = builder.text([TextRun(text: text)], style, width: width)
            items.append(PlacedItem(.text(block, lines: 0..<block.lines.count, x: x, y: y), artifact: true))
        }
        // Front matter says only its roman number; the body says "Page 3 of 40", counting the body.
        let label = index < bodyStart ? Self.roman(index + 1)
            : document.pageLabel.replacingOccurrences(of: "{page}", with: String(index - bodyStart + 1)).replacingOccurrences(of: "{pages}", with: String(pages - bodyStart))
        let half = geometry.contentWidth * 0.48
        // Top: the running title on the left, the protective marking on the right. Bottom: the
        // marking on the left, the page number on the right. Each keeps to its own half.
        // A letter's first page is its letterhead: no running title or rule above it.
        let letterhead = index == 0 && document.blocks.contains { if case .letterhead = $0 { return true } else { return false } }
        if !letterhead { add(document.runningTitle, style: small, x: geometry.left, y: headerY, width: half) }
        var right = small
        right.alignment = .end
        add(label, style: right, x: geometry.right - half, y: footerY, width: half)
        // A council's colour draws the rule a little stronger than the theme's pale one.
        let accented = theme.colours["accent"] != nil
        if !letterhead {
            items.append(PlacedItem(.line(x1: geometry.left, y1: headerY + theme.small * 1.6, x2: geometry.right, y2: headerY + theme.small * 1.6,
                                          colour: Colour(theme, accented ? "accent" : "rule"), width: accented ? 1 : 0.5), artifact: true))
        }
        if let marking = document.marking {
            var strong = small
            strong.bold = true
            strong.colour = Colour(theme, "text")
            add(marking, style: strong, x: geometry.left, y: footerY, width: half)
            strong.alignment = .end
            add(marking, style: strong, x: geometry.right - half, y: headerY, width: half)
        }
        return items
    }
}

/// A file's size and modification time: a picture file that still has both is the one decoded.
struct FileStamp: Equatable {
    var size: Int
    var modified: Date

    init?(_ file: URL) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { return nil }
        self.size = size
        self.modified = modified
    }
}
