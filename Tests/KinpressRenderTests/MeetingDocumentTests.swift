import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCase

/// The papers after a meeting: the family's record of it, the review update, and the pack for
/// the safety network, each read as its reader may read it.
@Suite("Meeting records, review updates and the network's pack")
struct MeetingDocumentTests {
    /// A small case around a meeting: a mother who left the room for part of it, a view only
    /// professionals may read, a decision with a category, two dated scores each for two people,
    /// and rules naming the network.
    static let meetingCase = """
        format: 1
        case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
        children:
          - id: ava
            name: Ava
            dateOfBirth: 2019-05-01
            says: [{text: I like it at Nan's.}]
            threeHouses:
              - {id: h1, date: 2026-02-01, by: sw, worries: [NETWORKONLY], goodThings: [], dreams: [], shareWith: [network]}
              - {id: h2, date: 2026-02-02, by: sw, worries: [FAMILYONLY], goodThings: [], dreams: [], shareWith: [family, conference]}
        people:
          - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}
          - {id: mum, name: Jo Reed, relationship: Ava's mum, kind: parent, inSafetyNetwork: true}
          - {id: nan, name: Rose Reed, relationship: Ava's nan, kind: family, inSafetyNetwork: true}
          - {id: chair, name: Dee Patel, relationship: Chair, kind: professional, organisation: Example Council}
        assessment:
          strengths:
            - {text: OLDSTRENGTH, date: 2026-01-05}
            - {text: NEWSTRENGTH, date: 2026-02-20}
          dangerStatements: [{id: d1, worriedPeople: [sw], worry: Ava could be left alone at night., children: [ava]}]
          safetyGoals: [{id: g1, text: Ava always has a grown-up at night., dangerStatements: [d1]}]
          bottomLines: [{text: Ava is never left alone.}]
          scaling:
            - id: s1
              question: How safe is Ava at night?
              zero: Not safe at all.
              ten: Completely safe.
              about: d1
              scores:
                - {person: sw, score: 3, date: 2026-01-10}
                - {person: sw, score: 6, date: 2026-03-01, said: The plan has worked for six weeks.}
                - {person: mum, score: 7}
        safetyPlan:
          rules:
            - {id: r1, area: Nights, rule: Nan stays over when Mum works nights., who: [nan, mum]}
            - {id: r2, area: Mornings, rule: Mum walks Ava to school., who: [mum]}
          warningSigns: [{sign: Mum misses a call., whatToDo: Ring Nan.}]
        meeting:
          kind: review-conference
          date: 2026-03-10
          chair: chair
          previousMeeting: 2026-02-12
          invited:
            - {person: mum, attendance: left-for-part, interpreter: pl}
            - {person: nan, attendance: attended}
            - {person: sw, attendance: attended}
          reportsFrom: [{person: sw, title: Social worker's report, received: 2026-03-03, sharedWithFamily: 2026-03-05}]
          views:
            - {person: mum, said: Things are better at home.}
            - {person: sw, said: PROFVIEW, visibility: professionals}
          outcome:
            decidedOn: 2026-03-10
            decisions: [{child: ava, plan: continue, category: neglect, reasons: The plan is working but is new.}]
            dissent: [{person: mum, why: I think the plan can end.}]
            chairSummary: Things have got better since February.
            next: [{kind: review-conference, date: 2026-09-10}]
            coreGroup: [mum, sw]

        """

