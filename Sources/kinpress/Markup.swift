import ArgumentParser
import Foundation
import Kinpress

/// Options every command that makes a document shares.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The case file (.yaml, .yml or .json).", valueName: "case"))
    var caseFile: String

    @Option(help: "The document: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var document: DocumentKind

    @Option(name: [.customLong("audience"), .customLong("reader")],
            help: "Who it is for: family, professional, child or network, the safety network (words-and-pictures, three-houses, safety-house: child; network-pack: network; others: family).")
    var audienceChoice: Audience?

    /// The reader: as given, or the document's own default.
    var audience: Audience { audienceChoice ?? document.defaultAudience }

    @Option(help: ArgumentHelp("One child's own documents (three-houses, safety-house, a child's safety-plan): the child's id. Without it, every child's, each on pages of their own.",
                               valueName: "id"))
    var child: String?

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var council: CouncilOption

    /// Reads the case file; prints its problems and stops with status 1 when it has errors.
    func read() throws -> CaseReading {
        try readCaseFile(caseFile)
    }

    func kinpress() throws -> Kinpress {
        try council.apply(to: templates.kinpress())
    }
}

/// `--templates`, for every command that reads the templates.
struct TemplatesOption: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp("A templates folder to use instead of Kinpress's own.", valueName: "folder"))
    var given: String?

    /// The templates folder in use: the one given, or Kinpress's own.
    func folder() throws -> URL {
        guard let folder = given.map({ URL(fileURLWithPath: $0) }) ?? Kinpress.resourcesFolder()?.appendingPathComponent("Templates") else {
            throw ValidationError("cannot find Kinpress's Templates folder: not in KINPRESS_HOME (when set), not in share/kinpress beside the program, not in the current folder. Run scripts/install, or set KINPRESS_HOME to the folder holding Templates and Fonts")
        }
        return folder
    }

    /// Kinpress with these templates (and its own fonts). `everyLanguage`: read and check every
    /// string catalogue now (a service, which starts once); otherwise a command reads English now
    /// and the case's language when it first needs it.
    func kinpress(everyLanguage: Bool = false) throws -> Kinpress {
        try loadKinpress(templates: given, everyLanguage: everyLanguage)
    }
}

/// `--council`, for every command that prints cases.
struct CouncilOption: ParsableArguments {
    @Option(name: .customLong("council"), help: ArgumentHelp(
        "The council profile to print with: a folder holding council.yaml and its logo. Without it, the profile in the templates' councils/ whose matches hold the case's localAuthority.",
        valueName: "folder"))
    var folder: String?

    /// `kinpress` printing with the council given; a profile with errors prints them and stops
    /// with status 1 before anything is made.
    func apply(to kinpress: Kinpress) throws -> Kinpress {
        guard let folder else { return kinpress }
        let reading = Kinpress.readCouncil(folder: URL(fileURLWithPath: folder), displayName: (folder as NSString).appendingPathComponent("council.yaml"))
        var standardError = FileHandle.standardError
        for diagnostic in reading.diagnostics { print(diagnostic, to: &standardError) }
        guard reading.isValid else { throw ExitCode(1) }
        var kinpress = kinpress
        kinpress.council = reading
        return kinpress
    }
}

/// Reads a case file; prints its problems and stops with status 1 when it has errors.
func readCaseFile(_ path: String) throws -> CaseReading {
    let reading = Kinpress.read(path)
    var standardError = FileHandle.standardError
    for diagnostic in reading.diagnostics { print(diagnostic, to: &standardError) }
    guard reading.case != nil else { throw ExitCode(1) }
    return reading
}

/// Loads Kinpress's templates (or the folder given) and fonts, or says what is wrong.
func loadKinpress(templates: String?, everyLanguage: Bool = false) throws -> Kinpress {
    guard let resources = Kinpress.resourcesFolder() else {
        throw ValidationError("cannot find Kinpress's Templates and Fonts folders: not in KINPRESS_HOME (when set), not in share/kinpress beside the program, not in the current folder. Run scripts/install, or set KINPRESS_HOME to the folder holding Templates and Fonts")
    }
    return try reporting { try Kinpress(resources: resources, templates: templates.map { URL(fileURLWithPath: $0) }, everyLanguage: everyLanguage) }
}

/// Runs `body`; prints a failure for the user and exits with status 1.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        var standardError = FileHandle.standardError
        print(error, to: &standardError)
        throw ExitCode(1)
    }
}

/// Runs `body`, which makes something of a case; a failure is printed for the user and ends
/// the command with the failure's exit code.
func making<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as RenderFailure {
        throw failed(failure)
    }
}

/// Prints a failure for the user; the exit code to end the command with.
func failed(_ failure: RenderFailure) -> ExitCode {
    var standardError = FileHandle.standardError
    print(failure, to: &standardError)
    return ExitCode(failure.exitCode)
}

/// Prints warnings about what was made (each at its line in the case file).
func warn(_ warnings: [Finding]) {
    var standardError = FileHandle.standardError
    for warning in warnings { print(warning, to: &standardError) }
}

extension DocumentKind: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}

struct Markup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markup",
        abstract: "Print the markup a document's template writes for a case (for template authors)."
    )

    @OptionGroup var options: DocumentOptions

    func run() throws {
        let reading = try options.read()
        let kinpress = try options.kinpress()
        let made = try making { try kinpress.markup(options.document, of: reading, for: options.audience, child: options.child) }
        print(made.markup)
        if let problem = made.problem { throw failed(problem) }
    }
}
