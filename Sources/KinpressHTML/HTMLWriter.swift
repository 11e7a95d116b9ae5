import Foundation
import KinpressCompose
import KinpressLayout

/// Writes a document model as one self-contained HTML file: styles inline, pictures as data
/// addresses, diagrams as inline SVG drawn from the same scenes as the PDF, no script, and a
/// Content-Security-Policy that forbids fetching anything. Works offline, on a 320-pixel phone,
/// with a screen reader, and prints on A4 close to the PDF.
public struct HTMLWriter {
    let document: Document
    let theme: Theme
    let engine: LayoutEngine
    let author: String
    private let tree = HTMLTree()
    private var pictures: [URL: LoadedPicture] = [:]
    private var dataAddresses: [URL: String] = [:]
    private let headings: [Document.HeadingEntry]
    private var headingsSeen = 0
    private var lastHeadingID: String?
    private var figures = 0

    /// Nothing may be fetched: pictures are data addresses and styles are inline; no script runs.
    static let contentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    /// The widest a diagram's points become on screen: 1 pt is 4/3 CSS pixels.
    static let pixelsPerPoint = 4.0 / 3.0

    /// `engine` measures diagram text with Pango, as the PDF does, so a diagram looks the same
    /// in both. A picture that cannot be shown stops the document with its case field named.
    public static func write(_ document: Document, theme: Theme, engine: LayoutEngine, author: String) throws(LayoutError) -> [UInt8] {
        var writer = HTMLWriter(document: document, theme: theme, engine: engine, author: author)
        try writer.loadPictures()
        return writer.write()
    }

    private init(document: Document, theme: Theme, engine: LayoutEngine, author: String) {
        self.document = document
        self.theme = theme
        self.engine = engine
        self.author = author
        headings = Document.headings(in: document.blocks)
    }

    private mutating func loadPictures() throws(LayoutError) {
        pictures = try engine.loadPictures(in: document)
        for (url, picture) in pictures {
            // Loading has checked the file is a PNG, JPEG or safe SVG; these are the bytes it checked.
            dataAddresses[url] = "data:\(picture.mediaType);base64,\(picture.file.base64EncodedString())"
        }
    }

    private mutating func write() -> [UInt8] {
        tree.pageLanguage = document.language.lowercased()
        let html = tree.element("html", ["lang": document.language, "dir": document.rightToLeft ? "rtl" : "ltr"], in: nil)
        let head = tree.element("head", in: html)
        tree.element("meta", ["http-equiv": "Content-Security-Policy", "content": Self.contentSecurityPolicy], in: head)
        tree.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"], in: head)
        tree.element("meta", ["name": "author", "content": author], in: head)
        tree.element("meta", ["name": "generator", "content": "Kinpress"], in: head)
        tree.element("title", text: document.title, in: head)
        tree.element("style", text: Stylesheet(theme: theme, document: document).css, in: head)

        let body = tree.element("body", in: html)
        tree.element("a", ["class": "skip", "href": "#main"], text: document.skipLabel ?? document.runningTitle, in: body)
        let header = tree.element("header", ["class": "running"], in: body)
        tree.element("p", ["class": "running-title"], text: document.runningTitle, in: header)
        if let marking = document.marking {
            tree.element("p", ["class": "marking"], text: marking, in: header)
        }
        let main = tree.element("main", ["id": "main", "tabindex": "-1"], in: body)
        add(document.blocks, in: main)
        if let marking = document.marking {
            let footer = tree.element("footer", ["class": "running"], in: body)
            tree.element("p", ["class": "marking"], text: marking, in: footer)
        }
        return tree.serialized()
    }

    // MARK: Blocks

    private mutating func add(_ blocks: [Block], in parent: HTMLTree.Node) {
        for block in blocks { add(block, in: parent) }
    }

