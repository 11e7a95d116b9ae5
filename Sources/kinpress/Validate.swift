import ArgumentParser
import Foundation
import Kinpress

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check case files and list every problem, with its line and field.",
        discussion: "Prints 'ok' for a file with no errors. Exits with 0 when every file is valid, 1 when any file has errors (warnings do not count)."
    )

    @Argument(help: ArgumentHelp("Case files to check (.yaml, .yml or .json).", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("A council profile to check: a folder holding council.yaml and its logo.", valueName: "folder"))
    var council: String?

    @Flag(help: "Print the results as JSON, for other programs.")
    var json = false

    func validate() throws {
        guard !files.isEmpty || council != nil else { throw ValidationError("Name a case file to check, or a council profile with --council FOLDER") }
    }

    func run() throws {
        let profile = council.map { Kinpress.readCouncil(folder: URL(fileURLWithPath: $0), displayName: ($0 as NSString).appendingPathComponent("council.yaml")) }
        let readings = files.map(Kinpress.read)
        if json {
            print(try ValidationReport(files: files, readings: readings, council: profile).json())
        } else {
            if let profile {
                for diagnostic in profile.diagnostics { print(diagnostic) }
                print("\(profile.fileName): \(ValidationReport.summary(profile.diagnostics))")
            }
            for (file, reading) in zip(files, readings) {
                for diagnostic in reading.diagnostics { print(diagnostic) }
                print("\(file): \(ValidationReport.summary(reading))")
            }
        }
        if readings.contains(where: { !$0.isValid }) || profile?.isValid == false { throw ExitCode(1) }
    }
}
