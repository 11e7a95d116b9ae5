import Foundation
import Testing
@testable import KinpressCase

/// Places in the repository the tests read from.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/KinpressCaseTests/Fixtures")
    static let invalidFixtures = fixtures.appendingPathComponent("invalid")
    static let sampleCases = root.appendingPathComponent("SampleCases")

    /// Every sample case file: one `.yaml`, `.yml` or `.json` per folder of `SampleCases/`.
    static func sampleFiles() -> [URL] {
        let folders = (try? FileManager.default.contentsOfDirectory(at: sampleCases, includingPropertiesForKeys: nil)) ?? []
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        }.sorted { $0.path < $1.path }
    }

    /// The rows of `Fixtures/invalid/expected.tsv`: each file's first error.
    static func invalidExpectations() -> [InvalidExpectation] {
        let text = (try? String(contentsOf: invalidFixtures.appendingPathComponent("expected.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return InvalidExpectation(file: columns[0], line: Int(columns[1]), path: columns[2] == "-" ? "" : columns[2], contains: columns[3])
        }
    }
}

struct InvalidExpectation: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int?
    var path: String
    var contains: String
    var testDescription: String { file }
}

/// Reads a case written in a test, as if it were a file called `name` in `folder`.
func read(_ text: String, name: String = "test.yaml", folder: URL? = nil) -> CaseReading {
    CaseReader.read(bytes: Array(text.utf8), displayName: name, folder: folder)
}

/// A small valid case that tests add to.
let minimalCase = """
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
    people:
      - id: sw
        name: Sam Okafor
        relationship: Social worker
        kind: professional
        organisation: Example Council
      - id: mum
        name: Jo Reed
        relationship: Ava's mum
        kind: parent

    """

/// A folder that is removed when the test ends.
struct TemporaryFolder: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
