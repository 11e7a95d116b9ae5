import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase

/// A case with a unique marker in every field some reader must not see. Professional-only
/// content is marked PROFMARK, adults-only content ADULTMARK.
let markedCase = """
    format: 1
    case:
      reference: "LEAK-1"
      localAuthority: Example Council
      date: 2026-03-02
      worker: sw
    children:
      - {id: ava, name: Ava, dateOfBirth: 2019-05-01}
      - {id: hidden-child, name: ADULTMARK-child, dateOfBirth: 2010-01-01, visibility: adults}
    people:
      - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council, inSafetyNetwork: true}
      - id: mum
        name: Jo Reed
        relationship: Ava's mum
        kind: parent
        inSafetyNetwork: true
        phone: {value: "PROFMARK-phone", visibility: professionals}
        email: {value: "ADULTMARK-email", visibility: adults}
        address: {value: "PROFMARK-refuge-address", visibility: professionals}
      - {id: informant, name: PROFMARK-informant, relationship: PROFMARK-relationship, kind: community, visibility: professionals, inSafetyNetwork: true, childCalls: PROFMARK-calls}
      - {id: uncle, name: ADULTMARK-uncle, relationship: ADULTMARK-uncle-relationship, kind: family, visibility: adults, inSafetyNetwork: true}
    assessment:
      harm:
        - Ava was left alone at night.
        - {text: PROFMARK-harm, visibility: professionals, source: informant}
        - {text: ADULTMARK-harm, visibility: adults}
        - {text: The police came., source: informant}
      complicatingFactors: [{text: PROFMARK-complicating, visibility: professionals}]
      strengths: [Jo loves Ava., {text: ADULTMARK-strength, visibility: adults}]
      existingSafety: [{text: PROFMARK-safety, visibility: professionals}]
      dangerStatements:
        - {id: d1, worriedPeople: [sw, informant], worry: Ava could be hurt at night, children: [ava], disputedBy: [informant]}
        - {id: d2, worriedPeople: [sw], worry: PROFMARK-danger, children: [ava], visibility: professionals, familyView: PROFMARK-view}
      safetyGoals:
        - {id: g1, text: A grown-up is always with Ava at night., dangerStatements: [d1]}
        - {id: g2, text: PROFMARK-goal, dangerStatements: [d2], visibility: professionals}
      bottomLines: [{text: PROFMARK-bottom-line, visibility: professionals}]
      nextSteps:
        - {text: Jo to see her doctor., who: [mum, informant]}
        - {text: PROFMARK-step, who: [sw], visibility: professionals}
      scaling:
        - id: s1
          question: How safe is Ava?
          zero: Not safe
          ten: Safe
          scores:
            - {person: mum, score: 6, said: Things are better.}
            - {person: informant, score: 3, said: It is getting better.}
            - {person: sw, score: 4, said: PROFMARK-score, visibility: professionals}
        - {id: s2, question: PROFMARK-scale, zero: a, ten: b, visibility: professionals, scores: [{person: sw, score: 5}]}
      grey: [{text: PROFMARK-grey, visibility: professionals}, {text: ADULTMARK-grey, visibility: adults}]
    safetyPlan:
      rules:
        - {id: r1, area: Nights, rule: A grown-up stays with Ava., who: [mum, informant]}
        - {id: r2, area: PROFMARK-area, rule: PROFMARK-rule, who: [sw], visibility: professionals}
        - {id: r3, rule: ADULTMARK-rule, who: [uncle], visibility: adults}
      warningSigns: [{sign: PROFMARK-sign, whatToDo: PROFMARK-do, visibility: professionals}]
      emergencyContacts: [{name: PROFMARK-contact, number: "01632 960000", when: PROFMARK-when, visibility: professionals}]
      reviews: [{date: 2026-05-01, what: PROFMARK-review, visibility: professionals}]
      signatures: [mum, informant, uncle]
    timeline:
      events: [{date: 2026-01-10, title: PROFMARK-event, kind: worry, visibility: professionals}]
    wordsAndPictures:
      - id: st1
        child: ava
        pages:
          - {text: Mum and Ava made a plan.}
          - {text: PROFMARK-page, visibility: professionals}
          - {text: ADULTMARK-page, heading: ADULTMARK-heading, visibility: adults}
    meeting:
      kind: core-group
      date: 2026-03-20
      chair: sw
      invited: [mum, informant]
      reportsFrom: [{person: informant, title: PROFMARK-report, visibility: professionals}]
    """

