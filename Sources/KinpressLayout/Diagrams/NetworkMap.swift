import Foundation

/// The people around a child in three rings, laid out so that no two labels or markers overlap,
/// every marker sits inside its ring and everything stays inside the drawing. Pure geometry:
/// text is measured through `TextMeasuring`.
public struct NetworkMap: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        case family, friends, community, professionals

        /// Each group's own shape and colour name (the theme gives the colour).
        public var shape: MarkerShape {
            switch self {
            case .family: return .circle
            case .friends: return .diamond
            case .community: return .triangle
            case .professionals: return .square
            }
        }

        public var colour: String { "network-\(rawValue)" }
    }

    public struct Person: Sendable, Equatable {
        public var id: String
        public var name: String
        public var relationship: String
        public var group: Group
        /// 1 closest to the child, 3 furthest.
        public var circle: Int
        public var inSafetyNetwork: Bool
        public var informedOfWorries: Bool

        public init(id: String, name: String, relationship: String, group: Group, circle: Int, inSafetyNetwork: Bool, informedOfWorries: Bool) {
            self.id = id
            self.name = name
            self.relationship = relationship
            self.group = group
            self.circle = min(max(circle, 1), 3)
            self.inSafetyNetwork = inSafetyNetwork
            self.informedOfWorries = informedOfWorries
        }
    }

    /// Where one person ended up.
    public struct Placement: Sendable, Equatable {
        public var person: Person
        public var marker: Point
        public var markerBox: Box
        public var label: Box
    }

    public var scene: Scene
    public var centre: Point
    /// Radii of the centre and of the outer edges of rings 1, 2 and 3.
    public var radii: [Double]
    public var placements: [Placement]
    /// People there was no room for at the smallest legible size: listed under the map instead.
    public var overflow: [Person]
    public var fontSize: Double

    /// Lays out `people` around `children` in a square of side `size`.
    public static func layout(children: [String], people: [Person], size: Double, fontSize: Double, minimumFontSize: Double,
                              measurer: TextMeasuring) -> NetworkMap {
        var remaining = people
        var overflow: [Person] = []
        var font = fontSize
        while true {
            let attempt = place(children: children, people: remaining, size: size, fontSize: font, measurer: measurer)
            if attempt.failed.isEmpty {
                var map = attempt.map
                map.overflow = overflow
                return map
            }
            if font - 0.5 >= minimumFontSize {
                font -= 0.5
                continue
            }
            // At the smallest size, the people who still do not fit go in the list.
            let failed = Set(attempt.failed.map(\.id))
            overflow += remaining.filter { failed.contains($0.id) }
            remaining.removeAll { failed.contains($0.id) }
        }
    }

    private static func place(children: [String], people: [Person], size: Double, fontSize: Double,
                              measurer: TextMeasuring) -> (map: NetworkMap, failed: [Person]) {
        let centre = Point(size / 2, size / 2)
        let outer = size / 2 - 2
        let centreRadius = max(size * 0.11, 24)
        let band = (outer - centreRadius) / 3
        let radii = [centreRadius, centreRadius + band, centreRadius + 2 * band, outer]
        let markerSize = min(max(fontSize * 1.1, 8), band / 4)
        /// How far a marker reaches from its centre, with the ring that marks "knows the worries".
        let reach = markerSize * 0.9
        var items: [SceneItem] = []
        for radius in radii.dropFirst().reversed() {
            items.append(.ring(centre: centre, radius: radius, colour: "rule", width: 0.75))
        }
        items.append(.disc(centre: centre, radius: centreRadius, colour: "network-centre"))
        let names = children.isEmpty ? [""] : children
        let childSize = measurer.measure(names, size: fontSize * 1.1, bold: true, maxWidth: centreRadius * 1.8)
        items.append(.text(lines: names, box: Box(x: centre.x - childSize.width / 2, y: centre.y - childSize.height / 2, width: childSize.width, height: childSize.height),
                           size: fontSize * 1.1, bold: true, colour: "text"))
        let canvas = Box(x: 0, y: 0, width: size, height: size)
        var occupied: [Box] = []
        /// Whether a box reaches into the centre disc, where the children's names are.
        func touchesCentre(_ box: Box) -> Bool {
            let nearest = Point(min(max(centre.x, box.x), box.maxX), min(max(centre.y, box.y), box.maxY))
            return nearest.distance(to: centre) < centreRadius + 1
        }

        // Each ring shares its whole circle among its people, grouped by kind in the same order
        // (family from the top, then friends, community, professionals), so each group keeps
        // to the same side of the map and markers are as far apart as the ring allows.
        var markers: [(Person, Point, Double)] = []
        for ring in 1...3 {
            let inner = radii[ring - 1], outerEdge = radii[ring]
            let members = Group.allCases.flatMap { group in people.filter { $0.group == group && $0.circle == ring } }
            guard !members.isEmpty else { continue }
            let step = 2 * Double.pi / Double(members.count)
            let middle = (inner + outerEdge) / 2
            // When neighbours would touch, alternate between two radii inside the band.
            let crowded = step * middle < reach * 2.4
            for (index, person) in members.enumerated() {
                let angle = -Double.pi / 2 + step * (Double(index) + 0.5) + Double(ring - 1) * 0.2
                let offset = crowded ? (index % 2 == 0 ? -1.0 : 1.0) * (outerEdge - inner) / 5 : 0
                let radius = middle + offset
                markers.append((person, Point(centre.x + radius * cos(angle), centre.y + radius * sin(angle)), angle))
            }
        }
        var placements: [Placement] = []
        var failed: [Person] = []
        var kept: [(Person, Point, Double)] = []
        for marker in markers {
            let box = Box(x: marker.1.x - reach, y: marker.1.y - reach, width: 2 * reach, height: 2 * reach).inset(by: 1)
            if touchesCentre(box) || occupied.contains(where: { $0.intersects(box) }) {
                failed.append(marker.0)
            } else {
                occupied.append(box)
                kept.append(marker)
            }
        }

        for (person, point, angle) in kept {
            let lines = [person.name, person.relationship]
            // Long relationships wrap rather than stretch across the map.
            let measured = measurer.measure(lines, size: fontSize, bold: false, maxWidth: max(size * 0.24, fontSize * 10))
            let markerBox = Box(x: point.x - reach, y: point.y - reach, width: 2 * reach, height: 2 * reach)
            let gap = reach + 2
            // Candidates: outward along the radius first, then turning either way round to
            // inward, each a little further out if nearer is taken.
            let turns = [0.0] + (1...9).flatMap { [Double($0) * 0.35, -Double($0) * 0.35] }
            let candidates = [0.0, 6, 12, 20, 30].flatMap { extra in turns.map { (angle + $0, gap + extra) } }
            var chosen: Box?
            for (direction, distance) in candidates {
                let anchor = Point(point.x + distance * cos(direction), point.y + distance * sin(direction))
                let dx = cos(direction), dy = sin(direction)
                let x = dx > 0.35 ? anchor.x : dx < -0.35 ? anchor.x - measured.width : anchor.x - measured.width / 2
                let y = dy > 0.35 ? anchor.y : dy < -0.35 ? anchor.y - measured.height : anchor.y - measured.height / 2
                let box = Box(x: x, y: y, width: measured.width, height: measured.height)
                if canvas.contains(box), !touchesCentre(box), !occupied.contains(where: { $0.intersects(box) }) {
                    chosen = box
                    break
                }
            }
            guard let label = chosen else {
                failed.append(person)
                continue
            }
            occupied.append(label.inset(by: 1))
            placements.append(Placement(person: person, marker: point, markerBox: markerBox, label: label))
            if person.informedOfWorries {
                items.append(.ring(centre: point, radius: markerSize * 0.85, colour: person.group.colour, width: 1))
            }
            items.append(.marker(shape: person.group.shape, centre: point, size: markerSize, colour: person.group.colour, outlined: !person.inSafetyNetwork))
            items.append(.backdrop(box: label))
            items.append(.text(lines: lines, box: label, size: fontSize, bold: false, colour: "text"))
        }
        let map = NetworkMap(scene: Scene(width: size, height: size, items: items), centre: centre, radii: radii,
                             placements: placements, overflow: [], fontSize: fontSize)
        return (map, failed)
    }
}