    private mutating func add(_ block: Block, in parent: HTMLTree.Node) {
        let heading = lastHeadingID
        lastHeadingID = nil
        switch block {
        case .heading(let written, let id, let runs):
            headingsSeen += 1
            inline(runs, in: tree.element("h\(theme.headingLevel(written))", ["id": id], in: parent))
            lastHeadingID = id
        case .paragraph(let style, let runs):
            inline(runs, in: tree.element("p", ["class": style == .body ? nil : style.rawValue], in: parent))
        case .list(let ordered, let icon, let items):
            let iconAddress = theme.listIcons == true ? icon.flatMap { dataAddresses[$0] } : nil
            let list = tree.element(ordered ? "ol" : "ul", ["class": iconAddress == nil ? nil : "icons"], in: parent)
            for item in items {
                let entry = tree.element("li", in: list)
                if let iconAddress {
                    tree.element("img", ["src": iconAddress, "alt": ""], in: entry)
                }
                if item.count == 1, case .paragraph(.body, let runs) = item[0] {
                    inline(runs, in: iconAddress == nil ? entry : tree.element("span", in: entry))
                } else {
                    add(item, in: iconAddress == nil ? entry : tree.element("div", in: entry))
                }
            }
        case .table(let table):
            addTable(table, in: parent)
        case .callout(let kind, let title, let blocks):
            let box = tree.element("div", ["class": "callout \(Stylesheet.className(kind))"], in: parent)
            if let title {
                inline(title, in: tree.element("p", ["class": "callout-title"], in: box))
            }
            add(blocks, in: box)
        case .figure(let figure):
            addFigure(figure, in: parent)
        case .section(let id, let blocks):
            add(blocks, in: tree.element("section", ["id": id], in: parent))
        case .signatures(let dateLabel, let signatures):
            let group = tree.element("div", ["class": "signatures"], in: parent)
            for signature in signatures {
                let line = tree.element("div", ["class": "signature"], in: group)
                let who = tree.element("p", ["class": "sign-name"], in: line)
                tree.element("strong", text: signature.name, in: who)
                tree.element("br", in: who)
                tree.text(signature.role, in: who)
                tree.element("p", ["class": "sign-date"], text: dateLabel, in: line)
            }
        case .contents(let levels):
            let navigation = tree.element("nav", ["class": "contents", "aria-labelledby": heading], in: parent)
            let list = tree.element("ol", in: navigation)
            for entry in headings.dropFirst(headingsSeen) where entry.level <= levels {
                let item = tree.element("li", ["class": "level-\(entry.level)"], in: list)
                tree.element("a", ["href": "#\(entry.id)", "dir": "auto"], text: entry.title, in: item)
            }
        case .timeline(let diagram):
            addTimeline(diagram, in: parent)
        case .picture(let picture):
            guard let address = dataAddresses[picture.file], let loaded = pictures[picture.file] else { return }
            let figure = tree.element("figure", ["class": picture.atStart ? "picture start" : "picture"], in: parent)
            // A mark at the line's start (a logo) keeps its share of a page as on A4 (about 250 mm
            // of text): small. Other pictures may fill three quarters of the screen.
            tree.element("img", ["src": address, "alt": picture.alternative,
                                 "width": String(Int(loaded.width.rounded())), "height": String(Int(loaded.height.rounded())),
                                 "style": picture.atStart ? String(format: "max-height: %.0fmm", picture.maximumHeight * 250) : nil], in: figure)
        case .letterhead(let letterhead):
            // The council at the right, the recipient at the left; a printed letter's window
            // position is the PDF's to keep.
            let head = tree.element("div", ["class": "letterhead"], in: parent)
            let from = tree.element("div", ["class": "letter-from"], in: head)
            if let logo = letterhead.logo, let address = dataAddresses[logo.file] {
                tree.element("img", ["src": address, "alt": logo.alternative, "class": "letter-logo"], in: from)
            }
            lines(letterhead.from, in: tree.element("p", ["class": "small"], in: from))
            lines(letterhead.to, in: tree.element("p", ["class": "letter-to"], in: head))
            tree.element("p", ["class": "letter-date"], text: letterhead.date, in: parent)
        case .pageBreak, .bodyStart:
            tree.element("div", ["class": "page-break"], in: parent)
        case .language(let code, let rightToLeft, let blocks):
            add(blocks, in: tree.element("div", ["lang": code, "dir": rightToLeft ? "rtl" : "ltr"], in: parent))
        }
    }

