/// Places flow items on pages: headings kept with what follows, no single line of a paragraph
/// left alone at the top or bottom of a page, table rows never split and the header row repeated,
/// callout boxes drawn behind their content on every page they reach.
struct Paginator {
    let geometry: PageGeometry
    private(set) var pages: [LaidOutPage] = []
    private(set) var outline: [OutlineEntry] = []
    /// The index of the page where numbering starts at 1 (0 unless a document has front matter).
    private(set) var bodyStart = 0
    private var current: [PlacedItem] = []
    private var y: Double
    private var pendingSpace = 0.0
    /// Open callout frames: where each started on this page, and the index its box goes behind.
    private var frames: [(frame: Frame, top: Double, index: Int)] = []
    private var lastTable: Int?
    /// Where each item started: its page and the height on that page, for balancing.
    private var starts: [Int: (page: Int, y: Double)] = [:]
    private var placing = 0
    /// How far down each finished page its content reached.
    private var bottoms: [Double] = []
    /// Where each run of pages that ends in a forced break (or the document's end) ended.
    private var runEnds: [(item: Int, page: Int, y: Double)] = []

    init(geometry: PageGeometry) {
        self.geometry = geometry
        y = geometry.top
    }

    private var atTop: Bool { y <= geometry.top + 0.01 && current.allSatisfy(\.isArtifact) }

    /// Places `items`, then, where a run of pages ends on a page holding only a line or two,
    /// once more with those overflows balanced (`balancingBreaks`). Runs end at forced page
    /// breaks, so balancing one cannot move another: one more placing is enough.
    static func paginate(_ items: [FlowItem], geometry: PageGeometry) -> (paginator: Paginator, pages: [LaidOutPage], outline: [OutlineEntry]) {
        var paginator = Paginator(geometry: geometry)
        let (pages, outline) = paginator.place(items)
        let breaks = paginator.balancingBreaks(items)
        guard !breaks.isEmpty else { return (paginator, pages, outline) }
        var balanced = items
        for index in breaks.reversed() { balanced.insert(.pageBreak(startsBody: false), at: index) }
        var again = Paginator(geometry: geometry)
        let (newPages, newOutline) = again.place(balanced)
        return (again, newPages, newOutline)
    }

    /// Where to break a page earlier so that no run of pages ends with a sliver (a line or two
    /// under a full page): before the last heading on the page before, when its section then
    /// fits on the last page whole; otherwise before enough of that page's last items that the
    /// last page holds more than a few lines. At most one break per run, in order.
    private func balancingBreaks(_ items: [FlowItem]) -> [Int] {
        runEnds.indices.compactMap { balancingBreak(items, run: $0) }
    }

    private func balancingBreak(_ items: [FlowItem], run: Int) -> Int? {
        let body = geometry.bottom - geometry.top
        let runStart = run == 0 ? 0 : runEnds[run - 1].item + 1
        let end = runEnds[run]
        let last = end.y - geometry.top
        guard end.page > 0, last > 0, last < body * 0.2, end.page - 1 < bottoms.count else { return nil }
        let previous = end.page - 1
        let bottom = bottoms[previous]
        // Items that start on the page before, not at its top, and not held to the item before them.
        let movable = (runStart..<end.item).filter { index in
            guard index > 0, let start = starts[index], start.page == previous, start.y > geometry.top + 1 else { return false }
            switch items[index - 1] {
            case .text(let text) where text.keepWithNext: return false
            case .box(let box) where box.keepWithNext: return false
            case .beginFrame: return false
            default: return true
            }
        }
        let moved = { (index: Int) in bottom - starts[index]!.y + last }
        if let heading = movable.last(where: { index in
            if case .text(let text) = items[index], text.outline != nil { return moved(index) <= body * 0.95 }
            return false
        }) {
            return heading
        }
        return movable.last { moved($0) >= body * 0.12 && moved($0) <= body * 0.95 }
    }