extension NetworkMap {
    /// The map centred in a drawing `width` wide, at most `maximumSize` tall, with a legend under
    /// it: each group's shape, then what filled and ringed markers mean. `legend` holds the words
    /// by group name and `network`, `informed`; entries without words are left out.
    public static func figure(children: [String], people: [Person], legend: [String: String], width: Double, maximumSize: Double,
                              fontSize: Double, minimumFontSize: Double, measurer: TextMeasuring) -> (scene: Scene, overflow: [Person]) {
        let size = min(width, maximumSize)
        let map = layout(children: children, people: people, size: size, fontSize: fontSize, minimumFontSize: minimumFontSize, measurer: measurer)
        let offset = (width - size) / 2
        var items = map.scene.items.map { $0.moved(by: offset, 0) }
        var entries: [(marker: SceneItem?, informed: Bool, words: String)] = Group.allCases
            .filter { group in people.contains { $0.group == group } }
            .map { group in (.marker(shape: group.shape, centre: Point(0, 0), size: 9, colour: group.colour, outlined: false), false, legend[group.rawValue] ?? group.rawValue) }
        // A legend entry only for what someone on the map has.
        if people.contains(where: \.inSafetyNetwork) {
            entries.append((.marker(shape: .circle, centre: Point(0, 0), size: 9, colour: "muted", outlined: false), false, legend["network"] ?? ""))
        }
        if people.contains(where: \.informedOfWorries) { entries.append((nil, true, legend["informed"] ?? "")) }
        var cursorX = 0.0, cursorY = size + 10
        let rowHeight = fontSize * 1.8
        for entry in entries where !entry.words.isEmpty {
            let measured = measurer.measure([entry.words], size: fontSize, bold: false, maxWidth: width / 2)
            let needed = 16 + measured.width + 14
            if cursorX + needed > width { cursorX = 0; cursorY += rowHeight }
            let centre = Point(cursorX + 6, cursorY + rowHeight / 2 - 2)
            if entry.informed {
                items.append(.ring(centre: centre, radius: 6, colour: "muted", width: 1))
                items.append(.marker(shape: .circle, centre: centre, size: 7, colour: "muted", outlined: true))
            } else if case .marker(let shape, _, let markerSize, let colour, let outlined)? = entry.marker {
                items.append(.marker(shape: shape, centre: centre, size: markerSize, colour: colour, outlined: outlined))
            }
            items.append(.text(lines: [entry.words], box: Box(x: cursorX + 16, y: cursorY, width: measured.width, height: measured.height),
                               size: fontSize, bold: false, colour: "text"))
            cursorX += needed
        }
        return (Scene(width: width, height: cursorY + rowHeight, items: items), map.overflow)
    }
}
