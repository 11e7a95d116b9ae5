import KinpressCompose

/// Lays out a child's safe house: the house with the people living in it, a door, the path of
/// stepping stones from 0 (far away) up to 10 (the door) with the child where they put
/// themselves, the people who may visit in the garden beside the path, and, beyond a fence, the
/// people the child does not feel safe with. Each zone has its own marker shape and its label
/// in words, so nothing depends on colour.
public enum SafetyHouseLayout {
    /// Sizes in points.
    public struct Style: Sendable {
        public var fontSize: Double
        public var labelSize: Double
        public init(fontSize: Double, labelSize: Double) {
            self.fontSize = fontSize
            self.labelSize = labelSize
        }
    }

    /// Where each zone's people were placed, for checking: every name's text box by zone.
    public struct Placement: Sendable {
        public var scene: Scene
        /// inside, visitors, outside: the box each zone's people were placed in.
        public var zones: [String: Box]
        /// Each person's name box, by zone, in order.
        public var names: [String: [Box]]
        /// Each person's marker box, by zone, in order.
        public var markers: [String: [Box]]
    }

    static let stoneGap = 18.0
    static let stoneRadius = 7.0
    static let marker = 8.0

    public static func layout(_ drawing: SafetyHouseDrawing, width: Double, style: Style, measurer: TextMeasuring) -> Placement {
        var items: [SceneItem] = []
        var names: [String: [Box]] = [:]
        var markers: [String: [Box]] = [:]
        var zones: [String: Box] = [:]
        // Beyond the fence only when someone is there: otherwise the house takes the width.
        let fence = width * 0.66
        let gardenRight = drawing.outside.isEmpty ? width - 2 : fence - 10
        let houseLeft = 4.0, houseRight = gardenRight - 6
        let houseWidth = houseRight - houseLeft
        let roof = min(houseWidth * 0.22, 56)
        let pathX = houseLeft + houseWidth / 2
        let rowGap = style.fontSize * 0.5

        /// People in a column grid inside `box`, under the zone's label; returns the height used.
        func place(_ people: [String], zone: String, label: String, shape: MarkerShape, colour: String, in box: Box, columns: Int) -> Double {
            var y = box.y
            if !label.isEmpty {
                let measured = measurer.measure([label], size: style.labelSize, bold: true, maxWidth: box.width)
                items.append(.text(lines: [label], box: Box(x: box.x, y: y, width: box.width, height: measured.height), size: style.labelSize, bold: true, colour: "text"))
                y += measured.height + rowGap
            }
            let columnWidth = (box.width - Double(columns - 1) * 8) / Double(columns)
            let textWidth = columnWidth - marker * 2
            for start in stride(from: 0, to: people.count, by: columns) {
                var rowHeight = 0.0
                for index in start..<min(start + columns, people.count) {
                    let left = box.x + Double(index - start) * (columnWidth + 8)
                    let measured = measurer.measure([people[index]], size: style.fontSize, bold: false, maxWidth: textWidth)
                    let nameBox = Box(x: left + marker * 2, y: y, width: textWidth, height: measured.height)
                    let centre = Point(left + marker / 2 + 1, y + style.fontSize * 0.7)
                    items.append(.marker(shape: shape, centre: centre, size: marker, colour: colour, outlined: false))
                    items.append(.text(lines: [people[index]], box: nameBox, size: style.fontSize, bold: false, colour: "text"))
                    names[zone, default: []].append(nameBox)
                    markers[zone, default: []].append(Box(x: centre.x - marker / 2, y: centre.y - marker / 2, width: marker, height: marker))
                    rowHeight = max(rowHeight, measured.height)
                }
                y += rowHeight + rowGap
            }
            zones[zone] = Box(x: box.x, y: box.y, width: box.width, height: y - box.y)
            return y - box.y
        }

        // The house: people first, so the walls are as tall as they need.
        var houseItems: [SceneItem] = []
        swap(&items, &houseItems)
        let insideBox = Box(x: houseLeft + 12, y: roof + 10, width: houseWidth - 24, height: 0)
        let insideHeight = place(drawing.inside, zone: "inside", label: drawing.labels["inside"] ?? "", shape: .circle, colour: "goalBorder",
                                 in: insideBox, columns: houseWidth >= 240 && drawing.inside.count > 3 ? 2 : 1)
        swap(&items, &houseItems)
        let door = (width: 24.0, height: 32.0)
        let wallsBottom = roof + 10 + insideHeight + door.height + 6
        items.append(.polygon(points: [Point(houseLeft - 4, roof), Point(pathX, 2), Point(houseRight + 4, roof)], fill: "goalBorder", stroke: "goalBorder", width: 1.5))
        items.append(.polygon(points: Box(x: houseLeft, y: roof, width: houseWidth, height: wallsBottom - roof).corners, fill: "goal", stroke: "goalBorder", width: 1.5))
        items.append(.polygon(points: Box(x: pathX - door.width / 2, y: wallsBottom - door.height, width: door.width, height: door.height).corners,
                              fill: "goalBorder", stroke: nil, width: 0))
        items += houseItems

        // The path: stepping stones from the door (10) down to 0.
        let firstStone = wallsBottom + stoneRadius + 6
        let lastStone = firstStone + 10 * stoneGap
        items.append(.line(from: Point(pathX, wallsBottom), to: Point(pathX, lastStone + stoneRadius), colour: "tableHeader", width: stoneRadius * 2.6))
        for step in 0...10 {
            let centre = Point(pathX, firstStone + Double(10 - step) * stoneGap)
            items.append(.ring(centre: centre, radius: stoneRadius, colour: "scale", width: 1))
            let number = String(step)
            let size = style.labelSize * 0.85
            let measured = measurer.measure([number], size: size, bold: false, maxWidth: stoneRadius * 2)
            items.append(.text(lines: [number], box: Box(x: centre.x - stoneRadius, y: centre.y - measured.height / 2, width: stoneRadius * 2, height: measured.height),
                               size: size, bold: false, colour: "text", align: .centre))
        }
        // The child, where they put themselves, beside the path.
        let childY = firstStone + (10 - min(max(drawing.now, 0), 10)) * stoneGap
        let hereLeft = pathX + stoneRadius * 1.3 + 14
        items.append(.marker(shape: .diamond, centre: Point(pathX + stoneRadius * 1.3 + 5, childY), size: 11, colour: "heading", outlined: false))
        let here = measurer.measure([drawing.here], size: style.fontSize, bold: true, maxWidth: gardenRight - hereLeft)
        items.append(.text(lines: [drawing.here], box: Box(x: hereLeft, y: childY - min(here.height / 2, style.fontSize * 0.7), width: gardenRight - hereLeft,
                                                          height: here.height), size: style.fontSize, bold: true, colour: "heading"))

        // The garden beside the path: who may visit.
        let visitorsBox = Box(x: houseLeft, y: wallsBottom + 10, width: pathX - stoneRadius * 1.3 - 10 - houseLeft, height: 0)
        let visitorsHeight = drawing.visitors.isEmpty ? 0
            : place(drawing.visitors, zone: "visitors", label: drawing.labels["visitors"] ?? "", shape: .square, colour: "noteBorder", in: visitorsBox, columns: 1)

        // Beyond the fence: the people the child does not feel safe with.
        let outsideBox = Box(x: fence + 12, y: roof, width: width - fence - 14, height: 0)
        var outsideItems: [SceneItem] = []
        swap(&items, &outsideItems)
        let outsideHeight = drawing.outside.isEmpty ? 0
            : place(drawing.outside, zone: "outside", label: drawing.labels["outside"] ?? "", shape: .triangle, colour: "dangerBorder", in: outsideBox, columns: 1)
        swap(&items, &outsideItems)

        let height = max(lastStone + stoneRadius + 4, visitorsBox.y + visitorsHeight, outsideBox.y + outsideHeight + 8)
        if !drawing.outside.isEmpty {
            items.append(.polygon(points: Box(x: fence + 6, y: roof - 6, width: width - fence - 6, height: outsideHeight + 12).corners,
                                  fill: "danger", stroke: nil, width: 0))
        }
        items += outsideItems
        // The fence: a rail with posts.
        if !drawing.outside.isEmpty {
            items.append(.line(from: Point(fence, 0), to: Point(fence, height), colour: "muted", width: 1.5))
            for post in stride(from: 6.0, to: height, by: 18) {
                items.append(.line(from: Point(fence - 4, post), to: Point(fence + 4, post), colour: "muted", width: 1.5))
            }
        }
        return Placement(scene: Scene(width: width, height: height, items: items), zones: zones, names: names, markers: markers)
    }
}
