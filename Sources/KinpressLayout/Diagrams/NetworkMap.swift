import Foundation

/// The people around a child in three rings. Where each person sits depends on nothing but the
/// case's people, so every document and format shows them in the same place (only the scale
/// changes). Labels go beside their markers, or a short line joins them; when the names do not
/// fit, even wrapped and shortened, the markers are numbered and a key names them. Nobody is
/// left off, no two labels or markers overlap, every marker sits inside its ring and everything
/// stays inside the drawing. Pure geometry: text is measured through `TextMeasuring`.
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
        /// False for someone who keeps their place on the case's map but is not drawn in this
        /// document (the safety plan shows only the safety network, where the network map has them).
        public var shown: Bool

        public init(id: String, name: String, relationship: String, group: Group, circle: Int, inSafetyNetwork: Bool, informedOfWorries: Bool,
                    shown: Bool = true) {
            self.id = id
            self.name = name
            self.relationship = relationship
            self.group = group
            self.circle = min(max(circle, 1), 3)
            self.inSafetyNetwork = inSafetyNetwork
            self.informedOfWorries = informedOfWorries
            self.shown = shown
        }
    }

    public struct Segment: Sendable, Equatable {
        public var from, to: Point
    }

    /// Where one person ended up.
    public struct Placement: Sendable, Equatable {
        public var person: Person
        /// Their number on the map and in the key, when the map is numbered.
        public var number: Int?
        public var marker: Point
        public var markerBox: Box
        public var label: Box
        public var lines: [String]
        /// The line joining a label set a little away to its marker.
        public var leader: Segment?
    }

    /// How much a label says: everything, the name alone, or a number the key explains.
    enum LabelForm: Equatable {
        case full(wrap: Double)
        case name(wrap: Double)
        case number
    }

    public var scene: Scene
    public var centre: Point
    /// Radii of the centre and of the outer edges of rings 1, 2 and 3.
    public var radii: [Double]
    /// Everyone drawn, in reading order: ring by ring, each from the top round the way the page reads.
    public var placements: [Placement]
    /// Everyone drawn, in number order, when the markers are numbered; empty when they are named.
    public var key: [Person]
    public var fontSize: Double
    public var markerSize: Double
    /// True when the labels had to leave out who people are (the name alone).
    public var shortened: Bool

    // MARK: Places

    /// The centre disc's radius as a share of the outer ring's radius.
    static let centreShare = 0.24

    /// The centre's edge and each ring's outer edge as shares of the outer ring's radius. The
    /// rings share what is left after the centre by how many people each holds, so a crowded
    /// circle is given more room; with about as many in each they are about as wide.
    public static func edges(of people: [Person]) -> [Double] {
        let weights = (1...3).map { ring in 1.5 + Double(people.count(where: { $0.circle == ring })).squareRoot() }
        let total = weights.reduce(0, +)
        var edges = [centreShare]
        for weight in weights { edges.append(edges.last! + (1 - centreShare) * weight / total) }
        edges[3] = 1
        return edges
    }

    /// Each person's place as a share of the outer ring's radius from the centre (x to the
    /// right, y down), in reading order: ring by ring, each ring shared out evenly from the top
    /// going clockwise, family first, then friends, community and professionals, each group in
    /// the order given. It depends on nothing but the people: drawn at any size, everyone is in
    /// the same place relative to the rings.
    public static func places(of people: [Person]) -> [(person: Person, place: Point)] {
        var result: [(Person, Point)] = []
        let edges = edges(of: people)
        for ring in 1...3 {
            let members = Group.allCases.flatMap { group in people.filter { $0.group == group && $0.circle == ring } }
            guard !members.isEmpty else { continue }
            let band = edges[ring] - edges[ring - 1]
            let middle = edges[ring - 1] + band / 2
            // A crowded ring staggers its people over two, three or four lanes, decided by how
            // many there are (measured at a typical size), never by the page.
            let spacing = 2 * Double.pi * middle * 220 / Double(members.count)
            let lanes: [Double] = spacing >= 36 ? [0] : spacing >= 18 ? [-0.22, 0.22] : spacing >= 12 ? [-0.3, 0, 0.3] : [-0.33, -0.11, 0.11, 0.33]
            let step = 2 * Double.pi / Double(members.count)
            for (index, person) in members.enumerated() {
                // Each ring starts a little further round than the one inside it, so that people
                // in neighbouring rings do not line up, and ends before the top again.
                let angle = -Double.pi / 2 + step * (Double(index) + 0.5 + Double(ring - 1) * 0.2)
                let radius = middle + lanes[index % lanes.count] * band
                result.append((person, Point(radius * cos(angle), radius * sin(angle))))
            }
        }
        return result
    }

    /// The smallest centre disc for the children's names, each wrapped to the disc's width: the
    /// names may reach past its curve at the corners, where nothing else is drawn.
    static func centreRadius(for children: [String], fontSize: Double, measurer: TextMeasuring) -> Double {
        let names = children.isEmpty ? [""] : children
        func fits(_ radius: Double) -> Bool {
            let size = measurer.measure(names, size: fontSize * 1.05, bold: true, maxWidth: radius * 1.8)
            return max(size.width, size.height) / 2 + 2 <= radius
        }
        // A wider disc holds the names in fewer lines: the first that fits, found by halves.
        var low = 8, high = 70
        guard fits(Double(high) * 2) else { return Double(high) * 2 }
        while low < high {
            let middle = (low + high) / 2
            if fits(Double(middle) * 2) { high = middle } else { low = middle + 1 }
        }
        return Double(low) * 2
    }

    /// The outer ring's radius this map prefers for `count` people drawn: small for a few, up to
    /// the room there is for many.
    static func preferredRadius(_ count: Int, numbered: Bool) -> Double {
        numbered ? 60 + 26 * Double(count).squareRoot() : max(120, 50 + 32 * Double(count).squareRoot())
    }

    // MARK: Layout

    /// Lays out `people` around `children` in a drawing `width` wide and at most `maximumHeight`
    /// tall. Tries, in order: names and who they are, wrapped, at `fontSize` then
    /// `minimumFontSize`, on a map as large as it needs; then names alone; then numbered markers.
    public static func layout(children: [String], people: [Person], width: Double, maximumHeight: Double, fontSize: Double,
                              minimumFontSize: Double, measurer original: TextMeasuring) -> NetworkMap {
        // Each size and form is tried with the same words: measure each once.
        let measurer = RememberingMeasurer(original)
        let places = Self.places(of: people)
        let edges = Self.edges(of: people)
        let shown = places.filter(\.person.shown).count
        // Room above and below the rings for the labels of the people at the top and bottom.
        let padding = fontSize * 3.5
        let largest = max(60, min(width / 2 - 6, (maximumHeight - 2 * padding) / 2))
        // The centre disc is a fixed share of the map: large enough for the children's names,
        // one to a line, unless that would take more than the room there is.
        let smallest = min(largest, centreRadius(for: children, fontSize: fontSize, measurer: measurer) / centreShare)
        let fonts = fontSize > minimumFontSize ? [fontSize, minimumFontSize] : [fontSize]
        let forms: [LabelForm] = [.full(wrap: fontSize * 13), .full(wrap: fontSize * 9.5), .name(wrap: fontSize * 9.5), .name(wrap: fontSize * 7)]
        // From the size that suits the people up to the largest there is room for: the smallest
        // map the labels fit leaves the most of the page for what follows.
        let preferred = min(max(preferredRadius(shown, numbered: false), smallest), largest)
        let radii = preferred < largest ? (0...3).map { preferred + (largest - preferred) * Double($0) / 3 } : [largest]
        for form in forms {
            for font in fonts {
                for radius in radii {
                    if let map = attempt(children: children, places: places, edges: edges, radius: radius, width: width, padding: padding, fontSize: font,
                                         form: form, measurer: measurer) {
                        return map
                    }
                }
            }
        }
        // Numbered markers: the numbers take little room, above and below the rings too, so the
        // map may be a little larger, or as small as suits the people.
        let numberFont = max(fontSize, minimumFontSize)
        let numberPadding = numberFont * 2
        let largestNumbered = max(60, min(width / 2 - 6, (maximumHeight - 2 * numberPadding) / 2))
        let small = min(max(preferredRadius(shown, numbered: true), smallest), largestNumbered)
        for radius in [small, (small + largestNumbered) / 2, largestNumbered] {
            if let map = attempt(children: children, places: places, edges: edges, radius: radius, width: width, padding: numberPadding,
                                 fontSize: numberFont, form: .number, measurer: measurer) {
                return map
            }
        }
        // Beyond what any case should hold: numbers set further off on the largest map, and,
        // rather than leave anyone out, a number with no room of its own set anyway.
        return attempt(children: children, places: places, edges: edges, radius: largestNumbered, width: width, padding: numberPadding,
                       fontSize: numberFont, form: .number, measurer: measurer, reachFactor: 3)
            ?? attempt(children: children, places: places, edges: edges, radius: largestNumbered, width: width, padding: numberPadding,
                       fontSize: numberFont, form: .number, measurer: measurer, reachFactor: 3, force: true)!
    }

    /// One try at one size and form of label: nil when someone's marker or label has no room.
    static func attempt(children: [String], places: [(person: Person, place: Point)], edges: [Double], radius: Double, width: Double, padding: Double,
                        fontSize: Double, form: LabelForm, measurer: TextMeasuring, reachFactor: Double = 1, force: Bool = false) -> NetworkMap? {
        let centre = Point(width / 2, padding + radius)
        let radii = edges.map { $0 * radius }
        let centreRadius = radii[0]
        let markerSize = max(10, fontSize * 1.2)
        /// How far a marker can reach from its centre, with the ring that marks "knows the worries".
        let reach = markerSize * 0.9
        /// How far this person's marker reaches: its outline, or the ring round it.
        func extent(_ person: Person) -> Double { person.informedOfWorries ? markerSize * 0.85 + 0.5 : markerSize / 2 + 0.75 }
        let canvas = Box(x: 0, y: 0, width: width, height: 2 * radius + 2 * padding)
        // The children's names in the centre, kept clear like the disc under them.
        let names = children.isEmpty ? [""] : children
        let childSize = measurer.measure(names, size: fontSize * 1.05, bold: true, maxWidth: radius * centreShare * 1.8)
        let childBox = Box(x: centre.x - childSize.width / 2, y: centre.y - childSize.height / 2, width: childSize.width, height: childSize.height)
        let numbered = form == .number

        // Markers first: each inside its ring and clear of every other.
        struct Drawn {
            var person: Person
            var number: Int?
            var point: Point
            var box: Box
            var lines: [String]
            var size: (width: Double, height: Double)
        }
        var drawn: [Drawn] = []
        var number = 0
        for (person, place) in places where person.shown {
            let point = Point(centre.x + place.x * radius, centre.y + place.y * radius)
            let distance = point.distance(to: centre)
            guard force || (distance - reach >= radii[person.circle - 1] - 0.001 && distance + reach <= radii[person.circle] + 0.001) else { return nil }
            let own = extent(person) + 0.5
            let box = Box(x: point.x - own, y: point.y - own, width: 2 * own, height: 2 * own)
            // Markers are round at most (a shape, or the ring round it): clear of each other by their reach.
            guard force || (!drawn.contains(where: { $0.point.distance(to: point) < $0.box.width / 2 + own + 0.5 }) && !childBox.inset(by: 1).intersects(box)) else { return nil }
            number += 1
            let lines: [String]
            var size: (width: Double, height: Double)
            switch form {
            case .full(let wrap):
                lines = person.relationship.isEmpty ? [person.name] : [person.name, person.relationship]
                size = measurer.measure(lines, size: fontSize, bold: false, maxWidth: wrap)
            case .name(let wrap):
                lines = [person.name]
                size = measurer.measure(lines, size: fontSize, bold: false, maxWidth: wrap)
            case .number:
                lines = [String(number)]
                size = measurer.measure(lines, size: fontSize, bold: true, maxWidth: 100)
                size.width += 2
            }
            drawn.append(Drawn(person: person, number: numbered ? number : nil, point: point, box: box, lines: lines, size: size))
        }
        let markerBoxes = drawn.map(\.box)

        /// Whether a box reaches into the centre disc, where the children's names are.
        func touchesCentre(_ box: Box) -> Bool {
            box.distance(to: centre) < centreRadius + 1 || box.intersects(childBox.inset(by: 2))
        }

        // Labels: each as near its own marker as it can go, trying the inner rings first. Who
        // found no room goes first on the next pass.
        var order = Array(drawn.indices).sorted { (drawn[$0].person.circle, $0) < (drawn[$1].person.circle, $1) }
        var chosen: [Int: (label: Box, leader: Segment?)] = [:]
        for _ in 0..<(numbered ? 10 : 4) {
            chosen = [:]
            var labels: [Box] = []
            var leaders: [Segment] = []
            var failed: [Int] = []
            for index in order {
                let item = drawn[index]
                let angle = atan2(item.point.y - centre.y, item.point.x - centre.x)
                let turns = [0.0] + (1...8).flatMap { [Double($0) * 0.39, -Double($0) * 0.39] }
                let visible = extent(item.person)
                let distances = [2.0, 4, 9, 15, 23, 33, 45].map { visible + $0 * reachFactor }
                var found: (Box, Segment?)?
                search: for distance in distances {
                    for turn in turns {
                        let direction = angle + turn
                        let (dx, dy) = (cos(direction), sin(direction))
                        let anchor = Point(item.point.x + distance * dx, item.point.y + distance * dy)
                        let x = dx > 0.38 ? anchor.x : dx < -0.38 ? anchor.x - item.size.width : anchor.x - item.size.width / 2
                        let y = dy > 0.38 ? anchor.y : dy < -0.38 ? anchor.y - item.size.height : anchor.y - item.size.height / 2
                        let box = Box(x: x, y: y, width: item.size.width, height: item.size.height)
                        guard canvas.contains(box), !touchesCentre(box) else { continue }
                        let padded = box.inset(by: 1)
                        guard !markerBoxes.contains(where: { $0.intersects(padded) }), !labels.contains(where: { $0.intersects(padded) }),
                              !leaders.contains(where: { box.inset(by: 0.5).intersects($0) }) else { continue }
                        let gap = box.distance(to: item.point) - visible
                        if gap <= 4.5 {
                            // Beside its marker, and clearly nearer to it than to anyone else's.
                            let own = box.distance(to: item.point)
                            guard !drawn.indices.contains(where: { $0 != index && box.distance(to: drawn[$0].point) < own + (numbered ? 3 : 6) }) else { continue }
                            found = (box, nil)
                        } else {
                            // Further off: a line joins them, crossing nothing.
                            let end = box.nearest(to: item.point)
                            let length = end.distance(to: item.point)
                            let start = Point(item.point.x + (end.x - item.point.x) / length * (visible + 0.5),
                                              item.point.y + (end.y - item.point.y) / length * (visible + 0.5))
                            let leader = Segment(from: start, to: end)
                            guard leader.distance(to: centre) > centreRadius + 1, !childBox.intersects(leader),
                                  !drawn.indices.contains(where: { $0 != index && drawn[$0].box.intersects(leader) }),
                                  !labels.contains(where: { $0.intersects(leader) }),
                                  !leaders.contains(where: { $0.crosses(leader) }) else { continue }
                            found = (box, leader)
                        }
                        break search
                    }
                }
                if found == nil, force {
                    // Only when nothing else is possible: the nearest place, whatever is there.
                    let box = Box(x: item.box.maxX + 2, y: item.point.y - item.size.height / 2, width: item.size.width, height: item.size.height)
                    found = (box, nil)
                }
                guard let (box, leader) = found else {
                    failed.append(index)
                    continue
                }
                labels.append(box)
                if let leader { leaders.append(leader) }
                chosen[index] = (box, leader)
            }
            if failed.isEmpty { break }
            order = failed + order.filter { !failed.contains($0) }
        }
        guard chosen.count == drawn.count else { return nil }
        // Words joined by many lines are hard to follow: shorter words (or numbers) read better.
        guard numbered || chosen.values.filter({ $0.leader != nil }).count <= max(2, drawn.count / 5) else { return nil }

        var items: [SceneItem] = []
        for radius in radii.dropFirst().reversed() {
            items.append(.ring(centre: centre, radius: radius, colour: "rule", width: 0.75))
        }
        items.append(.disc(centre: centre, radius: centreRadius, colour: "network-centre"))
        items.append(.text(lines: names, box: childBox, size: fontSize * 1.05, bold: true, colour: "text", align: .centre))
        var placements: [Placement] = []
        for (index, item) in drawn.enumerated() {
            let (label, leader) = chosen[index]!
            placements.append(Placement(person: item.person, number: item.number, marker: item.point, markerBox: item.box, label: label,
                                        lines: item.lines, leader: leader))
        }
        for placement in placements {
            if let leader = placement.leader { items.append(.line(from: leader.from, to: leader.to, colour: "muted", width: 0.75)) }
        }
        for placement in placements {
            let person = placement.person
            items += symbol(group: person.group, inSafetyNetwork: person.inSafetyNetwork, informed: person.informedOfWorries, at: placement.marker, size: markerSize)
            items.append(.backdrop(box: placement.label))
            // A label left of its marker ends beside it; one above or below is centred on it.
            let align: TextAlign = placement.label.maxX <= placement.marker.x + 1 ? .end : placement.label.x >= placement.marker.x - 1 ? .start : .centre
            items.append(.text(lines: placement.lines, box: placement.label, size: fontSize, bold: numbered, colour: "text", align: align))
        }
        let shortened: Bool
        if case .name = form { shortened = true } else { shortened = false }
        return NetworkMap(scene: Scene(width: width, height: canvas.height, items: items), centre: centre, radii: radii, placements: placements,
                          key: numbered ? placements.map(\.person) : [], fontSize: fontSize, markerSize: markerSize, shortened: shortened)
    }

    /// How someone is drawn, on the map and in its legend alike: their group's shape and colour,
    /// filled in when they are in the safety network, with a ring round it when they know the worries.
    public static func symbol(group: Group, inSafetyNetwork: Bool, informed: Bool, at centre: Point, size: Double) -> [SceneItem] {
        var items: [SceneItem] = []
        if informed { items.append(.ring(centre: centre, radius: size * 0.85, colour: group.colour, width: 1)) }
        items.append(.marker(shape: group.shape, centre: centre, size: size, colour: group.colour, outlined: !inSafetyNetwork))
        return items
    }
}

