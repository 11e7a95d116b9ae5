import Foundation
import Testing
@testable import KinpressCase

@Suite("Reading case files")
struct CaseReaderTests {
    @Test("the smallest file in the format is valid and gets its defaults")
    func minimalCaseDefaults() throws {
        let reading = read(minimalCase)
        #expect(reading.diagnostics.isEmpty)
        let file = try #require(reading.case?.file)
        #expect(file.case.service == .childProtection)
        #expect(file.case.language == "en")
        #expect(file.case.protectiveMarking == "OFFICIAL-SENSITIVE")
        #expect(file.children[0].pronouns == .they)
        #expect(file.people.map(\.circle) == [3, 1], "a professional defaults to circle 3, a parent to circle 1")
        #expect(file.people.allSatisfy { $0.visibility == .all && !$0.inSafetyNetwork })
    }

    @Test("every problem in a file is reported in one pass, in reading order")
    func allProblemsAtOnce() {
        let text = minimalCase.replacingOccurrences(of: "date: 2026-03-02", with: "date: 2026-02-30")
            + """
            safetyPlan:
              rules:
                - id: r1
                  rule: Jo walks Ava to school
                  who: [mum, nobody-here]
                  whoo: [sw]
            timeline:
              events:
                - {date: 2025-13, title: Moved, kind: move}
            """
        let reading = read(text)
        #expect(reading.errors.map(\.path.description) == [
            "case.date", "safetyPlan.rules[0].who[1]", "safetyPlan.rules[0].whoo", "timeline.events[0].date",
        ])
        #expect(reading.errors.map { $0.location?.line } == [5, 25, 26, 29])
        let reference = reading.errors[1]
        #expect(reference.description == #"test.yaml:25:18: error: safetyPlan.rules[0].who[1]: "nobody-here" is not the id of anyone in people or children. Known ids: ava, sw, mum"#)
        #expect(reading.errors[2].message.contains("Did you mean who?"))
    }

    @Test("the worker must be someone in people, not a child")
    func workerIsAPerson() {
        let reading = read(minimalCase.replacingOccurrences(of: "worker: sw", with: "worker: ava"))
        #expect(reading.errors.count == 1)
        #expect(reading.errors.first?.code == .unresolvedReference)
        #expect(reading.errors.first?.message.contains("is the id of a child") == true)
    }

    @Test("a bare number where text is expected is read as written")
    func bareNumbersAreText() throws {
        let text = minimalCase + """
            safetyPlan:
              emergencyContacts:
                - {name: Police, number: 999, when: If anyone is in danger}
            """
        let plan = try #require(read(text).case?.file.safetyPlan)
        #expect(plan.emergencyContacts.first?.number == "999")
    }

    @Test("true, false and null are not taken as text", arguments: ["yes", "true", "null", "~"])
    func booleansAreNotText(_ word: String) {
        let reading = read(minimalCase.replacingOccurrences(of: "name: Ava", with: "name: \(word)"))
        #expect(reading.errors.first?.path.description == "children[0].name")
        #expect(reading.errors.first?.location?.line == 9)
    }

    @Test("a field written with no value counts as left out")
    func nullOptionalField() throws {
        let file = try #require(read(minimalCase.replacingOccurrences(of: "name: Ava", with: "name: Ava\n    fullName:")).case?.file)
        #expect(file.children[0].fullName == nil)
    }

    @Test("scores go from 0 to 10 in halves", arguments: [("0", true), ("6.5", true), ("10", true), ("10.5", false), ("-1", false), ("7.3", false), ("\"7\"", false)])
    func scores(_ score: String, _ valid: Bool) {
        let text = minimalCase + """
            assessment:
              scaling:
                - id: safe
                  question: How safe is Ava?
                  zero: Ava cannot live at home
                  ten: Everyone knows Ava is safe
                  scores: [{person: mum, score: \(score)}]
            """
        #expect(read(text).isValid == valid)
    }

    @Test("partial dates are only allowed in timelines")
    func partialDates() {
        let timeline = minimalCase + "timeline:\n  events:\n    - {date: 2025-06, approximate: true, title: Moved house, kind: move}\n    - {date: 2024, title: Born, kind: other}\n"
        #expect(read(timeline).isValid)
        let caseDate = read(minimalCase.replacingOccurrences(of: "date: 2026-03-02", with: "date: 2026-03"))
        #expect(caseDate.errors.first?.path.description == "case.date")
        #expect(caseDate.errors.first?.message.contains("not a full date") == true)
    }

    @Test("ages are worked out from the case date")
    func ages() throws {
        let twins = minimalCase.replacingOccurrences(of: """
              - id: ava
                name: Ava
                dateOfBirth: 2020-01-15
            """, with: """
              - {id: ava, name: Ava, dateOfBirth: 2020-03-03}
              - {id: ben, name: Ben, dateOfBirth: 2020-03-02}
              - {id: cal, name: Cal, dateOfBirth: 2025-06-10}
              - {id: dot, name: Dot, expectedDate: 2026-07-01}
            """)
        let reading = read(twins)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        let ages = try #require(reading.case?.ages)
        #expect(ages["ava"] == .years(5), "turns 6 the day after the case date")
        #expect(ages["ben"] == .years(6))
        #expect(ages["cal"] == .months(8))
        #expect(ages["dot"] == .unborn(expected: CaseDate(year: 2026, month: 7, day: 1)))
    }

    @Test("references resolve to the person or child they name")
    func parties() throws {
        let found = try #require(read(minimalCase).case)
        guard case .person(let person)? = found.party("mum") else { Issue.record("mum is a person"); return }
        #expect(person.name == "Jo Reed")
        guard case .child(let child)? = found.party("ava") else { Issue.record("ava is a child"); return }
        #expect(child.name == "Ava")
        #expect(found.party("nobody") == nil)
    }

    @Test("warnings: a planned step in the past, a danger statement with no goal, a scale with no scores")
    func practiceWarnings() throws {
        let text = minimalCase + """
            assessment:
              dangerStatements:
                - id: worry-night
                  worriedPeople: [sw]
                  worry: Ava could be left alone at night
                  children: [ava]
              scaling:
                - {id: safe, question: How safe is Ava?, zero: Not safe, ten: Safe}
            timeline:
              journey:
                - {date: 2026-01-10, title: Network meeting, status: planned}
            """
        let reading = read(text)
        #expect(reading.isValid)
        #expect(reading.case != nil, "warnings do not stop a render")
        #expect(reading.warnings.map(\.path.description) == ["assessment.dangerStatements[0]", "assessment.scaling[0]", "timeline.journey[0].status"])
        #expect(reading.warnings.map { $0.location?.line } == [23, 28, 31], "each warning points at the item's first line")
    }

    @Test("warnings are still given for sections without errors")
    func warningsBesideErrors() {
        let text = minimalCase.replacingOccurrences(of: "kind: parent", with: "kind: mother") + "timeline:\n  journey:\n    - {date: 2026-01-10, title: Meeting, status: planned}\n"
        let reading = read(text)
        #expect(reading.errors.map(\.path.description) == ["people[1].kind"])
        #expect(reading.warnings.map(\.path.description) == ["timeline.journey[0].status"])
    }

    @Test("unknown keys under extensions are ignored")
    func extensionsIgnored() {
        #expect(read(minimalCase + "extensions:\n  caseSystem: {anything: [1, 2, {goes: here}]}\n").diagnostics.isEmpty)
    }

    @Test("a text of 10,000 characters is allowed and one more is not")
    func textLimit() {
        let ok = read(minimalCase.replacingOccurrences(of: "name: Ava", with: "name: " + String(repeating: "a", count: 10_000)))
        #expect(ok.isValid)
        let long = read(minimalCase.replacingOccurrences(of: "name: Ava", with: "name: " + String(repeating: "é", count: 10_001)))
        #expect(long.errors.first?.path.description == "children[0].name")
        #expect(long.errors.first?.message.contains("10001 characters") == true)
    }
}

