import Foundation
import Testing
import Kinpress
import KinpressCase

/// The letters around a meeting: one to each person, read as that person reads, safe to post.
@Suite("Letters")
struct LetterTests {
    static let hughes = Repository.root.appendingPathComponent("SampleCases/hughes/hughes.yaml")
    static let haddad = Repository.root.appendingPathComponent("SampleCases/haddad/haddad.yaml")
    static let adeyemi = Repository.root.appendingPathComponent("SampleCases/adeyemi/adeyemi.yaml")

    /// One letter as PDF and as the HTML page's source.
    static func letter(_ kind: LetterKind, to id: String, of reading: CaseReading) throws -> (pdf: [UInt8], html: String, title: String) {
        let found = try #require(reading.case)
        func make(_ format: Format) throws -> Output {
            let item = try #require(try kinpress.letterItems(kind, of: found, to: [id], format: format).first)
            return try kinpress.make(item, of: Request(item), from: reading)
        }
        let pdf = try make(.pdf)
        return (pdf.bytes, String(decoding: try make(.html).bytes, as: UTF8.self), pdf.plainTitle)
    }

    static func reading(_ url: URL) -> CaseReading { Kinpress.read(url.path) }

    static func reading(_ text: String) -> CaseReading { Kinpress.read(bytes: Array(text.utf8), displayName: "test.yaml", folder: nil) }

