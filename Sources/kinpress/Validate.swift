import ArgumentParser
import Foundation
import KinpressCase

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check case files and list every problem, with its line and field.",
        discussion: "Prints 'ok' for a file with no errors. Exits with 0 when every file is valid, 1 when any file has errors (warnings do not count)."
    )

    @Argument(help: ArgumentHelp("Case files to check (.yaml, .yml or .json).", valueName: "file"))
    var files: [String]

    @Flag(help: "Print the results as JSON, for other programs.")
    var json = false

    func run() throws {
        let readings = files.map { CaseReader.read(contentsOf: URL(fileURLWithPath: $0), displayName: $0) }
        if json {
            print(try ValidationReport(files: files, readings: readings).json())
        } else {
            for (file, reading) in zip(files, readings) {
                for diagnostic in reading.diagnostics { print(diagnostic) }
                print("\(file): \(Self.summary(reading))")
            }
        }
        if readings.contains(where: { !$0.isValid }) { throw ExitCode(1) }
    }

    static func summary(_ reading: CaseReading) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if reading.isValid {
            return reading.warnings.isEmpty ? "ok" : "ok, " + count(reading.warnings.count, "warning")
        }
        var text = count(reading.errors.count, "error")
        if !reading.warnings.isEmpty { text += ", " + count(reading.warnings.count, "warning") }
        return text
    }
}

/// The `--json` output of `kinpress validate`: one entry per file, in the order given.
struct ValidationReport: Encodable {
    struct File: Encodable {
        var file: String
        var valid: Bool
        var errors: Int
        var warnings: Int
        var problems: [Problem]
    }

    struct Problem: Encodable {
        var severity: Diagnostic.Severity
        var code: Diagnostic.Code
        var line: Int?
        var column: Int?
        var path: String
        var message: String
    }

    var valid: Bool
    var files: [File]

    init(files names: [String], readings: [CaseReading]) {
        files = zip(names, readings).map { name, reading in
            File(file: name, valid: reading.isValid, errors: reading.errors.count, warnings: reading.warnings.count,
                 problems: reading.diagnostics.map {
                     Problem(severity: $0.severity, code: $0.code, line: $0.location?.line, column: $0.location?.column, path: $0.path.description, message: $0.message)
                 })
        }
        valid = files.allSatisfy(\.valid)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
