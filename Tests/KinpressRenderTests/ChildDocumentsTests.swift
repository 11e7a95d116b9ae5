import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase
@testable import KinpressCompose
@testable import KinpressLayout
import KinpressSupport

/// The child's own documents: Three Houses and the Safety House, as the child made them, for
/// each reader the child shared them with; and the child's copy of the safety plan.
@Suite("The child's own documents")
struct ChildDocumentsTests {
    static let file = ChildVoiceTests.file
    static let adeyemi = Repository.root.appendingPathComponent("SampleCases/adeyemi/adeyemi.yaml")

    static func text(_ kind: DocumentKind, of file: URL = file, for audience: Audience, child: String? = nil) throws -> String {
        Bidi.withoutIsolates(try kinpress.document(kind, of: try readSample(file), for: audience, child: child).plainText)
    }

    @Test("three houses: the child's names for the houses, their words, where they started, who wrote what, then and now")
    func threeHouses() throws {
        let child = try Self.text(.threeHouses, for: .child)
        for words in ["Tolu: worries, good things and dreams", "Then: Friday 20 February 2026", "Now: Friday 27 February 2026",
                      "Tolu made these houses with Aisha Rahman on Friday 20 February 2026.", "Tolu started with this house: Sunny house (House of Good Things).",
                      "Aisha Rahman read all the words back to Tolu.", "When Jason shouts", "Football with Femi", "A dog called Biscuit",
                      "CONSENTMARK-worry", "Then and now", "House of Worries: 2 then, 1 now.",
                      "There are no houses to show for Femi yet."] {
            #expect(child.contains(words), "the child's copy says \"\(words)\"")
        }
        // The family sees the record shared with them, once: no "then and now".
        let family = try Self.text(.threeHouses, for: .family)
        #expect(family.contains("Football with Femi") && !family.contains("CONSENTMARK") && !family.contains("Then and now"))

        let adeyemi = try Self.text(.threeHouses, of: Self.adeyemi, for: .child, child: "tolu")
        for words in ["The sunny house (House of Good Things)", "The rainy house (House of Worries)", "Our own flat with a room for me", "Aisha wrote this",
                      "Tolu said all these words. Where it says “Aisha wrote this”, Aisha wrote the words down for Tolu."] {
            #expect(adeyemi.contains(words), "Tolu's copy says \"\(words)\"")
        }
        #expect(!adeyemi.contains("Femi is 6") && !adeyemi.contains("for Femi"), "--child tolu is Tolu's alone")
        // The drawing's own words, as the page shows them.
        let drawn = Bidi.withoutIsolates(try PDFFile(try kinpress.pdf(.threeHouses, of: try readSample(Self.file), options: .init(audience: .child))).text())
        #expect(drawn.contains("Started here") && drawn.contains("Nothing here yet") && drawn.contains("Football with Femi"))
    }

