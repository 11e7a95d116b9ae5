/// Decides how figures, diagrams and pictures sit on the page: scenes drawn as marks, a numbered map's key, pictures scaled to fit.
import Foundation
import KinpressCompose

extension FlowBuilder {
    /// A figure stays with what leads up to it (a scale's question and what 0 and 10 mean),
    /// with its caption and, for a numbered network map, its key under it.
    mutating func addFigure(_ figure: Figure, x: Double, width: Double, path: [StructureElement]) {
        keepLastWithNext(boxes: true)
        for box in figureBoxes(figure, x: x, width: width, path: path) { items.append(.box(box)) }
        if let caption = figure.caption {
            addParagraph(caption, style: .note, x: x, width: width, path: path)
        }
        if let key = pendingKey {
            addKey(lead: key.lead, entries: key.entries, x: x, width: width, path: path)
            pendingKey = nil
        }
    }

    /// A picture scaled to the width and its share of the page, kept with the words before it
    /// (a story page keeps its words and picture together); one at the line's start (a logo)
    /// sits close to the line under it.
    mutating func addPicture(_ block: PictureBlock, x: Double, width: Double, path: [StructureElement]) {
        guard let picture = pictures[block.file] else { return }
        let limit = (geometry.bottom - geometry.top) * block.maximumHeight
        let scale = min(width / picture.width, limit / picture.height)
        let (w, h) = (picture.width * scale, picture.height * scale)
        let figure = path + [element("Figure", alternative: block.alternative)]
        keepLastWithNext()
        items.append(.box(FlowBox(height: h, items: [PlacedItem(.picture(picture, x: block.atStart ? x : x + (width - w) / 2, y: 0, width: w, height: h), structure: figure)],
                                  spaceBefore: theme.spacing.paragraph, spaceAfter: theme.spacing.paragraph * (block.atStart ? 0.4 : 1.5))))
    }

    /// A figure drawn from its scenes: the scaling line, the network map with its legend, a
    /// child's houses. Three houses too tall for a page are drawn one by one, each its own box
    /// of the same figure.
    mutating func figureBoxes(_ figure: Figure, x: Double, width: Double, path: [StructureElement]) -> [FlowBox] {
        let structure = path + [element("Figure", alternative: figure.alternative)]
        let scenes: [Scene]
        if case .threeHouses(let drawing) = figure.content {
            scenes = ThreeHousesLayout.layout(drawing, width: width, maximumHeight: (geometry.bottom - geometry.top) * 0.8,
                                              style: houseStyle, measurer: PangoMeasurer(builder: self))
        } else {
            let drawing = diagram(figure, width: width)
            pendingKey = Self.key(figure, drawing.key)
            scenes = [drawing.scene]
        }
        return scenes.enumerated().map { index, scene in
            FlowBox(height: scene.height, items: draw(scene, x: x, y: 0, structure: structure),
                    spaceBefore: theme.spacing.paragraph, spaceAfter: theme.spacing.paragraph * (index == scenes.count - 1 ? 1.5 : 1))
        }
    }

    /// The words in a child's houses: the body size, a note's under an item.
    var houseStyle: ThreeHousesLayout.Style {
        ThreeHousesLayout.Style(fontSize: theme.font.size * 0.95, noteSize: max(theme.small, 8))
    }

    /// A numbered network map's key: the words before it, and each number's person in order.
    static func key(_ figure: Figure, _ people: [NetworkMap.Person]) -> (lead: String, entries: [String])? {
        guard !people.isEmpty, case .networkMap(_, _, let legend) = figure.content else { return nil }
        return (legend["key"] ?? "", people.map { NetworkPerson.line(name: $0.name, relationship: $0.relationship) })
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
        case .threeHouses(let drawing):
            return (ThreeHousesLayout.layout(drawing, width: width, maximumHeight: .infinity, style: houseStyle, measurer: measurer)[0], [])
        case .safetyHouse(let drawing):
            let style = SafetyHouseLayout.Style(fontSize: max(theme.small * 1.1, 9), labelSize: max(theme.small * 1.1, 9))
            return (SafetyHouseLayout.layout(drawing, width: width, style: style, measurer: measurer).scene, [])
        }
    }

    /// The key under a numbered network map: a list, several to a row, each number in bold
    /// before the person's name and who they are. It may run onto the next page between rows.
    mutating func addKey(lead: String, entries: [String], x: Double, width: Double, path: [StructureElement]) {
        var style = body
        style.size = theme.font.size * theme.sizes.key
        style.lineHeight = theme.sizes.keyLineHeight
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
    func draw(_ scene: Scene, x: Double, y: Double, structure: [StructureElement]) -> [PlacedItem] {
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
            case .polygon(let points, let fill, let stroke, let width):
                return PlacedItem(.polygon(points.map { Point(x + $0.x, y + $0.y) }, fill: fill.map { Colour(theme, $0) }, stroke: stroke.map { Colour(theme, $0) },
                                           lineWidth: width), structure: structure)
            case .backdrop(let box):
                return PlacedItem(.rectangle(x: x + box.x, y: y + box.y, width: box.width, height: box.height, fill: .paper, stroke: nil, lineWidth: 0),
                                  structure: structure)
            }
        }
    }
}

