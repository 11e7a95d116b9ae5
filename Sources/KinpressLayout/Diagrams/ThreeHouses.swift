import KinpressCompose

/// Lays out a child's three houses: side by side when they fit the page's height (a landscape
/// spread), otherwise one house at a time across the whole width, a long house continued in
/// further drawings. Each house is a roof over walls that hold its name and the child's words,
/// a bullet before each item and, under an item the worker wrote down, who wrote it. The house
/// the child started with has a label over its roof. Nothing depends on colour alone: every
/// house is named in words.
public enum ThreeHousesLayout {
    /// Sizes in points.
    public struct Style: Sendable {
        public var fontSize: Double
        public var noteSize: Double
        public init(fontSize: Double, noteSize: Double) {
            self.fontSize = fontSize
            self.noteSize = noteSize
        }
    }

    static let gap = 14.0
    static let padding = 10.0
    static let bullet = 5.0

    /// The drawings for `drawing`, each no taller than `maximumHeight` where the words allow.
    public static func layout(_ drawing: ThreeHousesDrawing, width: Double, maximumHeight: Double, style: Style, measurer: TextMeasuring) -> [Scene] {
        let spread = scene(drawing.houses, width: width, startedLabel: drawing.startedLabel, emptyLabel: drawing.emptyLabel, style: style, measurer: measurer)
        if spread.height <= maximumHeight || drawing.houses.count <= 1 && drawing.houses.first.map({ $0.items.count <= 1 }) ?? true {
            return [spread]
        }
        // One house across the width at a time; a house too long for a page in parts, each part
        // with as many items as fit.
        var scenes: [Scene] = []
        for house in drawing.houses {
            var part = house
            part.items = []
            for item in house.items {
                var longer = part
                longer.items.append(item)
                if !part.items.isEmpty,
                   scene([longer], width: width, startedLabel: drawing.startedLabel, emptyLabel: drawing.emptyLabel, style: style, measurer: measurer).height > maximumHeight {
                    scenes.append(scene([part], width: width, startedLabel: drawing.startedLabel, emptyLabel: drawing.emptyLabel, style: style, measurer: measurer))
                    part.items = []
                    part.started = false
                }
                part.items.append(item)
            }
            scenes.append(scene([part], width: width, startedLabel: drawing.startedLabel, emptyLabel: drawing.emptyLabel, style: style, measurer: measurer))
        }
        return scenes
    }

    /// Houses side by side across `width`, all the same height.
    static func scene(_ houses: [ThreeHousesDrawing.House], width: Double, startedLabel: String, emptyLabel: String, style: Style,
                      measurer: TextMeasuring) -> Scene {
        let count = Double(max(houses.count, 1))
        let houseWidth = (width - gap * (count - 1)) / count
        let inner = houseWidth - 2 * padding
        let labelHeight = houses.contains(where: \.started) && !startedLabel.isEmpty
            ? measurer.measure([startedLabel], size: style.noteSize, bold: true, maxWidth: houseWidth).height + 10 : 0
        let roofHeight = min(houseWidth * 0.22, 52)
        let lineGap = style.fontSize * 0.45

        // Each house's contents, measured, from the top of its walls.
        var contents: [[SceneItem]] = []
        var wallHeight = 0.0
        for house in houses {
            var items: [SceneItem] = []
            var y = padding
            let name = measurer.measure([house.name], size: style.fontSize, bold: true, maxWidth: inner)
            items.append(.text(lines: [house.name], box: Box(x: padding, y: y, width: inner, height: name.height),
                               size: style.fontSize, bold: true, colour: "text", align: .centre))
            y += name.height + lineGap
            items.append(.line(from: Point(padding, y), to: Point(houseWidth - padding, y), colour: border(house.kind), width: 0.75))
            y += lineGap
            if house.items.isEmpty {
                let empty = measurer.measure([emptyLabel], size: style.noteSize, bold: false, maxWidth: inner)
                items.append(.text(lines: [emptyLabel], box: Box(x: padding, y: y, width: inner, height: empty.height), size: style.noteSize, bold: false,
                                   colour: "muted", align: .centre))
                y += empty.height + lineGap
            }
            let textX = padding + bullet * 2.4
            for item in house.items {
                let words = measurer.measure([item.text], size: style.fontSize, bold: false, maxWidth: inner - bullet * 2.4)
                items.append(.disc(centre: Point(padding + bullet, y + style.fontSize * 0.68), radius: bullet / 2, colour: border(house.kind)))
                items.append(.text(lines: [item.text], box: Box(x: textX, y: y, width: inner - bullet * 2.4, height: words.height),
                                   size: style.fontSize, bold: false, colour: "text"))
                y += words.height
                if let note = item.note {
                    let measured = measurer.measure([note], size: style.noteSize, bold: false, maxWidth: inner - bullet * 2.4)
                    items.append(.text(lines: [note], box: Box(x: textX, y: y + 1, width: inner - bullet * 2.4, height: measured.height),
                                       size: style.noteSize, bold: false, colour: "muted"))
                    y += measured.height + 1
                }
                y += lineGap
            }
            contents.append(items)
            wallHeight = max(wallHeight, y + padding)
        }
        // Room for a door under the words.
        let door = (width: min(houseWidth * 0.12, 24), height: min(wallHeight * 0.25, 26.0))
        wallHeight += door.height

        var items: [SceneItem] = []
        for (index, house) in houses.enumerated() {
            let left = Double(index) * (houseWidth + gap)
            let eaves = labelHeight + roofHeight
            if house.started, !startedLabel.isEmpty {
                let label = measurer.measure([startedLabel], size: style.noteSize, bold: true, maxWidth: houseWidth)
                items.append(.text(lines: [startedLabel], box: Box(x: left, y: 0, width: houseWidth, height: label.height), size: style.noteSize, bold: true,
                                   colour: "heading", align: .centre))
                items.append(.marker(shape: .triangle, centre: Point(left + houseWidth / 2, label.height + 4), size: 6, colour: "heading", outlined: false))
            }
            items.append(.polygon(points: [Point(left, eaves), Point(left + houseWidth / 2, labelHeight + 2), Point(left + houseWidth, eaves)],
                                  fill: border(house.kind), stroke: border(house.kind), width: 1.5))
            items.append(.polygon(points: Box(x: left + 3, y: eaves, width: houseWidth - 6, height: wallHeight).corners,
                                  fill: fill(house.kind), stroke: border(house.kind), width: 1.5))
            let doorBox = Box(x: left + (houseWidth - door.width) / 2, y: eaves + wallHeight - door.height, width: door.width, height: door.height)
            items.append(.polygon(points: doorBox.corners, fill: border(house.kind), stroke: nil, width: 0))
            items += contents[index].map { $0.moved(by: left, eaves) }
        }
        return Scene(width: width, height: labelHeight + roofHeight + wallHeight, items: items)
    }

    /// Each house's own colours: the theme's worry, goal and note boxes.
    static func fill(_ kind: String) -> String {
        switch kind {
        case "worries": return "danger"
        case "goodThings": return "goal"
        default: return "note"
        }
    }

    static func border(_ kind: String) -> String { "\(fill(kind))Border" }
}