    @Test("three houses are a landscape page; a child's second record starts a new page")
    func landscape() throws {
        let pdf = try PDFFile(try kinpress.pdf(.threeHouses, of: try readSample(Self.file), options: .init(audience: .child)))
        // "Page    1 size: 841.89 x 595.276 pts (A4)"
        let sizes = try run("pdfinfo", ["-f", "1", "-l", "99", pdf.url.path]).split(separator: "\n").filter { $0.contains(" size: ") }.compactMap { line in
            let numbers = line.split(separator: ":").last?.split(separator: " ").compactMap { Double($0) } ?? []
            return numbers.count >= 2 ? (width: numbers[0], height: numbers[1]) : nil
        }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0.width > $0.height }, "\(sizes)")
        let pages = try (1...max(1, try pdf.pageCount())).map { try pdf.text(page: $0) }
        #expect(pages.firstIndex { $0.contains("Now: Friday 27 February 2026") } != pages.firstIndex { $0.contains("Then: Friday 20 February 2026") })
    }

    @Test("the safe house: who is inside, who visits, who stays outside, the rules joined to the adults', the path")
    func safetyHouse() throws {
        let child = try Self.text(.safetyHouse, for: .child, child: "tolu")
        for words in ["Tolu: my safe house", "Tolu made this safe house with Aisha Rahman on Friday 27 February 2026.",
                      "Who lives in the safe house", "Mum", "“Mum keeps me safe”", "Who can come to visit", "Nan", "People Tolu does not feel safe with",
                      "“He shouts”", "The house rules", "Nobody shouts in my house", "In the grown-ups' plan: Nobody shouts at the children.",
                      "Mum picks me up from school", "If someone breaks a rule", "Mum calls Aisha", "The path to the house",
                      "Tolu put herself at 6 out of 10 on the path to the house. 10 is at the door.", "What would help:", "If Jason never comes back"] {
            #expect(child.contains(words), "the child's copy says \"\(words)\"")
        }
        let drawn = Bidi.withoutIsolates(try PDFFile(try kinpress.pdf(.safetyHouse, of: try readSample(Self.file), options: .init(audience: .child))).text())
        for words in ["Living in the house", "Can come to visit", "Not safe with", "Tolu is here", "Jason Clarke"] {
            #expect(drawn.contains(words), "the drawing says \"\(words)\"")
        }
        // Shared with the conference only.
        let family = try Self.text(.safetyHouse, for: .family)
        #expect(family.contains("There is no safe house to show for Tolu and Femi yet.") && !family.contains("He shouts"))
        let professional = try Self.text(.safetyHouse, for: .professional)
        #expect(professional.contains("Sade Adeyemi (Mum)") && professional.contains("He shouts"))
    }

    @Test("a child's copy of the safety plan is their safe house when they have one, else the short plan")
    func childPlan() throws {
        let tolu = try Self.text(.safetyPlan, of: Self.adeyemi, for: .child, child: "tolu")
        #expect(tolu.contains("Tolu: my safe house") && tolu.contains("Nobody tells Jay where we live") && !tolu.contains("What the grown-ups will do"))
        let femi = try Self.text(.safetyPlan, of: Self.adeyemi, for: .child, child: "femi")
        #expect(femi.contains("What the grown-ups will do") && !femi.contains("my safe house"))
        // Both children: Femi has none, so both get the short plan.
        #expect(try Self.text(.safetyPlan, of: Self.adeyemi, for: .child).contains("What the grown-ups will do"))
        // The family's plan stays the adults' plan.
        #expect(!(try Self.text(.safetyPlan, of: Self.adeyemi, for: .family)).contains("my safe house"))
    }

    @Test("several children with a safe house: each under their own heading, from a new page; the HTML draws it as SVG with its words")
    func severalChildren() throws {
        let house = { (id: String) in "[{id: \(id), date: 2026-02-01, by: sw, inside: [{person: sw}], visitors: [], outside: [], rules: [], path: {now: 4}}]" }
        let found = try readCase(caseStart(child: """
            {id: ava, name: Ava, dateOfBirth: 2019-05-01, safetyHouse: \(house("a1"))}, {id: ben, name: Ben, dateOfBirth: 2020-05-01, safetyHouse: \(house("b1"))}, {id: cal, name: Cal, dateOfBirth: 2021-05-01}
            """))
        let pdf = try PDFFile(try kinpress.pdf(.safetyHouse, of: found, options: .init(audience: .child)))
        let pages = try (1...(try pdf.pageCount())).map { Bidi.withoutIsolates(try pdf.text(page: $0)) }
        let ava = pages.firstIndex { $0.contains("Ava's safe house") }, ben = pages.firstIndex { $0.contains("Ben's safe house") }
        #expect(ava != nil && ben != nil && ava != ben, "each child's own page")
        #expect(pages.joined().contains("Safe houses: Ava and Ben") && pages.joined().contains("There is no safe house to show for Cal yet."))
        let html = Bidi.withoutIsolates(String(decoding: try kinpress.html(.safetyHouse, of: found, options: .init(audience: .child)), as: UTF8.self))
        #expect(html.contains("<svg") && html.contains("Ava is here") && html.contains("diagram-text"))
    }

    @Test("one child's copy: a brother's or sister's records only where they shared them with the family")
    func siblings() throws {
        let femi = try Self.text(.assessment, for: .child, child: "femi")
        #expect(femi.contains("Football with Femi") && !femi.contains("CONSENTMARK"), "Tolu shared her first houses with the family, not the second")
        #expect(try Self.text(.assessment, for: .child, child: "tolu").contains("CONSENTMARK-worry"), "Tolu's own copy has all of hers")
        #expect(try Self.text(.assessment, for: .child).contains("CONSENTMARK-worry"), "a copy for every child has each child's own")
    }

    @Test("a child the case does not have is a clear error naming the children")
    func unknownChild() throws {
        #expect {
            _ = try kinpress.document(.threeHouses, of: try readSample(Self.adeyemi), for: .child, child: "tollu")
        } throws: { error in
            "\(error)".contains("there is no child \"tollu\"") && "\(error)".contains("tolu, femi")
        }
    }

    @Test("the command line makes one child's copy with --child")
    func commandLine() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-houses-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: output) }
        let made = try HostileCorpusTests.kinpress("render", Self.adeyemi.path, "--document", "safety-house", "--child", "tolu", "--output", output.path)
        #expect(made.status == 0, "\(made.errors)")
        #expect(Bidi.withoutIsolates(try PDFFile(Array(try Data(contentsOf: output))).text()).contains("Tolu: my safe house"))
        let wrong = try HostileCorpusTests.kinpress("render", Self.adeyemi.path, "--document", "safety-house", "--child", "nobody", "--output", output.path + ".2")
        #expect(wrong.status == 1 && wrong.errors.contains("there is no child \"nobody\""), "\(wrong.errors)")
        #expect(!FileManager.default.fileExists(atPath: output.path + ".2"))
    }
}

@Suite("Safe house and three houses geometry")
struct ChildDrawingTests {
    static let names = ["Mum", "Nan", "Auntie Grace", "Mr Okonkwo-Bailey from the football club", "Babcia", "Sam", "Dr Sarah Lindqvist-Harrington",
                        "عمو خالد", "Femi", "My big brother Jayden who lives in Leeds now"]