extension NetworkMap {
    /// The map across a drawing `width` wide, at most `maximumHeight` tall with its legend under
    /// it: each group's symbol as the map draws it, then what filled and ringed markers mean,
    /// each shown on a symbol that is on the map. `legend` holds the words by group name and
    /// `network`, `informed`; entries without words are left out. `legendTop` is where the
    /// legend starts.
    public static func figure(children: [String], people: [Person], legend: [String: String], width: Double, maximumHeight: Double,
                              fontSize: Double, minimumFontSize: Double, measurer: TextMeasuring) -> (scene: Scene, map: NetworkMap, legendTop: Double) {
        let rowHeight = fontSize * 1.9
        // Room for two rows of legend.
        var map = layout(children: children, people: people, width: width, maximumHeight: maximumHeight - 2 * rowHeight - 10,
                         fontSize: fontSize, minimumFontSize: minimumFontSize, measurer: measurer)
        // Only as tall as what is drawn: the rings and the labels.
        let boxes = map.placements.map(\.label) + [Box(x: map.centre.x - map.radii[3], y: map.centre.y - map.radii[3], width: 2 * map.radii[3], height: 2 * map.radii[3])]
        let top = (boxes.map(\.y).min() ?? 0) - 2, bottom = (boxes.map(\.maxY).max() ?? 0) + 2
        map = map.moved(by: -top)
        var items = map.scene.items
        let drawn = map.placements.map(\.person)
        var entries: [(symbol: (Group, Bool, Bool), words: String)] = Group.allCases.compactMap { group in
            let members = drawn.filter { $0.group == group }
            guard !members.isEmpty else { return nil }
            // Hollow, as most are drawn, unless everyone in the group is filled in.
            return ((group, members.allSatisfy(\.inSafetyNetwork), false), legend[group.rawValue] ?? group.rawValue)
        }
        // A legend entry only for what someone on the map has, on the symbol of someone who has
        // it (from the first group that has one).
        let byGroup = Group.allCases.flatMap { group in drawn.filter { $0.group == group } }
        if let example = byGroup.first(where: \.inSafetyNetwork) {
            entries.append(((example.group, true, false), legend["network"] ?? ""))
        }
        let informed = byGroup.filter(\.informedOfWorries)
        if let example = informed.first(where: { !$0.inSafetyNetwork }) ?? informed.first {
            entries.append(((example.group, example.inSafetyNetwork, true), legend["informed"] ?? ""))
        }
        let legendTop = bottom - top + 8
        var cursorX = 0.0, cursorY = legendTop
        let symbolRoom = map.markerSize * 2
        for entry in entries where !entry.words.isEmpty {
            let measured = measurer.measure([entry.words], size: fontSize, bold: false, maxWidth: width / 2)
            let needed = symbolRoom + 4 + measured.width + 14
            if cursorX > 0, cursorX + needed > width { cursorX = 0; cursorY += rowHeight }
            let centre = Point(cursorX + symbolRoom / 2, cursorY + rowHeight / 2)
            items += symbol(group: entry.symbol.0, inSafetyNetwork: entry.symbol.1, informed: entry.symbol.2, at: centre, size: map.markerSize)
            items.append(.text(lines: [entry.words], box: Box(x: cursorX + symbolRoom + 4, y: centre.y - measured.height / 2, width: measured.width, height: measured.height),
                               size: fontSize, bold: false, colour: "text"))
            cursorX += needed
        }
        let scene = Scene(width: width, height: cursorY + rowHeight, items: items)
        return (scene, map, legendTop)
    }

