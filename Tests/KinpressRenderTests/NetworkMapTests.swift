import Foundation
import KinpressSupport
import Testing
import Kinpress
import KinpressAudience
@testable import KinpressLayout
@testable import KinpressCompose

/// Measures text as if every character were `size × 0.55` wide and lines `size × 1.25` high:
/// close to Noto Sans, and the same on every machine.
struct FixedWidthMeasurer: TextMeasuring {
    func measure(_ lines: [String], size: Double, bold: Bool, maxWidth: Double) -> (width: Double, height: Double) {
        let character = size * (bold ? 0.6 : 0.55)
        let widths = lines.map { Double($0.count) * character }
        let rows = widths.reduce(0) { $0 + max(1, ($1 / maxWidth).rounded(.up)) }
        return (min(widths.max() ?? 0, maxWidth), rows * size * 1.25)
    }
}

@Suite("Network map geometry")
struct NetworkMapTests {
    /// SplitMix64, so a failing network can be made again from its seed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    static func network(seed: Int) -> [NetworkMap.Person] {
        var random = Generator(state: UInt64(seed) &* 7919)
        let count = seed % 60 + 1
        let names = ["Jo", "Nanny Sue", "Mr Okonkwo-Bailey", "Auntie Leanne", "PC Daniel Morgan", "Babcia", "Sam", "Dr Sarah Lindqvist-Harrington"]
        let relationships = ["Mum", "Nan", "Youth worker at the Hub", "Mum's sister", "Police officer", "Next-door neighbour", "Family friend",
                             "Mum's support worker for women who have been hurt or controlled by a partner"]
        return (0..<count).map { index in
            NetworkMap.Person(id: "p\(index)", name: names[random.int(0...names.count - 1)], relationship: relationships[random.int(0...relationships.count - 1)],
                              group: NetworkMap.Group.allCases[random.int(0...3)], circle: random.int(1...3),
                              inSafetyNetwork: random.int(0...1) == 1, informedOfWorries: random.int(0...1) == 1)
        }
    }

    /// The text column of an A4 page with the default margins, and the most of the page a map may take.
    static let width = 470.0, height = 570.0

    /// What is wrong with a map of `people`: anyone missing, small type, a label away from its
    /// marker with no line to it, overlaps, markers outside their rings, numbers out of reading order.
    static func problems(_ map: NetworkMap, _ people: [NetworkMap.Person], width: Double) -> [String] {
        var found: [String] = []
        let shown = people.filter(\.shown)
        if map.placements.map(\.person.id).sorted() != shown.map(\.id).sorted() { found.append("not everyone is on the map") }
        let canvas = Box(x: 0, y: 0, width: width, height: map.scene.height)
        for case .text(_, _, let size, _, _, _) in map.scene.items where size < 8 { found.append("text at \(size) pt") }
        let lines = map.scene.items.compactMap { item -> NetworkMap.Segment? in
            if case .line(let from, let to, _, _) = item { return NetworkMap.Segment(from: from, to: to) } else { return nil }
        }
        for (index, placement) in map.placements.enumerated() {
            let name = placement.person.name
            let visible = placement.markerBox.width / 2
            if let leader = placement.leader {
                if leader.from.distance(to: placement.marker) > visible + 1 { found.append("\(name): the line does not start at the marker") }
                if placement.label.distance(to: leader.to) > 0.01 { found.append("\(name): the line does not reach the label") }
                if !lines.contains(leader) { found.append("\(name): the line is not drawn") }
                for other in map.placements where other.person.id != placement.person.id {
                    if other.label.intersects(leader) || other.markerBox.intersects(leader) { found.append("\(name): the line crosses \(other.person.name)") }
                }
            } else if placement.label.distance(to: placement.marker) - visible > 5 {
                found.append("\(name): the label is \(placement.label.distance(to: placement.marker) - visible) pt from the marker, with no line")
            }
            for box in [placement.label, placement.markerBox] {
                if !canvas.contains(box) { found.append("\(name): outside the drawing") }
                if box.distance(to: map.centre) < map.radii[0] { found.append("\(name): over the children in the centre") }
            }
            let distance = placement.marker.distance(to: map.centre)
            let reach = map.markerSize * 0.9
            if distance - reach < map.radii[placement.person.circle - 1] - 0.001 || distance + reach > map.radii[placement.person.circle] + 0.001 {
                found.append("\(name): outside ring \(placement.person.circle)")
            }
            if let number = placement.number, placement.lines != [String(number)] || number != index + 1 { found.append("\(name): numbered out of order") }
        }
        // Nothing covers the children's names in the centre.
        if case .text(_, let names, _, _, _, _)? = map.scene.items.first(where: { if case .text = $0 { true } else { false } }) {
            for placement in map.placements where placement.label.intersects(names) || placement.markerBox.intersects(names) {
                found.append("\(placement.person.name) covers the children's names")
            }
        }
        // Labels clear of every label and marker; markers (round at most) clear of each other.
        let boxes = map.placements.flatMap { [($0.person.name, $0.label, false), ($0.person.name, $0.markerBox, true)] }
        for (index, (name, box, marker)) in boxes.enumerated() {
            for (other, otherBox, otherMarker) in boxes[(index + 1)...] {
                let overlaps = marker && otherMarker
                    ? Point(box.x + box.width / 2, box.y + box.height / 2).distance(to: Point(otherBox.x + otherBox.width / 2, otherBox.y + otherBox.height / 2)) < (box.width + otherBox.width) / 2
                    : box.intersects(otherBox)
                if overlaps { found.append("\(name) overlaps \(other)") }
            }
        }
        // Reading order: ring by ring, each going round from the top the way the page reads.
        for (previous, next) in zip(map.placements, map.placements.dropFirst()) {
            func turn(_ point: Point) -> Double {
                let angle = atan2(point.y - map.centre.y, point.x - map.centre.x) + Double.pi / 2
                return angle < 0 ? angle + 2 * Double.pi : angle
            }
            if previous.person.circle > next.person.circle || (previous.person.circle == next.person.circle && turn(previous.marker) > turn(next.marker)) {
                found.append("\(previous.person.name) comes before \(next.person.name) out of reading order")
            }
        }
        if !map.key.isEmpty, map.key != map.placements.map(\.person) { found.append("the key is not in number order") }
        if map.key.isEmpty, map.placements.contains(where: { $0.number != nil }) { found.append("numbers with no key") }
        // Every label has the page under it, drawn after the rings and before its words, so no
        // ring line runs through a name.
        let items = map.scene.items
        let lastRing = items.lastIndex { if case .ring(let centre, _, _, _) = $0 { return centre == map.centre } else { return false } } ?? -1
        for placement in map.placements {
            let text = items.firstIndex { if case .text(_, let box, _, _, _, _) = $0 { return box == placement.label } else { return false } }
            let backdrop = items.firstIndex { $0 == .backdrop(box: placement.label) }
            if !(text != nil && backdrop != nil && lastRing < backdrop! && backdrop! < text!) { found.append("\(placement.person.name) has no backdrop") }
        }
        return found
    }

    @Test("1 to 60 people: nobody left out, type at least 8 pt, labels beside their markers or joined by a line, no overlaps",
          arguments: 0..<120)
    func properties(seed: Int) {
        let people = Self.network(seed: seed)
        let map = NetworkMap.layout(children: ["Zosia", "Antek"], people: people, width: Self.width, maximumHeight: Self.height,
                                    fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
        let found = Self.problems(map, people, width: Self.width)
        #expect(found.isEmpty, "seed \(seed), \(people.count) people: \(found.prefix(6).joined(separator: "; "))")
        #expect(map.fontSize >= 8)
        if people.count <= 12 { #expect(map.key.isEmpty && !map.shortened, "seed \(seed): up to 12 people are named in full") }
    }

    @Test("the checks find a label moved away from its marker, an overlap and a dropped person")
    func checksWork() throws {
        let people = Self.network(seed: 14)
        let map = NetworkMap.layout(children: ["Zosia"], people: people, width: Self.width, maximumHeight: Self.height,
                                    fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
        #expect(Self.problems(map, people, width: Self.width).isEmpty)
        var moved = map
        let index = try #require(moved.placements.firstIndex { $0.leader == nil })
        moved.placements[index].label.x += 30
        #expect(!Self.problems(moved, people, width: Self.width).isEmpty, "a label 30 pt off")
        var overlapping = map
        overlapping.placements[1].label = overlapping.placements[0].label
        #expect(!Self.problems(overlapping, people, width: Self.width).isEmpty, "two labels in one place")
        var dropped = map
        dropped.placements.removeLast()
        #expect(!Self.problems(dropped, people, width: Self.width).isEmpty, "someone left out")
    }

    @Test("60 people all in one circle still all fit", arguments: 1...3)
    func oneCircle(circle: Int) {
        let people = Self.network(seed: 59).map { person in
            var person = person
            person.circle = circle
            return person
        }
        let map = NetworkMap.layout(children: ["Zosia"], people: people, width: Self.width, maximumHeight: Self.height,
                                    fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
        let found = Self.problems(map, people, width: Self.width)
        #expect(found.isEmpty, "circle \(circle): \(found.prefix(6).joined(separator: "; "))")
    }

    @Test("shorter labels before numbers, numbers only for the many")
    func stages() {
        var stages: [String] = []
        for count in [1, 10, 20, 30, 40, 50, 60] {
            let people = Array(Self.network(seed: 59).prefix(count))
            let map = NetworkMap.layout(children: ["Zosia"], people: people, width: Self.width, maximumHeight: Self.height,
                                        fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
            let stage = !map.key.isEmpty ? "numbered" : map.shortened ? "names" : "names and who"
            stages.append("\(count): \(stage) at \(map.fontSize) pt, outer ring \(Int(map.radii[3])) pt, \(map.placements.filter { $0.leader != nil }.count) lines")
            if count <= 10 { #expect(stage == "names and who") }
            if count == 60 { #expect(stage == "numbered") }
        }
        print("network map stages: " + stages.joined(separator: "; "))
    }

    @Test("the legend draws each symbol as the map does")
    func legend() {
        for seed in [3, 25, 59, 119] {
            let people = Self.network(seed: seed)
            let words = ["family": "Family", "friends": "Friends", "community": "People nearby", "professionals": "Workers",
                         "network": "Filled in: helps with the plan", "informed": "Ring round it: knows about the worries"]
            let figure = NetworkMap.figure(children: ["Zosia"], people: people, legend: words, width: Self.width, maximumHeight: Self.height,
                                           fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
            let map = figure.scene.items.filter { item in
                if case .marker(_, let centre, _, _, _) = item { return centre.y < figure.legendTop }
                if case .ring(let centre, _, _, _) = item { return centre.y < figure.legendTop && centre != figure.map.centre }
                return false
            }
            let legend = figure.scene.items.filter { item in
                if case .marker(_, let centre, _, _, _) = item { return centre.y > figure.legendTop }
                if case .ring(let centre, _, _, _) = item { return centre.y > figure.legendTop }
                return false
            }
            /// A symbol's look without where it is.
            func look(_ item: SceneItem) -> String {
                switch item {
                case .marker(let shape, _, let size, let colour, let outlined): return "\(shape) \(size) \(colour) \(outlined ? "outlined" : "filled")"
                case .ring(_, let radius, let colour, let width): return "ring \(radius) \(colour) \(width)"
                default: return ""
                }
            }
            let onMap = Set(map.map(look))
            let groups = Set(people.map(\.group))
            #expect(legend.count(where: { if case .marker = $0 { true } else { false } }) >= groups.count, "seed \(seed): every group is in the legend")
            for item in legend { #expect(onMap.contains(look(item)), "seed \(seed): the legend's \(look(item)) is not how the map draws anyone") }
        }
    }

    @Test("everyone keeps their place, whatever the width, and in a document that shows only some")
    func onePlacement() {
        for seed in [7, 30, 44, 59] {
            let people = Self.network(seed: seed)
            func places(_ map: NetworkMap) -> [String: Point] {
                Dictionary(uniqueKeysWithValues: map.placements.map { placement in
                    (placement.person.id, Point((placement.marker.x - map.centre.x) / map.radii[3], (placement.marker.y - map.centre.y) / map.radii[3]))
                })
            }
            let wide = NetworkMap.layout(children: ["Zosia"], people: people, width: Self.width, maximumHeight: Self.height,
                                         fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
            let narrow = NetworkMap.layout(children: ["Zosia"], people: people, width: 400, maximumHeight: 500,
                                           fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
            // The safety plan draws only the safety network, each where the whole map has them.
            let some = people.map { person in
                var person = person
                person.shown = person.inSafetyNetwork
                return person
            }
            let network = NetworkMap.layout(children: ["Zosia"], people: some, width: Self.width, maximumHeight: Self.height,
                                            fontSize: 8.5, minimumFontSize: 8, measurer: FixedWidthMeasurer())
            #expect(Self.problems(narrow, people, width: 400).isEmpty)
            #expect(Self.problems(network, some, width: Self.width).isEmpty)
            let all = places(wide)
            for (other, name) in [(places(narrow), "narrow"), (places(network), "network only")] {
                for (id, place) in other {
                    let expected = all[id]!
                    #expect(abs(place.x - expected.x) < 1e-9 && abs(place.y - expected.y) < 1e-9, "seed \(seed), \(name): \(id) moved")
                }
            }
            #expect(places(network).count == people.filter(\.inSafetyNetwork).count)
        }
    }
}

@Suite("Diagrams in documents")
struct DiagramDocumentTests {
    @Test("equal scores stack instead of covering each other, and every score has its own marker")
    func stackedScores() throws {
        let theme = try kinpress.templates.theme(named: "default")
        let marks = [ScaleMark(value: 6, label: "Jo"), ScaleMark(value: 6, label: "Sam"), ScaleMark(value: 6, label: "Nan"), ScaleMark(value: 2.5, label: "Ava")]
        let document = Document(title: "T", language: "en", rightToLeft: false, marking: nil, runningTitle: "T", pageLabel: "{page}",
                                blocks: [.figure(Figure(alternative: "scores", caption: nil, content: .scale(zero: "a", ten: "b", marks: marks)))])
        let laidOut = try LayoutEngine(fonts: kinpress.fonts).layout(document, theme: theme, paper: .a4)
        let circles = laidOut.pages.flatMap(\.items).compactMap { item -> Point? in
            if case .circle(let x, let y, _, _) = item.mark { return Point(x, y) }
            return nil
        }
        #expect(circles.count == 4)
        for (index, circle) in circles.enumerated() {
            for other in circles[(index + 1)...] { #expect(circle.distance(to: other) >= 9, "markers do not overlap") }
        }
    }

    /// A case with `count` people around Ava, in all circles and groups, some with long names
    /// and long relationships, some in the safety network.
    static func crowd(_ count: Int) -> String {
        var text = """
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
            children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
            people:
              - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council, inSafetyNetwork: true}

            """
        let kinds = ["parent", "family", "friend", "community", "professional"]
        let names = ["Pastor Emmanuel Kwabena Asante-Boateng", "Nanny Sue", "Dr Sarah Lindqvist-Harrington", "Jo", "Mohammed Al-Rashid", "Babcia Krystyna"]
        let relationships = ["Church pastor", "Nan", "Mum's support worker for women who have been hurt or controlled by a partner", "Cousin",
                             "Dad's friend from five-a-side football", "Next-door neighbour", "Youth worker at the Hub"]
        for index in 1..<count {
            let kind = index == 1 ? "community" : kinds[(index * 7) % kinds.count]
            let circle = index == 1 ? 1 : (index * 5) % 3 + 1
            text += "  - {id: p\(index), name: \"\(names[index % names.count]) \(index)\", relationship: \"\(relationships[(index * 3) % relationships.count])\", "
                + "kind: \(kind)\(kind == "professional" ? ", organisation: Example" : ""), circle: \(circle), inSafetyNetwork: \(index == 1 || index % 3 == 0)}\n"
        }
        return text + "safetyPlan: {rules: [{id: r1, rule: Ava is collected from school by an adult from the network., who: [sw]}]}\n"
    }

    static func figures(in blocks: [Block]) -> [Figure] {
        BlockWalker(blocks).compactMap { block in
            guard case .figure(let figure) = block else { return nil }
            return figure
        }
    }

    /// The map's markers as shares of the outer ring's radius from its centre, mirrored back on a right-to-left page.
    static func places(_ scene: Scene) -> [Point] {
        let rings = scene.items.compactMap { item -> (Point, Double)? in
            if case .ring(let centre, let radius, "rule", _) = item { return (centre, radius) } else { return nil }
        }
        guard let (centre, outer) = rings.max(by: { $0.1 < $1.1 }) else { return [] }
        return scene.items.compactMap { item -> Point? in
            guard case .marker(_, let point, _, _, _) = item, point.distance(to: centre) < outer else { return nil }
            return Point((point.x - centre.x) / outer, (point.y - centre.y) / outer)
        }
    }

    @Test("networks of 1 to 60 in documents: everyone drawn or numbered, type at least 8 pt, one place per person in every document and format",
          arguments: [1, 15, 40, 52, 60])
    func crowds(_ count: Int) throws {
        let found = try readCase(Self.crowd(count))
        let theme = try kinpress.templates.theme(named: "default")
        let engine = LayoutEngine(fonts: kinpress.fonts)
        let millimetre = 72 / 25.4
        let width = 595.276 - (theme.margins.left + theme.margins.right) * millimetre
        let map = try #require(Self.figures(in: try kinpress.document(.networkMap, of: found, for: .family).blocks).first)
        let drawing = engine.diagram(map, width: width, theme: theme)
        let names = found.file.people.map(\.name)
        let squashed = { (text: String) in text.filter { !$0.isWhitespace } }
        let texts = drawing.scene.items.compactMap { item -> (lines: [String], box: Box, size: Double)? in
            if case .text(let lines, let box, let size, _, _, _) = item { return (lines, box, size) } else { return nil }
        }
        #expect(texts.allSatisfy { $0.size >= 8 }, "\(count) people: all words on the map at 8 pt or more")
        if let key = drawing.key {
            #expect(key.entries.count == count && count > 20, "\(count) people: only a crowded map is numbered, and everyone is in its key")
            for (index, name) in names.enumerated() { #expect(key.entries.contains { $0.hasPrefix(Bidi.isolate(name) + " (\u{2068}") }, "\(name) (\(index)) is in the key, name and relationship each isolated") }
            for number in 1...count { #expect(texts.contains { $0.lines == [String(number)] }, "number \(number) is on the map") }
        } else {
            let drawn = squashed(texts.map { $0.lines.joined() }.joined(separator: "|"))
            for name in names { #expect(drawn.contains(squashed(name)), "\(count) people: \(name) is named on the map") }
        }
        // Words never cover words or markers.
        let markers = drawing.scene.items.compactMap { item -> Box? in
            if case .marker(_, let centre, let size, _, _) = item { return Box(x: centre.x - size / 2, y: centre.y - size / 2, width: size, height: size) } else { return nil }
        }
        for (index, text) in texts.enumerated() {
            for other in texts[(index + 1)...] { #expect(!text.box.intersects(other.box), "\(text.lines) overlaps \(other.lines)") }
            for marker in markers { #expect(!text.box.intersects(marker), "\(text.lines) covers a marker") }
        }
        let sizes = Set(texts.map(\.size)).sorted()
        print("\(count) people: \(drawing.key == nil ? "named" : "numbered") at \(sizes) pt, map \(Int(drawing.scene.width)) × \(Int(drawing.scene.height)) pt")

        // The safety plan's map draws the safety network where the network map has them.
        let plan = try #require(Self.figures(in: try kinpress.document(.safetyPlan, of: found, for: .family).blocks).first)
        let planPlaces = Self.places(engine.diagram(plan, width: width, theme: theme).scene)
        let mapPlaces = Self.places(drawing.scene)
        #expect(planPlaces.count == found.file.people.filter(\.inSafetyNetwork).count)
        for place in planPlaces {
            #expect(mapPlaces.contains { abs($0.x - place.x) < 1e-6 && abs($0.y - place.y) < 1e-6 }, "\(count) people: someone moved between the documents")
        }

        // The PDF draws that same scene; nobody is "left off"; a numbered map's key is text.
        let pdf = try PDFFile(try kinpress.pdf(.networkMap, of: found, options: .init()))
        let all = try pdf.text().replacingOccurrences(of: "\n", with: " ")
        #expect(!all.contains("no room"))
        #expect(try pdf.objects().contains("/Alt"), "the map has its alternative text")
        let laidOut = try engine.layout(try kinpress.document(.networkMap, of: found, for: .family), theme: theme, paper: .a4)
        let shapes = laidOut.pages.flatMap(\.items).compactMap { item -> Point? in
            if case .shape(_, let x, let y, _, _, _) = item.mark { return Point(x, y) } else { return nil }
        }
        let rings = laidOut.pages.flatMap(\.items).compactMap { item -> (Point, Double)? in
            if case .ring(let x, let y, let radius, _, _) = item.mark { return (Point(x, y), radius) } else { return nil }
        }
        if let (centre, outer) = rings.max(by: { $0.1 < $1.1 }) {
            let pdfPlaces = shapes.filter { $0.distance(to: centre) < outer }.map { Point(($0.x - centre.x) / outer, ($0.y - centre.y) / outer) }
            #expect(pdfPlaces.count == mapPlaces.count)
            for (a, b) in zip(pdfPlaces, mapPlaces) { #expect(abs(a.x - b.x) < 1e-6 && abs(a.y - b.y) < 1e-6, "the PDF and HTML put people in the same places") }
        }
        if drawing.key != nil {
            #expect(all.contains("The numbers on the map:"))
            #expect(try pdf.structure().contains("LBody"), "the key is a tagged list")
            let page = try HTMLPage(try kinpress.html(.networkMap, of: found, options: .init()))
            #expect(page.all("ol").first { $0.attributes["class"] == "network-key" } != nil)
            #expect(page.all("li").filter { $0.text.contains("(") }.count >= count, "the HTML key names everyone")
        }
        // On a phone the map is said in words: a list a circle, one person a line, each name isolated.
        let page = try HTMLPage(try kinpress.html(.networkMap, of: found, options: .init()))
        let lists = page.all("ul").filter { $0.attributes["class"] == "circle-people" }
        let circles = Set(found.file.people.map(\.circle))
        #expect(lists.count == circles.count, "\(count) people: one list for each circle with someone in it")
        let lines = Set(found.file.people.map { "\($0.name) (\($0.relationship))" })
        #expect(page.all("li").filter { lines.contains($0.text) }.count == count, "\(count) people: everyone on a line of their own")
        let isolated = page.all("bdi").map(\.text)
        for person in found.file.people {
            #expect(isolated.contains(person.name) && isolated.contains(person.relationship), "\(person.name): name and relationship each in <bdi>")
        }
    }
}

@Suite("No text overlaps on any page")
struct OverlapTests {
    /// Lines of text may touch (line boxes include their leading) but never cover each other,
    /// nor leave the page. Returns what is wrong.
    static func problems(_ laidOut: LaidOutDocument, _ name: String) -> [String] {
        let page = Box(x: 0, y: 0, width: laidOut.geometry.width, height: laidOut.geometry.height)
        var found: [String] = []
        for (number, sheet) in laidOut.pages.enumerated() {
            let boxes = sheet.textBoxes.filter { $0.width > 0.5 }.map { Box(x: $0.x + 0.5, y: $0.y + 0.5, width: $0.width - 1, height: $0.height - 1) }
            for (index, box) in boxes.enumerated() {
                if !page.contains(box) { found.append("\(name) page \(number + 1): text off the page") }
                for other in boxes[(index + 1)...] where box.intersects(other) {
                    found.append("\(name) page \(number + 1): \(box) overlaps \(other)")
                }
            }
        }
        return found
    }

    static func check(_ laidOut: LaidOutDocument, _ name: String) {
        let found = problems(laidOut, name)
        #expect(found.isEmpty, "\(found.prefix(5).joined(separator: "\n"))")
    }

    @Test("the check finds text drawn over text")
    func checkerWorks() throws {
        let document = try kinpress.document(.safetyPlan, of: try readSample(Repository.root.appendingPathComponent("SampleCases/hughes/hughes.yaml")), for: .family)
        var laidOut = try LayoutEngine(fonts: kinpress.fonts).layout(document, theme: try kinpress.templates.theme(named: "default"), paper: .a4)
        let text = try #require(laidOut.pages[0].items.first { if case .text = $0.mark { return true } else { return false } })
        var copy = text
        copy.mark = text.mark.moved(by: 3)
        laidOut.pages[0].items.append(copy)
        #expect(!Self.problems(laidOut, "text moved 3 pt down over itself").isEmpty)
    }

    @Test("every sample document, every reader", arguments: Repository.sampleFiles())
    func samples(_ url: URL) throws {
        let found = try readSample(url)
        let theme = try kinpress.templates.theme(named: "default")
        let engine = LayoutEngine(fonts: kinpress.fonts)
        for kind in DocumentKind.all(for: found) {
            for audience in Audience.allCases {
                let document = try kinpress.document(kind, of: found, for: audience)
                Self.check(try engine.layout(document, theme: theme, paper: .a4), "\(url.lastPathComponent) \(kind.rawValue) \(audience.rawValue)")
            }
        }
    }

    @Test("generated timelines of many sizes and label lengths", arguments: [1, 2, 5, 13, 40, 85, 120])
    func timelines(_ count: Int) throws {
        var text = caseStart(child: "{id: ava, name: Ava, dateOfBirth: 2012-05-01}") + """
            timeline:
              journey: [{date: 2026-09-01, title: Step still to come, status: planned}]
              events:

            """
        let kinds = ["harm", "worry", "strength", "safety", "service", "move", "meeting", "other"]
        for index in 0..<count {
            let title = String(repeating: "Something happened ", count: index % 7 + 1)
            let detail = index % 3 == 0 ? ", detail: \"" + String(repeating: "More about it. ", count: (index * 7) % 40 + 1) + "\"" : ""
            text += "    - {date: \"\(2000 + index / 6)-\(String(format: "%02d", index % 12 + 1))\", title: \"\(title)\(index)\", kind: \(kinds[index % 8])\(detail)}\n"
        }
        let found = try readCase(text)
        let document = try kinpress.document(.timeline, of: found, for: .family)
        let laidOut = try LayoutEngine(fonts: kinpress.fonts).layout(document, theme: try kinpress.templates.theme(named: "default"), paper: .a4)
        Self.check(laidOut, "timeline of \(count)")
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try LayoutEngine(fonts: kinpress.fonts).layout(document, theme: try kinpress.templates.theme(named: "default"), paper: .a4) }
        print("timeline of \(count) events: \(laidOut.pages.count) pages, laid out in \(elapsed)")
    }
}
