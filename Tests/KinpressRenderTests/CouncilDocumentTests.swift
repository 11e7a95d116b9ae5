import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressSupport

/// What a council's profile puts on a family's papers (its logo, name, colour and numbers),
/// what every family and child document says about whom to call and how to disagree, and the
/// case fields printed where a reader needs them.
@Suite("Council documents")
struct CouncilDocumentTests {
    static let councils = Repository.root.appendingPathComponent("Tests/KinpressCaseTests/Fixtures/councils")
    static let haddad = Repository.root.appendingPathComponent("SampleCases/haddad/haddad.yaml")

    /// The words of the section with `id` (the first, at any depth), one block to a line.
    static func section(_ id: String, in document: Document) -> (heading: String, text: String)? {
        for block in BlockWalker(document.blocks) {
            guard case .section(id, let blocks) = block else { continue }
            let text = Document(title: "", language: "", runningTitle: "", pageLabel: "", blocks: blocks).plainText
            return (text.split(separator: "\n").first.map(String.init) ?? "", text)
        }
        return nil
    }

    @Test("every family and child document of every sample says whom to call and how to disagree, in its own language, numbers left to right")
    func contactEverywhere() throws {
        var checked = 0
        for sample in Repository.sampleFiles() {
            let found = try readSample(sample)
            let council = try kinpress.council(for: found.file.case.localAuthority)
            let language = found.file.case.language
            let catalogue = try kinpress.templates.catalogue(for: language)
            for kind in DocumentKind.all(for: found) {
                for audience in [Audience.family, .child] {
                    let visible = audience.project(found)
                    if kind == .wordsAndPictures, visible.file.wordsAndPictures.isEmpty { continue }
                    let document = try kinpress.document(kind, of: found, for: audience)
                    let place = "\(sample.lastPathComponent) \(kind.rawValue) for \(audience.rawValue)"
                    let contact = try #require(Self.section("contact", in: document), "\(place) has no Who to call")
                    let words = audience == .child ? "contact.forChildren" : "contact"
                    #expect(contact.heading == (try catalogue.text("\(words).heading")), "\(place)")
                    #expect(contact.text.contains("999"), "\(place)")
                    let worker = try #require(visible.file.people.first { $0.id == found.file.case.worker })
                    #expect(contact.text.contains(audience == .child ? worker.childCalls ?? worker.name : worker.name), "\(place)")
                    if audience == .family, let phone = council?.outOfHours?.phone {
                        // Kept left to right on every page, whatever the language's direction.
                        #expect(contact.text.contains(Bidi.leftToRight(phone)), "\(place): the out-of-hours line")
                    }
                    if let phone = worker.phone?.value {
                        #expect(contact.text.contains(Bidi.leftToRight(phone)), "\(place): the worker's phone")
                    }
                    let disagree = try #require(Self.section("disagree", in: document), "\(place) does not say how to disagree")
                    #expect(disagree.heading == (try catalogue.text("\(words).disagree.heading")), "\(place)")
                    if audience == .family, let phone = council?.complaints?.phone {
                        #expect(disagree.text.contains(Bidi.leftToRight(phone)), "\(place): the complaints line")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= Repository.sampleFiles().count * 8)
    }

    @Test("every catalogue says whom to call and how to disagree, with the council's numbers left to right", arguments: ["en", "pl", "ar", "ur", "cy", "ro"])
    func contactInEveryLanguage(_ language: String) throws {
        let text = try String(contentsOf: RenderTests.hughes, encoding: .utf8).replacingOccurrences(of: "  language: en\n", with: "  language: \(language)\n")
        let found = try readCase(text, folder: RenderTests.hughes.deletingLastPathComponent())
        let catalogue = try kinpress.templates.catalogue(for: language)
        #expect(catalogue.missing.isEmpty, "\(catalogue.missing)")
        for audience in [Audience.family, .child] {
            let document = try kinpress.document(.safetyPlan, of: found, for: audience)
            let words = audience == .child ? "contact.forChildren" : "contact"
            let contact = try #require(Self.section("contact", in: document))
            #expect(contact.heading == (try catalogue.text("\(words).heading")) && contact.text.contains("999"))
            #expect(contact.text.contains(Bidi.leftToRight("01632 960114")), "the worker's phone, left to right")
            if audience == .family {
                #expect(contact.text.contains(Bidi.leftToRight("01632 960100")) && contact.text.contains(Bidi.leftToRight("01632 960199")))
            }
            let disagree = try #require(Self.section("disagree", in: document))
            #expect(disagree.heading == (try catalogue.text("\(words).disagree.heading")))
        }
    }

    @Test("with no meeting booked, the family pack says who will tell them when, with the worker's phone")
    func noMeeting() throws {
        let found = try readCase(caseStart().replacingOccurrences(of: "organisation: Example Council}]",
                                                                  with: "organisation: Example Council, phone: \"0161 496 0000\"}]"))
        #expect(found.file.meeting == nil)
        let pack = try PDFFile(try kinpress.pack(of: found, options: .init(audience: .family), format: .pdf, draft: false).bytes)
        let text = try pack.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Sam Okafor (0161 496 0000) will tell you when the next meeting is."), "\(text)")
    }

    @Test("a right-to-left family page keeps the council's numbers in their order")
    func rightToLeftNumbers() throws {
        let found = try readSample(Self.haddad)
        #expect(found.file.case.language == "ar")
        let pdf = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init()))
        let text = try pdf.text()
        #expect(text.contains("01632 960199") && text.contains("01632 960100"))
        let page = try HTMLPage(try kinpress.html(.safetyPlan, of: found, options: .init()))
        #expect(page.all("bdi").contains { $0.attributes["dir"] == "ltr" && $0.text == "01632 960199" })
    }

    @Test("the council's logo is a Figure with its description, its name is on the first page, and its colour is on the headings")
    func look() throws {
        let found = try readSample(RenderTests.hughes)
        let council = try #require(try kinpress.council(for: found.file.case.localAuthority))
        #expect(council.name == "Northmoor Council" && council.accent == "#2d5a27")
        let pdf = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init()))
        let elements = try pdf.objects().components(separatedBy: "endobj")
        #expect(elements.contains { $0.contains("/S /Figure") && $0.contains("/Alt (Northmoor Council)") }, "the logo is a Figure with its description")
        #expect(try pdf.text(page: 1).contains("Northmoor Council"))
        // #2d5a27 as Cairo writes a fill colour.
        #expect(elements.contains { $0.contains("0.176471 0.352941 0.152941 rg") }, "headings in the council's colour")

        let page = try HTMLPage(try kinpress.html(.safetyPlan, of: found, options: .init()))
        let logo = try #require(page.all("img").first)
        #expect(logo.attributes["alt"] == "Northmoor Council" && logo.attributes["src"]?.hasPrefix("data:image/svg+xml") == true)
        #expect(page.all("style").contains { $0.text.contains("--heading: #2d5a27;") && $0.text.contains("--accent: #2d5a27;") })
    }

