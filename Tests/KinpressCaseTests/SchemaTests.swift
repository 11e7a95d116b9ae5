import Foundation
import Testing
@testable import KinpressCase

/// The JSON Schema is written from the same shapes as the checker. These tests keep the
/// committed copy equal to it, and check that an independent validator (Python's jsonschema)
/// and Kinpress agree on every sample and invalid fixture wherever a schema can say the rule.
@Suite("JSON Schema")
struct SchemaTests {
    static let committedSchema = Repository.root.appendingPathComponent("schema/case-format-1.schema.json")

    /// Problems a JSON Schema cannot express: they need the whole file, or the file system, or a calendar.
    static let beyondSchema: Set<Diagnostic.Code> = [.duplicateID, .unresolvedReference, .pictureFile, .impossibleDate]

    @Test("the committed schema is the one Kinpress prints")
    func committedCopy() throws {
        let committed = try String(contentsOf: Self.committedSchema, encoding: .utf8)
        #expect(committed == CaseFormatSchema.json(), "run: kinpress schema > schema/case-format-1.schema.json")
    }

    @Test("the schema describes every field of the format and forbids others")
    func schemaShape() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(CaseFormatSchema.json().utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect(Set(schema["required"] as? [String] ?? []) == ["format", "case", "children"])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for name in ["case", "child", "person", "statement", "dangerStatement", "safetyGoal", "rule", "event", "milestone", "story", "page", "meeting", "contact"] {
            #expect(definitions[name] != nil, "$defs has \(name)")
        }
    }

    @Test("an independent validator agrees with Kinpress on every sample and invalid file")
    func independentValidatorAgrees() throws {
        var files: [(url: URL, reading: CaseReading)] = Repository.sampleFiles().map { ($0, CaseReader.read(contentsOf: $0)) }
        for expectation in Repository.invalidExpectations() {
            let url = Repository.invalidFixtures.appendingPathComponent(expectation.file)
            let reading = CaseReader.read(contentsOf: url, displayName: expectation.file)
            // Files that are not JSON or YAML at all (or are hostile to any parser) are not a schema's business.
            if reading.errors.contains(where: { $0.code == .unreadable }) { continue }
            files.append((url, reading))
        }
        #expect(files.count > 60)
        let verdicts = try PythonSchemaCheck.run(schema: Self.committedSchema, files: files.map(\.url))
        for (url, reading) in files {
            let verdict = try #require(verdicts[url.path], "the validator answered for \(url.lastPathComponent)")
            let codes = Set(reading.errors.map(\.code))
            if codes.isEmpty {
                #expect(verdict.valid, "\(url.lastPathComponent): Kinpress accepts it, the schema does not: \(verdict.errors)")
            } else if codes.isSubset(of: Self.beyondSchema) {
                #expect(verdict.valid, "\(url.lastPathComponent): its only problems are beyond a schema, yet the schema rejects it: \(verdict.errors)")
            } else {
                #expect(!verdict.valid, "\(url.lastPathComponent): Kinpress rejects it (\(reading.errors.first!)), the schema accepts it")
            }
        }
    }
}

/// Runs `Tests/tools/schema_check.py`. The test tools are installed by `make test` (and CI);
/// a missing Python or jsonschema fails the test rather than skipping it.
enum PythonSchemaCheck {
    struct Verdict: Decodable {
        var valid: Bool
        var errors: [String]
    }

    static func run(schema: URL, files: [URL]) throws -> [String: Verdict] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/tools/schema_check.py").path, schema.path] + files.map(\.path)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CheckFailed(message: "schema_check.py failed (is jsonschema installed? run make test-tools): \(problems)")
        }
        return try JSONDecoder().decode([String: Verdict].self, from: data)
    }

    struct CheckFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
