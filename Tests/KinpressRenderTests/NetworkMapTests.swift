import Foundation
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

    @Test("a network of 60 keeps most people on the map, in legible type")
    func large() {
        var onMap = 0
        for seed in [59, 119] {
            let people = Self.network(seed: seed)
            #expect(people.count == 60)
            let map = NetworkMap.layout(children: ["Zosia"], people: people, size: 480, fontSize: 9, minimumFontSize: 7, measurer: FixedWidthMeasurer())
            onMap += map.placements.count
            print("60 people: \(map.placements.count) on the map at \(map.fontSize) pt, \(map.overflow.count) in the list")
        }
        #expect(onMap >= 60, "at least half of two 60-person networks is drawn")
    }

    @Test("no overlaps, every marker inside its ring, everything inside the drawing, nobody lost", arguments: 0..<120)
    func properties(seed: Int) {
        let people = Self.network(seed: seed)
        let size = 480.0
        let map = NetworkMap.layout(children: ["Zosia", "Antek"], people: people, size: size, fontSize: 9, minimumFontSize: 7, measurer: FixedWidthMeasurer())
        let canvas = Box(x: 0, y: 0, width: size, height: size)
        #expect(map.placements.count + map.overflow.count == people.count, "everyone is on the map or in the list")
        #expect(Set(map.placements.map(\.person.id)).union(map.overflow.map(\.id)).count == people.count)
        #expect(map.fontSize >= 7)
        let boxes = map.placements.flatMap { [$0.label, $0.markerBox] }
        for (index, box) in boxes.enumerated() {
            #expect(canvas.contains(box), "seed \(seed): inside the drawing")
            for other in boxes[(index + 1)...] { #expect(!box.intersects(other), "seed \(seed): \(box) overlaps \(other)") }
        }
        for placement in map.placements {
            for box in [placement.label, placement.markerBox] {
                let nearest = Point(min(max(map.centre.x, box.x), box.maxX), min(max(map.centre.y, box.y), box.maxY))
                #expect(nearest.distance(to: map.centre) >= map.radii[0], "seed \(seed): clear of the children in the centre")
            }
            let distance = placement.marker.distance(to: map.centre)
            let reach = placement.markerBox.width / 2
            #expect(distance - reach >= map.radii[placement.person.circle - 1] - 0.001, "seed \(seed): inside its ring")
            #expect(distance + reach <= map.radii[placement.person.circle] + 0.001, "seed \(seed): inside its ring")
        }
        if people.count <= 20 {
            #expect(map.overflow.isEmpty, "seed \(seed): up to 20 people all fit on the map")
        }
        // Every label has the page under it, drawn after the rings and before its words, so no
        // ring line runs through a name.
        let items = map.scene.items
        let lastRing = items.lastIndex { if case .ring(let centre, _, _, _) = $0 { return centre == map.centre } else { return false } } ?? -1
        for placement in map.placements {
            let text = items.firstIndex { if case .text(_, let box, _, _, _) = $0 { return box == placement.label } else { return false } }
            let backdrop = items.firstIndex { $0 == .backdrop(box: placement.label) }
            #expect(text != nil && backdrop != nil && lastRing < backdrop! && backdrop! < text!, "seed \(seed): \(placement.person.name) has a backdrop")
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

    @Test("a network of 60 draws who fits and lists the rest under the map")
    func sixtyPeople() throws {
        var text = """
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
            children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
            people:
              - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}

            """
        let kinds = ["parent", "family", "friend", "community", "professional"]
        for index in 1..<60 {
            let kind = kinds[index % kinds.count]
            text += "  - {id: p\(index), name: \"Person \(index)\", relationship: \"Someone who knows Ava\", kind: \(kind)\(kind == "professional" ? ", organisation: Example" : ""), circle: \(index % 3 + 1)}\n"
        }
        let pdf = try PDFFile(try kinpress.pdf(.networkMap, of: try readCase(text), options: .init()))
        let all = try pdf.text().replacingOccurrences(of: "\n", with: " ")
        for index in 1..<60 { #expect(all.contains("Person \(index) "), "person \(index) is on the map, in the list or in the table") }
        #expect(try pdf.objects().contains("/Alt"), "the map has its alternative text")
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
        for kind in DocumentKind.allCases {
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