    /// The same map moved `dy` down.
    func moved(by dy: Double) -> NetworkMap {
        var copy = self
        copy.scene.items = scene.items.map { $0.moved(by: 0, dy) }
        copy.centre.y += dy
        copy.placements = placements.map { placement in
            var moved = placement
            moved.marker.y += dy
            moved.markerBox.y += dy
            moved.label.y += dy
            moved.leader?.from.y += dy
            moved.leader?.to.y += dy
            return moved
        }
        return copy
    }
}

extension Box {
    /// The point of the box nearest to `point`.
    func nearest(to point: Point) -> Point {
        Point(min(max(point.x, x), maxX), min(max(point.y, y), maxY))
    }

    func distance(to point: Point) -> Double {
        nearest(to: point).distance(to: point)
    }

    /// The gap between two boxes: 0 when they touch or overlap.
    func distance(to other: Box) -> Double {
        let dx = max(0, max(other.x - maxX, x - other.maxX))
        let dy = max(0, max(other.y - maxY, y - other.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Whether the segment passes through the box.
    func intersects(_ segment: NetworkMap.Segment) -> Bool {
        // Clip the segment to the box, one side at a time (Liang–Barsky).
        let (x0, y0) = (segment.from.x, segment.from.y)
        let (dx, dy) = (segment.to.x - x0, segment.to.y - y0)
        var low = 0.0, high = 1.0
        for (p, q) in [(-dx, x0 - x), (dx, maxX - x0), (-dy, y0 - y), (dy, maxY - y0)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low > high { return false }
            }
        }
        return true
    }
}

extension NetworkMap.Segment {
    /// The nearest the segment comes to `point`.
    func distance(to point: Point) -> Double {
        let (dx, dy) = (to.x - from.x, to.y - from.y)
        let length = dx * dx + dy * dy
        let t = length == 0 ? 0 : min(max(((point.x - from.x) * dx + (point.y - from.y) * dy) / length, 0), 1)
        return Point(from.x + t * dx, from.y + t * dy).distance(to: point)
    }

    /// Whether two segments cross (touching at an end counts).
    func crosses(_ other: NetworkMap.Segment) -> Bool {
        func side(_ a: Point, _ b: Point, _ c: Point) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        let d1 = side(other.from, other.to, from), d2 = side(other.from, other.to, to)
        let d3 = side(from, to, other.from), d4 = side(from, to, other.to)
        return d1 * d2 <= 0 && d3 * d4 <= 0
    }
}

/// Measures each text once: a map is tried at several sizes with the same words.
final class RememberingMeasurer: TextMeasuring {
    private struct Key: Hashable {
        var lines: [String]
        var size: Double
        var bold: Bool
        var maxWidth: Double
    }

    private let measurer: TextMeasuring
    private var known: [Key: (width: Double, height: Double)] = [:]

    init(_ measurer: TextMeasuring) {
        self.measurer = measurer
    }

    func measure(_ lines: [String], size: Double, bold: Bool, maxWidth: Double) -> (width: Double, height: Double) {
        let key = Key(lines: lines, size: size, bold: bold, maxWidth: maxWidth)
        if let size = known[key] { return size }
        let measured = measurer.measure(lines, size: size, bold: bold, maxWidth: maxWidth)
        known[key] = measured
        return measured
    }
}
