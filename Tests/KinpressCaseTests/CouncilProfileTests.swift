import Foundation
import Testing
@testable import KinpressCase

/// Council profiles (`council.yaml`): read and checked like a case file, every problem at its
/// line and field; the examples in `Templates/councils`.
@Suite("Council profiles")
struct CouncilProfileTests {
    static let examples = Repository.root.appendingPathComponent("Templates/councils")
    static let fixtures = Repository.fixtures.appendingPathComponent("councils")

    @Test("each example council reads without a problem and fills in every key", arguments: ["harbourside", "northmoor"])
    func example(_ name: String) throws {
        let reading = CouncilProfile.read(folder: Self.examples.appendingPathComponent(name))
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        let profile = try #require(reading.profile)
        #expect(!profile.matches.isEmpty && profile.logo != nil && profile.logoDescription != nil && profile.accent != nil)
        #expect(profile.contact?.phone != nil && profile.outOfHours?.phone != nil && profile.complaints != nil && profile.advocacy?.name != nil)
        #expect(profile.otherFormats != nil && profile.returnAddress != nil && profile.bankHolidays == .region("england-and-wales"))
        let logo = try #require(reading.logoFile)
        #expect(FileManager.default.fileExists(atPath: logo.path))
    }

    @Test("a profile needs only a name")
    func fewest() throws {
        let reading = CouncilProfile.read(folder: Self.fixtures.appendingPathComponent("fewest"))
        let profile = try #require(reading.profile)
        #expect(reading.diagnostics.isEmpty)
        #expect(profile.name == "Fewfield Council" && profile.matches.isEmpty && profile.logo == nil && profile.contact == nil)
        #expect(!profile.serves("Fewfield Council"), "a profile with no matches is used only when given with --council")
    }

    @Test("a broken profile names each problem's line and field, and gives no profile", arguments: [
        ("missing-logo", 3, "logo", "no picture file at crest.png"),
        ("remote-logo", 2, "logo", "is a web address"),
        ("low-contrast", 2, "accent", "contrast is 2.2:1"),
        ("unknown-key", 4, "contact.fax", "is not a field of a contact"),
        ("no-description", 1, "logoDescription", "needs logoDescription"),
        ("bad-holidays", 2, "bankHolidays", "england-and-wales, scotland, northern-ireland"),
    ])
    func broken(_ folder: String, _ line: Int, _ field: String, _ words: String) throws {
        let reading = CouncilProfile.read(folder: Self.fixtures.appendingPathComponent(folder), displayName: "council.yaml")
        #expect(reading.profile == nil)
        let first = try #require(reading.errors.first)
        #expect(first.location?.line == line && first.path.description == field && first.message.contains(words), "\(first)")
        #expect(!first.message.contains("extensions"), "a profile has no extensions to suggest")
    }

    @Test("unknown keys are errors, each named, with the likely key suggested")
    func unknownKeys() {
        let reading = CouncilProfile.read(folder: Self.fixtures.appendingPathComponent("unknown-key"))
        #expect(reading.errors.map(\.path.description) == ["contact.fax", "logoDescripton"])
        #expect(reading.errors.last?.message.contains("Did you mean logoDescription?") == true)
    }

    @Test("a folder with no council.yaml says what a profile is")
    func missing() {
        let reading = CouncilProfile.read(folder: Self.fixtures.appendingPathComponent("no-such-council"))
        #expect(reading.profile == nil && reading.errors.first?.message.contains("there is no such folder") == true)
    }

    @Test("contrast on white follows WCAG 2: the limit falls between #767676 and #777777")
    func contrast() throws {
        #expect(try #require(Colour(hex: "#000000")).contrastOnWhite == 21)
        #expect(abs(try #require(Colour(hex: "#ffffff")).contrastOnWhite - 1) < 1e-9)
        #expect(try #require(Colour(hex: "#767676")).contrastOnWhite >= 4.5)
        #expect(try #require(Colour(hex: "#777777")).contrastOnWhite < 4.5)
        #expect(Colour(hex: "1d5c8c") == nil && Colour(hex: "#1d5c8") == nil && Colour(hex: "#zzzzzz") == nil)
    }
}