    /// Lines of an address, each ended by a line break.
    private func lines(_ lines: [String], in parent: HTMLTree.Node) {
        for (index, line) in lines.enumerated() {
            if index > 0 { tree.element("br", in: parent) }
            tree.text(line, in: parent)
        }
    }

    /// Text runs: bold as `strong`, italic as `em`, links as `a`.
    private func inline(_ runs: Inline, in parent: HTMLTree.Node) {
        for run in runs {
            var node = parent
            if let link = run.link { node = tree.element("a", ["href": link], in: node) }
            if run.bold { node = tree.element("strong", in: node) }
            if run.italic { node = tree.element("em", in: node) }
            tree.text(run.text, in: node)
        }
    }

    /// A table with scoped header cells (the header row's head columns, a label-and-value
    /// table's first cells head rows); on a phone each row becomes a card whose cells say
    /// their column's name.
    private func addTable(_ table: Table, in parent: HTMLTree.Node) {
        let wrap = tree.element("div", ["class": "table-wrap"], in: parent)
        let element = tree.element("table", in: wrap)
        // The columns keep the PDF's proportions (on a phone each row becomes a card instead).
        let total = table.widths.reduce(0, +)
        if total > 0 {
            let columns = tree.element("colgroup", in: element)
            for width in table.widths {
                tree.element("col", ["style": String(format: "width: %.2f%%", width / total * 100)], in: columns)
            }
        }
        let names = table.header?.map { $0.map(\.text).joined() } ?? []
        if let header = table.header {
            let row = tree.element("tr", in: tree.element("thead", in: element))
            for cell in header {
                inline(cell, in: tree.element("th", ["scope": "col"], in: row))
            }
        }
        let body = tree.element("tbody", in: element)
        for cells in table.rows {
            let row = tree.element("tr", in: body)
            for (index, cell) in cells.enumerated() {
                let label = index < names.count && !names[index].isEmpty ? names[index] : nil
                if table.rowHeaders && index == 0 {
                    inline(cell, in: tree.element("th", ["scope": "row", "data-label": label], in: row))
                } else {
                    inline(cell, in: tree.element("td", ["data-label": label], in: row))
                }
            }
        }
    }

    // MARK: Figures

    /// A diagram as inline SVG with a title and description, and the same in words, which
    /// takes its place on narrow screens.
    private mutating func addFigure(_ figure: Figure, in parent: HTMLTree.Node) {
        figures += 1
        let id = "figure-\(figures)"
        let element = tree.element("figure", ["class": "diagram"], in: parent)
        let drawing = engine.diagram(figure, width: Self.diagramWidth(theme), theme: theme, rightToLeft: document.rightToLeft)
        SceneSVG(tree: tree, theme: theme, rightToLeft: document.rightToLeft).draw(drawing.scene, title: Self.firstSentence(of: figure.alternative), description: figure.alternative,
                                                 id: id, in: element)
        if let key = drawing.key {
            // A numbered map's key, as in the PDF: each number in bold, then who it is.
            if !key.lead.isEmpty { tree.element("p", ["class": "network-key-lead"], text: key.lead, in: element) }
            let list = tree.element("ol", ["class": "network-key"], in: element)
            for (index, entry) in key.entries.enumerated() {
                let item = tree.element("li", in: list)
                tree.element("span", ["class": "number"], text: String(index + 1), in: item)
                tree.text(" " + entry, in: item)
            }
        }
        addInWords(figure, in: element)
        if let caption = figure.caption {
            inline(caption, in: tree.element("figcaption", in: element))
        }
    }

