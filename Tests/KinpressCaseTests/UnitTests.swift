import Testing
@testable import KinpressCase

@Suite("Small parts")
struct UnitTests {
    @Test("field paths read as the format's documentation writes them")
    func fieldPath() {
        let path = FieldPath.root.appending("safetyPlan").appending("rules").appending(1).appending("who").appending(0)
        #expect(path.description == "safetyPlan.rules[1].who[0]")
        #expect(path.lastKey == "who")
        #expect(FieldPath.root.description == "")
    }

    @Test("dates: real days only, partial dates cover their whole month or year")
    func dates() throws {
        #expect(throws: Never.self) { try CaseDate.parse("2024-02-29").get() }
        #expect(throws: CaseDate.ParseFailure.self) { try CaseDate.parse("2025-02-29").get() }
        #expect(throws: CaseDate.ParseFailure.self) { try CaseDate.parse("2026-3-2").get() }
        let march = try CaseDate.parse("2026-03").get()
        #expect(march.earliest == CaseDate(year: 2026, month: 3, day: 1))
        #expect(march.latest == CaseDate(year: 2026, month: 3, day: 31))
        #expect(try CaseDate.parse("2026").get().latest == CaseDate(year: 2026, month: 12, day: 31))
        #expect(march < CaseDate(year: 2026, month: 3, day: 1), "the less precise date comes first on a tie")
        #expect(CaseDate(year: 2020, month: 3, day: 3).years(until: CaseDate(year: 2026, month: 3, day: 2)) == 5)
    }

    @Test("suggestions are offered only for likely slips")
    func suggestions() {
        #expect(FormatChecker.closest(to: "dangerStatment", in: ["dangerStatements", "harm"]) == "dangerStatements")
        #expect(FormatChecker.closest(to: "colour", in: ["dangerStatements", "harm"]) == nil)
    }

    @Test("picture paths are checked from their text", arguments: [
        ("pictures/house.png", true), ("a.JPEG", true), ("x.svg", true),
        ("../house.png", false), ("pictures/../../x.png", false), ("/etc/x.png", false), ("C:\\x.png", false), ("house.gif", false), ("png", false),
    ])
    func picturePaths(_ path: String, _ allowed: Bool) {
        #expect((FormatChecker.picturePathProblem(path) == nil) == allowed)
    }
}
