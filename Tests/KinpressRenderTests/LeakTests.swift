import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase

@Suite("Nothing leaks to a reader who may not see it")
struct LeakTests {
    /// Each reader and the markers none of their documents may hold: NETMARK is a child's record
    /// shared with the family and professionals, not with the safety network.
    static let audiences: [(Audience, [String])] = [(.family, ["PROFMARK"]), (.child, ["PROFMARK", "ADULTMARK"]), (.network, ["PROFMARK", "NETMARK"])]

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
