import Foundation
import KinpressAudience
import KinpressCase
import Testing

/// The audience stage's one walk: what each reader keeps, where it came from in the file, the
/// texts it will read, and what its copy leaves out.
@Suite("Audience projection")
struct ProjectionTests {
    static let text = """
        format: 1
        case:
          reference: "NT-0001"
          localAuthority: Example Council
          date: 2026-03-02
          worker: sw
        children:
          - id: ava
            name: Ava
            dateOfBirth: 2020-01-15
          - id: ben
            name: Ben
            dateOfBirth: 2022-05-01
            visibility: professionals
        people:
          - id: sw
            name: Sam Okafor
            relationship: Social worker
            kind: professional
            organisation: Example Council
          - id: mum
            name: Kasia
            relationship: Mum
            kind: parent
            address: {value: 1 High Street, visibility: professionals}
        assessment:
          harm:
            - {text: Seen by everyone.}
            - {text: For workers only., visibility: professionals}
            - {text: For grown-ups., visibility: adults}
        timeline:
          events:
            - {date: 2025-06-10, title: Third, kind: other}
            - {date: 2025-06, title: Second, kind: other}
            - {date: 2024, title: First, kind: other, visibility: professionals}
            - {date: 2025-06-10, title: Fourth, kind: other}
          journey:
            - {date: 2026-09-01, title: Later, status: planned}
            - {date: 2026-04-01, title: Sooner, status: planned}
        wordsAndPictures:
          - id: ben-story
            child: ben
            pages:
              - {text: Ben's page.}
        """

    static func source() throws -> Case {
        let reading = CaseReader.read(bytes: Array(text.utf8), displayName: "test.yaml", folder: nil)
        return try #require(reading.case, "\(reading.diagnostics)")
    }

    @Test("the case keeps the file's order; the reader's timelines come out in date order, the written order kept on a tie")
    func timelineOrder() throws {
        let source = try Self.source()
        #expect(source.file.timeline?.events.map(\.title) == ["Third", "Second", "First", "Fourth"])
        let chair = Audience.professional.project(source)
        #expect(chair.file.timeline?.events.map(\.title) == ["First", "Second", "Third", "Fourth"])
        #expect(chair.file.timeline?.journey.map(\.title) == ["Sooner", "Later"])
        let family = Audience.family.project(source)
        #expect(family.file.timeline?.events.map(\.title) == ["Second", "Third", "Fourth"])
    }

    @Test("each kept item says where the file wrote it")
    func origins() throws {
        let family = Audience.family.project(try Self.source())
        func origin(_ path: FieldPath) -> String { family.origin(of: path).description }
        let events = FieldPath.root.appending("timeline").appending("events")
        #expect(origin(events.appending(0).appending("title")) == "timeline.events[1].title", "Second was written second")
        #expect(origin(events.appending(2)) == "timeline.events[3]")
        let child = Audience.child.project(try Self.source())
        #expect(child.origin(of: FieldPath.root.appending("assessment").appending("harm").appending(0)).description == "assessment.harm[0]")
        #expect(family.origin(of: FieldPath.root.appending("assessment").appending("harm").appending(1)).description == "assessment.harm[2]")
    }

    @Test("what a copy leaves out is listed by the field the file wrote it in, with the start of its words")
    func withheld() throws {
        let source = try Self.source()
        let family = Audience.family.project(source)
        #expect(family.withheld.map(\.field.description) == ["children[1]", "people[1].address", "assessment.harm[1]", "timeline.events[2]", "wordsAndPictures[0]"])
        #expect(family.withheld.first { $0.field.description == "assessment.harm[1]" }?.summary == "For workers only.")
        #expect(family.withheld.allSatisfy { $0.visibility == .professionals })
        let child = Audience.child.project(source)
        #expect(child.withheld.contains { $0.field.description == "assessment.harm[2]" && $0.visibility == .adults })
        #expect(Audience.professional.project(source).withheld.isEmpty)
    }

    @Test("the texts a reader will see, each at its field; a story about a child the reader may not know of is not among them")
    func texts() throws {
        let family = Audience.family.project(try Self.source())
        let prose = family.texts.filter(\.isProse)
        #expect(prose.map(\.field.description) == ["assessment.harm[0].text", "assessment.harm[2].text", "timeline.events[0].title", "timeline.events[1].title",
                                                   "timeline.events[3].title", "timeline.journey[0].title", "timeline.journey[1].title"])
        #expect(!family.texts.contains { $0.text.contains("Ben") }, "Ben is for professionals, and his story with him")
        #expect(family.texts.contains { $0.field.description == "people[1].name" && $0.text == "Kasia" && !$0.isProse })
        #expect(!family.texts.contains { $0.text == "1 High Street" })
        let chair = Audience.professional.project(try Self.source())
        #expect(chair.texts.contains { $0.field.description == "wordsAndPictures[0].pages[0].text" && $0.forChild })
    }
}