@Suite("Hostile and unusual files")
struct HostileInputTests {
    @Test("Windows line endings and a byte-order mark are fine")
    func crlfAndBOM() {
        let text = "\u{FEFF}" + minimalCase.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(read(text).diagnostics.isEmpty)
    }

    @Test("a file saved as UTF-16 is refused with a plain reason")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(minimalCase.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let reading = CaseReader.read(bytes: bytes, displayName: "a.yaml", folder: nil)
        #expect(reading.errors.first?.message.contains("UTF-16") == true)
    }

    @Test("JSON with tabs, escaped emoji and escaped slashes reads like any other JSON")
    func jsonEscapes() throws {
        let json = #"{"format": 1,"case": {"reference": "A\/1 \ud83d\ude00","localAuthority": "E","date": "2026-03-02","worker": "sw"},"#
            + "\n\t\"children\": [{\"id\": \"a\", \"name\": \"Zo\\u00eb\\t\", \"dateOfBirth\": \"2020-01-01\"}],"
            + #""people": [{"id": "sw", "name": "S", "relationship": "Social worker", "kind": "professional", "organisation": "E"}]}"#
        let file = try #require(read(json, name: "a.json").case?.file)
        #expect(file.case.reference == "A/1 😀")
        #expect(file.children[0].name == "Zoë\t")
    }

