import ArgumentParser
import Foundation
import Kinpress

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
        let readings = files.map(Kinpress.read)
        if json {
            print(try ValidationReport(files: files, readings: readings).json())
        } else {
            for (file, reading) in zip(files, readings) {
                for diagnostic in reading.diagnostics { print(diagnostic) }
                print("\(file): \(ValidationReport.summary(reading))")
            }
        }
        if readings.contains(where: { !$0.isValid }) { throw ExitCode(1) }
    }
}