    @Test("by default an invitation goes to everyone invited but the chair, a decision letter to the parents and carers, each with its reader")
    func recipients() throws {
        let found = try readSample(Self.hughes)
        let invitations = try kinpress.letterItems(.invitation, of: found, format: .pdf)
        #expect(invitations.map(\.recipientFileName) == ["gareth.pdf", "kerry.pdf", "nan-pat.pdf", "hannah.pdf", "marcus.pdf", "joanne.pdf", "ollie.pdf",
                                                          "dr-lindqvist.pdf", "pc-whitley.pdf"])
        #expect(invitations.first?.audience == .family && invitations.last?.audience == .professional)
        let decisions = try kinpress.letterItems(.decision, of: found, to: nil, format: .html)
        #expect(decisions.map(\.recipientFileName) == ["gareth.html", "kerry.html"])
        #expect(try kinpress.letterItems(.decision, of: found, to: ["mason"], format: .pdf).first?.audience == .child)
        #expect(throws: RenderFailure.self) { try kinpress.letterItems(.decision, of: found, to: ["nobody"], format: .pdf) }
        let noOutcome = try readSample(Self.adeyemi)
        #expect(throws: RenderFailure.self) { try kinpress.letterItems(.decision, of: noOutcome, format: .pdf) }
    }

    @Test("a decision letter names the category to a parent and a professional only, says who disagreed, and gives the next dates")
    func decision() throws {
        let found = Self.reading(Self.hughes)
        let kerry = try PDFFile(try Self.letter(.decision, to: "kerry", of: found).pdf).text()
        let flat = kerry.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["The plan for Mason will keep going.", "neglect", "Gareth Hughes did not agree.", "I think the plan should end now.",
                         "Thursday 21 May 2026 at 16:00", "Thursday 6 August 2026", "Pat Hughes (Mason's nan (Dad's mum))",
                         "Hannah Whitfield is the main worker for the plan.", "You can also make a complaint to the council"] {
            #expect(flat.contains(expected), "Kerry's letter says \(expected)")
        }
        let hannah = try PDFFile(try Self.letter(.decision, to: "hannah", of: found).pdf).text()
        #expect(hannah.contains("neglect"), "a professional's copy names the category")
        for id in ["nan-pat", "mason"] {
            let text = try PDFFile(try Self.letter(.decision, to: id, of: found).pdf).text()
            #expect(!text.localizedCaseInsensitiveContains("neglect"), "\(id)'s copy does not name the category")
        }
        let mason = try PDFFile(try Self.letter(.decision, to: "mason", of: found).pdf).text()
        #expect(mason.contains("Your plan will keep going.") && !mason.contains("did not agree"), "a child reads their own decision in words for them")
    }

    @Test("an invitation says when and where, who comes, the reports and when they come, and who may come with you; a family member's has the leaflet")
    func invitation() throws {
        let found = Self.reading(Self.hughes)
        let gareth = try Self.letter(.invitation, to: "gareth", of: found)
        let text = try PDFFile(gareth.pdf).text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Please come to a meeting about Mason", "Day: Thursday 7 May 2026", "Time: 10:00", "Rebecca Osei runs the meeting.",
                         "Report from Brookfield Primary School, by Joanne", "You get it by Tuesday 5 May 2026", "Tony from the football club is coming with you.",
                         "What happens at the meeting", "how safe are things, from 0 to 10?"] {
            #expect(text.contains(expected), "Gareth's invitation says \(expected)")
        }
        #expect(gareth.title == "Letter to Gareth Hughes: the meeting on Thursday 7 May 2026")
        let joanne = try PDFFile(try Self.letter(.invitation, to: "joanne", of: found).pdf).text()
        let asked = joanne.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(asked.contains("Please send your report to Rebecca Osei by Wednesday 29 April 2026") && !joanne.contains("What happens at the meeting"),
                "a report writer is asked for their report, and a professional gets no leaflet")
    }

    @Test("every kind of meeting has its leaflet, for a parent and for a child", arguments: ["initial-conference", "review-conference", "pre-birth-conference",
                                                                                             "core-group", "network-meeting", "family-meeting"])
    func leaflets(kind: String) throws {
        let text = caseStart().replacingOccurrences(of: "kind: professional, organisation: Example Council}]",
                                                    with: "kind: professional, organisation: Example Council}, {id: dad, name: Tom Reed, relationship: Ava's dad, kind: parent}]") + """
            meeting: {kind: \(kind), date: 2026-04-01, chair: sw, invited: [dad, ava]}

            """
        let found = Self.reading(text)
        let catalogue = try kinpress.templates.catalogue(for: "en")
        let purpose = try catalogue.text("meeting.purposes.\(kind)")
        let decides = try catalogue.text("letter.decides.\(kind)")
        let parent = try Self.letter(.invitation, to: "dad", of: found).html
        #expect(parent.contains("What happens at the meeting") && parent.contains(Self.escaped(purpose)) && parent.contains(Self.escaped(decides)))
        let child = try Self.letter(.invitation, to: "ava", of: found).html
        #expect(child.contains("What happens at a meeting about you") && child.contains("You are asked to a meeting about you"))
        #expect(!child.contains("What the meeting can decide"), "the child's leaflet is in words for a child")
        #expect(child.contains("Tom Reed") && !child.contains("Tom Reed (") && !child.contains("views in writing"),
                "a child reads the people by name, and how to be heard rather than how to send views")
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test("a person's address is on their own letter only, a refuge address on none, and nothing restricted reaches a family member or a child",
          arguments: LetterKind.allCases)
    func addressesAndLeaks(kind: LetterKind) throws {
        let found = Self.reading(markedCase)
        let own = ["sw": "WORKERADDRESS", "uncle": "UNCLEADDRESS"]
        let markers: [String: [String]] = ["mum": ["PROFMARK"], "uncle": ["PROFMARK"], "ava": ["PROFMARK", "ADULTMARK"], "sw": []]
        for (id, hidden) in markers {
            let letter = try Self.letter(kind, to: id, of: found)
            let pdf = try PDFFile(letter.pdf)
            let places = [("text", try pdf.text()), ("raw text", try pdf.text(raw: true)), ("objects", try pdf.objects()), ("info", try pdf.info()),
                          ("HTML", letter.html)]
            for (place, content) in places {
                #expect(!content.contains("refuge-address"), "the refuge address is in \(id)'s \(kind) letter (\(place))")
                for (owner, address) in own where owner != id {
                    #expect(!content.contains(address), "\(owner)'s address is in \(id)'s \(kind) letter (\(place))")
                }
                for marker in hidden {
                    #expect(!content.contains(marker), "\(marker) in \(id)'s \(kind) letter (\(place))")
                }
            }
            if let address = own[id] {
                #expect(try pdf.text().contains(address), "\(id)'s own letter carries their address")
            }
        }
    }

    @Test("the recipient's name and address sit in the DL envelope's window on a right-to-left letter too")
    func window() throws {
        for (sample, id, name) in [(Self.hughes, "kerry", "Linden"), (Self.haddad, "layla", "Ashdown")] {
            let pdf = try PDFFile(try Self.letter(.decision, to: id, of: Self.reading(sample)).pdf)
            let words = try LetterheadTests.words(pdf)
            let street = try #require(words.first { $0.text == name }, "\(id)'s street is on page 1")
            let window = LetterheadTests.window
            #expect(street.x >= window.left && street.maxX <= window.right && street.y >= window.top && street.maxY <= window.bottom,
                    "\(id): \(name) at \(street.x),\(street.y)")
        }
    }

    @Test("a meeting of 54 people keeps a letter to two pages and the leaflet: names only, family and friends, then workers")
    func bigMeeting() throws {
        var people = ["  - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}",
                      "  - {id: mum, name: Jo Reed, relationship: Ava's mum, kind: parent, address: \"1 High Street, Northmoor\"}"]
        for index in 1...30 { people.append("  - {id: f\(index), name: Friend Number\(index), relationship: Family friend, kind: friend}") }
        for index in 1...22 { people.append("  - {id: w\(index), name: Worker Number\(index), relationship: Nurse, kind: professional, organisation: Health}") }
        let invited = ["mum"] + (1...30).map { "f\($0)" } + (1...22).map { "w\($0)" } + ["sw"]
        let source = """
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
            children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
            people:
            \(people.joined(separator: "\n"))
            meeting: {kind: network-meeting, date: 2026-03-20, chair: sw, invited: [\(invited.joined(separator: ", "))]}

            """
        let letter = try Self.letter(.invitation, to: "mum", of: Self.reading(source))
        let pdf = try PDFFile(letter.pdf)
        let pages = try pdf.pageCount()
        #expect(pages <= 3, "two pages of letter and the leaflet, not \(pages)")
        let text = try pdf.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Family and friends: Jo Reed, Friend Number1, Friend Number2"))
        #expect(text.contains("Workers: Worker Number1,") && text.contains("and Sam Okafor."))
        #expect(text.contains("If you want to know who someone is, ask Sam Okafor."))
        #expect(!text.contains("Friend Number1 (Family friend)"), "names only")
        // A small meeting still lists each person with who they are.
        let small = try PDFFile(try Self.letter(.invitation, to: "kerry", of: Self.reading(Self.hughes)).pdf).text()
        #expect(small.contains("Pat Hughes (Mason's nan (Dad's mum))") && !small.contains("Family and friends:"))
    }

    @Test("a letter's first page is its letterhead: no running title above it; the pages after carry it")
    func noRunningTitleOnLetterhead() throws {
        let pdf = try PDFFile(try Self.letter(.invitation, to: "kerry", of: Self.reading(Self.hughes)).pdf)
        let title = "The meeting on Thursday 7 May 2026"
        #expect(try pdf.pageCount() >= 2)
        #expect(!(try pdf.text(page: 1)).contains(title), "page 1 has the letterhead only")
        #expect(try pdf.text(page: 2).contains(title), "page 2 says what it is part of")
    }

    @Test("a family letter in Polish follows each section with its English twin when the case asks for both")
    func bilingualLetter() throws {
        func source(_ both: Bool) -> String {
            """
            format: 1
            case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw, language: pl, alsoInEnglish: \(both)}
            children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
            people:
              - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}
              - {id: mum, name: Jo Reed, relationship: Ava's mum, kind: parent}
            safetyPlan:
              rules: [{id: r1, rule: {en: Nan stays over on work nights., pl: Babcia nocuje w noce robocze.}, who: [mum]}]
            meeting:
              kind: review-conference
              date: 2026-03-20
              chair: sw
              invited: [mum, sw]
              outcome:
                decidedOn: 2026-03-20
                decisions: [{child: ava, plan: continue, reasons: {en: The plan is working., pl: Plan działa.}}]
                next: [{kind: review-conference, date: 2026-09-10}]

            """
        }
        let both = try PDFFile(try Self.letter(.decision, to: "mum", of: Self.reading(source(true))).pdf).text()
        let single = try PDFFile(try Self.letter(.decision, to: "mum", of: Self.reading(source(false))).pdf).text()
        #expect(both.contains("Plan działa.") && both.contains("The plan is working."), "the reasons in both languages")
        #expect(both.contains("Babcia nocuje") && both.contains("Nan stays over"), "the rules in both languages")
        #expect(both.contains("Po angielsku"), "the English halves are labelled, in Polish")
        #expect(single.contains("Plan działa.") && !single.contains("The plan is working.") && !single.contains("Po angielsku"),
                "one language when the case asks for one")
    }
}