    @Test("a file over 20 MB is refused before it is parsed")
    func sizeLimit() {
        let bytes = Array(minimalCase.utf8) + Array(repeating: UInt8(ascii: "#"), count: 20 * 1024 * 1024)
        let reading = CaseReader.read(bytes: bytes, displayName: "big.yaml", folder: nil)
        #expect(reading.errors.first?.message.contains("at most 20 MB") == true)
    }

    @Test("a YAML alias bomb fails on the alias that makes it too big")
    func aliasBomb() {
        var text = "format: 1\nextensions:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let reading = read(text)
        #expect(reading.errors.count == 1)
        #expect(reading.errors.first?.message.contains("alias bomb") == true)
    }

    @Test("a few aliases in a real file are fine")
    func modestAliases() {
        let text = minimalCase + "timeline:\n  events:\n    - {date: 2025-01-01, title: &t Visit, kind: service}\n    - {date: 2025-02-01, title: *t, kind: service}\n"
        #expect(read(text).isValid)
    }

    @Test("a mapping key that is itself a list is refused")
    func complexKey() {
        let reading = read("format: 1\n? [a, b]\n: c\n")
        #expect(reading.errors.first?.message.contains("Keys must be single words") == true)
    }
}

@Suite("Picture files")
struct PictureFileTests {
    private func caseWithPicture(_ path: String) -> String {
        minimalCase.replacingOccurrences(of: "name: Ava\n", with: "name: Ava\n    picture: \(path)\n")
    }

    @Test("a picture inside the case folder is accepted")
    func inside() throws {
        let folder = try TemporaryFolder()
        try folder.write("pictures/ava.png", pngSignature)
        #expect(read(caseWithPicture("pictures/ava.png"), folder: folder.url).diagnostics.isEmpty)
    }

    @Test("a link that leads out of the case folder is refused")
    func symlinkOut() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.png", pngSignature)
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("ava.png"), withDestinationURL: outside.url.appendingPathComponent("secret.png"))
        let reading = read(caseWithPicture("ava.png"), folder: folder.url)
        #expect(reading.errors.first?.code == .pictureFile)
        #expect(reading.errors.first?.path.description == "children[0].picture")
        #expect(reading.errors.first?.message.contains("outside the case file's folder") == true)
    }

    @Test("a PNG named .jpg is refused")
    func mislabelled() throws {
        let folder = try TemporaryFolder()
        try folder.write("ava.jpg", pngSignature)
        let reading = read(caseWithPicture("ava.jpg"), folder: folder.url)
        #expect(reading.errors.first?.message.contains("named as a JPEG file but is a PNG file") == true)
    }

    @Test("an empty or unreadable picture file is refused")
    func emptyFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("ava.png", [])
        #expect(read(caseWithPicture("ava.png"), folder: folder.url).errors.first?.message.contains("empty file") == true)
    }

    @Test("a folder named like a picture is refused")
    func folderNotFile() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("ava.png"), withIntermediateDirectories: true)
        #expect(read(caseWithPicture("ava.png"), folder: folder.url).errors.first?.code == .pictureFile)
    }
}
