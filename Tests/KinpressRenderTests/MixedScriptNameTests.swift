import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressSupport

/// Names that mix Arabic and Latin letters ("يوسف طارق الأمين (Yusuf Al-Amin)") are common in
/// the families Kinpress writes for; taking their direction from their first letter read them
/// backwards, brackets broken, on an English page.
@Suite("Names mixing scripts")
struct MixedScriptNameTests {
    @Test("a name mixing right-to-left and left-to-right letters keeps the page's direction; a name in one script is left as it is")
    func rule() {
        #expect(Bidi.name("حسن Grace Obi", rightToLeft: false) == "\u{2066}حسن Grace Obi\u{2069}")
        #expect(Bidi.name("Grace Obi حسن", rightToLeft: true) == "\u{2067}Grace Obi حسن\u{2069}")
        #expect(Bidi.name("יעל Cohen", rightToLeft: false) == "\u{2066}יעל Cohen\u{2069}")
        #expect(Bidi.name("Grace Obi", rightToLeft: true) == "Grace Obi")
        #expect(Bidi.name("سامي حداد", rightToLeft: false) == "سامي حداد")
        #expect(Bidi.name("Zofia Wiśniewska (2)", rightToLeft: true) == "Zofia Wiśniewska (2)")
    }

    @Test("every document prints a mixed name in the page's direction: an English page and an Arabic one", arguments: [("en", "ltr"), ("ar", "rtl")])
    func inDocuments(_ language: String, _ direction: String) throws {
        let found = try readCase("""
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw, language: \(language)}
            children: [{id: ava, name: "آية Ava", dateOfBirth: 2019-05-01}]
            people:
              - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}
              - {id: p1, name: "حسن Grace Obi", relationship: Neighbour, kind: community, circle: 2}
            """)
        // A professional's copy is in English whatever the family's language.
        for (audience, direction) in [(Audience.family, direction), (.professional, "ltr")] {
            let html = String(decoding: try kinpress.html(.networkMap, of: found, options: .init(audience: audience)), as: UTF8.self)
            for name in ["آية Ava", "حسن Grace Obi"] {
                #expect(html.contains("<bdi dir=\"\(direction)\">\(name)</bdi>"), "\(language), \(audience): \(name) is isolated \(direction)")
            }
            let text = try kinpress.document(.networkMap, of: found, for: audience).plainText
            let mark = direction == "ltr" ? "\u{2066}" : "\u{2067}"
            #expect(text.contains("\(mark)حسن Grace Obi\u{2069}") && text.contains("\(mark)آية Ava\u{2069}"), "\(language), \(audience): the PDF's text isolates both names \(direction)")
        }
    }
}