    @Test("with no profile, the worker and 999 are there and nothing is made up")
    func noProfile() throws {
        let plain = try readCase(caseStart())
        #expect(try kinpress.council(for: plain.file.case.localAuthority) == nil)
        let document = try kinpress.document(.timeline, of: plain, for: .family)
        let contact = try #require(Self.section("contact", in: document))
        #expect(contact.text.split(separator: "\n").count == 3, "heading, the worker, 999: \(contact.text)")
        let disagree = try #require(Self.section("disagree", in: document))
        #expect(disagree.text.split(separator: "\n").count == 2, "heading and the worker: \(disagree.text)")
        #expect(!BlockWalker(document.blocks).contains { if case .picture = $0 { return true } else { return false } }, "no logo")
        #expect(document.plainText.contains("Example Council"), "the case's own name for its council")
        #expect(document.accent == nil)
    }

    @Test("a profile given for every case wins over the templates' match; a broken one stops the output with its line and field")
    func given() throws {
        let found = try readSample(RenderTests.hughes)
        var fewfield = kinpress
        fewfield.council = Kinpress.readCouncil(folder: Self.councils.appendingPathComponent("fewest"), displayName: "fewest/council.yaml")
        let document = try fewfield.document(.safetyPlan, of: found, for: .family)
        #expect(document.plainText.contains("Fewfield Council"))
        let contact = try #require(Self.section("contact", in: document))
        #expect(!contact.text.contains("960100") && !contact.text.contains("960199"), "no Northmoor number under another council's name")

        var broken = kinpress
        broken.council = Kinpress.readCouncil(folder: Self.councils.appendingPathComponent("low-contrast"), displayName: "low-contrast/council.yaml")
        #expect {
            try broken.document(.safetyPlan, of: found, for: .family)
        } throws: { error in
            guard case .council(let errors) = error as? RenderFailure else { return false }
            return errors.first?.path.description == "accent" && errors.first?.location?.line == 2
                && (error as? RenderFailure)?.description.contains("kinpress validate --council") == true
        }
    }

    @Test("fields a reader needs: pronouns, who lives with whom, which children a worry is about, the worry's details in the safety plan, the manager and organisations for professionals, the date of the mapping")
    func fields() throws {
        let text = caseStart(child: "{id: ava, name: Ava, dateOfBirth: 2019-05-01, pronouns: she, livesWith: [mum]}, {id: ben, name: Ben, dateOfBirth: 2021-05-01, livesWith: [mum]}")
            .replacingOccurrences(of: "worker: sw}", with: "worker: sw, manager: lead}")
            .replacingOccurrences(of: "organisation: Example Council}]", with: """
                organisation: Example Council}, {id: lead, name: Rhian Ellis, relationship: Team manager, kind: professional, organisation: Example Council}, {id: mum, name: Jo Reed, relationship: Mum, kind: parent}]
                """)
            + """
            assessment:
              date: 2026-02-20
              dangerStatements:
                - {id: d1, worriedPeople: [sw], worry: Ava could be hurt at night, children: [ava], disputedBy: [mum], familyView: Jo says Ava is safe., ifNothingChanges: Ava could go to hospital.}
              safetyGoals:
                - {id: g1, text: A grown-up is always with Ava at night., dangerStatements: [d1]}
            safetyPlan:
              rules: [{id: r1, rule: Jo stays home at night., who: [mum]}]
            """
        let found = try readCase(text)
        let family = Bidi.withoutIsolates(try kinpress.document(.assessment, of: found, for: .family).plainText)
        #expect(family.contains("Ava is 6. She lives with Jo Reed.") && family.contains("Ben is 4. They live with Jo Reed."), "\(family)")
        #expect(family.contains("We talked about this together on Friday 20 February 2026."))
        #expect(family.contains("This worry is about Ava."))

        let plan = Bidi.withoutIsolates(try kinpress.document(.safetyPlan, of: found, for: .family).plainText)
        for words in ["This worry is about Ava.", "If nothing changes: Ava could go to hospital.", "Jo Reed does not agree with this.",
                      "Jo says Ava is safe.", "This goal is about worry 1."] {
            #expect(plan.contains(words), "the safety plan keeps \"\(words)\"")
        }

        let professional = Bidi.withoutIsolates(try kinpress.document(.assessment, of: found, for: .professional).plainText)
        #expect(professional.contains("Social worker: Sam Okafor, Example Council. Team manager: Rhian Ellis, Example Council."))
        #expect(professional.contains("Mapped on Friday 20 February 2026."))
        let map = Bidi.withoutIsolates(try kinpress.document(.networkMap, of: found, for: .professional).plainText)
        #expect(map.contains("Team manager, Example Council") && !family.contains("Team manager"))
    }
}
