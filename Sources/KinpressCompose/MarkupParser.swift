import CLibXML2
import Foundation

/// Reads the markup templates write (`docs/markup.md`) into a `Document`, with libxml2.
/// Network access and external entities are off: case text, escaped by the template engine,
/// can only ever be text.
enum MarkupParser {
    // Errors are read from libxml2 and reported with the template's name and line, not printed by it.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Parses a rendered document. `source` names the template it came from, for errors.
    static func parse(_ markup: String, source: String, pictograms: URL) throws(TemplateError) -> Document {
        var (document, blocks) = try read(markup, source: source, pictograms: pictograms) { reader, root throws(TemplateError) in try reader.blocks(in: root) }
        document.blocks = blocks
        return document
    }

    /// Parses a rendered pack template: its own blocks and where each document goes.
    static func parsePack(_ markup: String, source: String, pictograms: URL) throws(TemplateError) -> PackOutline {
        let (document, items) = try read(markup, source: source, pictograms: pictograms) { reader, root throws(TemplateError) in try reader.outline(in: root) }
        return PackOutline(document: document, items: items)
    }

    /// The `<document>` element's settings (no blocks yet), and what `content` reads inside it.
    private static func read<Content>(_ markup: String, source: String, pictograms: URL,
                                      content: (NodeReader, xmlNodePtr) throws(TemplateError) -> Content) throws(TemplateError) -> (Document, Content) {
        let document = try read(markup, name: source, lineOffset: 0)
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), name(root) == "document" else {
            throw TemplateError(file: source, line: nil, message: "the template's output must have <document> as its outermost element")
        }
        let inside = try content(NodeReader(source: source, pictograms: pictograms), root)
        let title = attribute(root, "title") ?? ""
        var parsed = Document(title: title, language: attribute(root, "lang") ?? "en", rightToLeft: attribute(root, "dir") == "rtl", marking: attribute(root, "marking"),
                              runningTitle: attribute(root, "running-title") ?? title,
                              pageLabel: attribute(root, "page-label") ?? "{page} / {pages}", skipLabel: attribute(root, "skip-label"),
                              watermark: attribute(root, "watermark").flatMap { $0.isEmpty ? nil : $0 }, blocks: [])
        parsed.landscape = attribute(root, "landscape") == "true"
        return (parsed, inside)
    }

    /// Checks a template's own markup, with its Mustache tags taken out, so a council that breaks
    /// a tag learns which template file and line, not a line of some rendered output.
    static func checkSkeleton(of template: String, file: String) throws(TemplateError) {
        let pattern = try! NSRegularExpression(pattern: "\\{\\{[^}]*\\}\\}")
        let bare = pattern.stringByReplacingMatches(in: template, range: NSRange(template.startIndex..., in: template), withTemplate: "")
        let wrapped = "<kinpress-template>" + bare + "</kinpress-template>"
        let document = try read(wrapped, name: file, lineOffset: 0)
        xmlFreeDoc(document)
    }

    private static func read(_ markup: String, name: String, lineOffset: Int) throws(TemplateError) -> xmlDocPtr {
        xmlResetLastError()
        let parsed: xmlDocPtr? = markup.withCString { pointer in
            xmlReadMemory(pointer, Int32(strlen(pointer)), name, "UTF-8", options)
        }
        guard let parsed else {
            let error = xmlGetLastError()
            let message = error?.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well formed"
            let line = error.map { Int($0.pointee.line) + lineOffset }
            throw TemplateError(file: name, line: line, message: "the markup is not well formed: \(message)")
        }
        return parsed
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { kinpress_xml_free(value) }
        return String(cString: value)
    }
}

/// Walks the parsed tree into blocks and text runs. A class: it counts the headings it has
/// read, to give each one without an id its place, `heading-N`.
private final class NodeReader {
    let source: String
    /// Where `icon="NAME"` pictures are.
    let pictograms: URL
    private var headings = 0

    init(source: String, pictograms: URL) {
        self.source = source
        self.pictograms = pictograms
    }

