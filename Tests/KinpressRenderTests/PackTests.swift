import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLayout

@Suite("Meeting packs")
struct PackTests {
    static let hughes = Repository.root.appendingPathComponent("SampleCases/hughes/hughes.yaml")

    /// The catalogue's words, so tests do not copy them.
    /// A fixed sentence; one that has plural forms, in the form for the one child of the samples used here.
    static func strings(_ key: String) throws -> String {
        let catalogue = try kinpress.templates.catalogue(for: "en")
        if let sentence = try? catalogue.text(key) { return sentence }
        return try catalogue.plural(key, count: 1)
    }

    @Test("the chair's pack: cover, agenda, contents, every part; page labels, nested bookmarks, working links; marking and page number on every page")
    func chairsPack() throws {
        let found = try readSample(Self.hughes)
        let pack = try kinpress.pack(of: found, options: .init(audience: .professional), format: .pdf, draft: false)
        let pdf = try PDFFile(pack.bytes)
        let pages = try pdf.pageCount()
        #expect(pack.pages == pages && pages > 20)

        let json = try JSONSerialization.jsonObject(with: Data(try run("qpdf", ["--json", pdf.url.path]).utf8)) as? [String: Any] ?? [:]
        // Page labels: the cover and contents in roman numbers, then 1…N.
        let labels = json["pagelabels"] as? [[String: Any]] ?? []
        #expect(labels.count == 2)
        #expect((labels.first?["label"] as? [String: Any])?["/S"] as? String == "/r")
        let bodyStart = labels.last?["index"] as? Int ?? 0
        #expect((labels.last?["label"] as? [String: Any])?["/S"] as? String == "/D" && bodyStart >= 2)

        // Bookmarks: one per part, each part's sections inside it.
        let outline = json["outlines"] as? [[String: Any]] ?? []
        let parts = ["assessment", "timeline", "network", "plan", "reports", "story", "after"]
        for part in parts {
            let title = try Self.strings("pack.parts.\(part)")
            #expect(outline.contains { $0["title"] as? String == title }, "a bookmark for \(title)")
        }
        let assessment = outline.first { $0["title"] as? String == (try? Self.strings("pack.parts.assessment")) }
        #expect((assessment?["kids"] as? [Any])?.count ?? 0 >= 4, "the assessment's sections sit inside its part")

        // Contents entries are links to destinations the document has.
        let objects = try pdf.objects()
        let names = Set(objects.matches(of: /\n    \(([A-Za-z0-9-]+)\)\n    \[/).map { String($0.1) })
        let targets = RenderTests.linkTargets(objects)
        #expect(targets.count >= 20)
        for target in targets { #expect(names.contains(target), "\(target) is a destination") }

        // Every page: the marking, and its number (roman before the body, "Page N of M" after).
        let marking = found.file.case.protectiveMarking
        for page in 1...pages {
            let text = try pdf.text(page: page)
            #expect(text.contains(marking), "page \(page) carries the marking")
            if page <= bodyStart {
                #expect(text.contains(["i", "ii", "iii", "iv", "v"][page - 1]), "page \(page) is numbered in roman")
            } else {
                #expect(text.contains("Page \(page - bodyStart) of \(pages - bodyStart)"), "page \(page) says its number")
            }
        }
        // The cover says the meeting in plain words.
        let cover = try pdf.text(page: 1).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let chair = try #require(found.file.people.first { $0.id == found.file.meeting?.chair })
        let invited = try Self.strings("chair.attendance")
        #expect(cover.contains(chair.name) && cover.contains("Thursday 7 May 2026"))
        let front = try (1...bodyStart).map { try pdf.text(page: $0) }.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let (purpose, agenda) = (try Self.strings("pack.purpose"), try Self.strings("pack.agendaHeading"))
        #expect(front.contains(invited) && front.contains(purpose) && front.contains(agenda))
    }

    @Test("the chair's pack runs the meeting: attendance, reports received and shared, the timescale, a decision sheet; each person listed once")
    func chairRunsTheMeeting() throws {
        let pdf = try PDFFile(try kinpress.pack(of: try readSample(Self.hughes), options: .init(audience: .professional), format: .pdf, draft: false).bytes)
        let text = try pdf.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Who is coming", "Report only", "Apologies", "Tony from the football club", "Received", "Shared with the family",
                         "Not yet", "The safety network: Gareth Hughes, ", "A first review is due within 3 months, by Tuesday 12 May 2026", "This meeting is in time.",
                         "Decision sheet: Mason", "Child protection plan continues", "Neglect", "Gareth Hughes: I think the plan should end now.",
                         "The children's stories, as a storyboard"] {
            #expect(text.contains(expected), "the chair's pack says \(expected)")
        }
        // Nan's part in Mason's life is said in the network map's table, and under her signature
        // line; the safety plan names the network and points to the table.
        #expect(text.components(separatedBy: "Mason's nan (Dad's mum)").count - 1 == 2)
        #expect(!text.contains("LATE if this") && !text.contains("LATE: more than"), "the meeting itself is in time")
        // A review's reports reach the family 5 working days before: Monday 4 May is a bank holiday.
        // (Table cells break lines, so the words are looked for one cell-line at a time.)
        #expect(text.contains("LATE, due by") && text.contains("29 April 2026"), "the social worker's report reached the family late")
    }

    @Test("an initial conference after 15 working days (Easter left out) is flagged late on the cover; one on the 15th is not")
    func latePack() throws {
        func cover(_ date: String) throws -> String {
            let text = caseStart() + """
                meeting: {kind: initial-conference, date: \(date), chair: sw, invited: [sw], strategyDiscussion: 2026-03-26}
                """
            // Northmoor's profile keeps England and Wales' bank holidays.
            let found = try readCase(text.replacingOccurrences(of: "localAuthority: Example Council", with: "localAuthority: Northmoor Council"))
            let pdf = try PDFFile(try kinpress.pack(of: found, options: .init(audience: .professional), format: .pdf, draft: false).bytes)
            return try pdf.text(page: 1).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let inTime = try cover("2026-04-20")
        #expect(inTime.contains("by Monday 20 April 2026. This meeting is on working day 15.") && !inTime.contains("LATE"), "\(inTime)")
        let late = try cover("2026-04-21")
        #expect(late.contains("LATE. The strategy discussion was on Thursday 26 March 2026") && late.contains("working day 16"), "\(late)")
        #expect(late.contains(try Self.strings("chair.lateWarning")))
    }

    @Test("the family pack holds nothing for professionals; the chair's list names every item left out, by field")
    func familyPack() throws {
        let found = try readCase(markedCase)
        let pack = try kinpress.pack(of: found, options: .init(audience: .family), format: .pdf, draft: false)
        let pdf = try PDFFile(pack.bytes)
        for place in [try pdf.text(), try pdf.objects(), try pdf.info()] {
            #expect(!place.contains("PROFMARK"))
        }
        let html = String(decoding: try kinpress.pack(of: found, options: .init(audience: .family), format: .html, draft: false).bytes, as: UTF8.self)
        #expect(!html.contains("PROFMARK"))
        let professional = try PDFFile(try kinpress.pack(of: found, options: .init(audience: .professional), format: .pdf, draft: false).bytes)
        #expect(try professional.text().contains("PROFMARK-harm"), "the chair's pack has it all")

        let fields = pack.withheld.map(\.field.description)
        for expected in ["people[2]", "people[1].phone", "people[1].address", "assessment.harm[1]", "assessment.dangerStatements[1]",
                         "safetyPlan.rules[1]", "timeline.events[0]", "meeting.reportsFrom[0]"] {
            #expect(fields.contains(expected), "\(expected) is listed")
        }
        // Ava's Three Houses for the network only is left out as not shared, not by visibility.
        #expect(pack.withheld.allSatisfy { $0.visibility == .professionals || $0.notShared })
        #expect(pack.withheld.contains { $0.notShared && $0.field.description == "children[0].threeHouses[2]" })
        #expect(!fields.contains("assessment.harm[2]"), "adults-only items are the family's")
        let list = ChairList(items: pack.withheld).text(packFile: "pack-family.pdf", title: pack.title)
        #expect(list.contains("assessment.harm[1]\tprofessionals only\tPROFMARK-harm"))
    }

    @Test("a family pack ends with the hard words it could not avoid, and what they mean")
    func glossary() throws {
        let text = caseStart() + """
            assessment:
              harm: ["The police shared what they know at the MARAC on 1 March."]
            meeting: {kind: initial-conference, date: 2026-03-20, chair: sw, invited: [sw]}
            """
        let pack = try kinpress.pack(of: try readCase(text), options: .init(audience: .family), format: .pdf, draft: false)
        let words = try PDFFile(pack.bytes).text()
        #expect(words.contains(try Self.strings("pack.glossary.heading")))
        #expect(words.contains("MARAC"))
        let professional = try kinpress.pack(of: try readCase(text), options: .init(audience: .professional), format: .pdf, draft: false)
        #expect(!(try PDFFile(professional.bytes).text().contains(try Self.strings("pack.glossary.heading"))), "professionals know the words")
    }

    @Test("--draft marks every page, in PDF and HTML; packs render the same bytes twice")
    func draft() throws {
        let found = try readSample(Self.hughes)
        // The chair's pack: it has no page of hard words, written after composing, so the pack
        // laid out here is the whole of it.
        let bytes = try kinpress.pack(of: found, options: .init(audience: .professional), format: .pdf, draft: true).bytes
        #expect(try kinpress.pack(of: found, options: .init(audience: .professional), format: .pdf, draft: true).bytes == bytes)
        // Every laid-out page carries the word across it, drawn last so nothing covers it
        // (pdftotext leaves out turned text, so the pages are checked before drawing).
        let word = try Self.strings("pack.draft")
        var composer = Composer(templates: kinpress.templates)
        composer.council = try kinpress.council(for: found.file.case.localAuthority)
        let document = try composer.composePack(for: Audience.professional.project(found), draft: true)
        let laidOut = try LayoutEngine(fonts: kinpress.fonts).layout(document, theme: kinpress.templates.theme(named: "default"), paper: .a4)
        #expect(try laidOut.pages.count == PDFFile(bytes).pageCount())
        for (index, page) in laidOut.pages.enumerated() {
            guard case .rotated(let block, _, _, _)? = page.items.last?.mark else {
                Issue.record("page \(index + 1) has no watermark on top")
                continue
            }
            #expect(block.lineTexts == [word])
        }
        let html = String(decoding: try kinpress.pack(of: found, options: .init(audience: .family), format: .html, draft: true).bytes, as: UTF8.self)
        #expect(html.contains("body::after"))
        let plain = try Composer(templates: kinpress.templates).composePack(for: Audience.family.project(found))
        #expect(plain.watermark == nil && document.watermark == word)
    }

    @Test("a pack in HTML: one page with the contents as navigation and every part")
    func htmlPack() throws {
        let found = try readSample(Self.hughes)
        let page = try HTMLPage(try kinpress.pack(of: found, options: .init(audience: .professional), format: .html, draft: false).bytes)
        #expect(page.all("nav").count == 1)
        let headings = page.all("h1").map(\.text)
        for part in ["assessment", "timeline", "network", "plan", "reports", "story", "after"] {
            #expect(headings.contains(try Self.strings("pack.parts.\(part)")))
        }
        let ids = page.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "ids are unique across the parts")
    }
}
