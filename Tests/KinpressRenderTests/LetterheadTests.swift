import Foundation
import Testing
import Kinpress
import KinpressCase
import KinpressCompose

/// A letter's first lines in their places on the paper: the recipient inside a DL envelope's
/// window, whatever the letter's language; and the meeting's new facts in the case format.
@Suite("Letters and meetings")
struct LetterheadTests {
    /// The window in points: 20 mm from the left, 45 mm from the top, 90 × 35 mm.
    static let window = (left: 20 * 72 / 25.4, top: 45 * 72 / 25.4, right: 110 * 72 / 25.4, bottom: 80 * 72 / 25.4)

    static func markup(direction: String, lines: Int) -> String {
        let logo = Repository.root.appendingPathComponent("Templates/councils/northmoor/logo.svg").path
        let to = ["Zelda Quorn", "Flat 2", "18 Larch Grove", "Northmoor", "Westshire", "Upper Vale", "Riverbend", "NM4 7QT"].prefix(lines)
        return """
            <document title="Letter" lang="\(direction == "rtl" ? "ar" : "en")" dir="\(direction)">
            <letterhead date="Friday 6 March 2026">
              <picture src="\(logo)" alt="Northmoor Council" field="logo"/>
              <from>Northmoor Council</from><from>Children's Services, Civic Centre</from>
            \(to.map { "  <to>\($0)</to>" }.joined(separator: "\n"))
            </letterhead>
            <p>Hello.</p>
            </document>
            """
    }

    /// Each word pdftotext finds on page 1, with its box in points.
    static func words(_ pdf: borrowing PDFFile) throws -> [(text: String, x: Double, y: Double, maxX: Double, maxY: Double)] {
        let html = try run("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf.url.path, "-"])
        return html.matches(of: /<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<\/word>/).map {
            (String($0.5), Double($0.1)!, Double($0.2)!, Double($0.3)!, Double($0.4)!)
        }
    }

    @Test("the recipient's name and address sit inside the envelope's window; the council and date at the right", arguments: ["ltr", "rtl"], [3, 8])
    func window(direction: String, lines: Int) throws {
        let document = try Document(markup: Self.markup(direction: direction, lines: lines), pictograms: kinpress.templates.pictograms)
        let pdf = try PDFFile(try kinpress.renderPDF(document, author: "Northmoor Council", date: "D:20260306000000Z", options: .init()).bytes)
        let words = try Self.words(pdf)
        let addressWords = ["Zelda", "Quorn", "Flat", "Larch", "Grove", "Northmoor,", "Westshire,", "Upper", "Vale,", "Riverbend,", "NM4", "7QT"]
        let inWindow = words.filter { addressWords.contains($0.text) || ($0.text == "Northmoor" && $0.x < Self.window.right) }
        #expect(inWindow.count >= (lines == 3 ? 5 : 12), "\(direction), \(lines) lines: \(inWindow.map(\.text))")
        for word in inWindow {
            #expect(word.x >= Self.window.left && word.maxX <= Self.window.right && word.y >= Self.window.top && word.maxY <= Self.window.bottom,
                    "\(word.text) at \(word.x),\(word.y)–\(word.maxX),\(word.maxY) is outside the window")
        }
        for text in ["Friday", "Civic"] {
            let word = try #require(words.first { $0.text == text })
            #expect(word.x > Self.window.right, "\(text) is right of the window")
        }
        #expect(try pdf.structure().contains("Figure"), "the logo is a tagged figure")
    }

    @Test("a meeting's invitees, reports, views and outcome are read and checked, each problem at its field")
    func meetingFormat() throws {
        let good = caseStart() + """
            meeting:
              kind: initial-conference
              date: 2026-03-20
              chair: sw
              strategyDiscussion: 2026-03-02
              invited: [sw, {person: ava, attendance: apologies, interpreter: pl, supporter: Ava's aunt}]
              reportsFrom: [{person: sw, title: Report, received: 2026-03-17, sharedWithFamily: 2026-03-18}]
              views: [{person: sw, said: Things are better.}]
              outcome:
                decidedOn: 2026-03-20
                decisions: [{child: ava, plan: child-protection, category: neglect, reasons: Ava was left alone.}]
                dissent: [{person: sw, why: Too soon.}]
                next: [{kind: review-conference, date: 2026-06-20}]
                coreGroup: [sw]

            """
        let meeting = try #require(try readCase(good).file.meeting)
        #expect(meeting.invited == ["sw", "ava"] && meeting.invitees[1].attendance == .apologies && meeting.invitees[1].interpreter == "pl")
        #expect(meeting.invitees[0].attendance == .invited)
        #expect(meeting.outcome?.decisions.first?.category == .neglect && meeting.outcome?.next.first?.kind == .reviewConference)

        let bad = good.replacingOccurrences(of: "plan: child-protection", with: "plan: protection")
            .replacingOccurrences(of: "attendance: apologies", with: "attendance: maybe")
            .replacingOccurrences(of: "coreGroup: [sw]", with: "coreGroup: [nobody]")
        let reading = CaseReader.read(bytes: Array(bad.utf8), displayName: "test.yaml", folder: nil)
        let errors = reading.errors.map { "\($0.path)" }
        for path in ["meeting.outcome.decisions[0].plan", "meeting.invited[1].attendance", "meeting.outcome.coreGroup[0]"] {
            #expect(errors.contains(path), "\(path) in \(errors)")
        }
    }
}