    func blocks(in parent: xmlNodePtr) throws(TemplateError) -> [Block] {
        var blocks: [Block] = []
        for node in try blockElements(in: parent) { blocks.append(try block(node)) }
        return blocks
    }

    /// A pack's items: its blocks, and `<insert>` points at its top or directly in a section.
    func outline(in parent: xmlNodePtr) throws(TemplateError) -> [PackOutline.Item] {
        var items: [PackOutline.Item] = []
        for node in try blockElements(in: parent) {
            switch MarkupParser.name(node) {
            case "insert":
                guard let name = MarkupParser.attribute(node, "document"), let kind = DocumentKind(rawValue: name) else {
                    throw error(node, "<insert document=\"…\"> names one of the documents: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                items.append(.insert(kind))
            case "section" where elements(of: node).contains(where: { MarkupParser.name($0) == "insert" }):
                items.append(.section(id: MarkupParser.attribute(node, "id"), items: try outline(in: node)))
            default:
                items.append(.block(try block(node)))
            }
        }
        return items
    }

    /// The elements in a block's place; text there must be white space.
    private func blockElements(in parent: xmlNodePtr) throws(TemplateError) -> [xmlNodePtr] {
        var elements: [xmlNodePtr] = []
        for node in children(of: parent) {
            if node.pointee.type == XML_TEXT_NODE {
                let text = content(node)
                if !text.allSatisfy(\.isWhitespace) {
                    throw error(node, "text \"\(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40))\" stands outside a paragraph. Put it in <p>…</p>")
                }
                continue
            }
            if node.pointee.type == XML_ELEMENT_NODE { elements.append(node) }
        }
        return elements
    }

    private func block(_ node: xmlNodePtr) throws(TemplateError) -> Block {
        let tag = MarkupParser.name(node)
        switch tag {
        case "h1", "h2", "h3":
            headings += 1
            return .heading(level: Int(tag.dropFirst())!, id: MarkupParser.attribute(node, "id") ?? "heading-\(headings)", text: try inline(node))
        case "p":
            let style = MarkupParser.attribute(node, "class").map { ParagraphStyle(rawValue: $0) } ?? .body
            guard let style else { throw error(node, "<p class=\"\(MarkupParser.attribute(node, "class") ?? "")\"> is not a paragraph style. Use lead, subtitle, note or small") }
            return .paragraph(style: style, text: try inline(node))
        case "ul", "ol":
            var items: [[Block]] = []
            for item in elements(of: node) {
                guard MarkupParser.name(item) == "li" else { throw error(item, "a list may hold only <li> items") }
                items.append(try itemBlocks(item))
            }
            var icon: URL?
            if let name = MarkupParser.attribute(node, "icon"), !name.isEmpty {
                let file = pictograms.appendingPathComponent("\(name).svg")
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw error(node, "there is no pictogram called \"\(name)\" for icon=. The names are the files in Templates/pictures/pictograms")
                }
                icon = file
            }
            return .list(ordered: tag == "ol", icon: icon, items: items)
        case "table":
            return .table(try table(node))
        case "callout":
            let title = MarkupParser.attribute(node, "title").map { [TextRun(text: $0, bold: true)] }
            return .callout(kind: MarkupParser.attribute(node, "kind") ?? "note", title: title, blocks: try blocks(in: node))
        case "figure":
            return .figure(try figure(node))
        case "section":
            return .section(id: MarkupParser.attribute(node, "id"), blocks: try blocks(in: node))
        case "signatures":
            return .signatures(dateLabel: MarkupParser.attribute(node, "date-label") ?? "",
                               elements(of: node).map { Signature(name: MarkupParser.attribute($0, "name") ?? "", role: MarkupParser.attribute($0, "role") ?? "") })
        case "timeline":
            return .timeline(try timeline(node))
        case "picture":
            guard let source = MarkupParser.attribute(node, "src"), !source.isEmpty else { throw error(node, "a picture needs src=\"…\"") }
            guard let alternative = MarkupParser.attribute(node, "alt"), !alternative.isEmpty else {
                throw error(node, "every picture needs alt=\"…\": what it shows, for people who cannot see it")
            }
            let align = MarkupParser.attribute(node, "align") ?? "centre"
            guard ["centre", "start"].contains(align) else { throw error(node, "a picture's align=\"\(align)\" is not one Kinpress knows: write centre or start") }
            return .picture(PictureBlock(file: URL(fileURLWithPath: source), alternative: alternative, field: MarkupParser.attribute(node, "field") ?? "",
                                         maximumHeight: min(max(Double(MarkupParser.attribute(node, "height") ?? "") ?? 0.4, 0.05), 1), atStart: align == "start"))
        case "contents":
            return .contents(levels: Int(MarkupParser.attribute(node, "levels") ?? "1") ?? 1)
        case "letterhead":
            var logo: PictureBlock?
            var from: [String] = [], to: [String] = []
            for part in elements(of: node) {
                switch MarkupParser.name(part) {
                case "picture":
                    if case .picture(let picture) = try block(part) { logo = picture }
                case "from": from.append(try inline(part).map(\.text).joined())
                case "to": to.append(try inline(part).map(\.text).joined())
                default: throw error(part, "a <letterhead> holds a <picture> (the logo), <from> lines and <to> lines")
                }
            }
            return .letterhead(Letterhead(logo: logo, from: from, to: to, date: MarkupParser.attribute(node, "date") ?? ""))
        case "page-break":
            return .pageBreak
        case "body-start":
            return .bodyStart
        case "insert":
            throw error(node, "<insert> puts a whole document into a pack: it stands only in documents/pack.mustache, at its top or directly in a <section>")
        default:
            throw error(node, "<\(tag)> is not an element of Kinpress markup (see docs/markup.md)")
        }
    }

    /// A list item holds either text or blocks.
    private func itemBlocks(_ item: xmlNodePtr) throws(TemplateError) -> [Block] {
        let hasBlocks = elements(of: item).contains { !["b", "i", "a"].contains(MarkupParser.name($0)) }
        return hasBlocks ? try blocks(in: item) : [.paragraph(style: .body, text: try inline(item))]
    }

    /// A first row of `<th>` cells heads the columns; a `<th>` first in every other row heads
    /// that row. Header cells anywhere else would say nothing a reader's software could follow.
    private func table(_ node: xmlNodePtr) throws(TemplateError) -> Table {
        var rows: [[Inline]] = []
        var header: [Inline]?
        var rowHeaders: [Bool] = []
        for row in elements(of: node) {
            guard MarkupParser.name(row) == "tr" else { throw error(row, "a table may hold only <tr> rows") }
            var cells: [Inline] = []
            var headers: [Bool] = []
            for cell in elements(of: row) {
                let cellTag = MarkupParser.name(cell)
                guard cellTag == "td" || cellTag == "th" else { throw error(cell, "a table row may hold only <th> and <td> cells") }
                headers.append(cellTag == "th")
                cells.append(try inline(cell))
            }
            if !headers.isEmpty, headers.allSatisfy({ $0 }), rows.isEmpty, header == nil {
                header = cells
                continue
            }
            if headers.dropFirst().contains(true) {
                throw error(row, "a <th> heads its column (a first row of <th> cells) or its row (the first cell of every other row), nowhere else")
            }
            rows.append(cells)
            rowHeaders.append(headers.first ?? false)
        }
        if rowHeaders.contains(true) && rowHeaders.contains(false) {
            throw error(node, "either every row after the header row starts with a <th> that heads the row, or none does")
        }
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        var widths = (MarkupParser.attribute(node, "widths") ?? "").split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        if widths.count != columns { widths = Array(repeating: 1, count: columns) }
        return Table(widths: widths, header: header, rows: rows, rowHeaders: rowHeaders.contains(true))
    }

    private func timeline(_ node: xmlNodePtr) throws(TemplateError) -> TimelineDiagram {
        var events: [TimelineDiagram.Entry] = []
        var journey: [TimelineDiagram.Entry] = []
        for entry in elements(of: node) {
            let attribute = { (key: String) in MarkupParser.attribute(entry, key) }
            let item = TimelineDiagram.Entry(date: attribute("date") ?? "", title: attribute("title") ?? "", detail: attribute("detail").flatMap { $0.isEmpty ? nil : $0 },
                                             kind: attribute("kind") ?? "other", approximate: attribute("approximate") == "true",
                                             gapBefore: attribute("gap").flatMap { $0.isEmpty ? nil : $0 })
            switch MarkupParser.name(entry) {
            case "event": events.append(item)
            case "milestone": journey.append(item)
            default: throw error(entry, "a timeline holds <event> and <milestone> elements")
            }
        }
        var legend: [String: String] = [:]
        for kind in ["harm", "worry", "strength", "safety", "service", "move", "meeting", "other", "planned", "done", "missed"] {
            legend[kind] = MarkupParser.attribute(node, "legend-\(kind)") ?? kind
        }
        return TimelineDiagram(events: events, today: MarkupParser.attribute(node, "today") ?? "", journey: journey, legend: legend)
    }

    private func figure(_ node: xmlNodePtr) throws(TemplateError) -> Figure {
        var content: Figure.Content?
        var caption: Inline?
        for child in elements(of: node) {
            switch MarkupParser.name(child) {
            case "scale":
                let marks = elements(of: child).map { mark in
                    ScaleMark(value: Double(MarkupParser.attribute(mark, "value") ?? "") ?? 0, label: MarkupParser.attribute(mark, "label") ?? "")
                }
                content = .scale(zero: MarkupParser.attribute(child, "zero") ?? "", ten: MarkupParser.attribute(child, "ten") ?? "", marks: marks)
            case "network-map":
                var children: [String] = []
                var people: [NetworkPerson] = []
                for entry in elements(of: child) {
                    let attribute = { (key: String) in MarkupParser.attribute(entry, key) ?? "" }
                    switch MarkupParser.name(entry) {
                    case "centre": children.append(attribute("name"))
                    case "person":
                        people.append(NetworkPerson(name: attribute("name"), relationship: attribute("relationship"), group: attribute("group"),
                                                    circle: Int(attribute("circle")) ?? 3, inSafetyNetwork: attribute("network") == "true",
                                                    informedOfWorries: attribute("informed") == "true", shown: attribute("shown") != "false"))
                    default: throw error(entry, "a network map holds <centre> and <person> elements")
                    }
                }
                var legend: [String: String] = [:]
                for key in ["family", "friends", "community", "professionals", "network", "informed", "key", "about", "circle1", "circle2", "circle3"] {
                    legend[key] = MarkupParser.attribute(child, "legend-\(key)") ?? ""
                }
                content = .networkMap(children: children, people: people, legend: legend)
            case "three-houses":
                content = .threeHouses(try threeHouses(child))
            case "safety-house":
                content = .safetyHouse(try safetyHouse(child))
            case "caption":
                caption = try inline(child)
            default:
                throw error(child, "a figure holds a drawing (<scale>, <network-map>, <three-houses> or <safety-house>) and an optional <caption>")
            }
        }
        guard let content else { throw error(node, "this figure has nothing to draw") }
        guard let alternative = MarkupParser.attribute(node, "alt"), !alternative.isEmpty else {
            throw error(node, "every figure needs alt=\"…\": what it shows, for people who cannot see it")
        }
        return Figure(alternative: alternative, caption: caption, content: content)
    }

    private func threeHouses(_ node: xmlNodePtr) throws(TemplateError) -> ThreeHousesDrawing {
        var houses: [ThreeHousesDrawing.House] = []
        for house in elements(of: node) {
            guard MarkupParser.name(house) == "house" else { throw error(house, "<three-houses> holds <house> elements") }
            var items: [ThreeHousesDrawing.Item] = []
            for item in elements(of: house) {
                guard MarkupParser.name(item) == "item" else { throw error(item, "a <house> holds <item text=\"…\"/> elements") }
                items.append(ThreeHousesDrawing.Item(text: MarkupParser.attribute(item, "text") ?? "",
                                                     note: MarkupParser.attribute(item, "note").flatMap { $0.isEmpty ? nil : $0 }))
            }
            houses.append(ThreeHousesDrawing.House(name: MarkupParser.attribute(house, "name") ?? "", kind: MarkupParser.attribute(house, "kind") ?? "",
                                                   started: MarkupParser.attribute(house, "started") == "true", items: items))
        }
        return ThreeHousesDrawing(houses: houses, startedLabel: MarkupParser.attribute(node, "started-label") ?? "",
                                  emptyLabel: MarkupParser.attribute(node, "empty-label") ?? "")
    }

    private func safetyHouse(_ node: xmlNodePtr) throws(TemplateError) -> SafetyHouseDrawing {
        var zones: [String: [String]] = [:]
        for person in elements(of: node) {
            let zone = MarkupParser.name(person)
            guard ["inside", "visitor", "outside"].contains(zone) else {
                throw error(person, "<safety-house> holds <inside>, <visitor> and <outside> elements, each with name=\"…\"")
            }
            zones[zone, default: []].append(MarkupParser.attribute(person, "name") ?? "")
        }
        guard let now = Double(MarkupParser.attribute(node, "now") ?? ""), (0...10).contains(now) else {
            throw error(node, "<safety-house> needs now=\"…\": where the child is on the path, from 0 to 10")
        }
        var labels: [String: String] = [:]
        for key in ["inside", "visitors", "outside"] { labels[key] = MarkupParser.attribute(node, "label-\(key)") ?? "" }
        return SafetyHouseDrawing(inside: zones["inside"] ?? [], visitors: zones["visitor"] ?? [], outside: zones["outside"] ?? [], now: now,
                                  here: MarkupParser.attribute(node, "here") ?? "", labels: labels)
    }

    /// The text runs in an element, with white space folded as HTML folds it.
    private func inline(_ node: xmlNodePtr) throws(TemplateError) -> Inline {
        var runs: [TextRun] = []
        try collect(node, bold: false, italic: false, link: nil, into: &runs)
        return Self.fold(runs)
    }

    private func collect(_ node: xmlNodePtr, bold: Bool, italic: Bool, link: String?, into runs: inout [TextRun]) throws(TemplateError) {
        for child in children(of: node) {
            switch child.pointee.type {
            case XML_TEXT_NODE:
                runs.append(TextRun(text: content(child), bold: bold, italic: italic, link: link))
            case XML_ELEMENT_NODE:
                switch MarkupParser.name(child) {
                case "b": try collect(child, bold: true, italic: italic, link: link, into: &runs)
                case "i": try collect(child, bold: bold, italic: true, link: link, into: &runs)
                case "a": try collect(child, bold: bold, italic: italic, link: MarkupParser.attribute(child, "href"), into: &runs)
                default: throw error(child, "<\(MarkupParser.name(child))> cannot stand inside text; only <b>, <i> and <a> can")
                }
            default:
                continue
            }
        }
    }

    static func fold(_ runs: [TextRun]) -> Inline {
        var folded: [TextRun] = []
        var lastWasSpace = true
        for var run in runs {
            var text = ""
            for character in run.text {
                if character.isWhitespace {
                    if !lastWasSpace { text.append(" ") }
                    lastWasSpace = true
                } else {
                    text.append(character)
                    lastWasSpace = false
                }
            }
            run.text = text
            if !text.isEmpty { folded.append(run) }
        }
        if let last = folded.indices.last, folded[last].text.hasSuffix(" ") {
            folded[last].text.removeLast()
            if folded[last].text.isEmpty { folded.removeLast() }
        }
        return folded
    }

    private func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    private func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        children(of: node).filter { $0.pointee.type == XML_ELEMENT_NODE }
    }

    private func content(_ node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }

    private func error(_ node: xmlNodePtr, _ message: String) -> TemplateError {
        TemplateError(file: source, line: Int(xmlGetLineNo(node)), message: message)
    }
}
