import Foundation
import Testing
import Yams
@testable import KinpressCase

/// Property: any valid case, written out as JSON or YAML and read back, is the same case — but
/// for the one change reading makes to texts, pairing direction marks (`FormatChecker.printable`),
/// which a second round trip leaves alone. Cases are generated from seeds, so a failure names the
/// seed that reproduces it.
@Suite("Round trips")
struct RoundTripTests {
    @Test("decode → encode → decode gives the same case, in JSON and in YAML", arguments: 0..<200)
    func roundTrip(seed: Int) throws {
        var generator = CaseGenerator(seed: UInt64(seed))
        let file = generator.caseFile()

        let fromJSON = CaseReader.read(bytes: Array(try JSONEncoder().encode(file)), displayName: "seed-\(seed).json", folder: nil)
        #expect(fromJSON.errors.isEmpty, "\(fromJSON.errors.map(\.description))")
        let read = try #require(fromJSON.case?.file)
        #expect(try Self.withoutDirectionMarks(read) == Self.withoutDirectionMarks(file), "reading changed more than direction marks")

        let again = CaseReader.read(bytes: Array(try JSONEncoder().encode(read)), displayName: "seed-\(seed)-again.json", folder: nil)
        #expect(again.case?.file == read)

        let fromYAML = CaseReader.read(bytes: Array(try YAMLEncoder().encode(file).utf8), displayName: "seed-\(seed).yaml", folder: nil)
        #expect(fromYAML.errors.isEmpty, "\(fromYAML.errors.map(\.description))")
        #expect(fromYAML.case?.file == read)
    }

    @Test("reading pairs direction marks in a text: an open override is closed inside its own field, a stray closing mark dropped")
    func directionMarks() {
        #expect(FormatChecker.printable("\u{202E}reversed") == "\u{202E}reversed\u{202C}")
        #expect(FormatChecker.printable("name\u{2069} after") == "name after")
        #expect(FormatChecker.printable("\u{2067}\u{202E}x\u{2069}") == "\u{2067}\u{202E}x\u{202C}\u{2069}")
        #expect(FormatChecker.printable("plain text") == "plain text")
    }

    /// The case as JSON without any direction mark.
    static func withoutDirectionMarks(_ file: CaseFile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(file), as: UTF8.self)
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value) }))
    }
}