    /// What takes a diagram's place on a narrow screen. A network map whose template names its
    /// circles is a list a circle, one person a line, as in its key (a paragraph of 60 names, in
    /// two scripts, is a wall); any other figure is its alternative text.
    private func addInWords(_ figure: Figure, in parent: HTMLTree.Node) {
        guard case .networkMap(_, let people, let legend) = figure.content, let about = legend["about"], !about.isEmpty,
              (1...3).allSatisfy({ legend["circle\($0)", default: ""].isEmpty == false }) else {
            tree.element("p", ["class": "diagram-text"], text: figure.alternative, in: parent)
            return
        }
        let box = tree.element("div", ["class": "diagram-text"], in: parent)
        tree.element("p", text: about, in: box)
        for circle in 1...3 {
            let here = NetworkPerson.inReadingOrder(people.filter { $0.shown && $0.circle == circle }, group: \.group)
            guard !here.isEmpty else { continue }
            tree.element("p", ["class": "circle-name"], text: legend["circle\(circle)"] ?? "", in: box)
            let list = tree.element("ul", ["class": "circle-people"], in: box)
            for person in here {
                tree.element("li", text: NetworkPerson.line(name: person.name, relationship: person.relationship), in: list)
            }
        }
    }

    /// Diagrams are drawn as wide as the PDF's text column, then scaled to the screen.
    static func diagramWidth(_ theme: Theme) -> Double {
        let millimetre = 72 / 25.4
        return (theme.landscape == true ? 841.89 : 595.276) - (theme.margins.left + theme.margins.right) * millimetre
    }

    static func firstSentence(of text: String) -> String {
        guard let end = text.firstIndex(where: { ".!?".contains($0) }) else { return text }
        return String(text[...end])
    }

    /// The timeline as lists: a key, what has happened, a line for today, then what comes next.
    /// Each entry's date line says its kind in words; its marker is decoration.
    private func addTimeline(_ diagram: TimelineDiagram, in parent: HTMLTree.Node) {
        let box = tree.element("div", ["class": "timeline"], in: parent)
        let used = Array(Set(diagram.events.map(\.kind) + diagram.journey.map(\.kind))).sorted()
        if !used.isEmpty {
            let key = tree.element("ul", ["class": "timeline-key"], in: box)
            for kind in used {
                let item = tree.element("li", in: key)
                SceneSVG(tree: tree, theme: theme, rightToLeft: document.rightToLeft).marker(kind, approximate: false, in: item)
                tree.text(diagram.legend[kind] ?? kind, in: item)
            }
        }
        func entries(_ list: [TimelineDiagram.Entry], className: String) {
            guard !list.isEmpty else { return }
            let element = tree.element("ol", ["class": className], in: box)
            for (index, entry) in list.enumerated() {
                let item = tree.element("li", ["class": "kind-\(Stylesheet.className(entry.kind))"], in: element)
                if let gap = entry.gapBefore, index > 0 {
                    tree.element("p", ["class": "gap"], text: gap, in: item)
                }
                let words = tree.element("div", ["class": "entry"], in: item)
                SceneSVG(tree: tree, theme: theme, rightToLeft: document.rightToLeft).marker(entry.kind, approximate: entry.approximate, in: words)
                tree.element("p", ["class": "date"], text: entry.date, in: words)
                tree.element("p", ["class": "title"], text: entry.title, in: words)
                if let detail = entry.detail {
                    tree.element("p", ["class": "detail"], text: detail, in: words)
                }
            }
        }
        entries(diagram.events, className: "timeline-events")
        tree.element("p", ["class": "today"], text: diagram.today, in: box)
        entries(diagram.journey, className: "timeline-journey")
    }
}