    mutating func place(_ items: [FlowItem]) -> (pages: [LaidOutPage], outline: [OutlineEntry]) {
        for (index, item) in items.enumerated() {
            placing = index
            switch item {
            case .pageBreak(let startsBody):
                if !atTop {
                    runEnds.append((index, pages.count, y))
                    newPage()
                }
                if startsBody { bodyStart = pages.count }
            case .beginFrame(let frame):
                if y + minimumStart(items, at: index) > geometry.bottom, !atTop { newPage() }
                y += gap(0)
                frames.append((frame, y, current.count))
                y += frame.padding
            case .endFrame:
                guard let open = frames.popLast() else { continue }
                y += open.frame.padding
                closeFragment(open, bottom: y)
                pendingSpace = max(open.frame.padding, 8)
            case .text(let text):
                placeText(text, minimum: minimumStart(items, at: index), following: text.keepWithNext ? minimumStart(items, at: index + 1) : 0)
            case .box(let box):
                placeBox(box, minimum: minimumStart(items, at: index))
            }
        }
        while let open = frames.popLast() { closeFragment(open, bottom: y) }
        runEnds.append((items.count, pages.count, y))
        pages.append(LaidOutPage(items: current))
        return (pages, outline)
    }

    /// The space before an item: the larger of what the last item wants after it and what this
    /// one wants before it; none at the top of a page.
    private mutating func gap(_ before: Double) -> Double {
        let space = atTop ? 0 : max(pendingSpace, before)
        pendingSpace = 0
        return space
    }

    /// How much of item `index` must fit on this page before it starts: a box whole, two lines
    /// of text (all of it when it has three lines or fewer), and what must come with it.
    private func minimumStart(_ items: [FlowItem], at index: Int, depth: Int = 0) -> Double {
        // A one-line label just before a heading (the "In English" over a bilingual section)
        // must see as far ahead as the heading itself will, or the heading moves on alone.
        var limit = 4
        if depth == 0, case .text(let label) = items[safe: index], label.introduces { limit = 6 }
        return minimumStart(items, at: index, depth: depth, limit: limit)
    }

    private func minimumStart(_ items: [FlowItem], at index: Int, depth: Int, limit: Int) -> Double {
        guard index < items.count, depth < limit else { return 0 }
        // What is kept with the next item asks for everything that item will ask for when its
        // turn comes, so a heading never stays behind because its follower looked further ahead.
        let next = min(max(limit, depth + 1 + 4), 10)
        switch items[index] {
        case .text(let text):
            let count = text.block.lines.count
            let lines = count <= 3 ? count : 2
            let own = max(pendingSpace, text.spaceBefore) + text.block.height(of: 0..<lines)
            return own + (text.keepWithNext ? text.spaceAfter + minimumStart(items, at: index + 1, depth: depth + 1, limit: next) : 0)
        case .box(let box):
            return max(pendingSpace, box.spaceBefore) + box.height + (box.keepWithNext ? minimumStart(items, at: index + 1, depth: depth + 1, limit: next) : 0)
        case .beginFrame(let frame):
            // A callout that fits in a third of a page is kept whole.
            let whole = max(pendingSpace, 8) + frameHeight(items, from: index)
            if whole <= (geometry.bottom - geometry.top) / 3 { return whole }
            return max(pendingSpace, 8) + frame.padding + minimumStart(items, at: index + 1, depth: depth + 1, limit: limit)
        case .endFrame, .pageBreak:
            return 0
        }
    }

    /// The height of a callout from its start to its end, as if laid out on one page.
    private func frameHeight(_ items: [FlowItem], from start: Int) -> Double {
        var height = 0.0, pending = 0.0
        var paddings: [Double] = []
        for item in items[start...] {
            switch item {
            case .beginFrame(let frame): paddings.append(frame.padding); height += frame.padding
            case .endFrame: height += paddings.popLast() ?? 0; if paddings.isEmpty { return height }
            case .text(let text): height += max(pending, text.spaceBefore) + text.block.height; pending = text.spaceAfter
            case .box(let box): height += max(pending, box.spaceBefore) + box.height; pending = box.spaceAfter
            case .pageBreak: return .infinity
            }
        }
        return height
    }