@Suite("Nothing leaks to a reader who may not see it")
struct LeakTests {
    static let audiences: [(Audience, [String])] = [(.family, ["PROFMARK"]), (.child, ["PROFMARK", "ADULTMARK"])]

    @Test("the marked case is valid and its markers do reach professionals")
    func markersAreReal() throws {
        let found = try readCase(markedCase)
        for kind in DocumentKind.allCases {
            let pdf = try PDFFile(try kinpress.pdf(kind, of: found, options: .init(audience: .professional)))
            let text = try pdf.text()
            #expect(text.contains("PROFMARK") && text.contains("ADULTMARK"), "the professional \(kind.rawValue) shows restricted content")
        }
    }

    @Test("no marker in the PDF's text, objects, bookmarks, metadata or alternative text", arguments: DocumentKind.allCases)
    func noLeakInPDF(_ kind: DocumentKind) throws {
        let found = try readCase(markedCase)
        for (audience, markers) in Self.audiences {
            let bytes = try kinpress.pdf(kind, of: found, options: .init(audience: audience))
            let pdf = try PDFFile(bytes)
            let places = [("text", try pdf.text()), ("raw text", try pdf.text(raw: true)), ("objects", try pdf.objects()), ("info", try pdf.info())]
            for marker in markers {
                for (place, content) in places {
                    #expect(!content.contains(marker), "\(marker) in the \(audience) \(kind.rawValue) (\(place))")
                }
                let utf16 = String(decoding: Array(marker.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, as: UTF8.self)
                #expect(!String(decoding: bytes, as: UTF8.self).contains(utf16))
            }
        }
    }

    @Test("no marker anywhere in the HTML: text, alternative text, SVG, title or metadata", arguments: DocumentKind.allCases)
    func noLeakInHTML(_ kind: DocumentKind) throws {
        let found = try readCase(markedCase)
        let professional = String(decoding: try kinpress.html(kind, of: found, options: .init(audience: .professional)), as: UTF8.self)
        #expect(professional.contains("PROFMARK") && professional.contains("ADULTMARK"), "the professional page shows restricted content")
        for (audience, markers) in Self.audiences {
            let source = String(decoding: try kinpress.html(kind, of: found, options: .init(audience: audience)), as: UTF8.self)
            for marker in markers {
                #expect(!source.contains(marker), "\(marker) in the \(audience) \(kind.rawValue) HTML")
            }
        }
    }

    @Test("a hidden person named by a visible item shows as their role, never their name")
    func hiddenPersonAsRole() throws {
        let found = try readCase(markedCase)
        let document = try PDFFile(try kinpress.pdf(.safetyPlan, of: found, options: .init(audience: .family)))
        let text = try document.text()
        #expect(text.contains("Jo Reed and someone who knows the family"), "the rule's who names the hidden informant by role")
        let assessment = try PDFFile(try kinpress.pdf(.assessment, of: found, options: .init(audience: .family))).text()
        #expect(assessment.contains("Someone who knows the family does not agree with this."), "a role starting a sentence has a capital")
        let projected = Audience.family.project(found)
        #expect(!projected.file.people.contains { $0.id == "informant" })
        #expect(projected.file.safetyPlan?.rules.first?.who.contains("informant") == false, "even the id is replaced")
        #expect(projected.file.safetyPlan?.signatures == ["mum", "uncle"], "signatures leave hidden people out")
    }

    @Test("a child sees what the family sees, less what is for adults")
    func childProjection() throws {
        let found = try readCase(markedCase)
        let child = Audience.child.project(found)
        #expect(child.file.children.map(\.id) == ["ava"])
        #expect(child.file.people.map(\.id) == ["sw", "mum"])
        #expect(child.file.people[1].email == nil && child.file.people[1].phone == nil)
        let family = Audience.family.project(found)
        #expect(family.file.people[1].email?.value == "ADULTMARK-email" && family.file.people[1].phone == nil)
    }
}