extension FlowBuilder {
    /// A letter's first lines in their places on the paper, as one box from the top margin: the
    /// recipient's name and address inside a DL envelope's window (`Letterhead.window`), the
    /// council's logo, name and return address at the right, the date at the right under them.
    /// The paper does not turn for a right-to-left letter: the window is where it is, so the box
    /// is set mirrored and the page's mirroring puts it back.
    mutating func addLetterhead(_ letterhead: Letterhead, path: [StructureElement]) {
        let millimetre = 72 / 25.4
        let window = Letterhead.window
        let top = geometry.top
        let right = geometry.right
        let column = (left: (window.left + window.width + 10) * millimetre, width: right - (window.left + window.width + 10) * millimetre)
        var marks: [PlacedItem] = []
        var small = body
        small.size = theme.small + 0.5
        small.lineHeight = 1.25
        small.alignment = .end
        var y = 0.0
        if let logo = letterhead.logo, let picture = pictures[logo.file] {
            let scale = min(column.width / picture.width, 16 * millimetre / picture.height)
            let (w, h) = (picture.width * scale, picture.height * scale)
            marks.append(PlacedItem(.picture(picture, x: right - w, y: 0, width: w, height: h), structure: path + [element("Figure", alternative: logo.alternative)]))
            y = h + 4
        }
        let from = text([TextRun(text: letterhead.from.joined(separator: "\n"))], small, width: column.width)
        marks.append(PlacedItem(.text(from, lines: 0..<from.lines.count, x: column.left, y: y), structure: path + [element("P")]))
        // The window: as many lines as it holds, the rest joined onto the last.
        var address = body
        address.size = min(theme.font.size, 11)
        address.lineHeight = 1.15
        let inner = (window.width - 6) * millimetre
        var lines = letterhead.to
        let fits = max(1, Int(((window.height - 6) * millimetre) / (address.size * address.lineHeight * 1.2)))
        if lines.count > fits { lines = Array(lines.prefix(fits - 1)) + [lines.dropFirst(fits - 1).joined(separator: ", ")] }
        var to = text([TextRun(text: lines.joined(separator: "\n"))], address, width: inner)
        while to.height > (window.height - 6) * millimetre, address.size > 7 {
            address.size -= 0.5
            to = text([TextRun(text: lines.joined(separator: "\n"))], address, width: inner)
        }
        marks.append(PlacedItem(.text(to, lines: 0..<to.lines.count, x: (window.left + 3) * millimetre, y: (window.top + 3) * millimetre - top),
                                structure: path + [element("P")]))
        var dateStyle = body
        dateStyle.alignment = .end
        let date = text([TextRun(text: letterhead.date)], dateStyle, width: column.width)
        let dateY = max(y + from.height + 8, (window.top + window.height) * millimetre - top - date.height)
        marks.append(PlacedItem(.text(date, lines: 0..<date.lines.count, x: column.left, y: dateY), structure: path + [element("P")]))
        let height = max((window.top + window.height + 6) * millimetre - top, dateY + date.height + 6)
        if rightToLeft {
            let axis = geometry.left + geometry.right
            marks = marks.map { PlacedItem($0.mark.mirrored(axis), structure: $0.structure, artifact: $0.isArtifact) }
        }
        items.append(.box(FlowBox(height: height, items: marks, spaceBefore: 0, spaceAfter: theme.spacing.paragraph)))
    }
}