    /// Up to 12 people in each zone, every count for inside, long names and short.
    static let cases: [(inside: Int, visitors: Int, outside: Int)] = {
        var cases: [(inside: Int, visitors: Int, outside: Int)] = []
        for inside in 0...12 { cases.append((inside, (17 - inside) % 13, (inside * 5) % 13)) }
        cases.append((12, 12, 12))
        cases.append((0, 0, 0))
        return cases
    }()

    @Test("everyone is placed in their zone, nothing overlaps, the child stands on the path", arguments: cases.indices)
    func safetyHouse(_ index: Int) {
        let (inside, visitors, outside) = Self.cases[index]
        let pick = { (count: Int, offset: Int) in (0..<count).map { Self.names[($0 + offset) % Self.names.count] + " \($0)" } }
        for now in [0.0, 6.5, 10] {
            let drawing = SafetyHouseDrawing(inside: pick(inside, 0), visitors: pick(visitors, 3), outside: pick(outside, 6), now: now, here: "Tolu is here",
                                             labels: ["inside": "Living in the house", "visitors": "Can come to visit", "outside": "Not safe with"])
            let placed = SafetyHouseLayout.layout(drawing, width: 451, style: .init(fontSize: 9.35, labelSize: 9.35), measurer: FixedWidthMeasurer())
            #expect(placed.names["inside", default: []].count == inside && placed.names["visitors", default: []].count == visitors
                    && placed.names["outside", default: []].count == outside, "everyone placed")
            let canvas = Box(x: 0, y: 0, width: 451, height: placed.scene.height)
            var texts: [Box] = []
            for case .text(let lines, let box, _, _, _, _) in placed.scene.items {
                #expect(canvas.contains(box), "\(lines) inside the drawing")
                texts.append(box)
            }
            for (a, first) in texts.enumerated() {
                for second in texts[(a + 1)...] { #expect(!first.intersects(second), "\(first) and \(second) overlap") }
            }
            let markers = placed.markers.values.flatMap { $0 }
            for marker in markers { #expect(!texts.contains { $0.intersects(marker) }, "a marker under words") }
            // Zones apart: the house's people in its walls, visitors left of the path, the
            // outside beyond the fence.
            let zones = placed.zones
            if let inside = zones["inside"], let visitors = zones["visitors"] { #expect(!inside.intersects(visitors)) }
            if let outside = zones["outside"] {
                #expect(outside.x > 451 * 0.66)
                for zone in [zones["inside"], zones["visitors"]].compactMap({ $0 }) { #expect(!zone.intersects(outside)) }
            }
            let path = placed.scene.items.compactMap { item -> Double? in
                if case .ring(let centre, let radius, _, _) = item { return centre.x - radius } else { return nil }
            }.min() ?? 0
            #expect(path > 0, "the path is drawn")
            for box in placed.names["visitors", default: []] { #expect(box.maxX < path, "visitors stay off the path") }
        }
    }

    @Test("three houses: every item drawn, none overlapping; too many for a page, one house at a time, each within the page")
    func threeHouses() {
        for count in [0, 1, 4, 12, 40] {
            let house = { (kind: String, name: String) in
                ThreeHousesDrawing.House(name: name, kind: kind, started: kind == "dreams",
                                         items: (0..<count).map { ThreeHousesDrawing.Item(text: Self.names[$0 % Self.names.count] + " \(kind) \($0)", note: $0 % 3 == 0 ? "Aisha wrote this" : nil) })
            }
            let drawing = ThreeHousesDrawing(houses: [house("worries", "The rainy house (House of Worries)"), house("goodThings", "House of Good Things"), house("dreams", "House of Dreams")],
                                             startedLabel: "Started here", emptyLabel: "Nothing here yet")
            let scenes = ThreeHousesLayout.layout(drawing, width: 718, maximumHeight: 380, style: .init(fontSize: 10.9, noteSize: 8.5), measurer: FixedWidthMeasurer())
            var drawn: [String] = []
            for scene in scenes {
                #expect(scene.height <= 380 || scenes.count == 1 && count <= 4, "\(count) items: \(scene.height) pt")
                var boxes: [Box] = []
                for case .text(let lines, let box, _, _, _, _) in scene.items {
                    drawn += lines
                    #expect(box.maxX <= scene.width + 0.001 && box.maxY <= scene.height + 0.001)
                    boxes.append(box)
                }
                for (a, first) in boxes.enumerated() {
                    for second in boxes[(a + 1)...] { #expect(!first.intersects(second), "\(first) and \(second) overlap") }
                }
            }
            for kind in ["worries", "goodThings", "dreams"] {
                for index in 0..<count { #expect(drawn.contains(Self.names[index % Self.names.count] + " \(kind) \(index)"), "item \(index) drawn") }
            }
            #expect(scenes.count == (count >= 12 ? scenes.count : 1) && (count < 12 || scenes.count > 1), "\(count) items: \(scenes.count) drawings")
            if count == 0 { #expect(drawn.filter { $0 == "Nothing here yet" }.count == 3) }
        }
    }
}