    static func text(_ kind: DocumentKind, for audience: Audience, of source: String = meetingCase) throws -> String {
        let pdf = try PDFFile(try kinpress.pdf(kind, of: try readCase(source), options: .init(audience: audience)))
        return try pdf.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("the family's record: who came, the reports shared, the views, the summary, the decision and dissent, without the category or what it may not read, and saying so")
    func familyRecord() throws {
        let text = try Self.text(.meetingRecord, for: .family)
        for expected in ["These are the notes of the review meeting about Ava on Tuesday 10 March 2026.", "Who came", "Rose Reed (Ava's nan)",
                         "Jo Reed (Ava's mum) (with an interpreter for", "Social worker's report, by Sam Okafor. The family had it on Thursday 5 March 2026.",
                         "Things are better at home.", "Things have got better since February.", "The plan for Ava will keep going.",
                         "The plan is working but is new.", "Jo Reed did not agree. They said: I think the plan can end.",
                         "Jo Reed left the room for part of the meeting. What was said then is not in these notes.",
                         "Some things said at the meeting are not in your copy", "I like it at Nan's.", "FAMILYONLY"] {
            #expect(text.contains(expected), "the family's record says: \(expected)")
        }
        for hidden in ["PROFVIEW", "neglect", "NETWORKONLY"] {
            #expect(!text.contains(hidden), "the family's record leaves out \(hidden)")
        }
    }

    @Test("the professional record names the category and shows every view, with no note of parts left out")
    func professionalRecord() throws {
        let text = try Self.text(.meetingRecord, for: .professional)
        #expect(text.contains("neglect") && text.contains("PROFVIEW"))
        #expect(!text.contains("not in these notes") && !text.contains("not in your copy"))
    }

    @Test("a meeting record needs a meeting: the command says which field and what to add")
    func recordNeedsMeeting() throws {
        let found = try readCase(caseStart())
        #expect(throws: RenderFailure.self) { try kinpress.pdf(.meetingRecord, of: found, options: .init()) }
        do {
            _ = try kinpress.document(.meetingRecord, of: found, for: .family)
        } catch {
            #expect(error.description.hasPrefix("meeting:") && error.description.contains("Add the meeting"))
            #expect(error.isNothingToMake)
        }
        // Every other document still comes from a case without a meeting; an update with nothing
        // to say says so.
        let update = try PDFFile(try kinpress.pdf(.reviewUpdate, of: found, options: .init())).text()
        #expect(update.contains("Nothing is written down yet about how things are going. Ask Sam Okafor."))
        _ = try kinpress.pdf(.networkPack, of: found, options: .init(audience: .network))
    }

    @Test("a record for every kind of meeting and reader, in English and in Arabic")
    func everyKind() throws {
        for kind in ["initial-conference", "review-conference", "pre-birth-conference", "core-group", "network-meeting", "family-meeting"] {
            for language in ["en", "ar"] {
                let source = Self.meetingCase.replacingOccurrences(of: "kind: review-conference\n  date: 2026-03-10", with: "kind: \(kind)\n  date: 2026-03-10")
                    .replacingOccurrences(of: "date: 2026-03-02, worker: sw}", with: "date: 2026-03-02, worker: sw, language: \(language)}")
                #expect(source.contains("kind: \(kind)") && source.contains("language: \(language)"))
                for audience in Audience.allCases {
                    let document = try kinpress.document(.meetingRecord, of: try readCase(source), for: audience)
                    #expect(!document.title.isEmpty)
                    let text = try Self.text(.meetingRecord, for: audience, of: source)
                    #expect(text.contains("neglect") == (audience == .professional), "\(kind) \(language) \(audience): the category for professionals only")
                }
            }
        }
    }

    @Test("the review update: what got better since the last meeting, each person's score then and now, the plan and what comes next")
    func reviewUpdate() throws {
        let text = try Self.text(.reviewUpdate, for: .family)
        for expected in ["since the meeting on Thursday 12 February 2026", "NEWSTRENGTH", "Ava always has a grown-up at night.",
                         "Sam Okafor: 3 on Saturday 10 January 2026. Now 6.", "The plan has worked for six weeks.", "Jo Reed: 7.",
                         "Nan stays over when Mum works nights. (Rose Reed and Jo Reed)", "Thursday 10 September 2026"] {
            #expect(text.contains(expected), "the review update says: \(expected)")
        }
        #expect(!text.contains("OLDSTRENGTH"), "what was already going well before the last meeting is not news")
    }

    @Test("the network's pack: why they were asked, the worries, the goals, what must happen, the parts each person helps with, warning signs, and only what a child shared with the network")
    func networkPack() throws {
        let text = try Self.text(.networkPack, for: .network)
        for expected in ["You have been asked to help keep Ava safe.", "Ava could be left alone at night.", "Ava always has a grown-up at night.",
                         "Ava is never left alone.", "Rose Reed (Ava's nan)", "Nights, Mornings", "Mum misses a call.", "Ring Nan.",
                         "NETWORKONLY", "I like it at Nan's."] {
            #expect(text.contains(expected), "the network's pack says: \(expected)")
        }
        #expect(!text.contains("FAMILYONLY"), "a record the child shared with the family only stays out")
        #expect(DocumentKind.networkPack.defaultAudience == .network)
    }

    @Test("the network reads what the family's adults read, never what is for professionals, and a child's record only with their consent")
    func networkReader() {
        #expect(Audience.network.sees(.all) && Audience.network.sees(.adults) && !Audience.network.sees(.professionals))
        #expect(Audience.network.mayRead(sharedWith: [.network]) && !Audience.network.mayRead(sharedWith: [.family, .conference]))
        #expect(!Audience.family.mayRead(sharedWith: [.network]))
    }
}
