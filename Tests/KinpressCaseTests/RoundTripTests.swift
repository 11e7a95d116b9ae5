import Foundation
import Testing
import Yams
@testable import KinpressCase

/// Property: any valid case, written out as JSON or YAML and read back, is the same case.
/// Cases are generated from seeds, so a failure names the seed that reproduces it.
@Suite("Round trips")
struct RoundTripTests {
    @Test("decode → encode → decode gives the same case, in JSON and in YAML", arguments: 0..<200)
    func roundTrip(seed: Int) throws {
        var generator = CaseGenerator(seed: UInt64(seed))
        let file = generator.caseFile()
        let expected = Case(file: file, folder: nil).file

        let json = try JSONEncoder().encode(file)
        let fromJSON = CaseReader.read(bytes: Array(json), displayName: "seed-\(seed).json", folder: nil)
        #expect(fromJSON.diagnostics.filter { $0.severity == .error }.isEmpty, "\(fromJSON.errors.map(\.description))")
        #expect(fromJSON.case?.file == expected)

        let yaml = try YAMLEncoder().encode(file)
        let fromYAML = CaseReader.read(bytes: Array(yaml.utf8), displayName: "seed-\(seed).yaml", folder: nil)
        #expect(fromYAML.errors.isEmpty, "\(fromYAML.errors.map(\.description))")
        #expect(fromYAML.case?.file == expected)
    }
}