    /// `following` is what must come with the end of this text: for a paragraph kept with the
    /// next, that next item's minimum start.
    private mutating func placeText(_ text: FlowText, minimum: Double, following: Double) {
        if y + minimum > geometry.bottom, !atTop { newPage() }
        starts[placing] = (pages.count, y)
        y += gap(text.spaceBefore)
        let block = text.block
        var start = 0
        var labelled = false
        while start < block.lines.count {
            var end = start
            while end < block.lines.count, y + block.height(of: start..<(end + 1)) <= geometry.bottom { end += 1 }
            if end == block.lines.count, following > 0, y + block.height(of: start..<end) + following > geometry.bottom, !atTop || start > 0 {
                // What must follow does not fit after the last line: take the last two lines over
                // with it, or the whole text when it is short.
                end = end - start >= 4 ? end - 2 : start
            }
            if end < block.lines.count {
                // Keep at least two lines together on each side of the break.
                if block.lines.count - end == 1, end - start >= 3 { end -= 1 }
                if end - start == 1, block.lines.count - start > 1, !atTop { end = start }
                if end == start && atTop { end = start + 1 }
            }
            if end > start {
                if !labelled {
                    // The link target, bookmark and bullet go where the first line really lands.
                    labelled = true
                    placeLabels(text)
                }
                current.append(PlacedItem(.text(block, lines: start..<end, x: text.x, y: y), structure: text.structure))
                y += block.height(of: start..<end)
            }
            start = end
            if start < block.lines.count { newPage() }
        }
        pendingSpace = text.spaceAfter
    }

    private mutating func placeLabels(_ text: FlowText) {
        if let destination = text.destination {
            current.append(PlacedItem(.destination(name: destination, x: text.x, y: y), structure: text.structure))
            if let entry = text.outline {
                outline.append(OutlineEntry(title: entry.title, level: entry.level, destination: destination, page: pages.count))
            }
        }
        if let icon = text.icon {
            current.append(PlacedItem(icon.item.mark.moved(by: y), artifact: true))
        }
        if let label = text.label, let first = text.block.lines.first {
            let offset = first.baseline - (label.block.lines.first?.baseline ?? first.baseline)
            current.append(PlacedItem(.text(label.block, lines: 0..<label.block.lines.count, x: label.x, y: y + offset), structure: label.structure))
        }
    }

    private mutating func placeBox(_ box: FlowBox, minimum: Double) {
        if y + minimum > geometry.bottom, !atTop { newPage() }
        starts[placing] = (pages.count, y)
        if let table = box.table {
            // A row that starts a page inside a table gets the header row above it again.
            if atTop, lastTable == table.id, !table.headerItems.isEmpty {
                for item in table.headerItems { current.append(PlacedItem(item.mark.moved(by: y), artifact: true)) }
                y += table.headerHeight
            }
            lastTable = table.id
        } else {
            lastTable = nil
        }
        y += gap(box.spaceBefore)
        for item in box.items {
            var placed = item
            placed.mark = item.mark.moved(by: y)
            current.append(placed)
        }
        y += box.height
        pendingSpace = box.spaceAfter
    }

    private mutating func closeFragment(_ open: (frame: Frame, top: Double, index: Int), bottom: Double) {
        let frame = open.frame
        let background = PlacedItem(.rectangle(x: frame.x, y: open.top, width: frame.width, height: bottom - open.top, fill: frame.fill, stroke: nil, lineWidth: 0), artifact: true)
        let edge = PlacedItem(.rectangle(x: frame.edgeOnRight ? frame.x + frame.width - 3 : frame.x, y: open.top, width: 3, height: bottom - open.top, fill: frame.border, stroke: nil, lineWidth: 0), artifact: true)
        current.insert(contentsOf: [background, edge], at: min(open.index, current.count))
    }

    private mutating func newPage() {
        let open = frames
        for (index, fragment) in open.enumerated().reversed() {
            closeFragment(fragment, bottom: y + fragment.frame.padding * 0.5)
            frames[index].index = 0
        }
        bottoms.append(y)
        pages.append(LaidOutPage(items: current))
        current = []
        y = geometry.top
        pendingSpace = 0
        for index in frames.indices {
            frames[index].top = y
            frames[index].index = 0
            y += frames[index].frame.padding * 0.5
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
