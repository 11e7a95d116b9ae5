import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLint
import KinpressSupport

/// The child's own words where adults decide ("What the children say"), and consent: a record a
/// child made reaches a reader only where the child agreed to share it with them.
@Suite("The child's voice")
struct ChildVoiceTests {
    static let file = Repository.root.appendingPathComponent("Tests/KinpressRenderTests/Fixtures/child-voice.yaml")

    static func text(_ kind: DocumentKind = .assessment, for audience: Audience) throws -> String {
        Bidi.withoutIsolates(try kinpress.document(kind, of: try readSample(file), for: audience).plainText)
    }

    @Test("the assessment says what each child says, with when and how they were seen, their houses as shared, or that nothing is written down")
    func assessment() throws {
        let family = try Self.text(for: .family)
        for words in ["What the children say", "What Tolu says", "“I want Jason to stay away. I like it when Mum laughs.”",
                      "Tolu said this on Friday 20 February 2026. Tolu was seen on her own at school.",
                      "On Friday 20 February 2026, Tolu drew a house for worries, a house for good things and a house for dreams:", "Sunny house (House of Good Things)", "A dog called Biscuit",
                      "What Femi says", "No one has written down what Femi says yet."] {
            #expect(family.contains(words), "the family's assessment says \"\(words)\"")
        }
        #expect(!family.contains("drew a safe house"), "shared with conference only")

        let professional = try Self.text(for: .professional)
        for words in ["On Friday 27 February 2026, Tolu drew a safe house:", "Living in the safe house: Sade Adeyemi and Femi.",
                      "Outside, because Tolu does not feel safe with them: Jason Clarke.",
                      "House rule: Nobody shouts in my house (in the family's plan: Nobody shouts at the children.)",
                      "Tolu put herself at 6 out of 10 on the path to the house. 10 is at the door.", "PROFMARK-says"] {
            #expect(professional.contains(words), "the professionals' assessment says \"\(words)\"")
        }
        // The child reads what they made, shared or not, in their own names for people.
        let child = try Self.text(for: .child)
        #expect(child.contains("CONSENTMARK-worry") && child.contains("Living in the safe house: Mum and Femi."))
        #expect(!child.contains("PROFMARK"))
    }

    /// Whom a record is shared with, and who may then read it.
    static let consentCases: [(sharing: [Sharing], readers: [Audience])] = [
        ([], [.child]),
        ([.family], [.child, .family]),
        ([.conference], [.child, .professional]),
        ([.network], [.child]),
        ([.family, .conference], [.child, .family, .professional]),
    ]

    @Test("a record reaches a reader only where the child shared it with them", arguments: consentCases.indices)
    func consent(_ index: Int) throws {
        let (sharing, readers) = Self.consentCases[index]
        let yaml = caseStart(child: """
            {id: ava, name: Ava, dateOfBirth: 2019-05-01, threeHouses: [{id: h1, date: 2026-02-01, by: sw, worries: [SHAREDMARK], goodThings: [], dreams: [], shareWith: [\(sharing.map(\.rawValue).joined(separator: ", "))]}]}
            """)
        let found = try readCase(yaml)
        for audience in [Audience.child, .family, .professional] {
            let visible = audience.project(found)
            let shown = readers.contains(audience)
            #expect(visible.file.children[0].threeHouses.count == (shown ? 1 : 0), "\(sharing) for \(audience)")
            #expect(Bidi.withoutIsolates(try kinpress.document(.assessment, of: found, for: audience).plainText).contains("SHAREDMARK") == shown)
            #expect(visible.withheld.contains { $0.notShared && $0.field.description == "children[0].threeHouses[0]" } == !shown)
        }
    }

