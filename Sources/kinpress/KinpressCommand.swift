import ArgumentParser
import Foundation

/// `kinpress`: plain-language documents for families from Signs of Safety case files.
@main
struct KinpressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinpress",
        abstract: "Turn a child-protection case file into plain-language documents for families.",
        discussion: """
            Kinpress reads case files (JSON or YAML, format 1) written by case-management systems \
            or by hand. It is compatible with Signs of Safety practice; "Signs of Safety" is a \
            trade mark of its owner.
            """,
        version: "0.1.0",
        subcommands: [Validate.self, Lint.self, Render.self, Pack.self, Letters.self, BatchCommand.self, Markup.self, Pictograms.self, Schema.self, Benchmark.self, Serve.self]
    )

    /// Exit codes: 0 all good, 1 a case file has errors, 2 the command itself was mistyped.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var serving = command as? AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                var standardError = FileHandle.standardError
                print(fullMessage(for: error), to: &standardError)
                print("Run 'kinpress --help' to see the commands.", to: &standardError)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(string.utf8))
    }
}
