import Foundation
import Testing

/// Every file in `Fixtures/hostile` rendered by the `kinpress` program as the manifest
/// (`expected.tsv`) says: hostile text shown as text, or a clear error and no file — within a
/// time limit. Inputs a fuzzer once crashed on (`Fixtures/fuzz-crashes`) are read too.
@Suite("Hostile input")
struct HostileCorpusTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        var file: String
        var document: String
        var outcome: String
        var detail: String
        var testDescription: String { file }
    }

    static let folder = Repository.root.appendingPathComponent("Tests/KinpressCaseTests/Fixtures/hostile")
    /// The `kinpress` program built beside this test runner.
    static let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kinpress")

    static func kinpress(_ arguments: String...) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: said, as: UTF8.self))
    }

    static let entries: [Entry] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return fields.count >= 4 ? Entry(file: fields[0], document: fields[1], outcome: fields[2], detail: fields[3]) : nil
        }
    }()

    @Test("the corpus has at least 60 files, each with its expected outcome")
    func corpus() {
        #expect(Self.entries.count >= 60)
        for entry in Self.entries {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(entry.file).path) || entry.file.contains("gone"),
                    "\(entry.file) is there")
            #expect(["render", "error"].contains(entry.outcome), "\(entry.file): outcome")
        }
    }

    @Test("each hostile file ends as expected, in bounded time, with no partial output", arguments: entries)
    func hostile(_ entry: Entry) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("out.html")
        let started = Date()
        let run = try Self.kinpress("render", Self.folder.appendingPathComponent(entry.file).path, "--document", entry.document,
                                                "--audience", "professional", "--format", "html", "--output", output.path)
        #expect(Date().timeIntervalSince(started) < 60, "\(entry.file) took too long")
        #expect(run.status < 2 || (run.status == 2 && entry.outcome == "error"), "\(entry.file): no crash (status \(run.status)): \(run.errors.prefix(300))")
        switch entry.outcome {
        case "render":
            #expect(run.status == 0, "\(entry.file): \(run.errors.prefix(300))")
            let page = try HTMLPage(Array(Data(contentsOf: output)))
            #expect(page.all("script").isEmpty && page.elements.allSatisfy { !$0.attributes.keys.contains { $0.hasPrefix("on") } },
                    "\(entry.file): nothing that runs")
            // Filled-in values are wrapped in isolates: compare without them.
            let shown = String(page.text.unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) }.map(Character.init))
            // Compared code point by code point (a run of combining marks is one letter to Swift).
            if entry.detail != "-" { #expect(shown.range(of: entry.detail, options: .literal) != nil, "\(entry.file): \(entry.detail) is shown as text") }
        default:
            #expect(run.status == 1, "\(entry.file): refused")
            #expect(run.errors.lowercased().contains(entry.detail.lowercased()), "\(entry.file): the error says \(entry.detail): \(run.errors.prefix(300))")
            #expect(!FileManager.default.fileExists(atPath: output.path), "\(entry.file): no file")
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
        #expect(left.allSatisfy { !$0.hasSuffix(".partial") })
    }

    @Test("inputs a fuzzer found are read without a crash")
    func fuzzFindings() throws {
        let found = Repository.root.appendingPathComponent("Tests/KinpressCaseTests/Fixtures/fuzz-crashes")
        // The folder scripts/fuzz saves findings in: if it moves, this test must say so, not pass on nothing.
        let files = try FileManager.default.contentsOfDirectory(atPath: found.path)
        #expect(files.contains("README.md"))
        for file in files where !file.hasPrefix(".") && file != "README.md" {
            let run = try Self.kinpress("validate", found.appendingPathComponent(file).path)
            #expect(run.status == 0 || run.status == 1, "\(file): \(run.errors.prefix(200))")
        }
    }
}