    @Test("nothing a child did not share reaches a family or professional page, pack, HTML or the chair's list's reader")
    func leak() throws {
        let found = try readSample(Self.file)
        for audience in [Audience.family, .professional] {
            for kind in DocumentKind.all(for: found) where kind != .wordsAndPictures {
                let pdf = try PDFFile(try kinpress.pdf(kind, of: found, options: .init(audience: audience)))
                #expect(!(try pdf.text()).contains("CONSENTMARK"), "\(kind) for \(audience)")
                let html = String(decoding: try kinpress.html(kind, of: found, options: .init(audience: audience)), as: UTF8.self)
                #expect(!html.contains("CONSENTMARK"), "\(kind) HTML for \(audience)")
            }
            let pack = try PDFFile(try kinpress.pack(of: found, options: .init(audience: audience), format: .pdf, draft: false).bytes)
            let (words, objects) = (try pack.text(), try pack.objects())
            #expect(!words.contains("CONSENTMARK") && !objects.contains("CONSENTMARK"), "pack for \(audience)")
        }
        let list = try kinpress.pack(of: found, options: .init(audience: .family), format: .pdf, draft: false).withheld
        #expect(list.contains { $0.notShared && $0.reason == "not shared by the child" && $0.field.description == "children[0].threeHouses[1]" })
        #expect(list.contains { $0.notShared && $0.field.description == "children[0].safetyHouse[0]" })
    }

    @Test("a child's copy of the safety plan is a short plan in child words, never the adults' tables")
    func childPlan() throws {
        let found = try readSample(Repository.root.appendingPathComponent("SampleCases/adeyemi/adeyemi.yaml"))
        let child = try kinpress.document(.safetyPlan, of: found, for: .child)
        #expect(!BlockWalker(child.blocks).contains { if case .table = $0 { return true } else { return false } }, "no tables for a child")
        let text = Bidi.withoutIsolates(child.plainText)
        for words in ["What the grown-ups will do", "Mum, Tolu, Claire and Auntie Grace make sure this happens.", "How you will know:",
                      "People who help you", "What you can do", "you can tell", "Childline: 0800 1111", "Who to tell"] {
            #expect(text.contains(words), "the child's plan says \"\(words)\"")
        }
        let family = try kinpress.document(.safetyPlan, of: found, for: .family)
        #expect(BlockWalker(family.blocks).contains { if case .table = $0 { return true } else { return false } }, "the adults keep their tables")
    }

    @Test("lint reads a child's words for length but never calls them jargon")
    func lintQuotes() throws {
        let yaml = caseStart(child: "{id: ava, name: Ava, dateOfBirth: 2019-05-01, says: [{text: \"I hate contact with Dad at the family centre.\"}]}")
        let reading = CaseReader.read(bytes: Array(yaml.utf8), displayName: "test.yaml", folder: nil)
        for audience in [Audience.family, .child] {
            let findings = try kinpress.lint(reading, for: audience).findings
            #expect(!findings.contains { $0.path.description.hasPrefix("children[0].says") && $0.term != nil }, "\(findings)")
        }
        let plain = caseStart() + "assessment: {harm: [\"Dad missed contact.\"]}\n"
        let findings = try kinpress.lint(CaseReader.read(bytes: Array(plain.utf8), displayName: "test.yaml", folder: nil), for: .family).findings
        #expect(findings.contains { $0.term == "contact" }, "the same word in an adult's text is still found")
    }

    @Test("the format checks the child's records: references to people and the plan's rules, the choices, the path's score")
    func format() throws {
        let yaml = caseStart(child: """
            {id: ava, name: Ava, dateOfBirth: 2019-05-01, safetyHouse: [{id: s1, date: 2026-02-01, by: sw, inside: [{person: nobody}], visitors: [], outside: [], rules: [{text: Be kind, rule: r9}], path: {now: 11}, shareWith: [teachers]}]}
            """)
        let reading = CaseReader.read(bytes: Array(yaml.utf8), displayName: "test.yaml", folder: nil)
        let errors = reading.errors.map { "\($0.path): \($0.message)" }
        #expect(errors.contains { $0.hasPrefix("children[0].safetyHouse[0].inside[0].person:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("children[0].safetyHouse[0].rules[0].rule:") && $0.contains("a rule in safetyPlan.rules") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("children[0].safetyHouse[0].path.now:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("children[0].safetyHouse[0].shareWith[0]:") }, "\(errors)")
    }
}
