import Foundation
import Testing
@testable import KinpressCase

/// Each file in `Fixtures/invalid` has one defect; `expected.tsv` says where its first error is.
@Suite("Invalid case files")
struct InvalidFixtureTests {
    @Test("the corpus is large enough to mean something")
    func corpusSize() {
        #expect(Repository.invalidExpectations().count >= 30)
    }

    @Test("each invalid file's first error names the right line and field", arguments: Repository.invalidExpectations())
    func firstError(_ expected: InvalidExpectation) throws {
        let url = Repository.invalidFixtures.appendingPathComponent(expected.file)
        let reading = CaseReader.read(contentsOf: url, displayName: expected.file)
        #expect(!reading.isValid)
        #expect(reading.case == nil)
        let first = try #require(reading.errors.first)
        #expect(first.location?.line == expected.line, "\(first)")
        #expect(first.path.description == expected.path, "\(first)")
        #expect(first.message.lowercased().contains(expected.contains.lowercased()), "\(first)")
        #expect(first.description.hasPrefix(expected.file), "the problem names the file")
    }
}
